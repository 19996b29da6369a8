// SPDX-License-Identifier: GPL-3.0-or-later
#include "render/polyline.hpp"

#include <algorithm>
#include <cmath>
#include <utility>

namespace kuril {

void append_polyline(std::vector<sf::Vertex>& out, const std::vector<sf::Vector2f>& points,
                     float width, sf::Color color, const std::vector<float>& pattern,
                     const std::optional<sf::FloatRect>& visible) {
    const float half = width / 2;
    std::size_t dash = 0;
    float left_in_dash = pattern.empty() ? 0 : pattern[0];
    float period = 0;
    for (const float length : pattern) {
        period += length;
    }
    // A segment whose box, grown by the width, misses the rectangle draws nothing.
    const auto off = [&](sf::Vector2f a, sf::Vector2f b) {
        return visible && (std::max(a.x, b.x) + width < visible->left ||
                           std::min(a.x, b.x) - width > visible->left + visible->width ||
                           std::max(a.y, b.y) + width < visible->top ||
                           std::min(a.y, b.y) - width > visible->top + visible->height);
    };
    for (std::size_t i = 0; i + 1 < points.size(); ++i) {
        sf::Vector2f a = points[i];
        const sf::Vector2f b = points[i + 1];
        float length = std::hypot(b.x - a.x, b.y - a.y);
        if (length <= 0) {
            continue;
        }
        if (off(a, b)) {
            // Only the dashes move on: whole periods at once, then dash by dash as below.
            while (!pattern.empty() && length > 0) {
                const float step = std::min(length, left_in_dash);
                length -= step;
                left_in_dash -= step;
                if (left_in_dash <= 1e-3f) {
                    dash = (dash + 1) % pattern.size();
                    left_in_dash = pattern[dash];
                    if (dash == 0 && period > 0 && length >= period) {
                        length = std::fmod(length, period);
                    }
                }
            }
            continue;
        }
        const sf::Vector2f dir{(b.x - a.x) / length, (b.y - a.y) / length};
        const sf::Vector2f normal{-dir.y * half, dir.x * half};
        while (length > 0) {
            float step = length;
            bool on = true;
            if (!pattern.empty()) {
                step = std::min(length, left_in_dash);
                on = dash % 2 == 0;
            }
            const sf::Vector2f c{a.x + dir.x * step, a.y + dir.y * step};
            if (on) {
                // Extend by half a width so joints look closed.
                const sf::Vector2f a2{a.x - dir.x * half * 0.5f, a.y - dir.y * half * 0.5f};
                const sf::Vector2f c2{c.x + dir.x * half * 0.5f, c.y + dir.y * half * 0.5f};
                out.emplace_back(a2 + normal, color);
                out.emplace_back(a2 - normal, color);
                out.emplace_back(c2 + normal, color);
                out.emplace_back(c2 + normal, color);
                out.emplace_back(a2 - normal, color);
                out.emplace_back(c2 - normal, color);
            }
            length -= step;
            a = c;
            if (!pattern.empty()) {
                left_in_dash -= step;
                if (left_in_dash <= 1e-3f) {
                    dash = (dash + 1) % pattern.size();
                    left_in_dash = pattern[dash];
                }
            }
        }
    }
}

void append_marker(std::vector<sf::Vertex>& out, sf::Vector2f at, float radius, sf::Color fill) {
    const int segments = 16;
    for (const auto& [r, colour] :
         {std::pair{radius + 1.5f, sf::Color::White}, std::pair{radius, fill}}) {
        for (int k = 0; k < segments; ++k) {
            const float a0 = 6.2831853f * static_cast<float>(k) / segments;
            const float a1 = 6.2831853f * static_cast<float>(k + 1) / segments;
            out.emplace_back(at, colour);
            out.emplace_back(at + sf::Vector2f(std::cos(a0), std::sin(a0)) * r, colour);
            out.emplace_back(at + sf::Vector2f(std::cos(a1), std::sin(a1)) * r, colour);
        }
    }
}

void append_arrowhead(std::vector<sf::Vertex>& out, sf::Vector2f tip, sf::Vector2f direction,
                      float length, float width, sf::Color fill) {
    const sf::Vector2f across{-direction.y, direction.x};
    const float casing = 1.5f;
    for (const auto& [grow, colour] : {std::pair{casing, sf::Color::White}, std::pair{0.f, fill}}) {
        // The white casing: the same triangle, its tip and base pushed out by the casing.
        const sf::Vector2f point = tip + direction * (grow * 2);
        const sf::Vector2f base = tip - direction * (length + grow);
        const float half = width / 2 + grow * 2;
        out.emplace_back(point, colour);
        out.emplace_back(base + across * half, colour);
        out.emplace_back(base - across * half, colour);
    }
}

} // namespace kuril
