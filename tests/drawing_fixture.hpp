// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What the tests that draw share: the shipped data as a scene, the map font, and pixel
// comparison.
#include "geo/atlas.hpp"
#include "geo/projection.hpp"
#include "map/map_scene.hpp"
#include "render/fonts.hpp"
#include "test_paths.hpp"

#include <SFML/Graphics.hpp>
#include <cstdlib>
#include <doctest/doctest.h>
#include <memory>

namespace test_drawing {

struct ShippedScene {
    std::unique_ptr<geo::Atlas> atlas = geo::load_atlas(test_paths::shipped() / "annotations.xml");
    geo::Projection projection;
    kuril::MapScene scene{*atlas, projection};
    sf::Font font;

    ShippedScene() {
        REQUIRE_MESSAGE(std::getenv("DISPLAY") != nullptr,
                        "tests that draw need an X display: run them under Xvfb (scripts/test)");
        kuril::load_map_font(font);
    }
};

/// Every channel within `tolerance`.
inline bool near(sf::Color a, sf::Color b, int tolerance = 6) {
    return std::abs(a.r - b.r) <= tolerance && std::abs(a.g - b.g) <= tolerance &&
           std::abs(a.b - b.b) <= tolerance;
}

/// Pixels of two images of the same size that are not near() each other.
inline std::size_t pixels_differing(const sf::Image& a, const sf::Image& b, int tolerance) {
    std::size_t different = 0;
    for (unsigned y = 0; y < a.getSize().y; ++y) {
        for (unsigned x = 0; x < a.getSize().x; ++x) {
            different += near(a.getPixel(x, y), b.getPixel(x, y), tolerance) ? 0 : 1;
        }
    }
    return different;
}

} // namespace test_drawing
