// SPDX-License-Identifier: GPL-3.0-or-later
// The basemap without edges (issue 14): views never leave the data, regions split by country,
// country borders drawn with the land. Fixture: tests/data/wide (land over lon 125-150 E,
// lat 35-55 N, RU north of 45 N and CN south of it, one CN-RU border along 45 N).
#include "geo/atlas.hpp"
#include "geo/projection.hpp"
#include "map/map_frame.hpp"
#include "test_paths.hpp"

#include <algorithm>
#include <cmath>
#include <doctest/doctest.h>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

namespace {

struct Scene {
    explicit Scene(const std::filesystem::path& annotations)
        : atlas(geo::load_atlas(annotations)), scene(*atlas, projection) {}
    std::unique_ptr<geo::Atlas> atlas;
    geo::Projection projection;
    kuril::MapScene scene;
};

const Scene& wide() {
    static const Scene scene(test_paths::fixtures() / "wide" / "annotations.xml");
    return scene;
}

const Scene& shipped() {
    static const Scene scene(test_paths::shipped() / "annotations.xml");
    return scene;
}

/// Points (projected, 20 per segment) along the land layer's polygon edges that lie on the
/// layer's lon/lat bounding box: the straight data edges no view may show.
std::vector<geo::Point> data_edge_points(const Scene& s) {
    const geo::Box box = *s.scene.data_extent;
    const auto on_same_side = [&](geo::Point a, geo::Point b) {
        return (a.x == box.min_x && b.x == box.min_x) || (a.x == box.max_x && b.x == box.max_x) ||
               (a.y == box.min_y && b.y == box.min_y) || (a.y == box.max_y && b.y == box.max_y);
    };
    std::vector<geo::Point> out;
    for (const auto& feature : s.atlas->layer("land")->features) {
        for (const auto& polygon : feature.polygons) {
            for (const auto& ring : polygon.rings) {
                for (std::size_t i = 0; i < ring.size(); ++i) {
                    const geo::Point a = ring[i];
                    const geo::Point b = ring[(i + 1) % ring.size()];
                    if (!on_same_side(a, b)) {
                        continue;
                    }
                    for (int k = 0; k <= 20; ++k) {
                        const double t = k / 20.0;
                        out.push_back(
                            s.projection.forward({a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t}));
                    }
                }
            }
        }
    }
    return out;
}

/// How many of the points are strictly inside the view (a metre in from its edges).
std::size_t seen(const std::vector<geo::Point>& points, const kuril::MapView& view) {
    const geo::Box v = view.visible_box();
    return static_cast<std::size_t>(std::count_if(points.begin(), points.end(), [&](geo::Point p) {
        return p.x > v.min_x + 1 && p.x < v.max_x - 1 && p.y > v.min_y + 1 && p.y < v.max_y - 1;
    }));
}

/// Views at the widest zoom, at Home and panned to each corner and edge, at several sizes.
std::vector<kuril::MapView> views_to_try(const kuril::MapScene& scene) {
    std::vector<kuril::MapView> views;
    for (const auto& [w, h] : {std::pair{1280.0, 720.0},
                               {3840.0, 2160.0},
                               {720.0, 1280.0},
                               {1920.0, 1080.0},
                               {400.0, 300.0}}) {
        kuril::MapView home(scene.world, w, h, scene.data_area);
        home.reset({0, 40, 0, 60});
        views.push_back(home);
        views.push_back(kuril::MapView(scene.world, w, h, scene.data_area));
        for (const double mpp : {1e9, 3000.0}) {
            for (const double dx : {-1e8, 0.0, 1e8}) {
                for (const double dy : {-1e8, 0.0, 1e8}) {
                    kuril::MapView view(scene.world, w, h, scene.data_area);
                    view.set(view.center(), mpp);
                    view.pan_pixels(dx / view.metres_per_pixel(), dy / view.metres_per_pixel());
                    views.push_back(view);
                    view.zoom_about({w - 1, h - 1}, 1e-6);
                    views.push_back(view);
                }
            }
        }
    }
    return views;
}

} // namespace

