// SPDX-License-Identifier: GPL-3.0-or-later
// The export plan without a display: validation, the view fitted between the title band and
// the footer, bands and tiles, band order, title and side files.
#include "export/export_plan.hpp"
#include "export/view_export.hpp"
#include "geo/atlas.hpp"
#include "geo/error.hpp"
#include "geo/projection.hpp"
#include "test_paths.hpp"

#include <algorithm>
#include <doctest/doctest.h>
#include <memory>

namespace fs = std::filesystem;

namespace {

struct PlanFixture {
    std::unique_ptr<geo::Atlas> atlas = geo::load_atlas(test_paths::shipped() / "annotations.xml");
    geo::Projection projection;
    kuril::MapScene scene{*atlas, projection};

    static kuril::ExportOptions options() {
        kuril::ExportOptions o;
        o.out = "/tmp/map.png";
        o.width = 800;
        o.height = 600;
        o.date = {2000, 1, 1};
        o.view.bbox = geo::Box{141, 42, 149, 46};
        return o;
    }

    /// The bbox asked for, in projected metres (its edges curve: corners and mid-points).
    geo::Box asked() const {
        geo::Box box{1e300, 1e300, -1e300, -1e300};
        for (const geo::Point corner :
             {geo::Point{141, 42}, geo::Point{149, 42}, geo::Point{141, 46}, geo::Point{149, 46},
              geo::Point{145, 42}, geo::Point{145, 46}}) {
            const geo::Point p = projection.forward(corner);
            box = {std::min(box.min_x, p.x), std::min(box.min_y, p.y), std::max(box.max_x, p.x),
                   std::max(box.max_y, p.y)};
        }
        return box;
    }
};

} // namespace

TEST_CASE("[export] plan: sizes out of range and a missing file name are refused") {
    auto options = PlanFixture::options();
    options.width = 0;
    CHECK_THROWS_WITH_AS(kuril::validate_export(options),
                         "--size 0x600: each side must be 1 to 32768 pixels", geo::InputError);
    options.width = 32769;
    CHECK_THROWS_WITH_AS(kuril::validate_export(options),
                         "--size 32769x600: each side must be 1 to 32768 pixels", geo::InputError);
    options = PlanFixture::options();
    options.out.clear();
    CHECK_THROWS_WITH_AS(kuril::validate_export(options), "--out: an output file name is required",
                         geo::InputError);
    options = PlanFixture::options();
    options.width = 32768;
    options.height = 1;
    CHECK_NOTHROW(kuril::validate_export(options));
}

TEST_CASE("[export] plan: a refused size is said in the reader's language") {
    auto options = PlanFixture::options();
    options.width = 0;
    try {
        kuril::validate_export(options);
        FAIL("a width of 0 was not refused");
    } catch (const geo::InputError& error) {
        CHECK(std::string(error.what()) == "--size 0x600: each side must be 1 to 32768 pixels");
        CHECK(error.text("ja") == "--size 0x600: 各辺は 1～32768 ピクセルにしてください");
        CHECK(error.text("ru") ==
              "--size 0x600: каждая сторона должна быть от 1 до 32768 пикселей");
    }
}

TEST_CASE("[export] plan: the area asked for is fitted between the title band and the footer") {
    PlanFixture f;
    const auto options = PlanFixture::options();
    const geo::Box asked = f.asked();
    for (const auto& [top, bottom] :
         std::vector<std::pair<double, double>>{{0, 0}, {36, 0}, {48, 120}, {100, 250}}) {
        CAPTURE(top);
        CAPTURE(bottom);
        const kuril::MapView view = kuril::export_view(f.scene, options, top, bottom);
        CHECK(view.width_px() == 800);
        CHECK(view.height_px() == 600);
        const geo::Point top_left = view.map_to_screen({asked.min_x, asked.max_y});
        const geo::Point bottom_right = view.map_to_screen({asked.max_x, asked.min_y});
        CHECK(top_left.x >= -0.5);
        CHECK(bottom_right.x <= 800.5);
        CHECK(top_left.y >= top - 0.5);
        CHECK(bottom_right.y <= 600 - bottom + 0.5);
        // Fitted, not merely inside: it fills the width or the height between the bands.
        const bool fills_width = bottom_right.x - top_left.x > 800 - 2;
        const bool fills_height = bottom_right.y - top_left.y > 600 - top - bottom - 2;
        CHECK((fills_width || fills_height));
    }
    // Taller bands leave less room: the scale can only get coarser.
    CHECK(kuril::export_view(f.scene, options, 48, 200).metres_per_pixel() >
          kuril::export_view(f.scene, options, 0, 0).metres_per_pixel());
}

TEST_CASE("[export] plan: the viewer's view is exported as framed, the bands added around it") {
    PlanFixture f;
    kuril::MapView seen(f.scene.world, 640, 400);
    seen.set(f.projection.forward({146.5, 44.0}), 900.0);
    kuril::MapState state;
    state.ui_scale = 1.5;
    for (const int factor : {1, 2, 4}) {
        CAPTURE(factor);
        auto options = kuril::export_options_for_view(seen, state, f.projection, factor, "/tmp");
        CHECK(options.scale == doctest::Approx(1.5 * factor));
        CHECK(options.manifest == fs::path(options.out).replace_extension(".json"));
        // The image grows by the title band (40) and footer (80): the map keeps its shape.
        options.height = kuril::exact_view_height(options, 40, 80);
        CHECK(options.height == 400u * static_cast<unsigned>(factor) + 120);
        const kuril::ExportPlan plan = kuril::plan_export(f.scene, options, 40, 80);
        // Same scale: metres per pixel divided by the factor.
        CHECK(plan.view.metres_per_pixel() == doctest::Approx(900.0 / factor));
        // Same centre, in the middle of the map between the bands.
        const geo::Point centre = plan.view.map_to_screen(seen.center());
        CHECK(centre.x == doctest::Approx(320.0 * factor));
        CHECK(centre.y == doctest::Approx(40 + 200.0 * factor));
        // The window's corners are the map area's corners.
        const geo::Point corner = plan.view.map_to_screen(seen.screen_to_map({0, 0}));
        CHECK(corner.x == doctest::Approx(0).epsilon(1e-6));
        CHECK(corner.y == doctest::Approx(40));
        const geo::Point far = plan.view.map_to_screen(seen.screen_to_map({640, 400}));
        CHECK(far.x == doctest::Approx(640.0 * factor));
        CHECK(far.y == doctest::Approx(40 + 400.0 * factor));
    }
}

