// SPDX-License-Identifier: GPL-3.0-or-later
// What GIS software reads from an export: a PNG placed by its side files in CRSs whose axes
// run north first, a GeoTIFF placed the same, both probed through GDAL as GDAL tools read them
// (the geotransform and the CRS with its axis mapping); and the vector data of a date read
// back through OGR.
#include "drawing_fixture.hpp"
#include "export/exporter.hpp"
#include "export/vector_export.hpp"
#include "geo/error.hpp"
#include "render/style.hpp"

#include <doctest/doctest.h>
#include <fstream>
#include <gdal_priv.h>
#include <iterator>
#include <map>
#include <memory>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

namespace fs = std::filesystem;

namespace {

using test_drawing::near;

/// The shipped data, loaded once for the file.
const geo::Atlas& shipped_atlas() {
    static const auto atlas = geo::load_atlas(test_paths::shipped() / "annotations.xml");
    return *atlas;
}

/// The colour GDAL finds at a longitude and latitude of an image: WGS 84 transformed to the
/// image's CRS (as GDAL read it, with its axis mapping), then to a pixel by its geotransform.
/// Fails unless the point is inside the image.
sf::Color colour_at(const fs::path& image, geo::Point lon_lat) {
    GDALDataset* dataset = GDALDataset::Open(image.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY);
    REQUIRE(dataset != nullptr);
    std::array<double, 6> gt{};
    REQUIRE(dataset->GetGeoTransform(gt.data()) == CE_None);
    const OGRSpatialReference* srs = dataset->GetSpatialRef();
    REQUIRE(srs != nullptr);
    OGRSpatialReference wgs84;
    wgs84.SetWellKnownGeogCS("WGS84");
    wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    std::unique_ptr<OGRCoordinateTransformation> transform(
        OGRCreateCoordinateTransformation(&wgs84, srs));
    REQUIRE(transform != nullptr);
    double x = lon_lat.x;
    double y = lon_lat.y;
    REQUIRE(transform->Transform(1, &x, &y));
    const double column = (x - gt[0]) / gt[1];
    const double row = (y - gt[3]) / gt[5];
    CAPTURE(column);
    CAPTURE(row);
    REQUIRE(column >= 0);
    REQUIRE(row >= 0);
    REQUIRE(column < dataset->GetRasterXSize());
    REQUIRE(row < dataset->GetRasterYSize());
    std::array<std::uint8_t, 3> rgb{};
    for (int band = 1; band <= 3; ++band) {
        REQUIRE(dataset->GetRasterBand(band)->RasterIO(GF_Read, static_cast<int>(column),
                                                       static_cast<int>(row), 1, 1, &rgb[band - 1],
                                                       1, 1, GDT_Byte, 0, 0, nullptr) == CE_None);
    }
    GDALClose(dataset);
    return {rgb[0], rgb[1], rgb[2]};
}

} // namespace

TEST_CASE("[export] gis: PNG and GeoTIFF of Shikotan placed right by GDAL in north-first CRSs") {
    // JGD2000 / Japan Plane Rectangular CS XII (northing, easting), ETRS89-LAEA (northing,
    // easting) and WGS 84 (latitude, longitude): GDAL tools misplaced the PNG by hundreds of km
    // when its .aux.xml mapped the image's x to the CRS's first axis.
    GDALAllRegister();
    sf::Font font;
    REQUIRE(std::getenv("DISPLAY") != nullptr);
    kuril::load_map_font(font);
    const geo::Point land{146.7112, 43.7965}; // Shikotan's point on surface
    const geo::Point sea{146.561, 43.761};    // the strait west of it
    for (const std::string crs : {"EPSG:2454", "EPSG:3035", "EPSG:4326"}) {
        CAPTURE(crs);
        const geo::Projection projection(crs);
        const kuril::MapScene scene(shipped_atlas(), projection);
        const fs::path dir = test_paths::scratch("gis_place_" + crs.substr(5));
        for (const bool geotiff : {false, true}) {
            CAPTURE(geotiff);
            kuril::ExportOptions options;
            options.out = dir / (geotiff ? "shikotan.tif" : "shikotan.png");
            options.geotiff = geotiff;
            options.width = 640;
            options.height = 480;
            options.date = {2000, 1, 1};
            options.view.island = "shikotan";
            options.visible.fill(false);
            options.visible[static_cast<std::size_t>(kuril::Layer::sea)] = true;
            options.visible[static_cast<std::size_t>(kuril::Layer::land)] = true;
            options.legend = false;
            options.footer = false;
            kuril::export_map(scene, font, options);
            CHECK(near(colour_at(options.out, land), kuril::style::land));
            CHECK(near(colour_at(options.out, sea), kuril::style::sea));
        }
    }
}