TEST_CASE("[map] no straight data edge of the land layer is inside any view (fixture)") {
    const Scene& s = wide();
    REQUIRE(s.scene.data_extent.has_value());
    CHECK(s.scene.data_extent->min_x == 125.0);
    CHECK(s.scene.data_extent->max_x == 150.0);
    CHECK(s.scene.data_extent->min_y == 35.0);
    CHECK(s.scene.data_extent->max_y == 55.0);
    REQUIRE(s.scene.data_area != nullptr);
    const auto edges = data_edge_points(s);
    REQUIRE(edges.size() > 100); // the west, north, east and south edges
    // Without the limits the widest view shows the edges: the check below can fail.
    kuril::MapView unlimited(s.scene.world, 1280, 720);
    unlimited.set(unlimited.center(), 1e9);
    CHECK(seen(edges, unlimited) > 0);
    for (const auto& view : views_to_try(s.scene)) {
        CAPTURE(view.width_px());
        CAPTURE(view.center().x);
        CAPTURE(view.center().y);
        CAPTURE(view.metres_per_pixel());
        CHECK(seen(edges, view) == 0);
    }
    // Home shows the data, not sea beyond it: it is the whole data area at this size.
    kuril::MapView home(s.scene.world, 1280, 720, s.scene.data_area);
    home.reset();
    CHECK(home.metres_per_pixel() == doctest::Approx(home.max_metres_per_pixel()));
}

TEST_CASE("[map] close up, a view reaches the data's corners beyond the widest view's box") {
    const Scene& s = wide();
    const kuril::ViewLimits& limits = *s.scene.data_area;
    // Near the north-east corner: outside the box of the widest view, inside the data.
    const geo::Point corner = s.projection.forward({146.0, 52.0});
    CHECK(!limits.inner.contains(corner));
    kuril::MapView view(s.scene.world, 1280, 720, s.scene.data_area);
    view.set(corner, 300);
    CHECK(std::hypot(view.center().x - corner.x, view.center().y - corner.y) < 1.0);
    // Further out it slides back only as far as the data's edge needs: much nearer the wanted
    // centre than the widest view's centre is, and inside.
    view.set(corner, 700);
    const geo::Point middle{(limits.inner.min_x + limits.inner.max_x) / 2,
                            (limits.inner.min_y + limits.inner.max_y) / 2};
    const auto distance = [](geo::Point a, geo::Point b) {
        return std::hypot(a.x - b.x, a.y - b.y);
    };
    CHECK(distance(view.center(), corner) < 0.5 * distance(middle, corner));
    CHECK(limits.holds(view.visible_box()));
}

TEST_CASE("[map] no straight data edge of the shipped land is inside any view") {
    const Scene& s = shipped();
    REQUIRE(s.scene.data_area != nullptr);
    const auto edges = data_edge_points(s);
    REQUIRE(!edges.empty());
    for (const auto& view : views_to_try(s.scene)) {
        CAPTURE(view.width_px());
        CAPTURE(view.metres_per_pixel());
        CHECK(seen(edges, view) == 0);
    }
}

TEST_CASE("[map] a region split by country keeps that country's part of its landmass") {
    const Scene& s = wide();
    const kuril::StatusRegion* russian = nullptr;
    for (const auto& region : s.scene.regions) {
        if (region.island->id == "mainland-ru") {
            russian = &region;
        }
    }
    REQUIRE(russian != nullptr);
    const auto at = [&](double lon, double lat) {
        const kuril::StatusRegion* hit = s.scene.region_at(s.projection.forward({lon, lat}));
        return hit == nullptr ? std::string("-") : hit->island->id;
    };
    CHECK(at(130, 50) == "mainland-ru"); // mainland, in RU
    CHECK(at(137, 46) == "mainland-ru");
    CHECK(at(130, 42) == "-"); // mainland, in CN
    CHECK(at(131, 44.9) == "-");
    CHECK(at(148, 52) == "kamchatka"); // its own island, whole
    // The cut runs along 45 N: every vertex of the region is at or north of it.
    for (const auto& polygon : russian->projected) {
        for (const auto& p : polygon.rings.front()) {
            CHECK(s.projection.inverse(p).y >= 45.0 - 1e-6);
        }
    }
    for (const auto& warning : s.atlas->warnings) {
        CHECK(warning.message.english().find("country=") == std::string::npos);
    }
}

/// The wide fixture's annotations in `dir`, its layers by absolute path, with `layers` (lines of
/// <layer>) in place of the countries layer.
std::string wide_with_layers(const std::filesystem::path& dir, const std::string& layers) {
    std::ifstream in(test_paths::fixtures() / "wide" / "annotations.xml");
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const std::string countries_layer =
        R"(    <layer id="countries" kind="polygons" path="countries.geojson"/>)"
        "\n";
    const auto cut = text.find(countries_layer);
    REQUIRE(cut != std::string::npos);
    text.replace(cut, countries_layer.size(), layers);
    for (const std::string name : {"land.geojson", "borders.geojson"}) {
        const auto at = text.find("path=\"" + name + "\"");
        REQUIRE(at != std::string::npos);
        text.replace(at + 6, name.size(), (test_paths::fixtures() / "wide" / name).string());
    }
    std::ofstream(dir / "annotations.xml") << text;
    return text;
}

