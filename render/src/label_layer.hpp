#pragma once

// Text for the map: a cache of laid-out texts, the screen areas already taken, and the
// placement of the frame's labels around them (private to render/).

#include "map/label_placer.hpp"
#include "render/map_renderer.hpp"

#include <SFML/Graphics.hpp>
#include <map>
#include <string>
#include <vector>

namespace kuril::detail {

class LabelLayer {
public:
    explicit LabelLayer(const sf::Font& font) : font_(font) {}

    /// The cached text for `key`, updated to `content` and `size` when they changed.
    sf::Text& text(const std::string& key, const std::string& content, unsigned size);

    /// Starts a frame: only the obstacles are taken.
    void begin(const std::vector<ScreenRect>& obstacles);
    void occupy(const ScreenRect& rect) { occupied_.push_back(rect); }
    bool is_free(const ScreenRect& rect) const;

    /// Queues a label for placement (higher priority first); `feature` and `kind` are what it
    /// names, for placed().
    void request(sf::Text& text, sf::Vector2f anchor, int priority, std::string feature = {},
                 std::string kind = {});
    /// Records a label drawn outside place_and_draw (graticule labels).
    void record(const sf::Text& text, std::string feature, std::string kind);
    /// The labels drawn since begin(), in drawing order.
    const std::vector<DrawnLabel>& placed() const { return placed_; }
    /// Places the queued labels where they overlap nothing taken and draws them; returns how
    /// many were placed and how many hidden.
    std::pair<std::size_t, std::size_t> place_and_draw(sf::RenderTarget& target, double width,
                                                       double height);

private:
    struct Pending {
        sf::Text* text;
        sf::Vector2f anchor;
        int priority;
        std::string feature;
        std::string kind;
    };
    const sf::Font& font_;
    std::map<std::string, sf::Text> texts_;
    std::vector<ScreenRect> occupied_;
    std::vector<Pending> pending_;
    std::vector<DrawnLabel> placed_;
};

} // namespace kuril::detail