namespace {

/// Every feature of every layer of a vector file, by kind and id ("island:shikotan"), as
/// field name -> value text; and the layers' names.
struct VectorFile {
    std::map<std::string, std::map<std::string, std::string>> features;
    std::map<std::string, std::string> geometry_types;
    std::vector<std::string> layers;
    std::string authority_code; ///< of the first layer's CRS
};

VectorFile read_vector(const fs::path& path) {
    VectorFile file;
    // Dates as written (GeoJSON's reader would turn them into its own date type).
    const char* const open_options[] = {"DATE_AS_STRING=YES", nullptr};
    GDALDataset* dataset =
        GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr,
                          path.extension() == ".geojson" ? open_options : nullptr);
    REQUIRE(dataset != nullptr);
    for (OGRLayer* layer : dataset->GetLayers()) {
        file.layers.emplace_back(layer->GetName());
        if (file.authority_code.empty() && layer->GetSpatialRef() != nullptr) {
            const char* code = layer->GetSpatialRef()->GetAuthorityCode(nullptr);
            file.authority_code = code != nullptr ? code : "";
        }
        for (auto& feature : *layer) {
            std::map<std::string, std::string> fields;
            for (int i = 0; i < feature->GetFieldCount(); ++i) {
                fields[feature->GetFieldDefnRef(i)->GetNameRef()] =
                    feature->IsFieldSetAndNotNull(i) ? feature->GetFieldAsString(i) : "";
            }
            std::string key = fields["kind"] + ":" + fields["id"];
            if (!fields["part"].empty()) {
                key += ":" + fields["part"];
            }
            file.geometry_types[key] = feature->GetGeometryRef() != nullptr
                                           ? feature->GetGeometryRef()->getGeometryName()
                                           : "";
            file.features[key] = std::move(fields);
        }
    }
    GDALClose(dataset);
    return file;
}

} // namespace

