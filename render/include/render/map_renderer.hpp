// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "map/label_placer.hpp"
#include "map/map_frame.hpp"
#include "map/map_furniture.hpp"
#include "map/map_scene.hpp"
#include "map/map_state.hpp"
#include "map/map_view.hpp"

#include <SFML/Graphics.hpp>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kuril {

/// Draws a MapScene with SFML: fills from the levels of detail's cached triangulations (one
/// pass, no stencil), culled to the view at a level suited to the zoom, then lines, markers and
/// labels in screen space.
namespace detail {
class LabelLayer;
}

class MapRenderer {
public:
    MapRenderer(const MapScene& scene, const sf::Font& font);
    ~MapRenderer();
    MapRenderer(const MapRenderer&) = delete;
    MapRenderer& operator=(const MapRenderer&) = delete;

    /// Draws a frame and the map's own furniture (graticule labels, scale bar, north arrow,
    /// inset). `obstacles` are screen areas labels must avoid (panels). With `tile`, the target
    /// holds only that pixel rectangle of the view's full image (exports larger than a
    /// texture): everything is laid out for the full image, so stitched tiles equal one pass.
    /// With `area` (pixels of the target), the view (or the tile) is drawn into that rectangle
    /// only and nothing outside it is touched: one half of a compare view, beside the other.
    void draw(sf::RenderTarget& target, const MapFrame& frame,
              const std::vector<ScreenRect>& obstacles = {},
              std::optional<sf::FloatRect> tile = std::nullopt,
              std::optional<sf::IntRect> area = std::nullopt);
    /// Builds the frame of `state` in `view` and draws it.
    void draw(sf::RenderTarget& target, const MapView& view, const MapState& state,
              const std::vector<ScreenRect>& obstacles = {},
              std::optional<sf::FloatRect> tile = std::nullopt,
              std::optional<sf::IntRect> area = std::nullopt);

    /// Draws one small shape of each kind a map frame draws (fills and lines, opaque and
    /// translucent, flat-shaded; a pattern; text and translucent shapes as the UI draws them)
    /// into `target` and clears it again: a software OpenGL (llvmpipe) compiles the code for
    /// each kind on its first use, about 15 ms in all, which then falls in this call (made
    /// while the data load) instead of the first frame. The target shows `background` after.
    static void warm_up_driver(sf::RenderTarget& target, const sf::Font& font,
                               sf::Color background);

    /// Called as draw() ends each of its stages, with the stage's name ("clear", "land and
    /// lakes", "status", ..., "furniture"): the frame benchmark finishes the rasteriser's work
    /// there and times each stage (`FRAME_BENCH_STAGES`). None by default.
    void set_stage_hook(std::function<void(std::string_view stage)> hook) {
        stage_hook_ = std::move(hook);
    }

    struct Stats {
        std::size_t fill_vertices = 0;
        std::size_t outline_vertices = 0;
        std::size_t labels_placed = 0;
        std::size_t labels_hidden = 0;
    };
    const Stats& stats() const { return stats_; }
    /// The labels of the last draw (the whole image's, whatever the tile), as drawn: text,
    /// feature, kind, box and leader line (the export manifest's "labels").
    const std::vector<PlacedMapLabel>& placed_labels() const;

private:
    /// What is filled in the land's colour (see MapScene::land_outside_regions).
    std::vector<const PolygonSet*> land_fills(const MapFrame& frame) const;
    void fill_sets(sf::RenderTarget& target, const std::vector<const PolygonSet*>& sets,
                   const MapView& view, sf::Color color, const sf::Texture* pattern);
    void draw_outlines(sf::RenderTarget& target, const PolygonSet& set, const MapView& view,
                       sf::Color color, float width_px = 1.f);
    void prepare_patterns(float ui_scale);
    void draw_status(sf::RenderTarget& target, const MapFrame& frame);
    void draw_claim_outlines(sf::RenderTarget& target, const MapFrame& frame);
    void draw_graticule(sf::RenderTarget& target, const MapFrame& frame);
    void draw_graticule_labels(sf::RenderTarget& target, const MapFrame& frame);
    void draw_lines(sf::RenderTarget& target, const MapFrame& frame);
    void draw_borders(sf::RenderTarget& target, const MapFrame& frame);
    void draw_zones(sf::RenderTarget& target, const MapFrame& frame);
    void draw_events(sf::RenderTarget& target, const MapFrame& frame);
    /// The dots of the towns and capes whose names were placed.
    void draw_place_dots(sf::RenderTarget& target, const MapFrame& frame);
    /// The user's own layers (--layer; render/src/user_layers.cpp): areas translucent with an
    /// outline, then lines, then points, in each layer's colour. Through the screen view.
    void draw_user_layers(sf::RenderTarget& target, const MapFrame& frame);
    void place_labels(const MapFrame& frame);
    /// Places the off-map event markers along the edge, clear of the obstacles and the map's
    /// furniture, and queues their titles with the labels.
    void place_off_map_events(const MapFrame& frame, const MapView& view);
    void draw_measure(sf::RenderTarget& target, const MapView& view, const MapState& state);
    void draw_furniture(sf::RenderTarget& target, const MapFrame& frame,
                        const MapFurnitureLayout& layout);
    void draw_inset(sf::RenderTarget& target, const geo::Box& visible, const InsetLayout& layout);
    /// The inset's land, in its view `inset` (render/src/map_furniture.cpp).
    void draw_inset_land(sf::RenderTarget& target, const sf::View& inset);

    sf::Text& text(const std::string& key, const std::string& content, unsigned size);
    /// `view` mapped onto this draw's area of the target (the whole target without one).
    /// The view in map space (metres, y down) of this draw: its tile and area.
    sf::View map_space_view(const MapView& view) const;
    sf::View placed(sf::View view) const;

    void stage_done(std::string_view stage) const {
        if (stage_hook_) {
            stage_hook_(stage);
        }
    }

    const MapScene& scene_;
    const sf::Font& font_;
    std::function<void(std::string_view)> stage_hook_;
    std::unique_ptr<detail::LabelLayer> labels_;
    sf::Texture hatch_; ///< built at the frame's pixel scale (prepare_patterns)
    sf::Texture stripes_;
    std::unique_ptr<sf::RenderTexture> inset_land_; ///< the inset's land, drawn once
    std::vector<sf::Vertex> scratch_;               ///< reused every frame: memory stays flat
    std::vector<sf::Vertex> triangles_; ///< screen-space triangles (thick lines, markers)
    std::vector<sf::Vertex> thin_lines_;
    Stats stats_;
    std::optional<sf::FloatRect> tile_;
    std::optional<sf::FloatRect> viewport_; ///< this draw's area, as a fraction of the target
    std::vector<ScreenRect> hidden_; ///< the obstacles of this draw: land under them is hidden
    /// The land mask of the last view, kept while the view and its obstacles stay the same.
    const LandMask& land_mask(const MapView& view, double cell);
    std::optional<LandMask> land_mask_;
    struct LandKey {
        geo::Point center;
        double mpp = 0;
        double width = 0;
        double height = 0;
        double cell = 0;
        std::vector<ScreenRect> hidden;
    } land_key_;
    float pattern_scale_ = 0.f; ///< the UI scale the patterns were built for
    struct OffMapMarker {
        sf::Vector2f tip;
        sf::Vector2f marker;
        sf::Vector2f direction;
        bool selected = false;
    };
    std::vector<OffMapMarker> off_map_; ///< this draw's off-map markers, as placed
};

} // namespace kuril
