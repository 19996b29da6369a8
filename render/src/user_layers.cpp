// SPDX-License-Identifier: GPL-3.0-or-later
// The user's own layers (--layer), drawn from the frame's user features: kept apart from the
// rest of map_renderer.cpp.
#include "map_space.hpp"
#include "render/map_renderer.hpp"
#include "render/polyline.hpp"
#include "render/style.hpp"
#include "render/vector_capture.hpp"

#include <algorithm>
#include <cmath>

namespace kuril {

void MapRenderer::draw_user_layers(sf::RenderTarget& target, const MapFrame& frame) {
    if (frame.user_features.empty()) {
        return;
    }
    const MapView& view = frame.view;
    const float ui = static_cast<float>(frame.state.ui_scale);
    const sf::View screen_view = target.getView(); // the screen view of this draw (and tile)
    const auto at = [&](geo::Point p) {
        const geo::Point s = view.map_to_screen(p);
        return sf::Vector2f(static_cast<float>(s.x), static_cast<float>(s.y));
    };
    std::vector<sf::Vector2f> points;
    const geo::Box visible = detail::visible_map_box(view, tile_);
    // Areas: each feature's polygons filled even-odd (holes stay open) from their triangulated
    // levels of detail, then outlined; one feature at a time, so that overlapping features each
    // show.
    for (const auto& shown : frame.user_features) {
        const SceneUserLayer& layer = scene_.user_layers[shown.layer];
        const UserFeature& feature = layer.features[shown.feature];
        if (!feature.shapes) {
            continue;
        }
        target.setView(map_space_view(view));
        fill_sets(target, {feature.shapes.get()}, view,
                  style::user_colour(layer.style.rgb, style::user_fill_alpha), nullptr);
        target.setView(screen_view);
        // The outline from the same level of detail as the fill, only where it meets the view:
        // a polygon of a million vertices is not walked again at every frame.
        triangles_.clear();
        detail::append_level_outlines(
            triangles_, feature.shapes->outlines_for(view.metres_per_pixel()), view, visible,
            static_cast<float>(layer.style.width) * ui, style::user_colour(layer.style.rgb));
        draw_recorded(target, triangles_, sf::Triangles);
    }
    // Lines, then points (a dot cased in white), over every area.
    triangles_.clear();
    for (const auto& shown : frame.user_features) {
        const SceneUserLayer& layer = scene_.user_layers[shown.layer];
        const UserFeature& feature = layer.features[shown.feature];
        for (const auto& line : feature.lines) {
            points.clear();
            for (const auto& p : line) {
                points.push_back(at(p));
            }
            append_polyline(triangles_, points, static_cast<float>(layer.style.width) * ui,
                            style::user_colour(layer.style.rgb));
        }
    }
    for (const auto& shown : frame.user_features) {
        const SceneUserLayer& layer = scene_.user_layers[shown.layer];
        const UserFeature& feature = layer.features[shown.feature];
        for (const auto& p : feature.points) {
            append_marker(triangles_, at(p), style::user_point_radius(layer.style.width, ui),
                          style::user_colour(layer.style.rgb));
        }
    }
    draw_recorded(target, triangles_, sf::Triangles);
}

} // namespace kuril
