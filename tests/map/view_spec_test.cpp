// SPDX-License-Identifier: GPL-3.0-or-later
// ViewSpec: the view a user asks for on the command line (a lon/lat box, an island, a centre
// and a zoom), parsed and applied to the shipped scene. No display.
#include "geo/atlas.hpp"
#include "geo/error.hpp"
#include "geo/projection.hpp"
#include "map/map_scene.hpp"
#include "map/map_view.hpp"
#include "map/view_spec.hpp"
#include "test_paths.hpp"

#include <algorithm>
#include <cmath>
#include <doctest/doctest.h>
#include <memory>
#include <string>
#include <utility>

namespace {

struct Scene {
    std::unique_ptr<geo::Atlas> atlas = geo::load_atlas(test_paths::shipped() / "annotations.xml");
    geo::Projection projection;
    kuril::MapScene scene{*atlas, projection};
};

/// One scene for the whole file: loading the shipped data is the slow part.
const kuril::MapScene& shipped() {
    static const Scene loaded;
    return loaded.scene;
}

bool inside(const geo::Box& outer, const geo::Box& inner) {
    return outer.min_x <= inner.min_x && outer.min_y <= inner.min_y && outer.max_x >= inner.max_x &&
           outer.max_y >= inner.max_y;
}

} // namespace

TEST_CASE("[map] parse_bbox reads minlon,minlat,maxlon,maxlat") {
    const geo::Box box = kuril::ViewSpec::parse_bbox("141.5,-42,149,46.25e0");
    CHECK(box.min_x == 141.5);
    CHECK(box.min_y == -42);
    CHECK(box.max_x == 149);
    CHECK(box.max_y == 46.25);
}

TEST_CASE("[map] parse_bbox refuses bad boxes, saying what is wrong") {
    using kuril::ViewSpec;
    CHECK_THROWS_WITH_AS(ViewSpec::parse_bbox("141,42,149"),
                         "--bbox '141,42,149': expected 4 numbers separated by commas",
                         geo::InputError);
    CHECK_THROWS_WITH_AS(ViewSpec::parse_bbox("141,42,149,46,1"),
                         "--bbox '141,42,149,46,1': expected 4 numbers separated by commas",
                         geo::InputError);
    CHECK_THROWS_WITH_AS(ViewSpec::parse_bbox(""),
                         "--bbox '': expected 4 numbers separated by commas", geo::InputError);
    CHECK_THROWS_WITH_AS(ViewSpec::parse_bbox("141,x,149,46"),
                         "--bbox '141,x,149,46': 'x' is not a number", geo::InputError);
    CHECK_THROWS_WITH_AS(ViewSpec::parse_bbox("141,,149,46"),
                         "--bbox '141,,149,46': '' is not a number", geo::InputError);
    CHECK_THROWS_WITH_AS(ViewSpec::parse_bbox("141,42abc,149,46"),
                         "--bbox '141,42abc,149,46': '42abc' is not a number", geo::InputError);
    CHECK_THROWS_WITH_AS(ViewSpec::parse_bbox("141,nan,149,46"),
                         "--bbox '141,nan,149,46': 'nan' is not a number", geo::InputError);
    CHECK_THROWS_WITH_AS(ViewSpec::parse_bbox("141,42,inf,46"),
                         "--bbox '141,42,inf,46': 'inf' is not a number", geo::InputError);
    CHECK_THROWS_WITH_AS(
        ViewSpec::parse_bbox("149,46,141,42"),
        "--bbox '149,46,141,42': min must be less than max (minlon,minlat,maxlon,maxlat)",
        geo::InputError);
    CHECK_THROWS_WITH_AS(
        ViewSpec::parse_bbox("141,46,149,46"),
        "--bbox '141,46,149,46': min must be less than max (minlon,minlat,maxlon,maxlat)",
        geo::InputError);
    CHECK_THROWS_WITH_AS(ViewSpec::parse_bbox("-181,42,149,46"),
                         "--bbox '-181,42,149,46': longitudes must be within ±180 and latitudes "
                         "within ±90",
                         geo::InputError);
    CHECK_THROWS_WITH_AS(ViewSpec::parse_bbox("141,42,149,91"),
                         "--bbox '141,42,149,91': longitudes must be within ±180 and latitudes "
                         "within ±90",
                         geo::InputError);
}

