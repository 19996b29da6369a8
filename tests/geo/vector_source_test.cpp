// SPDX-License-Identifier: GPL-3.0-or-later
#include "geo/error.hpp"
#include "geo/geodesic.hpp"
#include "geo/vector_source.hpp"
#include "test_paths.hpp"

#include <doctest/doctest.h>
#include <filesystem>
#include <fstream>
#include <string>

namespace fs = std::filesystem;

namespace {

/// The message of the InputError that loading throws, or "" if nothing is thrown.
std::string load_error(const fs::path& path, geo::LoadOptions options = {}) {
    try {
        geo::load_vector_layer(path, options);
    } catch (const geo::InputError& error) {
        return error.what();
    }
    return "";
}

/// A copy of the squares shapefile under a scratch folder, without the given parts.
fs::path squares_copy(const std::string& test, std::initializer_list<const char*> without = {}) {
    const fs::path dir = test_paths::scratch(test);
    for (const char* extension : {".shp", ".shx", ".dbf", ".prj", ".cpg"}) {
        bool skip = false;
        for (const char* omitted : without) {
            skip = skip || std::string(omitted) == extension;
        }
        if (!skip) {
            fs::copy_file(test_paths::fixtures() / (std::string("squares") + extension),
                          dir / (std::string("squares") + extension));
        }
    }
    return dir / "squares.shp";
}

geo::LoadOptions polygons() {
    geo::LoadOptions options;
    options.expected = geo::GeometryKind::polygons;
    return options;
}

} // namespace

TEST_CASE("[geo] any OGR vector format loads with the same features and areas") {
    const auto shp = geo::load_vector_layer(test_paths::fixtures() / "squares.shp", polygons());
    CHECK(shp.driver == "ESRI Shapefile");
    CHECK(shp.features.size() == 2);
    CHECK(shp.vertex_count() == 12); // rings are stored open
    CHECK(shp.features[0].attribute("island") == "square");
    CHECK(shp.crs_name == "WGS 84");
    const double area = geo::geodesic_area_km2(shp.features[1].polygons);
    for (const char* name : {"squares.geojson", "squares.gpkg", "squares.kml"}) {
        CAPTURE(name);
        const auto layer = geo::load_vector_layer(test_paths::fixtures() / name, polygons());
        REQUIRE(layer.features.size() == 2);
        CHECK(layer.vertex_count() == 12);
        CHECK(geo::geodesic_area_km2(layer.features[1].polygons) == doctest::Approx(area));
    }
    CHECK(geo::list_vector_layers(test_paths::fixtures() / "squares.gpkg") ==
          std::vector<std::string>{"squares"});
}

TEST_CASE("[geo] a missing file is named") {
    const fs::path path = test_paths::fixtures() / "nowhere.shp";
    CHECK(load_error(path) == path.string() + ": no such file");
}

TEST_CASE("[geo] a vector source's errors and warnings say themselves in ja and ru") {
    const fs::path missing = test_paths::fixtures() / "no-such-file.shp";
    try {
        geo::load_vector_layer(missing);
        FAIL("expected an InputError");
    } catch (const geo::InputError& error) {
        CHECK(std::string(error.what()) == missing.string() + ": no such file");
        CHECK(error.text("ja") == missing.string() + ": ファイルがありません");
        CHECK(error.text("ru") == missing.string() + ": файл не найден");
    }
    // The file's kind is said in the language of the sentence it stands in.
    try {
        geo::load_vector_layer("/dev/null");
        FAIL("expected an InputError");
    } catch (const geo::InputError& error) {
        CHECK(std::string(error.what()) ==
              "/dev/null: is a character device, expected a vector data file (a regular file)");
        CHECK(error.text("ja") == "/dev/null: キャラクターデバイスです。ベクターデータのファイル"
                                  "（通常のファイル）を指定してください");
        CHECK(error.text("ru") == "/dev/null: это символьное устройство, ожидается файл векторных "
                                  "данных (обычный файл)");
    }
    // A warning about a feature, and GEOS's reason in it as GEOS wrote it.
    const fs::path bowtie = test_paths::fixtures() / "bowtie.shp";
    const auto layer = geo::load_vector_layer(bowtie, polygons());
    REQUIRE(layer.warnings.size() == 1);
    CHECK(layer.warnings[0].to_string("ja").rfind(
              bowtie.string() + ": 地物 0: 不正なジオメトリ（Self-intersection", 0) == 0);
    CHECK(layer.warnings[0].to_string("ru").rfind(
              bowtie.string() + ": объект 0: недопустимая геометрия (Self-intersection", 0) == 0);
    CHECK(layer.warnings[0].to_string("ru").ends_with(") исправлена"));
}

TEST_CASE("[geo] a directory instead of a file is refused") {
    const fs::path path = test_paths::fixtures();
    CHECK(load_error(path) == path.string() + ": is a directory, expected a vector data file");
}

