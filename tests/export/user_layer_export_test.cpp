// SPDX-License-Identifier: GPL-3.0-or-later
// The user's own layers (--layer) in an export: a GeoJSON (points, lines, polygons, labelled), a
// GeoPackage of two layers and a shapefile in EPSG:3857, written here with OGR, drawn, read back
// and probed through the world file; their labels and legend rows read from the manifest.
#include "drawing_fixture.hpp"
#include "export/exporter.hpp"
#include "export_fixture.hpp"
#include "map/user_layer.hpp"
#include "render/style.hpp"
#include "user_layer_fixtures.hpp"

#include <SFML/Graphics.hpp>
#include <doctest/doctest.h>
#include <fstream>
#include <gdal_priv.h>
#include <iterator>
#include <ogrsf_frmts.h>

namespace fs = std::filesystem;

namespace {

using test_export::geotransform;
using test_export::pixel_at;

using namespace test_user_layers;

/// A GeoPackage with two layers in WGS 84: "ports" (a point) and "routes" (a line).
fs::path write_geopackage(const fs::path& path) {
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GPKG");
    REQUIRE(driver != nullptr);
    GDALDataset* dataset = driver->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr);
    REQUIRE(dataset != nullptr);
    OGRSpatialReference wgs84;
    wgs84.importFromEPSG(4326);
    OGRLayer* ports = dataset->CreateLayer("ports", &wgs84, wkbPoint, nullptr);
    OGRLayer* routes = dataset->CreateLayer("routes", &wgs84, wkbLineString, nullptr);
    REQUIRE(ports != nullptr);
    REQUIRE(routes != nullptr);
    OGRFieldDefn name("name", OFTString);
    REQUIRE(ports->CreateField(&name) == OGRERR_NONE);
    REQUIRE(routes->CreateField(&name) == OGRERR_NONE);
    OGRFeature port(ports->GetLayerDefn());
    port.SetField("name", "Package port");
    OGRPoint point(146.0, 45.7); // Sea of Okhotsk, north of Etorofu
    port.SetGeometry(&point);
    REQUIRE(ports->CreateFeature(&port) == OGRERR_NONE);
    OGRFeature route(routes->GetLayerDefn());
    route.SetField("name", "Package route");
    OGRLineString line;
    line.addPoint(143.5, 45.6);
    line.addPoint(145.0, 45.6);
    route.SetGeometry(&line);
    REQUIRE(routes->CreateFeature(&route) == OGRERR_NONE);
    GDALClose(dataset);
    return path;
}

/// A shapefile in Web Mercator (EPSG:3857): a square south of Etorofu.
fs::path write_mercator_shapefile(const fs::path& path) {
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("ESRI Shapefile");
    REQUIRE(driver != nullptr);
    GDALDataset* dataset = driver->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr);
    REQUIRE(dataset != nullptr);
    OGRSpatialReference mercator;
    mercator.importFromEPSG(3857);
    OGRSpatialReference wgs84;
    wgs84.importFromEPSG(4326);
    wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    std::unique_ptr<OGRCoordinateTransformation> to_mercator(
        OGRCreateCoordinateTransformation(&wgs84, &mercator));
    REQUIRE(to_mercator != nullptr);
    OGRLayer* layer = dataset->CreateLayer("mercator", &mercator, wkbPolygon, nullptr);
    REQUIRE(layer != nullptr);
    OGRFieldDefn name("name", OFTString);
    REQUIRE(layer->CreateField(&name) == OGRERR_NONE);
    OGRLinearRing ring;
    for (const auto& [lon, lat] :
         {std::pair{148.0, 44.0}, std::pair{148.8, 44.0}, std::pair{148.8, 44.3},
          std::pair{148.0, 44.3}, std::pair{148.0, 44.0}}) {
        double x = lon;
        double y = lat;
        REQUIRE(to_mercator->Transform(1, &x, &y));
        ring.addPoint(x, y);
    }
    OGRPolygon polygon;
    polygon.addRing(&ring);
    OGRFeature feature(layer->GetLayerDefn());
    feature.SetField("name", "Mercator square");
    feature.SetGeometry(&polygon);
    REQUIRE(layer->CreateFeature(&feature) == OGRERR_NONE);
    GDALClose(dataset);
    return path;
}

