// SPDX-License-Identifier: GPL-3.0-or-later
// The user's own layers (--layer): loading (and every refusal, with its message), the style
// option, and what the frame decides about them.
#include "geo/atlas.hpp"
#include "geo/error.hpp"
#include "geo/projection.hpp"
#include "map/map_frame.hpp"
#include "map/user_layer.hpp"
#include "test_paths.hpp"
#include "user_layer_fixtures.hpp"

#include <algorithm>
#include <doctest/doctest.h>
#include <fstream>
#include <memory>
#include <string>

namespace {

namespace fs = std::filesystem;

std::string load_error(const fs::path& file, const kuril::UserLayerOptions& options = {}) {
    const geo::Projection projection;
    try {
        kuril::load_user_layers(file, options, {}, projection);
    } catch (const geo::InputError& error) {
        return error.what();
    }
    return "(no error)";
}

std::string style_error(const std::string& text) {
    try {
        kuril::parse_layer_style(text);
    } catch (const geo::InputError& error) {
        return error.what();
    }
    return "(no error)";
}

struct Shipped {
    std::unique_ptr<geo::Atlas> atlas = geo::load_atlas(test_paths::shipped() / "annotations.xml");
    geo::Projection projection;
    kuril::MapScene scene{*atlas, projection};
};

Shipped& shipped() {
    static Shipped s;
    return s;
}

kuril::MapView region_view(const kuril::MapScene& scene) {
    const geo::Projection& p = *scene.projection;
    const geo::Point a = p.forward({141, 42});
    const geo::Point b = p.forward({149, 46});
    return kuril::MapView(
        geo::Box{std::min(a.x, b.x), std::min(a.y, b.y), std::max(a.x, b.x), std::max(a.y, b.y)},
        1280, 720);
}

} // namespace

TEST_CASE("[map] user layer style: colour and width, and each mistake named") {
    const auto style = kuril::parse_layer_style("color=#aa3377,width=3.5");
    CHECK(style.rgb == 0xaa3377u);
    CHECK(style.width == 3.5);
    CHECK(kuril::parse_layer_style("width=1").rgb == kuril::UserLayerStyle{}.rgb);
    CHECK(style_error("color=#12345") ==
          "--layer-style: color '#12345': expected #RRGGBB, six hexadecimal digits (e.g. #aa3377)");
    CHECK(style_error("width=0") ==
          "--layer-style: width '0': expected a number of pixels from 0.5 to 20");
    CHECK(style_error("size=3") ==
          "--layer-style: unknown key 'size' (expected color and width, e.g. "
          "color=#aa3377,width=2)");
    CHECK(style_error("red") == "--layer-style 'red': expected color=#RRGGBB,width=W (e.g. "
                                "color=#aa3377,width=2)");
}

TEST_CASE("[map] user layer: each file that cannot be drawn is refused in one line naming it") {
    const fs::path dir = test_paths::scratch("user_layer_errors");
    const fs::path missing = dir / "nowhere.geojson";
    CHECK(load_error(missing) == missing.string() + ": no such file");
    // No CRS (a shapefile without its .prj), and no --data-crs to assume one.
    const fs::path noprj = test_paths::fixtures() / "noprj.shp";
    CHECK(load_error(noprj) ==
          noprj.string() + ": layer 'noprj' has no CRS (is its .prj file missing?); state the CRS "
                           "of the data with --data-crs, e.g. --data-crs EPSG:4326");
    const fs::path empty = test_paths::fixtures() / "empty.shp";
    CHECK(load_error(empty) ==
          empty.string() + ": layer 'empty' is empty: no features with geometry");
    // A raster (an ESRI ASCII grid, which GDAL reads as an image).
    const fs::path raster = dir / "heights.asc";
    std::ofstream(raster) << "ncols 2\nnrows 2\nxllcorner 0\nyllcorner 0\ncellsize 1\n1 2\n3 4\n";
    CHECK(load_error(raster) == raster.string() + ": is a raster image, expected vector data "
                                                  "(points, lines or polygons)");
    const fs::path text = dir / "notes.txt";
    std::ofstream(text) << "not map data at all\n";
    CHECK(load_error(text).rfind(text.string() + ": not a vector data source GDAL can read", 0) ==
          0);
    // A label field that no feature has: the fields they do have are named.
    const geo::Projection projection;
    const fs::path json = test_user_layers::write_geojson(dir / "mine.geojson");
    auto layers = kuril::load_user_layers(json, {}, {}, projection);
    const auto field_error = [&](const std::string& field) {
        try {
            kuril::check_label_field(layers, field);
        } catch (const geo::InputError& error) {
            return std::string(error.what());
        }
        return std::string("(no error)");
    };
    CHECK(field_error("name") == "(no error)");
    CHECK(field_error("title") ==
          json.string() +
              ": --label-field 'title': no feature has that field (fields: kind, name)");
    for (auto& layer :
         kuril::load_user_layers(test_paths::fixtures() / "lines.geojson", {}, {}, projection)) {
        layers.push_back(std::move(layer));
    }
    CHECK(field_error("id") == "(no error)"); // one file has it: the other is unlabelled
    CHECK(field_error("title") == "--label-field 'title': no feature of the --layer files has "
                                  "that field (fields: id, kind, name)");
}