TEST_CASE("[geo] a shapefile without its .shx or .dbf says which part is missing") {
    const fs::path no_shx = squares_copy("no_shx", {".shx"});
    CHECK(load_error(no_shx) ==
          no_shx.string() +
              ": missing squares.shx (a shapefile needs its .shp, .shx and .dbf files)");
    const fs::path no_dbf = squares_copy("no_dbf", {".dbf"});
    CHECK(load_error(no_dbf) ==
          no_dbf.string() +
              ": missing squares.dbf (a shapefile needs its .shp, .shx and .dbf files)");
}

TEST_CASE("[geo] a shapefile without .prj is an error unless the CRS is stated") {
    const fs::path path = test_paths::fixtures() / "noprj.shp";
    CHECK(load_error(path) == path.string() +
                                  ": layer 'noprj' has no CRS (is its .prj file missing?); state "
                                  "the CRS of the data with --data-crs, e.g. --data-crs "
                                  "EPSG:4326");
    geo::LoadOptions stated;
    stated.assumed_crs = "EPSG:4326";
    const auto layer = geo::load_vector_layer(path, stated);
    CHECK(layer.features.size() == 2);
}

TEST_CASE("[geo] a truncated .shp is reported with its sizes") {
    const fs::path path = squares_copy("truncated");
    const auto full = fs::file_size(path);
    fs::resize_file(path, full - 40);
    CHECK(load_error(path) == path.string() + ": truncated shapefile: header declares " +
                                  std::to_string(full) + " bytes, file has " +
                                  std::to_string(full - 40));
    fs::resize_file(path, 60);
    CHECK(load_error(path) ==
          path.string() + ": truncated shapefile: 60 bytes, shorter than the 100-byte header");
}

TEST_CASE("[geo] a line layer where polygons are expected is refused") {
    const fs::path path = test_paths::fixtures() / "lines.shp";
    CHECK(load_error(path, polygons()) ==
          path.string() + ": layer 'lines' holds Line String geometry, expected polygons");
    geo::LoadOptions lines;
    lines.expected = geo::GeometryKind::lines;
    CHECK(geo::load_vector_layer(path, lines).features.at(0).lines.size() == 1);
}

TEST_CASE("[geo] an empty layer is refused") {
    const fs::path path = test_paths::fixtures() / "empty.shp";
    CHECK(load_error(path) ==
          path.string() + ": layer 'empty' is empty: no features with geometry");
}

TEST_CASE("[geo] a self-intersecting polygon is repaired with a warning naming the feature") {
    const fs::path path = test_paths::fixtures() / "bowtie.shp";
    const auto layer = geo::load_vector_layer(path, polygons());
    REQUIRE(layer.warnings.size() == 1);
    CHECK(layer.warnings[0].to_string().rfind(
              path.string() + ": feature 0: invalid geometry (Self-intersection", 0) == 0);
    CHECK(layer.warnings[0].to_string().find(") repaired") != std::string::npos);
    CHECK(layer.warnings[0].file == path);
    CHECK(layer.warnings[0].feature == "0");
    // The bow tie becomes its two triangles: half of the 1° square.
    REQUIRE(layer.features.size() == 1);
    CHECK(layer.features[0].polygons.size() == 2);
    const auto square = geo::load_vector_layer(test_paths::fixtures() / "squares.shp", polygons());
    CHECK(geo::geodesic_area_km2(layer.features[0].polygons) ==
          doctest::Approx(geo::geodesic_area_km2(square.features[0].polygons) / 2).epsilon(0.01));
}

TEST_CASE("[geo] a non-ASCII file name loads and is named correctly in messages") {
    const fs::path path = test_paths::fixtures() / "島々.shp";
    const auto layer = geo::load_vector_layer(path, polygons());
    CHECK(layer.name == "島々");
    CHECK(layer.features.size() == 2);
    const fs::path dir = test_paths::scratch("non_ascii");
    fs::copy_file(path, dir / "島々.shp");
    CHECK(load_error(dir / "島々.shp") ==
          (dir / "島々.shp").string() +
              ": missing 島々.shx (a shapefile needs its .shp, .shx and .dbf files)");
}

TEST_CASE("[geo] a feature of the wrong kind is named in the message and as a field") {
    const fs::path path = test_paths::scratch("mixed") / "mixed.geojson";
    std::ofstream(path) << R"({"type": "FeatureCollection", "features": [
{"type": "Feature", "properties": {}, "geometry": {"type": "Polygon",
  "coordinates": [[[140, 40], [141, 40], [141, 41], [140, 40]]]}},
{"type": "Feature", "properties": {}, "geometry": {"type": "LineString",
  "coordinates": [[140, 40], [141, 41]]}}]})";
    try {
        geo::load_vector_layer(path, polygons());
        FAIL("expected an InputError");
    } catch (const geo::InputError& error) {
        CHECK(std::string(error.what()) ==
              path.string() + ": feature 1 is a Line String, expected polygons");
        CHECK(error.file() == path);
        CHECK(error.feature() == "1");
    }
}
