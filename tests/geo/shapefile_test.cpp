// SPDX-License-Identifier: GPL-3.0-or-later
// Shapefiles read without GDAL (shapelib) against the same files read through GDAL; and GDAL
// loaded only when a source needs it (util/lazy_library.hpp).
#include "geo/atlas.hpp"
#include "geo/error.hpp"
#include "geo/geometry.hpp"
#include "geo/validated_list.hpp"
#include "geo/vector_source.hpp"
#include "test_paths.hpp"
#include "util/lazy_library.hpp"

#include <algorithm>
#include <doctest/doctest.h>
#include <filesystem>
#include <fstream>
#include <shapefil.h>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

/// The polygons in an order of their own (by first vertex): GDAL may list a feature's polygons
/// in another order than the file's rings.
std::vector<geo::Polygon> sorted(std::vector<geo::Polygon> polygons) {
    std::sort(polygons.begin(), polygons.end(), [](const geo::Polygon& a, const geo::Polygon& b) {
        const geo::Point pa = a.rings.empty() || a.rings[0].empty() ? geo::Point{} : a.rings[0][0];
        const geo::Point pb = b.rings.empty() || b.rings[0].empty() ? geo::Point{} : b.rings[0][0];
        return pa.x != pb.x ? pa.x < pb.x : pa.y < pb.y;
    });
    return polygons;
}

/// The layer as loaded, or the message of the InputError that loading throws.
struct Outcome {
    std::optional<geo::VectorLayer> layer;
    std::string error;
};

Outcome load(const fs::path& path, geo::LoadOptions options, bool through_gdal) {
    options.through_gdal = through_gdal;
    try {
        return {geo::load_vector_layer(path, options), ""};
    } catch (const geo::InputError& error) {
        return {std::nullopt, error.what()};
    }
}

void check_same(const fs::path& path, geo::GeometryKind kind) {
    CAPTURE(path);
    geo::LoadOptions options;
    options.expected = kind;
    const Outcome direct = load(path, options, false);
    const Outcome gdal = load(path, options, true);
    REQUIRE(direct.error == gdal.error);
    if (!gdal.layer) {
        return;
    }
    const geo::VectorLayer& a = *direct.layer;
    const geo::VectorLayer& b = *gdal.layer;
    CHECK(a.name == b.name);
    CHECK(a.crs_name == b.crs_name);
    CHECK(a.driver == b.driver);
    REQUIRE(a.warnings.size() == b.warnings.size());
    for (std::size_t i = 0; i < a.warnings.size(); ++i) {
        CHECK(a.warnings[i].to_string() == b.warnings[i].to_string());
    }
    REQUIRE(a.features.size() == b.features.size());
    for (std::size_t i = 0; i < a.features.size(); ++i) {
        CAPTURE(i);
        const geo::Feature& fa = a.features[i];
        const geo::Feature& fb = b.features[i];
        CHECK(fa.fid == fb.fid);
        CHECK(fa.attributes == fb.attributes);
        CHECK(fa.points == fb.points);
        CHECK(fa.lines == fb.lines);
        const auto pa = sorted(fa.polygons);
        const auto pb = sorted(fb.polygons);
        REQUIRE(pa.size() == pb.size());
        for (std::size_t k = 0; k < pa.size(); ++k) {
            CHECK(pa[k].rings == pb[k].rings);
        }
    }
}

} // namespace

TEST_CASE("[geo] a shapefile read without GDAL gives what GDAL gives: the shipped data") {
    for (const char* name : {"land", "lakes", "regions", "countries"}) {
        check_same(test_paths::shipped() / "shapes" / (std::string(name) + ".shp"),
                   geo::GeometryKind::polygons);
    }
    for (const char* name : {"borders", "boundaries", "zones"}) {
        check_same(test_paths::shipped() / "shapes" / (std::string(name) + ".shp"),
                   geo::GeometryKind::lines);
    }
}