TEST_CASE("[map] parse_center reads lon,lat and refuses bad centres") {
    using kuril::ViewSpec;
    const geo::Point center = ViewSpec::parse_center("147.75,-44.5");
    CHECK(center.x == 147.75);
    CHECK(center.y == -44.5);
    CHECK(ViewSpec::parse_center("180,90").x == 180);
    CHECK_THROWS_WITH_AS(ViewSpec::parse_center("147"),
                         "--center '147': expected 2 numbers separated by commas", geo::InputError);
    CHECK_THROWS_WITH_AS(ViewSpec::parse_center("147,44,1"),
                         "--center '147,44,1': expected 2 numbers separated by commas",
                         geo::InputError);
    CHECK_THROWS_WITH_AS(ViewSpec::parse_center("east,44"),
                         "--center 'east,44': 'east' is not a number", geo::InputError);
    CHECK_THROWS_WITH_AS(ViewSpec::parse_center("181,44"),
                         "--center '181,44': out of range (the longitude must be within ±180 "
                         "and the latitude within ±90)",
                         geo::InputError);
    CHECK_THROWS_WITH_AS(ViewSpec::parse_center("147,-91"),
                         "--center '147,-91': out of range (the longitude must be within ±180 "
                         "and the latitude within ±90)",
                         geo::InputError);
    CHECK_THROWS_WITH_AS(ViewSpec::parse_center("1e300,0"),
                         "--center '1e300,0': out of range (the longitude must be within ±180 "
                         "and the latitude within ±90)",
                         geo::InputError);
    CHECK_THROWS_WITH_AS(ViewSpec::parse_center("147,nan"),
                         "--center '147,nan': 'nan' is not a number", geo::InputError);
}

TEST_CASE("[map] parse_zoom takes a finite zoom from 0 to 20") {
    using kuril::ViewSpec;
    CHECK(ViewSpec::parse_zoom("0") == 0);
    CHECK(ViewSpec::parse_zoom("2.5") == 2.5);
    CHECK(ViewSpec::parse_zoom("20") == 20);
    for (const char* bad : {"nan", "-nan", "inf", "-1", "20.5", "1e6", "", "3x", " "}) {
        CAPTURE(bad);
        CHECK_THROWS_WITH_AS(ViewSpec::parse_zoom(bad),
                             ("--zoom '" + std::string(bad) +
                              "': expected a number from 0 to 20 (0 = the whole region, +1 = 2x)")
                                 .c_str(),
                             geo::InputError);
    }
}

TEST_CASE("[map] a long or multi-line value is echoed on one short line") {
    using kuril::ViewSpec;
    const std::string huge(1 << 20, '7');
    try {
        ViewSpec::parse_bbox(huge + ",\n1,2");
        FAIL("a bad bbox was accepted");
    } catch (const geo::InputError& error) {
        const std::string message = error.what();
        CHECK(message.size() < 300);
        CHECK(message.find('\n') == std::string::npos);
        CHECK(message.rfind("--bbox '7777", 0) == 0);
        CHECK(message.find("…'") != std::string::npos);
    }
    CHECK_THROWS_WITH_AS(ViewSpec::parse_center("147\n,44"),
                         "--center '147\\n,44': '147\\n' is not a number", geo::InputError);
}

TEST_CASE("[map] values set from elsewhere (a tour slide) are checked before they are applied") {
    const auto& scene = shipped();
    kuril::MapView view(scene.world, 800, 500);
    kuril::ViewSpec spec;
    spec.center = geo::Point{147, 44};
    spec.zoom = std::nan("");
    CHECK_THROWS_WITH_AS(spec.apply(scene, view), "zoom nan: expected a number from 0 to 20",
                         geo::InputError);
    spec.zoom = 21;
    CHECK_THROWS_AS(spec.apply(scene, view), geo::InputError);
    spec.zoom = 3;
    spec.center = geo::Point{1e300, 44};
    CHECK_THROWS_WITH_AS(
        spec.apply(scene, view),
        "centre 1e+300,44: expected a longitude within ±180 and a latitude within ±90",
        geo::InputError);
    spec.center.reset();
    spec.zoom = 0;
    spec.bbox = geo::Box{145, std::nan(""), 148, 45};
    CHECK_THROWS_AS(spec.apply(scene, view), geo::InputError);
    CHECK_THROWS_AS(spec.check_options(false), geo::InputError);
}