TEST_CASE("[export] plan: bands of whole rows up to 16384 pixels, tiles above") {
    auto options = PlanFixture::options();
    options.band_pixels = 800 * 600 / 5;
    auto layout = kuril::export_layout(options);
    CHECK(layout.tile_width == 800);
    CHECK(layout.tile_height == 120);
    options.band_pixels = 800 * 600 / 7;
    CHECK(kuril::export_layout(options).tile_height == 86);
    options.band_pixels = 800 * 600 * 2;
    CHECK(kuril::export_layout(options).tile_height == 600);
    options.width = 16384;
    options.band_pixels = 4u << 20;
    layout = kuril::export_layout(options);
    CHECK(layout.tile_width == 16384); // whole rows still
    options.width = 20000;
    options.height = 4000;
    layout = kuril::export_layout(options);
    CHECK(layout.tile_width == 8192);
    CHECK(layout.tile_height == 2048);
    options = PlanFixture::options();
    options.force_tiling = true;
    options.tile_side = 256;
    layout = kuril::export_layout(options);
    CHECK(layout.tile_width == 256);
    CHECK(layout.tile_height == 256);
}

TEST_CASE("[export] plan: a tile side of 0 gives one-pixel tiles, not bands of no height") {
    // Found by fuzz/fuzz_export_plan: tiles of side 0 made band_order step by 0 forever.
    auto options = PlanFixture::options();
    options.force_tiling = true;
    options.tile_side = 0;
    const auto layout = kuril::export_layout(options);
    CHECK(layout.tile_width == 1);
    REQUIRE(layout.tile_height == 1); // 0 would make band_order below loop forever
    CHECK(kuril::band_order(options.height, layout.tile_height, true).size() == 600);
}

TEST_CASE("[export] plan: a PNG's bands start with the last and the first, a GeoTIFF's go down") {
    CHECK(kuril::band_order(600, 120, true) == std::vector<unsigned>{480, 0, 360, 240, 120});
    CHECK(kuril::band_order(600, 120, false) == std::vector<unsigned>{0, 120, 240, 360, 480});
    CHECK(kuril::band_order(600, 86, false).back() == 516); // the short last band
    CHECK(kuril::band_order(600, 300, true) == std::vector<unsigned>{0, 300});
    CHECK(kuril::band_order(1, 1, true) == std::vector<unsigned>{0});
    // Every band exactly once, whatever the order.
    auto order = kuril::band_order(1000, 7, true);
    std::sort(order.begin(), order.end());
    CHECK(order == kuril::band_order(1000, 7, false));
}

TEST_CASE("[export] plan: tiles, title, scale and side files of a whole plan") {
    PlanFixture f;
    auto options = PlanFixture::options();
    options.force_tiling = true;
    options.tile_side = 256;
    auto plan = kuril::plan_export(f.scene, options, 48, 60);
    CHECK(plan.tiles_total == 12); // 4 across (the last narrow), 3 down
    CHECK(plan.tiled);
    CHECK(plan.title == "Kuril Islands, 1 January 2000");
    CHECK(plan.state.ui_scale == doctest::Approx(0.75)); // small images keep text readable
    CHECK(plan.state.reserved_top_px == 48);
    CHECK(plan.state.reserved_bottom_px == 60);
    CHECK(plan.state.date == options.date);
    CHECK(plan.view.metres_per_pixel() ==
          kuril::export_view(f.scene, options, 48, 60).metres_per_pixel());
    CHECK(plan.sidecars.world_file == fs::path("/tmp/map.pgw"));
    CHECK(plan.sidecars.prj == fs::path("/tmp/map.prj"));
    CHECK(plan.sidecars.aux_xml == fs::path("/tmp/map.png.aux.xml"));

    options = PlanFixture::options();
    options.width = 3840;
    options.height = 2160;
    options.view = {};
    options.view.island = "etorofu";
    options.geotiff = true;
    options.out = "/tmp/map.tif";
    plan = kuril::plan_export(f.scene, options, 96, 100);
    CHECK(plan.tiles_total == 2); // 8.3 Mpx in bands of about 4 Mpx
    CHECK(!plan.tiled);
    CHECK(plan.band_tops == std::vector<unsigned>{0, 1080});
    CHECK(plan.title.rfind("Etorofu", 0) == 0);
    CHECK(plan.title.find(", 1 January 2000") != std::string::npos);
    CHECK(plan.state.ui_scale == doctest::Approx(2.0));
    CHECK(plan.sidecars.empty());

    options.title = "Etorofu in 2000";
    options.scale = 1.5;
    plan = kuril::plan_export(f.scene, options, 96, 100);
    CHECK(plan.title == "Etorofu in 2000");
    CHECK(plan.state.ui_scale == 1.5);
    options.view.island = "atlantis";
    CHECK_THROWS_AS(kuril::plan_export(f.scene, options, 96, 100), geo::InputError);
}