TEST_CASE("[geo] a shapefile read without GDAL gives what GDAL gives: the test shapefiles") {
    // Invalid (bowtie: GDAL repairs it and says so), empty, no .prj, a name in kanji, lines.
    for (const char* name : {"squares", "bowtie", "empty", "noprj", "島々"}) {
        check_same(test_paths::fixtures() / (std::string(name) + ".shp"),
                   geo::GeometryKind::polygons);
        check_same(test_paths::fixtures() / (std::string(name) + ".shp"), geo::GeometryKind::any);
    }
    check_same(test_paths::fixtures() / "lines.shp", geo::GeometryKind::lines);
    // Lines where polygons are expected: GDAL's words.
    check_same(test_paths::fixtures() / "lines.shp", geo::GeometryKind::polygons);
}

TEST_CASE("[geo] a shapefile without a .cpg, or with another CRS, is read through GDAL alike") {
    const fs::path dir = test_paths::scratch("shapefile_fallback");
    for (const char* extension : {".shp", ".shx", ".dbf", ".prj"}) {
        fs::copy_file(test_paths::fixtures() / (std::string("squares") + extension),
                      dir / (std::string("squares") + extension));
    }
    check_same(dir / "squares.shp", geo::GeometryKind::polygons);
    {
        std::ofstream(dir / "squares.cpg") << "UTF-8";
        std::ofstream(dir / "squares.prj")
            << "GEOGCS[\"Tokyo\",DATUM[\"Tokyo\",SPHEROID[\"Bessel 1841\",6377397.155,"
               "299.1528128]],PRIMEM[\"Greenwich\",0],UNIT[\"degree\",0.0174532925199433]]";
    }
    check_same(dir / "squares.shp", geo::GeometryKind::polygons);
    const auto tokyo = geo::load_vector_layer(dir / "squares.shp");
    CHECK(tokyo.crs_name == "Tokyo");
}

namespace {

/// Writes `count` square polygons (one a record, integer attribute "n"), WGS 84 and UTF-8;
/// records listed in `empty` have no shape, one at `bad_vertex` lies beyond the pole, one at
/// `bowtie` crosses itself.
void write_squares(const fs::path& shp, int count, const std::vector<int>& empty, int bad_vertex,
                   int bowtie) {
    SHPHandle out = SHPCreate(shp.c_str(), SHPT_POLYGON);
    DBFHandle table = DBFCreate(shp.c_str());
    REQUIRE(out != nullptr);
    REQUIRE(table != nullptr);
    REQUIRE(DBFAddField(table, "n", FTInteger, 9, 0) == 0);
    for (int i = 0; i < count; ++i) {
        SHPObject* shape = nullptr;
        if (std::find(empty.begin(), empty.end(), i) != empty.end()) {
            shape = SHPCreateSimpleObject(SHPT_NULL, 0, nullptr, nullptr, nullptr);
        } else {
            const double x = 100.0 + (i % 100) * 0.5;
            const double y = i == bad_vertex ? 95.0 : 10.0 + (i / 100) * 0.5;
            // Clockwise (a shapefile's outer ring); the bow tie's middle edges cross.
            std::vector<double> xs{x, x, x + 0.25, x + 0.25, x};
            std::vector<double> ys{y, y + 0.25, y + 0.25, y, y};
            if (i == bowtie) {
                std::swap(xs[1], xs[2]);
            }
            shape = SHPCreateSimpleObject(SHPT_POLYGON, 5, xs.data(), ys.data(), nullptr);
        }
        REQUIRE(SHPWriteObject(out, -1, shape) == i);
        SHPDestroyObject(shape);
        REQUIRE(DBFWriteIntegerAttribute(table, i, 0, i) != 0);
    }
    SHPClose(out);
    DBFClose(table);
    fs::path prj = shp;
    std::ofstream(prj.replace_extension(".prj"))
        << "GEOGCS[\"GCS_WGS_1984\",DATUM[\"D_WGS_1984\",SPHEROID[\"WGS_1984\",6378137.0,"
           "298.257223563]],PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]]";
    fs::path cpg = shp;
    std::ofstream(cpg.replace_extension(".cpg")) << "UTF-8";
}

} // namespace