TEST_CASE("[map] a view's errors are said in Japanese and Russian") {
    try {
        kuril::ViewSpec::parse_bbox("141,x,149,46");
        FAIL("no error");
    } catch (const geo::InputError& error) {
        CHECK(std::string(error.what()) == "--bbox '141,x,149,46': 'x' is not a number");
        CHECK(error.text("ja") == "--bbox '141,x,149,46': 'x' は数値ではありません");
        CHECK(error.text("ru") == "--bbox '141,x,149,46': 'x' — не число");
    }
    try {
        kuril::ViewSpec::island_id(shipped(), "etorfu");
        FAIL("no error");
    } catch (const geo::InputError& error) {
        CHECK(std::string(error.what()) == "unknown island 'etorfu' (did you mean etorofu?)");
        CHECK(error.text("ja") == "島 'etorfu' は見つかりません（etorofu のことですか？）");
        CHECK(error.text("ru") ==
              "неизвестный остров 'etorfu' (возможно, вы имели в виду etorofu?)");
    }
}

TEST_CASE("[map] a mistyped island id gets a suggestion") {
    const auto& scene = shipped();
    CHECK_THROWS_WITH_AS(kuril::ViewSpec::island_id(scene, "etorfu"),
                         "unknown island 'etorfu' (did you mean etorofu?)", geo::InputError);
    CHECK_THROWS_WITH_AS(kuril::ViewSpec::island_id(scene, "Kunashri"),
                         "unknown island 'Kunashri' (did you mean kunashiri?)", geo::InputError);
    CHECK_THROWS_WITH_AS(
        kuril::ViewSpec::island_id(scene, "etorofu\nkuril-atlas: forged"),
        doctest::Contains("unknown island 'etorofu\\nkuril-atlas: forged' (known: "),
        geo::InputError);
}

TEST_CASE("[map] a default view spec shows the whole region") {
    const auto& scene = shipped();
    kuril::MapView view(scene.world, 800, 500);
    view.zoom_about({100, 100}, 8); // somewhere else first: apply starts afresh
    kuril::ViewSpec{}.apply(scene, view);
    const kuril::MapView fresh(scene.world, 800, 500);
    CHECK(view.center().x == doctest::Approx(fresh.center().x));
    CHECK(view.center().y == doctest::Approx(fresh.center().y));
    CHECK(view.metres_per_pixel() == doctest::Approx(fresh.metres_per_pixel()));
}

TEST_CASE("[map] an island view fits the island with a margin") {
    const auto& scene = shipped();
    for (const auto& region : scene.regions) {
        // Land shown for context (the Russian Far East) is larger than the widest view the data
        // allows: its view is the widest, tested with the view limits.
        if (region.island->group == "context") {
            continue;
        }
        geo::Box island{1e300, 1e300, -1e300, -1e300};
        for (const auto& polygon : region.projected) {
            for (const auto& p : polygon.rings.front()) {
                island = {std::min(island.min_x, p.x), std::min(island.min_y, p.y),
                          std::max(island.max_x, p.x), std::max(island.max_y, p.y)};
            }
        }
        // A margin of a fifth of the island's size and 500 m on each side.
        const double want_width = (island.max_x - island.min_x) * 1.4 + 1000;
        const double want_height = (island.max_y - island.min_y) * 1.4 + 1000;
        // A wide and a tall window: in each, the other side of the margin decides the scale.
        for (const auto& [width, height] : {std::pair{800.0, 500.0}, std::pair{200.0, 1000.0}}) {
            CAPTURE(region.island->id);
            CAPTURE(width);
            kuril::MapView view(scene.world, width, height);
            kuril::ViewSpec spec;
            spec.island = region.island->id;
            spec.apply(scene, view);
            const geo::Box seen = view.visible_box();
            CHECK(inside(seen, island));
            const double seen_width = seen.max_x - seen.min_x;
            const double seen_height = seen.max_y - seen.min_y;
            CHECK(seen_width >= want_width * (1 - 1e-9));
            CHECK(seen_height >= want_height * (1 - 1e-9));
            // Fitted: the margin is exact on one side.
            CHECK(std::max(want_width / seen_width, want_height / seen_height) ==
                  doctest::Approx(1.0));
            CHECK(view.center().x ==
                  doctest::Approx((island.min_x + island.max_x) / 2).epsilon(1e-6));
            CHECK(view.center().y ==
                  doctest::Approx((island.min_y + island.max_y) / 2).epsilon(1e-6));
        }
    }
}