TEST_CASE("[map] a region split by a country the data lacks is not drawn, with a warning") {
    const auto dir = test_paths::scratch("wide-no-countries");
    const std::string text = wide_with_layers(dir, "");
    const auto island_at = text.find("<island id=\"mainland-ru\"");
    const int island_line =
        1 + static_cast<int>(std::count(text.begin(), text.begin() + island_at, '\n'));
    const Scene s(dir / "annotations.xml");
    CHECK(s.atlas->errors.empty());
    bool warned = false;
    for (const auto& warning : s.atlas->warnings) {
        if (warning.message.english() ==
            "<island id=\"mainland-ru\"> country=\"RU\": no countries layer "
            "to cut 'mainland' by; the region is not drawn") {
            warned = true;
            CHECK(warning.line == island_line);
        }
    }
    CHECK(warned);
    for (const auto& region : s.scene.regions) {
        CHECK(region.island->id != "mainland-ru");
    }
}

TEST_CASE("[map] a region the regions layer gives is taken from it, not cut again") {
    const auto dir = test_paths::scratch("wide-regions");
    // Not the countries' cut at 45 N: a band of 50-53 N, so the test sees which one is drawn.
    std::ofstream(dir / "regions.geojson")
        << R"({"type": "FeatureCollection", "features": [{"type": "Feature",
  "properties": {"island": "mainland-ru"},
  "geometry": {"type": "Polygon", "coordinates": [[[126, 50], [140, 50], [140, 53], [126, 53], [126, 50]]]}}]})";
    wide_with_layers(dir,
                     "    <layer id=\"regions\" kind=\"polygons\" path=\"regions.geojson\"/>\n");
    const Scene s(dir / "annotations.xml");
    CHECK(s.atlas->errors.empty());
    CHECK(s.atlas->warnings.empty()); // no countries layer, and none needed
    const auto at = [&](double lon, double lat) {
        const kuril::StatusRegion* hit = s.scene.region_at(s.projection.forward({lon, lat}));
        return hit == nullptr ? std::string("-") : hit->island->id;
    };
    CHECK(at(130, 51.5) == "mainland-ru");
    CHECK(at(130, 47) == "-"); // in RU by the countries, but not in the regions layer
    CHECK(at(148, 52) == "kamchatka");
}

TEST_CASE("[map] a regions feature naming no <island part_of> is not drawn, with a warning") {
    const auto dir = test_paths::scratch("wide-regions-unknown");
    std::ofstream(dir / "regions.geojson")
        << R"({"type": "FeatureCollection", "features": [{"type": "Feature",
  "properties": {"island": "atlantis"},
  "geometry": {"type": "Polygon", "coordinates": [[[126, 50], [140, 50], [140, 53], [126, 53], [126, 50]]]}}]})";
    wide_with_layers(dir, "    <layer id=\"regions\" kind=\"polygons\" path=\"regions.geojson\"/>\n"
                          "    <layer id=\"countries\" kind=\"polygons\" path=\"" +
                              (test_paths::fixtures() / "wide" / "countries.geojson").string() +
                              "\"/>\n");
    const Scene s(dir / "annotations.xml");
    CHECK(s.atlas->errors.empty());
    REQUIRE(s.atlas->warnings.size() == 1);
    CHECK(s.atlas->warnings.front().message.english() ==
          "island 'atlantis' of " + (dir / "regions.geojson").string() +
              " is no <island part_of=...> of the annotations; its polygons are not drawn");
    // mainland-ru, not in the regions layer, is cut by the countries at 45 N as before.
    const kuril::StatusRegion* hit = s.scene.region_at(s.projection.forward({137, 46}));
    REQUIRE(hit != nullptr);
    CHECK(hit->island->id == "mainland-ru");
}

TEST_CASE("[map] the shipped Russian mainland comes from shapes/regions.shp") {
    const Scene& s = shipped();
    REQUIRE(s.atlas->layer("regions") != nullptr);
    CHECK(s.atlas->layer("countries") == nullptr); // its one use is precomputed
    const auto at = [&](double lon, double lat) {
        const kuril::StatusRegion* hit = s.scene.region_at(s.projection.forward({lon, lat}));
        return hit == nullptr ? std::string("-") : hit->island->id;
    };
    CHECK(at(131.95, 43.8) == "russia-mainland");  // Ussuriysk
    CHECK(at(135.07, 48.48) == "russia-mainland"); // Khabarovsk
    CHECK(at(126.6, 45.75) == "-");                // Harbin, China
    CHECK(at(125.75, 39.03) == "-");               // Pyongyang
}