TEST_CASE("[export] gis: the statuses and lines of a date as GeoJSON, GeoPackage and KML") {
    GDALAllRegister();
    const geo::Projection projection("EPSG:2454");
    const kuril::MapScene scene(shipped_atlas(), projection);
    const fs::path dir = test_paths::scratch("gis_vector");
    kuril::ExportOptions options;
    options.date = {1950, 1, 1};

    options.out = dir / "kurils-1950.geojson";
    const auto result = kuril::export_vector_data(scene, options, kuril::VectorFormat::geojson,
                                                  true); // GeoJSON is always WGS 84
    CHECK(result.islands == scene.regions.size());
    CHECK(result.lines > 0);
    CHECK(fs::exists(dir / "kurils-1950.sources.txt"));
    const VectorFile geojson = read_vector(options.out);
    CHECK(geojson.authority_code == "4326");
    REQUIRE(geojson.features.count("island:shikotan") == 1);
    const auto& shikotan = geojson.features.at("island:shikotan");
    CHECK(shikotan.at("name_en") == "Shikotan");
    CHECK(shikotan.at("name_ja") == "色丹島");
    CHECK(shikotan.at("name_ru") == "Шикотан");
    CHECK(shikotan.at("administered_by") == "RU");
    CHECK(shikotan.at("administered_by_name") == "USSR");
    CHECK(shikotan.at("claimed_by").find("JP") != std::string::npos);
    CHECK(shikotan.at("date") == "1950-01-01");
    CHECK(shikotan.at("status_known") == "1");
    CHECK(!shikotan.at("sources").empty());
    CHECK(!shikotan.at("source_titles").empty());
    CHECK(geojson.geometry_types.at("island:shikotan") == "MULTIPOLYGON");
    // Hokkaido: Japan's, claimed by no one else.
    REQUIRE(geojson.features.count("island:hokkaido") == 1);
    CHECK(geojson.features.at("island:hokkaido").at("administered_by") == "JP");
    // The lines in force, each with its name; a construction says so.
    std::size_t lines = 0;
    std::size_t approximate = 0;
    for (const auto& [key, fields] : geojson.features) {
        if (fields.at("kind") != "line") {
            continue;
        }
        ++lines;
        CAPTURE(key);
        CHECK(!fields.at("name_en").empty());
        CHECK(!fields.at("name_ja").empty());
        CHECK(!fields.at("name_ru").empty());
        CHECK(fields.at("name_en") != fields.at("id")); // a name, never the id
        const std::string& type = geojson.geometry_types.at(key);
        CHECK((type == "LINESTRING" || type == "MULTILINESTRING"));
        if (fields.at("approx") == "1") {
            ++approximate;
            CHECK(fields.at("name_en").find("approx") != std::string::npos);
        }
    }
    CHECK(lines == result.lines);
    CHECK(approximate > 0);

    // A GeoPackage in the CRS asked for, islands and lines in layers of their own.
    options.out = dir / "kurils-1950.gpkg";
    kuril::export_vector_data(scene, options, kuril::VectorFormat::gpkg, true);
    const VectorFile gpkg = read_vector(options.out);
    CHECK(gpkg.layers == std::vector<std::string>{"islands", "lines"});
    CHECK(gpkg.authority_code == "2454");
    CHECK(gpkg.features.at("island:shikotan").at("administered_by_name") == "USSR");
    CHECK(gpkg.features.size() == geojson.features.size());
    // Without --crs, WGS 84.
    options.out = dir / "kurils-1950-lonlat.gpkg";
    kuril::export_vector_data(scene, options, kuril::VectorFormat::gpkg, false);
    CHECK(read_vector(options.out).authority_code == "4326");

    // KML for Google Earth: two folders, each placemark named in words.
    options.out = dir / "kurils-1950.kml";
    kuril::export_vector_data(scene, options, kuril::VectorFormat::kml, true);
    const VectorFile kml = read_vector(options.out);
    CHECK(kml.layers.size() == 2);
    CHECK(kml.features.size() == geojson.features.size());
    std::string placemarks;
    {
        std::ifstream in(options.out);
        placemarks.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    CHECK(placemarks.find("<name>Shikotan</name>") != std::string::npos);
    CHECK(placemarks.find("administered by USSR; claimed by Japan") != std::string::npos);
    // Coloured as the map: Russia's fill (236,193,97) as KML's aabbggrr.
    CHECK(placemarks.find("<color>b061c1ec</color>") != std::string::npos);
    // No temporary file is left.
    std::size_t files = 0;
    for ([[maybe_unused]] const auto& entry : fs::directory_iterator(dir)) {
        ++files;
    }
    // Four data files; their lists of sources by name: kurils-1950.sources.txt (the last
    // written, the KML's) and kurils-1950-lonlat.sources.txt.
    CHECK(files == 6);
}

TEST_CASE("[export] gis: vector data that cannot be written is refused and leaves nothing") {
    GDALAllRegister();
    const geo::Projection projection;
    const kuril::MapScene scene(shipped_atlas(), projection);
    const fs::path dir = test_paths::scratch("gis_vector_refused");
    kuril::ExportOptions options;
    options.out = dir / "missing-folder" / "x.geojson";
    CHECK_THROWS_WITH_AS(
        kuril::export_vector_data(scene, options, kuril::VectorFormat::geojson, false),
        doctest::Contains("missing-folder"), geo::InputError);
    options.out = dir;
    CHECK_THROWS_AS(kuril::export_vector_data(scene, options, kuril::VectorFormat::geojson, false),
                    geo::InputError);
    CHECK(fs::is_empty(dir));
    CHECK(kuril::vector_format_for("a/B.GeoJSON") == kuril::VectorFormat::geojson);
    CHECK(kuril::vector_format_for("b.gpkg") == kuril::VectorFormat::gpkg);
    CHECK(kuril::vector_format_for("c.KML") == kuril::VectorFormat::kml);
    CHECK(!kuril::vector_format_for("d.json"));
    CHECK(!kuril::vector_format_for("e.png"));
}