TEST_CASE("[map] an island view in a geographic CRS fits the island, not the region") {
    // EPSG:4326's units are degrees: the margin's 500 m is a few thousandths of one.
    geo::Projection degrees("EPSG:4326");
    CHECK(degrees.metres_per_unit() == doctest::Approx(111195.08).epsilon(1e-6));
    CHECK(geo::Projection().metres_per_unit() == 1.0);
    CHECK(geo::Projection("EPSG:2454").metres_per_unit() == 1.0);
    CHECK(geo::Projection("EPSG:2264").metres_per_unit() ==
          doctest::Approx(0.3048006096)); // US survey feet
    const auto atlas = geo::load_atlas(test_paths::shipped() / "annotations.xml");
    const kuril::MapScene scene(*atlas, degrees);
    kuril::MapView view(scene.world, 800, 500, scene.data_area);
    kuril::ViewSpec spec;
    spec.island = "shikotan";
    spec.apply(scene, view);
    const geo::Box seen = view.visible_box();
    CAPTURE(seen.min_x);
    CAPTURE(seen.max_x);
    CAPTURE(seen.min_y);
    CAPTURE(seen.max_y);
    // Shikotan spans about 146.6-146.9 E and 43.7-43.9 N.
    CHECK(inside(seen, geo::Box{146.62, 43.72, 146.88, 43.88}));
    CHECK(seen.max_x - seen.min_x < 1.0);
    CHECK(seen.max_y - seen.min_y < 0.6);
    CHECK(view.center().x == doctest::Approx(146.75).epsilon(0.001));
    CHECK(view.center().y == doctest::Approx(43.80).epsilon(0.001));
}

TEST_CASE("[map] an unknown island is refused with the known ones") {
    const auto& scene = shipped();
    std::string known;
    for (const auto& region : scene.regions) {
        known += (known.empty() ? "" : ", ") + region.island->id;
    }
    CHECK(known.find("etorofu") != std::string::npos);
    CHECK(known.find("habomai") != std::string::npos);
    kuril::MapView view(scene.world, 800, 500);
    kuril::ViewSpec spec;
    spec.island = "atlantis";
    CHECK_THROWS_WITH_AS(spec.apply(scene, view),
                         ("unknown island 'atlantis' (known: " + known + ")").c_str(),
                         geo::InputError);
}

TEST_CASE("[map] a bbox view shows the whole box and little more") {
    const auto& scene = shipped();
    kuril::ViewSpec spec;
    spec.bbox = kuril::ViewSpec::parse_bbox("145,43,148,45");
    kuril::MapView view(scene.world, 800, 500);
    spec.apply(scene, view);
    const geo::Box seen = view.visible_box();
    // The corners and edge midpoints of the box, projected, are in view.
    for (const double lon : {145.0, 146.5, 148.0}) {
        for (const double lat : {43.0, 44.0, 45.0}) {
            CAPTURE(lon);
            CAPTURE(lat);
            CHECK(seen.contains(scene.projection->forward({lon, lat})));
        }
    }
    // Fitted: one side of the view is the box's projected extent (within a few pixels).
    const geo::Point west = scene.projection->forward({145, 44});
    const geo::Point east = scene.projection->forward({148, 44});
    const geo::Point south = scene.projection->forward({146.5, 43});
    const geo::Point north = scene.projection->forward({146.5, 45});
    const double width_ratio = (east.x - west.x) / (seen.max_x - seen.min_x);
    const double height_ratio = (north.y - south.y) / (seen.max_y - seen.min_y);
    CHECK(std::max(width_ratio, height_ratio) > 0.97);
}

TEST_CASE("[map] a bbox outside the data is refused") {
    const auto& scene = shipped();
    kuril::ViewSpec spec;
    spec.bbox = kuril::ViewSpec::parse_bbox("10,10,20,20");
    kuril::MapView view(scene.world, 800, 500);
    CHECK_THROWS_WITH_AS(spec.apply(scene, view),
                         "--bbox lies outside the data (139-158 E, 41-55 N)", geo::InputError);
    // Overlapping the data at one edge is fine.
    spec.bbox = kuril::ViewSpec::parse_bbox("157,54,170,60");
    CHECK_NOTHROW(spec.apply(scene, view));
}

TEST_CASE("[map] a centre and zoom: each step doubles the scale") {
    const auto& scene = shipped();
    const kuril::MapView region(scene.world, 800, 500);
    kuril::ViewSpec spec;
    spec.center = kuril::ViewSpec::parse_center("146,44");
    const geo::Point centre = scene.projection->forward({146, 44});
    for (const double zoom : {0.0, 1.0, 3.0}) {
        CAPTURE(zoom);
        spec.zoom = zoom;
        kuril::MapView view(scene.world, 800, 500);
        spec.apply(scene, view);
        CHECK(view.center().x == doctest::Approx(centre.x));
        CHECK(view.center().y == doctest::Approx(centre.y));
        CHECK(view.metres_per_pixel() ==
              doctest::Approx(region.metres_per_pixel() / std::pow(2.0, zoom)));
    }
}

