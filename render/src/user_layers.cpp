// SPDX-License-Identifier: GPL-3.0-or-later
// The user's own layers (--layer), drawn from the frame's user features: kept apart from the
// rest of map_renderer.cpp.
#include "render/map_renderer.hpp"
#include "render/polyline.hpp"
#include "render/style.hpp"
#include "stencil_fill.hpp"

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
    // Areas: each feature's polygons filled even-odd (holes stay open) through the stencil, then
    // outlined; one feature at a time, so that overlapping features each show.
    for (const auto& shown : frame.user_features) {
        const SceneUserLayer& layer = scene_.user_layers[shown.layer];
        const UserFeature& feature = layer.features[shown.feature];
        if (feature.polygons.empty()) {
            continue;
        }
        scratch_.clear();
        cover_.clear();
        triangles_.clear();
        const sf::Color fill = style::user_colour(layer.style.rgb, style::user_fill_alpha);
        const sf::Color edge = style::user_colour(layer.style.rgb);
        const float width = static_cast<float>(layer.style.width) * ui;
        sf::Vector2f low(1e30f, 1e30f);
        sf::Vector2f high(-1e30f, -1e30f);
        for (const auto& polygon : feature.polygons) {
            for (const auto& ring : polygon.rings) {
                points.clear();
                for (const auto& p : ring) {
                    points.push_back(at(p));
                    low = {std::min(low.x, points.back().x), std::min(low.y, points.back().y)};
                    high = {std::max(high.x, points.back().x), std::max(high.y, points.back().y)};
                }
                for (std::size_t i = 1; i + 1 < points.size(); ++i) {
                    scratch_.emplace_back(points[0]);
                    scratch_.emplace_back(points[i]);
                    scratch_.emplace_back(points[i + 1]);
                }
                points.push_back(points.front()); // the outline closes the ring
                append_polyline(triangles_, points, width, edge);
            }
        }
        const float x0 = std::max(0.f, std::floor(low.x) - 1);
        const float y0 = std::max(0.f, std::floor(low.y) - 1);
        const float x1 = std::min(static_cast<float>(view.width_px()), std::ceil(high.x) + 1);
        const float y1 = std::min(static_cast<float>(view.height_px()), std::ceil(high.y) + 1);
        if (x1 > x0 && y1 > y0 && !scratch_.empty()) {
            for (const auto& corner :
                 {sf::Vector2f(x0, y0), sf::Vector2f(x1, y0), sf::Vector2f(x0, y1),
                  sf::Vector2f(x1, y0), sf::Vector2f(x1, y1), sf::Vector2f(x0, y1)}) {
                cover_.emplace_back(corner, fill);
            }
            detail::stencil_fill(target, screen_view, scratch_, screen_view, cover_, nullptr);
            target.setView(screen_view);
        }
        target.draw(triangles_.data(), triangles_.size(), sf::Triangles);
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
            append_marker(triangles_, at(p), (2.5f + static_cast<float>(layer.style.width)) * ui,
                          style::user_colour(layer.style.rgb));
        }
    }
    target.draw(triangles_.data(), triangles_.size(), sf::Triangles);
}

} // namespace kuril
