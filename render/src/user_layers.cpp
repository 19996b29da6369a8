// SPDX-License-Identifier: GPL-3.0-or-later
// The user's own layers (--layer), drawn from the frame's user features: kept apart from the
// rest of map_renderer.cpp.
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
        triangles_.clear();
        const sf::Color edge = style::user_colour(layer.style.rgb);
        const float width = static_cast<float>(layer.style.width) * ui;
        for (const auto& polygon : feature.polygons) {
            for (const auto& ring : polygon.rings) {
                points.clear();
                for (const auto& p : ring) {
                    points.push_back(at(p));
                }
                points.push_back(points.front()); // the outline closes the ring
                append_polyline(triangles_, points, width, edge);
            }
        }
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