TEST_CASE("[geo] a long shapefile is read in runs on two threads: its order, and the first "
          "problem in it, as read in order") {
    const fs::path dir = test_paths::scratch("shapefile_runs");
    // 1,300 records (three runs): the features and warnings in the file's order, as GDAL.
    write_squares(dir / "long.shp", 1300, {0, 700, 1299}, -1, -1);
    check_same(dir / "long.shp", geo::GeometryKind::polygons);
    const auto layer = geo::load_vector_layer(dir / "long.shp");
    REQUIRE(layer.features.size() == 1297);
    CHECK(layer.features[698].fid == 699); // records 0 and 700 have no shape
    CHECK(layer.features[698].attributes.at("n") == "699");
    CHECK(layer.features[699].fid == 701);
    CHECK(layer.features.back().fid == 1298);
    REQUIRE(layer.warnings.size() == 3);
    CHECK(layer.warnings[1].to_string().find("feature 700: no geometry") != std::string::npos);
    // A vertex beyond the pole in the second run and a bow tie in the third: the vertex is
    // said (reading stops there); a bow tie alone makes it GDAL's (repaired, and said).
    write_squares(dir / "bad.shp", 1300, {}, 1000, 1200);
    check_same(dir / "bad.shp", geo::GeometryKind::polygons);
    CHECK_THROWS_WITH(geo::load_vector_layer(dir / "bad.shp"),
                      doctest::Contains("feature 1000: vertex (100, 95) is out of range"));
    write_squares(dir / "bowtie.shp", 1300, {}, -1, 1200);
    check_same(dir / "bowtie.shp", geo::GeometryKind::polygons);
    const auto repaired = geo::load_vector_layer(dir / "bowtie.shp");
    CHECK(repaired.features.size() == 1300);
    CHECK(repaired.driver == "ESRI Shapefile");
    REQUIRE(!repaired.warnings.empty());
    CHECK(repaired.warnings.front().to_string().find("1200") != std::string::npos);
}

#if KURIL_LAZY_LOAD
TEST_CASE("[geo] showing the shipped data never loads GDAL; a GeoJSON loads it, once") {
    REQUIRE_FALSE(kuril::lazy::loaded("gdal"));
    static int hooks = 0;
    kuril::lazy::on_load("gdal", [] { ++hooks; });
    const auto atlas = geo::load_atlas(test_paths::shipped() / "annotations.xml");
    CHECK(atlas->layers.size() >= 5);
    CHECK_FALSE(kuril::lazy::loaded("gdal"));
    CHECK(hooks == 0);

    const auto layer = geo::load_vector_layer(test_paths::fixtures() / "squares.geojson");
    CHECK(layer.driver == "GeoJSON");
    CHECK(kuril::lazy::loaded("gdal"));
    CHECK(hooks == 1);
    geo::load_vector_layer(test_paths::fixtures() / "lines.geojson");
    CHECK(hooks == 1);
    // A hook given once the library is loaded runs at once.
    kuril::lazy::on_load("gdal", [] { hooks += 10; });
    CHECK(hooks == 11);
}
#endif

namespace {

/// The lines of the file (none when it cannot be read).
std::vector<std::string> lines_of(const fs::path& file) {
    std::vector<std::string> lines;
    std::ifstream in(file);
    for (std::string line; std::getline(in, line);) {
        lines.push_back(line);
    }
    return lines;
}

} // namespace

TEST_CASE("[geo] file_crc64 is CRC-64/XZ; a file that cannot be read is named") {
    const fs::path dir = test_paths::scratch("crc64");
    std::ofstream(dir / "check.txt") << "123456789";
    CHECK(geo::file_crc64(dir / "check.txt") == 0x995dc9bbdf1939faULL); // the standard check
    std::ofstream(dir / "empty.txt");
    CHECK(geo::file_crc64(dir / "empty.txt") == 0);
    CHECK(geo::validated_line(dir / "check.txt") == "995dc9bbdf1939fa  9  check.txt");
    CHECK_THROWS_WITH(geo::file_crc64(dir / "missing.shp"),
                      doctest::Contains("missing.shp: cannot be read"));
}

