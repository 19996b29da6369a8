// SPDX-License-Identifier: GPL-3.0-or-later
// append_polyline (no window): a dashed line culled to a rectangle keeps exactly the dashes
// that reach it, where they were.
#include "render/polyline.hpp"

#include <SFML/Graphics/Rect.hpp>
#include <algorithm>
#include <cmath>
#include <doctest/doctest.h>
#include <vector>

namespace {

/// The quads (six vertices each) as their first vertex's position, to compare sets of dashes.
std::vector<std::pair<float, float>> quads(const std::vector<sf::Vertex>& vertices) {
    std::vector<std::pair<float, float>> out;
    for (std::size_t i = 0; i + 5 < vertices.size(); i += 6) {
        out.emplace_back(vertices[i].position.x, vertices[i].position.y);
    }
    return out;
}

bool quad_meets(const sf::Vertex* q, const sf::FloatRect& rect) {
    float left = q[0].position.x;
    float right = left;
    float top = q[0].position.y;
    float bottom = top;
    for (int k = 1; k < 6; ++k) {
        left = std::min(left, q[k].position.x);
        right = std::max(right, q[k].position.x);
        top = std::min(top, q[k].position.y);
        bottom = std::max(bottom, q[k].position.y);
    }
    return right >= rect.left && left <= rect.left + rect.width && bottom >= rect.top &&
           top <= rect.top + rect.height;
}

} // namespace

TEST_CASE("[render] a dashed line culled to the screen keeps the dashes that reach it, in place") {
    // A long zigzag, mostly far off a 200x100 screen, dashed 7 on, 5 off.
    std::vector<sf::Vector2f> points;
    for (int i = 0; i < 400; ++i) {
        points.push_back(
            {-20'000.f + 100.f * static_cast<float>(i) + 0.37f * static_cast<float>(i % 7),
             50.f + ((i % 2) != 0 ? 30.f : -30.f) + static_cast<float>(i % 5)});
    }
    const std::vector<float> pattern = {7.f, 5.f};
    const sf::FloatRect screen(0.f, 0.f, 200.f, 100.f);
    std::vector<sf::Vertex> all;
    kuril::append_polyline(all, points, 2.5f, sf::Color::Black, pattern);
    std::vector<sf::Vertex> culled;
    kuril::append_polyline(culled, points, 2.5f, sf::Color::Black, pattern, screen);
    REQUIRE(all.size() % 6 == 0);
    REQUIRE(culled.size() % 6 == 0);
    CHECK(culled.size() * 20 < all.size()); // almost everything is off the screen

    // Every dash of the full line that reaches the screen is in the culled one, at the same
    // place (within rounding: the off-screen stretch before it was skipped a period at a time).
    std::vector<std::pair<float, float>> kept = quads(culled);
    std::size_t reaching = 0;
    for (std::size_t i = 0; i + 5 < all.size(); i += 6) {
        if (!quad_meets(&all[i], screen)) {
            continue;
        }
        ++reaching;
        const auto at = std::make_pair(all[i].position.x, all[i].position.y);
        const bool found = std::any_of(kept.begin(), kept.end(), [&](const auto& q) {
            return std::abs(q.first - at.first) < 0.01f && std::abs(q.second - at.second) < 0.01f;
        });
        CAPTURE(at.first);
        CAPTURE(at.second);
        CHECK(found);
    }
    CHECK(reaching > 5);
    // And it adds nothing else: each of its dashes is one of the full line's.
    for (std::size_t i = 0; i + 5 < culled.size(); i += 6) {
        const auto at = std::make_pair(culled[i].position.x, culled[i].position.y);
        const bool found = std::any_of(all.begin(), all.end(), [&](const sf::Vertex& v) {
            return std::abs(v.position.x - at.first) < 0.01f &&
                   std::abs(v.position.y - at.second) < 0.01f;
        });
        CHECK(found);
    }
    // A solid line too.
    std::vector<sf::Vertex> solid;
    kuril::append_polyline(solid, points, 2.5f, sf::Color::Black, {}, screen);
    CHECK(!solid.empty());
    CHECK(solid.size() < 6 * 10);
}
