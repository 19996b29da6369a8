// SPDX-License-Identifier: GPL-3.0-or-later
#include "geo/atlas.hpp"
#include "geo/projection.hpp"
#include "map/map_furniture.hpp"
#include "test_paths.hpp"

#include <doctest/doctest.h>
#include <memory>

TEST_CASE("[furniture] nice scale-bar lengths and distance texts") {
    // 1 km per pixel, at most 180 px: 100 km (1, 2 or 5 times a power of ten).
    const auto [metres, px] = kuril::nice_scale_bar(1000, 180);
    CHECK(metres == doctest::Approx(100'000));
    CHECK(px == doctest::Approx(100));
    CHECK(kuril::nice_scale_bar(1000, 250).first == doctest::Approx(200'000));
    CHECK(kuril::nice_scale_bar(3, 180).first == doctest::Approx(500));
    CHECK(kuril::format_distance(850) == "850 m");
    CHECK(kuril::format_distance(3500) == "3.5 km");
    CHECK(kuril::format_distance(120'000) == "120 km");
    // Units and the decimal mark as each language writes them.
    CHECK(kuril::format_distance(3500, "ru") == "3,5 км");
    CHECK(kuril::format_distance(850, "ru") == "850 м");
    CHECK(kuril::format_distance(120'000, "ja") == "120 km");
    CHECK(kuril::format_distance(3500, "en") == "3.5 km");
}

TEST_CASE("[furniture] the map furniture keeps clear of the bands and shows the inset only "
          "when zoomed in") {
    const auto atlas = geo::load_atlas(test_paths::shipped() / "annotations.xml");
    const geo::Projection projection;
    const kuril::MapScene scene(*atlas, projection);
    kuril::MapView whole(scene.world, 1280, 720);
    const auto overview =
        kuril::layout_map_furniture(kuril::build_frame(scene, {}, whole), 48, 100);
    CHECK_FALSE(overview.inset.shown);
    // The scale bar sits above the bottom band, inside the view.
    CHECK(overview.scale_bar.rect.top + overview.scale_bar.rect.height <= 720 - 100);
    CHECK(overview.scale_bar.rect.left >= 0);
    CHECK(overview.scale_bar.length_px <= 180);

    kuril::MapView close = whole;
    close.set(close.center(), whole.metres_per_pixel() / 8);
    const auto zoomed = kuril::layout_map_furniture(kuril::build_frame(scene, {}, close), 48, 100);
    REQUIRE(zoomed.inset.shown);
    CHECK(zoomed.inset.rect.top >= 48); // below the title band
    CHECK(zoomed.inset.rect.left + zoomed.inset.rect.width <= 1280);
    CHECK(zoomed.scale_bar.metres < overview.scale_bar.metres);
    // Every covered area is reported for label placement.
    CHECK(zoomed.rects().size() == (zoomed.north_arrow.shown ? 3u : 2u));
}