TEST_CASE("[geo] a shapefile listed unchanged in its folder's validated.txt is read without the "
          "validity check; any other is checked") {
    const fs::path dir = test_paths::scratch("validated_list");
    const fs::path shp = dir / "tie.shp";
    const fs::path list = dir / geo::validated_list_name;
    write_squares(shp, 3, {}, -1, 1); // record 1 is a bow tie
    const auto checked = [&](const geo::LoadOptions& options = {}) {
        const auto layer = geo::load_vector_layer(shp, options);
        REQUIRE(layer.features.size() == 3);
        // GDAL repaired the bow tie and said so; read as listed, it is kept as it is.
        const bool repaired = !layer.warnings.empty() && layer.warnings.front().to_string().find(
                                                             "repaired") != std::string::npos;
        CHECK(geo::geos_valid(layer.features[1].polygons) == repaired);
        return repaired;
    };
    CHECK(checked()); // no list
    const std::string line = geo::validated_line(shp);
    std::ofstream(list) << "# comment\n\n" << line << "\n";
    CHECK_FALSE(geo::listed_as_validated(dir / "other.shp"));
    REQUIRE(geo::listed_as_validated(shp));
    {
        const auto layer = geo::load_vector_layer(shp);
        CHECK(layer.warnings.empty());
        CHECK(layer.driver == "ESRI Shapefile");
        CHECK_FALSE(geo::geos_valid(layer.features[1].polygons)); // the bow tie as written
    }
    geo::LoadOptions strict;
    strict.trust_validated_list = false;
    CHECK(checked(strict));
    // Lines that do not match the file as it is: each leaves it checked.
    const std::string size = std::to_string(fs::file_size(shp));
    for (const std::string& other :
         {std::string("0000000000000000  ") + size + "  tie.shp", line.substr(0, 18) + "1  tie.shp",
          line + "  extra", line.substr(0, 15) + "  " + size + "  tie.shp", std::string("garbage"),
          line.substr(0, 18) + size + "  TIE.shp"}) {
        CAPTURE(other);
        std::ofstream(list) << other << "\n";
        CHECK_FALSE(geo::listed_as_validated(shp));
        CHECK(checked());
    }
    // Changed since it was listed (the same size): checked.
    std::ofstream(list) << line << "\n";
    write_squares(shp, 3, {}, -1, 2);
    CHECK(fs::file_size(shp) == std::stoull(size));
    CHECK_FALSE(geo::listed_as_validated(shp));
    CHECK(checked());
}

TEST_CASE("[geo] the shipped validated.txt lists every polygon layer of the annotations as the "
          "file is now, and each is valid") {
    const fs::path shapes = test_paths::shipped() / "shapes";
    const auto listed = lines_of(shapes / geo::validated_list_name);
    const auto atlas = geo::load_atlas(test_paths::shipped() / "annotations.xml");
    int polygon_layers = 0;
    for (const auto& ref : atlas->annotations.layers) {
        if (ref.kind != geo::GeometryKind::polygons) {
            continue;
        }
        ++polygon_layers;
        CAPTURE(ref.path);
        INFO("stale: run shapes/recipe/make-validated.sh");
        REQUIRE(ref.path.parent_path() == shapes);
        CHECK(std::find(listed.begin(), listed.end(), geo::validated_line(ref.path)) !=
              listed.end());
        geo::LoadOptions options;
        options.repair_invalid = false;
        options.trust_validated_list = false;
        for (const auto& feature : geo::load_vector_layer(ref.path, options).features) {
            CHECK((geo::certainly_valid(feature.polygons) || geo::geos_valid(feature.polygons)));
        }
    }
    CHECK(polygon_layers >= 3); // land, lakes, regions
}

TEST_CASE("[geo] an atlas checks every polygon of a listed file when told not to trust the list "
          "(check)") {
    const fs::path dir = test_paths::scratch("validated_atlas");
    write_squares(dir / "tie.shp", 3, {}, -1, 1); // record 1 is a bow tie
    std::ofstream(dir / geo::validated_list_name) << geo::validated_line(dir / "tie.shp") << "\n";
    std::ofstream(dir / "annotations.xml")
        << "<atlas version=\"1\"><layers><layer id=\"land\" kind=\"polygons\" path=\"tie.shp\"/>"
           "</layers></atlas>\n";
    const auto repaired = [&](bool trust) {
        geo::AtlasOptions options;
        options.trust_validated_lists = trust;
        const auto atlas = geo::load_atlas(dir / "annotations.xml", options);
        return std::any_of(atlas->warnings.begin(), atlas->warnings.end(), [](const auto& w) {
            return w.to_string().find("invalid geometry") != std::string::npos;
        });
    };
    CHECK_FALSE(repaired(true));
    CHECK(repaired(false));
}
