// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Text for the map: a cache of laid-out texts, the screen areas already taken, and the
// placement of the frame's labels around them (private to render/). Placement is decided by
// map/label_placer; this layer measures, places, draws and reports what it drew.

#include "map/label_placer.hpp"

#include <SFML/Graphics.hpp>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace kuril::detail {

class LabelLayer {
public:
    explicit LabelLayer(const sf::Font& font) : font_(font) {}

    /// The cached text for `key`, updated to `content` and `size` when they changed.
    sf::Text& text(const std::string& key, const std::string& content, unsigned size);

    /// Starts a frame: only the obstacles are taken.
    void begin(const std::vector<ScreenRect>& obstacles);
    /// Takes an area no label may cover (furniture, a graticule label).
    void occupy(const ScreenRect& rect) { occupied_.push_back(rect); }
    /// Takes an area only essential labels may cover (an event marker).
    void occupy_softly(const ScreenRect& rect) { soft_.push_back(rect); }
    /// Whether an area is free of obstacles and placed labels.
    bool is_free(const ScreenRect& rect) const;

    /// Styles a text for the map and returns the box it takes (with its halo), in pixels.
    static std::array<double, 2> measure(sf::Text& text);

    /// One text a label may show (a size, a script).
    struct Variant {
        sf::Text* text = nullptr;
        std::string content;
        sf::Color fill = sf::Color(30, 30, 30); ///< the text's colour (style::text by default)
    };
    /// Queues a label: its variants (indexed by its candidates' `variant`), the request with its
    /// candidates, and what the manifest reports.
    void request(std::vector<Variant> variants, LabelRequest request, LabelKind kind,
                 std::string feature);
    /// Places the queued labels (see place_labels); placed ones take their areas. Returns how
    /// many were placed and how many hidden.
    std::pair<std::size_t, std::size_t> place(double width, double height, const LandMask* land);
    /// Draws the placed labels and their leader lines.
    void draw(sf::RenderTarget& target, float ui_scale);

    /// Records a label drawn outside the placement (a graticule label) for the report.
    void report(PlacedMapLabel label) { placed_.push_back(std::move(label)); }
    /// Every label drawn since `begin`.
    const std::vector<PlacedMapLabel>& placed() const { return placed_; }

private:
    struct Pending {
        std::vector<Variant> variants;
        LabelRequest request;
        LabelKind kind = LabelKind::place;
        std::string feature;
    };
    struct Drawn {
        sf::Text* text = nullptr;
        PlacedLabel placement;
        sf::Color fill;
    };
    const sf::Font& font_;
    std::map<std::string, sf::Text> texts_;
    std::vector<ScreenRect> occupied_;
    std::vector<ScreenRect> soft_;
    std::vector<Pending> pending_;
    std::vector<Drawn> drawn_;
    std::vector<PlacedMapLabel> placed_;
};

} // namespace kuril::detail