/// `over` drawn at the user fill's opacity on `under`.
sf::Color translucent(sf::Color over, sf::Color under) {
    const double a = kuril::style::user_fill_alpha / 255.0;
    const auto mix = [&](sf::Uint8 o, sf::Uint8 u) {
        return static_cast<sf::Uint8>(std::lround(o * a + u * (1 - a)));
    };
    return {mix(over.r, under.r), mix(over.g, under.g), mix(over.b, under.b)};
}

} // namespace

TEST_CASE("[export] user layers: GeoJSON, a two-layer GeoPackage and a 3857 shapefile are drawn "
          "where they lie, labelled and in the legend") {
    GDALAllRegister();
    test_drawing::ShippedScene f;
    const fs::path dir = test_paths::scratch("export_user_layers");
    kuril::UserLayerOptions options;
    options.label_field = "name";
    const kuril::UserLayerStyle first{0x881100, 3};
    const kuril::UserLayerStyle second{0x553300, 3};
    for (const auto& [file, style] :
         {std::pair{write_geojson(dir / "mine.geojson"), first},
          std::pair{write_geopackage(dir / "two.gpkg"), second},
          std::pair{write_mercator_shapefile(dir / "mercator.shp"), first}}) {
        for (auto& layer : kuril::load_user_layers(file, options, style, f.projection)) {
            f.scene.user_layers.push_back(std::move(layer));
        }
    }
    REQUIRE(f.scene.user_layers.size() == 4);

    kuril::ExportOptions o;
    o.out = dir / "layers.png";
    o.width = 1000;
    o.height = 800;
    o.date = {2000, 1, 1};
    o.view.bbox = geo::Box{141, 42, 149, 46};
    o.manifest = dir / "layers.json";
    // Only sea, land and labels under the user's data: the probes see nothing else.
    o.visible.fill(false);
    for (const auto layer : {kuril::Layer::sea, kuril::Layer::land, kuril::Layer::labels}) {
        o.visible[static_cast<std::size_t>(layer)] = true;
    }
    kuril::export_map(f.scene, f.font, o);
    sf::Image image;
    REQUIRE(image.loadFromFile(o.out.string()));
    const auto gt = geotransform(o.out);
    const sf::Color red = kuril::style::user_colour(0x881100);
    const sf::Color brown = kuril::style::user_colour(0x553300);
    using test_drawing::near;
    // GeoJSON: the area (translucent over the sea, away from its label), the line, the point.
    CHECK(near(pixel_at(image, gt, f.projection, {polygon_west + 0.1, polygon_south + 0.1}),
               translucent(red, kuril::style::sea)));
    CHECK(near(pixel_at(image, gt, f.projection, {polygon_west - 0.1, polygon_south + 0.1}),
               kuril::style::sea));
    // Its outline, opaque, on its west and east edges (drawn from the level of detail).
    CHECK(near(pixel_at(image, gt, f.projection, {polygon_west, polygon_south + 0.3}), red));
    CHECK(near(pixel_at(image, gt, f.projection, {polygon_east, polygon_south + 0.3}), red));
    CHECK(near(pixel_at(image, gt, f.projection, {line_west + 0.3, line_lat}), red));
    CHECK(near(pixel_at(image, gt, f.projection, {line_west + 0.3, line_lat + 0.15}),
               kuril::style::sea));
    CHECK(near(pixel_at(image, gt, f.projection, {point_lon, point_lat}), red));
    // The GeoPackage's two layers, in their own colour.
    CHECK(near(pixel_at(image, gt, f.projection, {146.0, 45.7}), brown));
    CHECK(near(pixel_at(image, gt, f.projection, {143.8, 45.6}), brown));
    // The shapefile in EPSG:3857, reprojected: inside and outside its square.
    CHECK(near(pixel_at(image, gt, f.projection, {148.1, 44.05}),
               translucent(red, kuril::style::sea)));
    CHECK(near(pixel_at(image, gt, f.projection, {148.1, 43.9}), kuril::style::sea));

    std::ifstream in(o.manifest);
    const std::string json((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    for (const char* row : {"mine.geojson (areas)", "mine.geojson (lines)", "mine.geojson (points)",
                            "two.gpkg: ports", "two.gpkg: routes", "mercator.shp"}) {
        CAPTURE(row);
        CHECK(json.find(std::string("{\"text\":\"") + row + "\"") != std::string::npos);
    }
    for (const char* label : {"Test port", "Test route", "Test area", "Package port",
                              "Package route", "Mercator square"}) {
        CAPTURE(label);
        CHECK(json.find(std::string("\"text\":\"") + label + "\"") != std::string::npos);
    }
    CHECK(json.find("\"kind\":\"user\"") != std::string::npos);
}