TEST_CASE("[map] a slide's view becomes a view spec") {
    geo::Slide slide;
    slide.island = "shikotan";
    slide.bbox = geo::Box{145, 43, 148, 45};
    slide.center = geo::Point{146, 44};
    slide.zoom = 2.5;
    const auto spec = kuril::ViewSpec::from_slide(slide);
    CHECK(spec.island == "shikotan");
    REQUIRE(spec.bbox.has_value());
    CHECK(spec.bbox->min_x == 145);
    CHECK(spec.bbox->max_y == 45);
    REQUIRE(spec.center.has_value());
    CHECK(spec.center->x == 146);
    CHECK(spec.zoom == 2.5);
}

TEST_CASE("[map] contradicting view options are refused in one line naming them") {
    using kuril::ViewSpec;
    ViewSpec island_and_box;
    island_and_box.island = "shikotan";
    island_and_box.bbox = geo::Box{145, 43, 147, 44};
    CHECK_THROWS_WITH_AS(island_and_box.check_options(false),
                         "--island and --bbox: give one or the other (an island to fit, or a box)",
                         geo::InputError);
    ViewSpec island_and_centre;
    island_and_centre.island = "shikotan";
    island_and_centre.center = geo::Point{146, 44};
    CHECK_THROWS_WITH_AS(island_and_centre.check_options(true),
                         "--island and --center: give one or the other (an island to fit, or a "
                         "centre and zoom)",
                         geo::InputError);
    ViewSpec zoom_alone;
    CHECK_THROWS_WITH_AS(zoom_alone.check_options(true),
                         "--zoom needs --center lon,lat (the zoom is about that centre)",
                         geo::InputError);
    // A centre alone is allowed (the whole region's scale), and so is each option alone.
    ViewSpec centre_alone;
    centre_alone.center = geo::Point{146, 44};
    CHECK_NOTHROW(centre_alone.check_options(false));
    ViewSpec box_alone;
    box_alone.bbox = geo::Box{145, 43, 147, 44};
    CHECK_NOTHROW(box_alone.check_options(false));
}

TEST_CASE("[map] an island is found whatever the case of its id") {
    const auto& scene = shipped();
    CHECK(kuril::ViewSpec::island_id(scene, "Shikotan") == "shikotan");
    CHECK(kuril::ViewSpec::island_id(scene, "KUNASHIRI") == "kunashiri");
    kuril::MapView lower(scene.world, 800, 500);
    kuril::MapView upper(scene.world, 800, 500);
    kuril::ViewSpec spec;
    spec.island = "shikotan";
    spec.apply(scene, lower);
    spec.island = "Shikotan";
    spec.apply(scene, upper);
    CHECK(upper.center().x == doctest::Approx(lower.center().x));
    CHECK(upper.metres_per_pixel() == doctest::Approx(lower.metres_per_pixel()));
}

TEST_CASE("[map] a fit with insets shows the island whole in the free area") {
    const auto& scene = shipped();
    // The viewer at 1280x720, ui scale 2: the layers panel on the left, the timeline below.
    const kuril::ScreenInsets insets{760, 0, 0, 150};
    kuril::MapView view(scene.world, 1280, 720);
    kuril::ViewSpec spec;
    spec.island = "kunashiri";
    spec.apply(scene, view, insets);
    for (const auto& region : scene.regions) {
        if (region.island->id != "kunashiri") {
            continue;
        }
        for (const auto& polygon : region.projected) {
            for (const auto& p : polygon.rings.front()) {
                const geo::Point s = view.map_to_screen(p);
                REQUIRE(s.x >= 760 - 1e-6);
                REQUIRE(s.x <= 1280 + 1e-6);
                REQUIRE(s.y >= -1e-6);
                REQUIRE(s.y <= 720 - 150 + 1e-6);
            }
        }
    }
    // Without insets the island is centred in the whole window (under the panel's right half).
    kuril::MapView plain(scene.world, 1280, 720);
    spec.apply(scene, plain);
    const geo::Point centre = view.map_to_screen(plain.center());
    CHECK(centre.x == doctest::Approx(760 + 520 / 2.0));
    CHECK(centre.y == doctest::Approx(570 / 2.0));
}