TEST_CASE("[map] country borders are drawn with the land, and in the legend") {
    const Scene& s = wide();
    REQUIRE(s.scene.borders.size() == 1);
    kuril::MapView view(s.scene.world, 1280, 720, s.scene.data_area);
    view.set(s.projection.forward({131, 45}), 2000);
    kuril::MapState state;
    const auto frame = kuril::build_frame(s.scene, state, view);
    CHECK(frame.borders.size() == 1);
    const auto has_row = [](const kuril::MapFrame& f) {
        return std::any_of(f.legend.begin(), f.legend.end(), [](const kuril::LegendItem& item) {
            return item.swatch == kuril::LegendItem::Swatch::border &&
                   item.label == "Country border (DCW)";
        });
    };
    CHECK(has_row(frame));
    state.toggle(kuril::Layer::land);
    const auto without_land = kuril::build_frame(s.scene, state, view);
    CHECK(without_land.borders.empty());
    CHECK(!has_row(without_land));
    // Far from the border: not in the frame, not in the legend.
    state.toggle(kuril::Layer::land);
    view.set(s.projection.forward({148, 53}), 500);
    const auto elsewhere = kuril::build_frame(s.scene, state, view);
    CHECK(elsewhere.borders.empty());
    CHECK(!has_row(elsewhere));
}

TEST_CASE("[map] a scene without status regions has the same land, lakes, lines and Home view") {
    for (const Scene* s : {&shipped(), &wide()}) {
        CAPTURE(s->atlas->annotations.file);
        const kuril::MapScene lean(*s->atlas, s->projection, kuril::SceneOptions{false});
        const kuril::MapScene& full = s->scene;
        REQUIRE_FALSE(full.regions.empty());
        CHECK(lean.regions.empty());
        CHECK_FALSE(lean.has_land_outside_regions);
        CHECK(lean.world.min_x == full.world.min_x);
        CHECK(lean.world.min_y == full.world.min_y);
        CHECK(lean.world.max_x == full.world.max_x);
        CHECK(lean.world.max_y == full.world.max_y);
        CHECK(lean.land.source_vertex_count() == full.land.source_vertex_count());
        CHECK(lean.lakes.source_vertex_count() == full.lakes.source_vertex_count());
        CHECK(lean.lines.size() == full.lines.size());
        CHECK(lean.borders.size() == full.borders.size());
        CHECK(lean.zones.size() == full.zones.size());
    }
}

TEST_CASE("[map] SceneOptions::for_layers: status regions unless only sea, land, lakes and "
          "graticule are shown") {
    using kuril::Layer;
    const auto with = [](std::initializer_list<Layer> layers) {
        std::array<bool, kuril::layer_count> visible{};
        for (const Layer layer : layers) {
            visible[static_cast<std::size_t>(layer)] = true;
        }
        return kuril::SceneOptions::for_layers(visible).status_regions;
    };
    CHECK_FALSE(with({}));
    CHECK_FALSE(with({Layer::sea, Layer::land, Layer::lakes}));
    CHECK_FALSE(with({Layer::land, Layer::graticule}));
    for (const Layer needing :
         {Layer::status, Layer::labels, Layer::lines, Layer::zones, Layer::events}) {
        CAPTURE(static_cast<int>(needing));
        CHECK(with({Layer::sea, Layer::land, needing}));
    }
    CHECK(kuril::SceneOptions::for_layers(kuril::default_layers).status_regions);
}

TEST_CASE("[map] without status regions, the regions layer still shows where Home is (data "
          "without land)") {
    // The wide data's annotations with the regions layer as their only layer: what Home shows
    // is what mainland-ru's polygon there reaches, made into a region or not.
    const auto dir = test_paths::scratch("wide-regions-only");
    std::ofstream(dir / "regions.geojson")
        << R"({"type": "FeatureCollection", "features": [{"type": "Feature",
  "properties": {"island": "mainland-ru"},
  "geometry": {"type": "Polygon", "coordinates": [[[130, 50], [158, 50], [158, 53], [130, 53], [130, 50]]]}}]})";
    std::ifstream in(test_paths::fixtures() / "wide" / "annotations.xml");
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const auto from = text.find("<layers>");
    const auto to = text.find("</layers>");
    REQUIRE(from != std::string::npos);
    REQUIRE(to != std::string::npos);
    text.replace(from, to - from,
                 "<layers>\n    <layer id=\"regions\" kind=\"polygons\" "
                 "path=\"regions.geojson\"/>\n  ");
    std::ofstream(dir / "annotations.xml") << text;
    const Scene s(dir / "annotations.xml");
    REQUIRE(s.scene.regions.size() == 1);
    CHECK_FALSE(s.scene.has_land);
    const kuril::MapScene lean(*s.atlas, s.projection, kuril::SceneOptions{false});
    CHECK(lean.regions.empty());
    CHECK(lean.world.min_x == s.scene.world.min_x);
    CHECK(lean.world.min_y == s.scene.world.min_y);
    CHECK(lean.world.max_x == s.scene.world.max_x);
    CHECK(lean.world.max_y == s.scene.world.max_y);
}
