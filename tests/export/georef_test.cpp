// SPDX-License-Identifier: GPL-3.0-or-later
// The side files that place a PNG: the world file's numbers and an .aux.xml that any XML
// parser reads back to the WKT given, whatever characters it holds.
#include "export/georef.hpp"
#include "geo/error.hpp"
#include "geo/projection.hpp"
#include "test_paths.hpp"

#include <cstdio>
#include <doctest/doctest.h>
#include <fstream>
#include <ogr_spatialref.h>
#include <sstream>
#include <tinyxml2.h>

namespace fs = std::filesystem;

TEST_CASE("[export] georef: the world file gives the pixel size and the first pixel's centre") {
    kuril::MapView view(geo::Box{0, 0, 1e6, 1e6}, 200, 100);
    view.set({500000, 400000}, 250.0);
    // The top-left corner is 100 x 50 pixels from the centre; the first pixel's centre half a
    // pixel in from it.
    CHECK(kuril::world_file_text(view) == "250.0000000000\n"
                                          "0.0000000000\n"
                                          "0.0000000000\n"
                                          "-250.0000000000\n"
                                          "475125.0000000000\n"
                                          "412375.0000000000\n");
}

TEST_CASE("[export] georef: the .aux.xml is well-formed and holds the WKT, escaped") {
    const std::string wkt = "PROJCRS[\"Kuril <test> & \\\"quotes\\\" 'apostrophes'\",BASEGEOGCRS"
                            "[\"WGS 84\"],ID[\"EPSG\",9999]] > end";
    const std::string xml = kuril::aux_xml_text(wkt, "1,2");
    CAPTURE(xml);
    CHECK(xml.find("&lt;test&gt; &amp; ") != std::string::npos);
    CHECK(xml.find("<test>") == std::string::npos);
    tinyxml2::XMLDocument document;
    REQUIRE(document.Parse(xml.c_str()) == tinyxml2::XML_SUCCESS);
    const tinyxml2::XMLElement* root = document.RootElement();
    REQUIRE(root != nullptr);
    CHECK(std::string(root->Name()) == "PAMDataset");
    const tinyxml2::XMLElement* srs = root->FirstChildElement("SRS");
    REQUIRE(srs != nullptr);
    CHECK(std::string(srs->Attribute("dataAxisToSRSAxisMapping")) == "1,2");
    REQUIRE(srs->GetText() != nullptr);
    CHECK(std::string(srs->GetText()) == wkt);
}

TEST_CASE("[export] georef: the axis mapping follows the CRS's own axis order") {
    // East-first CRSs map the image's x to their first axis; north-first ones (latitude or
    // northing first) to their second, as GDAL writes it.
    CHECK(geo::Projection().axis_mapping() == "1,2");
    CHECK(geo::Projection("EPSG:32655").axis_mapping() == "1,2");
    CHECK(geo::Projection("EPSG:2454").axis_mapping() == "2,1");
    CHECK(geo::Projection("EPSG:3035").axis_mapping() == "2,1");
    CHECK(geo::Projection("EPSG:4326").axis_mapping() == "2,1");
    // The side file of a north-first CRS says so.
    const fs::path dir = test_paths::scratch("georef_axis_mapping");
    const kuril::SidecarPaths paths{dir / "map.pgw", dir / "map.prj", dir / "map.png.aux.xml", {}};
    const geo::Projection japan("EPSG:2454");
    {
        kuril::GeorefFiles files(paths);
        files.write(kuril::MapView(geo::Box{0, 0, 1e5, 1e5}, 200, 100), japan);
        files.commit();
    }
    tinyxml2::XMLDocument aux;
    REQUIRE(aux.LoadFile(paths.aux_xml.c_str()) == tinyxml2::XML_SUCCESS);
    const tinyxml2::XMLElement* srs = aux.RootElement()->FirstChildElement("SRS");
    REQUIRE(srs != nullptr);
    CHECK(std::string(srs->Attribute("dataAxisToSRSAxisMapping")) == "2,1");
}

TEST_CASE("[export] georef: the axis mapping is GDAL's, without GDAL") {
    // Geographic (latitude first), projected east-first, north-first, polar (both axes
    // "south"), south-orientated (westing first), 3D, and the map's own.
    for (const char* code :
         {"EPSG:4326", "EPSG:4979", "EPSG:6668", "EPSG:3857", "EPSG:32655", "EPSG:2454",
          "EPSG:3035", "EPSG:3413", "EPSG:5041", "EPSG:2053", "EPSG:30170", "EPSG:3100"}) {
        CAPTURE(code);
        OGRSpatialReference srs;
        REQUIRE(srs.SetFromUserInput(code) == OGRERR_NONE);
        srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        std::string gdal;
        for (const int axis : srs.GetDataAxisToSRSAxisMapping()) {
            if (!gdal.empty()) {
                gdal += ',';
            }
            gdal += std::to_string(axis);
        }
        CHECK(geo::Projection(code).axis_mapping() == gdal);
    }
}

TEST_CASE("[export] georef: the side files appear only when committed") {
    const fs::path dir = test_paths::scratch("georef_files");
    const kuril::SidecarPaths paths{dir / "map.pgw", dir / "map.prj", dir / "map.png.aux.xml", {}};
    geo::Projection projection;
    kuril::MapView view(geo::Box{0, 0, 1e6, 1e6}, 200, 100);
    {
        kuril::GeorefFiles abandoned(paths);
        abandoned.write(view, projection);
    }
    CHECK(fs::is_empty(dir));
    kuril::GeorefFiles files(paths);
    files.write(view, projection);
    CHECK(!fs::exists(paths.world_file)); // not before commit
    files.commit();
    std::ifstream world(paths.world_file);
    std::stringstream text;
    text << world.rdbuf();
    CHECK(text.str() == kuril::world_file_text(view));
    std::ifstream prj(paths.prj);
    std::string prj_text((std::istreambuf_iterator<char>(prj)), std::istreambuf_iterator<char>());
    CHECK(prj_text == projection.target_wkt_esri());
    tinyxml2::XMLDocument aux;
    REQUIRE(aux.LoadFile(paths.aux_xml.c_str()) == tinyxml2::XML_SUCCESS);
    CHECK(std::string(aux.RootElement()->FirstChildElement("SRS")->GetText()) ==
          projection.target_wkt());
    CHECK(std::string(aux.RootElement()->FirstChildElement("SRS")->Attribute(
              "dataAxisToSRSAxisMapping")) == "1,2");
    // A GeoTIFF has none.
    kuril::GeorefFiles none(kuril::SidecarPaths{});
    none.write(view, projection);
    none.commit();
}
