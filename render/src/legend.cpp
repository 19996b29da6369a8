// SPDX-License-Identifier: GPL-3.0-or-later
#include "render/legend.hpp"

#include "render/polyline.hpp"
#include "render/style.hpp"
#include "render/vector_capture.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

namespace kuril {
namespace {

void append_quad(std::vector<sf::Vertex>& v, sf::FloatRect q, sf::Color c) {
    v.emplace_back(sf::Vector2f(q.left, q.top), c);
    v.emplace_back(sf::Vector2f(q.left + q.width, q.top), c);
    v.emplace_back(sf::Vector2f(q.left, q.top + q.height), c);
    v.emplace_back(sf::Vector2f(q.left + q.width, q.top), c);
    v.emplace_back(sf::Vector2f(q.left + q.width, q.top + q.height), c);
    v.emplace_back(sf::Vector2f(q.left, q.top + q.height), c);
}

/// The part of a convex polygon where x + y >= c (sign 1) or x + y <= c (sign -1).
std::vector<sf::Vector2f> clip_diagonal(const std::vector<sf::Vector2f>& polygon, float c,
                                        float sign) {
    std::vector<sf::Vector2f> out;
    auto inside = [&](sf::Vector2f p) {
        return sign * (p.x + p.y - c) >= 0;
    };
    for (std::size_t i = 0; i < polygon.size(); ++i) {
        const sf::Vector2f a = polygon[i];
        const sf::Vector2f b = polygon[(i + 1) % polygon.size()];
        if (inside(a)) {
            out.push_back(a);
        }
        if (inside(a) != inside(b)) {
            const float t = (c - a.x - a.y) / (b.x + b.y - a.x - a.y);
            out.push_back(a + (b - a) * t);
        }
    }
    return out;
}

/// The map's diagonal pattern (pattern.hpp make_pattern: pixels where (x + y) mod period
/// < thickness, scaled as the map scales it), as bands clipped to the swatch.
void append_diagonal_pattern(std::vector<sf::Vertex>& v, sf::FloatRect swatch, float period,
                             float thickness, sf::Color colour) {
    const std::vector<sf::Vector2f> rect = {
        {swatch.left, swatch.top},
        {swatch.left + swatch.width, swatch.top},
        {swatch.left + swatch.width, swatch.top + swatch.height},
        {swatch.left, swatch.top + swatch.height}};
    const float first = std::floor((swatch.left + swatch.top) / period) * period;
    const float last = swatch.left + swatch.top + swatch.width + swatch.height;
    for (float c = first; c < last; c += period) {
        const auto band = clip_diagonal(clip_diagonal(rect, c, 1), c + thickness, -1);
        for (std::size_t i = 1; i + 1 < band.size(); ++i) {
            v.emplace_back(band[0], colour);
            v.emplace_back(band[i], colour);
            v.emplace_back(band[i + 1], colour);
        }
    }
}

} // namespace

void draw_legend_swatch(sf::RenderTarget& target, const LegendItem& item, sf::FloatRect swatch,
                        float scale) {
    const float s = scale;
    const float pattern = std::max(1.f, s); // the map's pattern scale (MapRenderer)
    std::vector<sf::Vertex> v;
    switch (item.swatch) {
    case LegendItem::Swatch::land:
        append_quad(v, swatch, style::land);
        break;
    case LegendItem::Swatch::fill:
        // Fills are translucent over the land, as on the map.
        append_quad(v, swatch, style::land);
        append_quad(v, swatch, style::party_fill(item.party));
        break;
    case LegendItem::Swatch::stripes:
        append_quad(v, swatch, style::land);
        append_quad(v, swatch, style::party_fill(item.under));
        append_diagonal_pattern(v, swatch, 24 * pattern, 12 * pattern,
                                style::party_fill(item.party));
        break;
    case LegendItem::Swatch::hatch:
        append_quad(v, swatch, style::land);
        append_quad(v, swatch, style::party_fill(item.under));
        append_diagonal_pattern(v, swatch, 10 * pattern, 2 * pattern,
                                style::party_hatch(item.party));
        break;
    case LegendItem::Swatch::line: {
        std::vector<float> dash = item.line.dash;
        for (auto& length : dash) {
            length *= s;
        }
        const float y = swatch.top + swatch.height / 2;
        append_polyline(v, {{swatch.left, y}, {swatch.left + swatch.width, y}}, item.line_width * s,
                        style::line_colour(item.line.role), dash);
        break;
    }
    case LegendItem::Swatch::border: {
        std::vector<float> dash = style::country_border_dash;
        for (auto& length : dash) {
            length *= s;
        }
        const float y = swatch.top + swatch.height / 2;
        append_polyline(v, {{swatch.left, y}, {swatch.left + swatch.width, y}},
                        style::country_border_width * s, style::country_border, dash);
        break;
    }
    case LegendItem::Swatch::disputed:
        append_quad(v, swatch, style::disputed_fill);
        append_diagonal_pattern(v, swatch, 10 * pattern, 2 * pattern, style::disputed_hatch);
        break;
    case LegendItem::Swatch::note:
        break; // words only: which point of view is shown
    case LegendItem::Swatch::event:
        append_marker(v, {swatch.left + swatch.width / 2, swatch.top + swatch.height / 2}, 6 * s,
                      style::event_marker);
        break;
    case LegendItem::Swatch::user_fill: {
        append_quad(v, swatch, style::land);
        append_quad(v, swatch, style::user_colour(item.user_rgb, style::user_fill_alpha));
        const float w = std::max(1.f, item.line_width * s);
        const sf::Color edge = style::user_colour(item.user_rgb);
        append_quad(v, {swatch.left, swatch.top, swatch.width, w}, edge);
        append_quad(v, {swatch.left, swatch.top + swatch.height - w, swatch.width, w}, edge);
        append_quad(v, {swatch.left, swatch.top, w, swatch.height}, edge);
        append_quad(v, {swatch.left + swatch.width - w, swatch.top, w, swatch.height}, edge);
        break;
    }
    case LegendItem::Swatch::user_line: {
        const float y = swatch.top + swatch.height / 2;
        append_polyline(v, {{swatch.left, y}, {swatch.left + swatch.width, y}}, item.line_width * s,
                        style::user_colour(item.user_rgb));
        break;
    }
    case LegendItem::Swatch::user_point:
        append_marker(v, {swatch.left + swatch.width / 2, swatch.top + swatch.height / 2},
                      style::user_point_radius(item.line_width, s),
                      style::user_colour(item.user_rgb));
        break;
    }
    if (!v.empty()) {
        draw_recorded(target, v, sf::Triangles);
    }
}

} // namespace kuril