TEST_CASE("[map] user layer: a file without a CRS is read with --data-crs") {
    kuril::UserLayerOptions options;
    options.assumed_crs = "EPSG:4326";
    const geo::Projection projection;
    const auto layers =
        kuril::load_user_layers(test_paths::fixtures() / "noprj.shp", options, {}, projection);
    REQUIRE(layers.size() == 1);
    CHECK(layers[0].title == "noprj.shp");
    CHECK_FALSE(layers[0].features.empty());
}

TEST_CASE("[map] user layer: the frame shows its features, labels and legend rows by title") {
    Shipped& s = shipped();
    const fs::path dir = test_paths::scratch("user_layer_frame");
    kuril::UserLayerOptions options;
    options.label_field = "name";
    const kuril::UserLayerStyle style = kuril::parse_layer_style("color=#aa3377,width=3");
    s.scene.user_layers = kuril::load_user_layers(
        test_user_layers::write_geojson(dir / "my data.geojson"), options, style, s.projection);
    REQUIRE(s.scene.user_layers.size() == 1);
    const auto& layer = s.scene.user_layers[0];
    CHECK(layer.title == "my data.geojson");
    const auto has = [&layer](auto part) {
        return std::any_of(
            layer.features.begin(), layer.features.end(),
            [&](const kuril::UserFeature& feature) { return !(feature.*part).empty(); });
    };
    CHECK(has(&kuril::UserFeature::points));
    CHECK(has(&kuril::UserFeature::lines));
    CHECK(has(&kuril::UserFeature::polygons));

    const kuril::MapView view = region_view(s.scene);
    const kuril::MapFrame frame = kuril::build_frame(s.scene, kuril::MapState{}, view);
    CHECK(frame.user_features.size() == 3);
    std::vector<std::string> labels;
    for (const auto& label : frame.labels) {
        if (label.kind == kuril::LabelKind::user) {
            labels.push_back(label.text);
        }
    }
    std::sort(labels.begin(), labels.end());
    CHECK(labels == std::vector<std::string>{"Test area", "Test port", "Test route"});
    std::vector<std::string> rows;
    for (const auto& item : frame.legend) {
        if (item.swatch == kuril::LegendItem::Swatch::user_fill ||
            item.swatch == kuril::LegendItem::Swatch::user_line ||
            item.swatch == kuril::LegendItem::Swatch::user_point) {
            CHECK(item.user_rgb == 0xaa3377u);
            rows.push_back(item.label);
        }
    }
    CHECK(rows == std::vector<std::string>{"my data.geojson (areas)", "my data.geojson (lines)",
                                           "my data.geojson (points)"});

    // A click finds the point, the line and the inside of the area, and nothing at open sea.
    const auto hit = [&](double lon, double lat) -> const kuril::UserFeature* {
        const geo::Point screen = view.map_to_screen(s.projection.forward({lon, lat}));
        const auto* shown = frame.user_feature_at(screen, 6);
        return shown == nullptr ? nullptr
                                : &s.scene.user_layers[shown->layer].features[shown->feature];
    };
    REQUIRE(hit(test_user_layers::point_lon, test_user_layers::point_lat) != nullptr);
    CHECK(hit(test_user_layers::point_lon, test_user_layers::point_lat)->label == "Test port");
    REQUIRE(hit(146.0, test_user_layers::line_lat) != nullptr);
    CHECK(hit(146.0, test_user_layers::line_lat)->label == "Test route");
    REQUIRE(hit(144.2, 44.9) != nullptr);
    CHECK(hit(144.2, 44.9)->label == "Test area");
    CHECK(hit(147.0, 44.0) == nullptr);

    // Its panel: the attributes as the file has them, and whose data they are.
    const kuril::PanelReport report = kuril::user_feature_report(layer, *hit(144.2, 44.9));
    CHECK(report.title == "Test area");
    CHECK(report.body.find("kind: survey") != std::string::npos);
    CHECK(report.body.find("name: Test area") != std::string::npos);
    CHECK(report.body.find("Your layer my data.geojson") != std::string::npos);
    s.scene.user_layers.clear();
}
