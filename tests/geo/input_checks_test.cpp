// SPDX-License-Identifier: GPL-3.0-or-later
// Hostile input (issue 12): numbers that are not finite, reversed bands, part_of cycles,
// members naming no polygon, shapefile parts that disagree or cannot be read, vertices far off
// the globe, and inputs that are not regular files. Fixtures are made here, at run time.
#include "geo/annotations.hpp"
#include "geo/atlas.hpp"
#include "geo/error.hpp"
#include "geo/vector_source.hpp"
#include "test_paths.hpp"

#include <chrono>
#include <doctest/doctest.h>
#include <filesystem>
#include <fstream>
#include <string>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace {

constexpr const char* header = R"(<?xml version="1.0" encoding="UTF-8"?>
<atlas version="1">
  <sources>
    <source id="s1" title="A source" publisher="Someone" date="2020" url="https://example.org/1"/>
  </sources>
)"; // lines 1-5

/// The first problem of `body` placed after the header, as one line; "(no problem)" if none.
std::string first_problem(const std::string& body) {
    try {
        geo::parse_annotations(std::string(header) + body + "</atlas>\n", "test.xml");
    } catch (const geo::AnnotationsError& error) {
        return error.problems().front().to_string();
    }
    return "(no problem)";
}

/// An island (line 7) with the given attributes and an English name.
std::string island(const std::string& attributes, const std::string& children = "") {
    return "  <islands>\n    <island " + attributes + ">\n      <name lang=\"en\">X</name>\n" +
           children + "    </island>\n  </islands>\n";
}

/// A tour with one slide (line 8) with the given view attributes.
std::string slide(const std::string& view) {
    return "  <tours>\n    <tour id=\"t\">\n      <slide id=\"s\" date=\"1956-10-19\" " + view +
           " sources=\"s1\"><title>T</title></slide>\n    </tour>\n  </tours>\n";
}

std::string load_error(const fs::path& path, geo::LoadOptions options = {}) {
    try {
        geo::load_vector_layer(path, options);
    } catch (const geo::InputError& error) {
        return error.what();
    }
    return "";
}

std::string annotations_error(const fs::path& path) {
    try {
        geo::load_annotations(path);
    } catch (const geo::AnnotationsError& error) {
        return error.what();
    }
    return "";
}

fs::path squares_copy(const std::string& test) {
    const fs::path dir = test_paths::scratch(test);
    for (const char* extension : {".shp", ".shx", ".dbf", ".prj", ".cpg"}) {
        fs::copy_file(test_paths::fixtures() / (std::string("squares") + extension),
                      dir / (std::string("squares") + extension));
    }
    return dir / "squares.shp";
}

bool running_as_root() {
    if (::geteuid() == 0) {
        MESSAGE("running as root, which reads any file: the permission test is skipped");
        return true;
    }
    return false;
}

} // namespace

TEST_CASE("[geo] input checks: lon=\"nan\" and inf are out of range, not accepted") {
    CHECK(first_problem(island(R"(id="a" group="kuril" lon="nan" lat="43")")) ==
          "test.xml:7: <island id=\"a\"> lon=\"nan\" is out of range (-180 to 180)");
    CHECK(first_problem(island(R"(id="a" group="kuril" lon="146" lat="-inf")")) ==
          "test.xml:7: <island id=\"a\"> lat=\"-inf\" is out of range (-90 to 90)");
    CHECK(first_problem(island(R"(id="a" group="region" part_of="a2" lon="146" lat="43" )"
                               R"(lat_min="NaN")")) ==
          "test.xml:7: <island id=\"a\"> lat_min=\"NaN\" is out of range (-90 to 90)");
}

TEST_CASE("[geo] input checks: a reversed or empty latitude band is refused") {
    const std::string both = island(R"(id="b" group="main" lon="142" lat="50")") +
                             island(R"(id="a" group="region" part_of="b" lon="142" lat="48" )"
                                    R"(lat_min="50" lat_max="46")");
    CHECK(first_problem(both).find("<island id=\"a\"> lat_min=\"50\" is not below "
                                   "lat_max=\"46\" (the band is empty or reversed)") !=
          std::string::npos);
    CHECK(first_problem(island(R"(id="a" group="region" part_of="a" lon="142" lat="48" )"
                               R"(lat_min="50" lat_max="50")")) ==
          "test.xml:7: <island id=\"a\"> lat_min=\"50\" is not below lat_max=\"50\" (the band "
          "is empty or reversed)");
}

TEST_CASE("[geo] input checks: a numeric fact must be a finite number") {
    CHECK(first_problem(island(R"(id="a" group="kuril" lon="146" lat="43")",
                               "      <fact key=\"area_km2\" value=\"nan\" sources=\"s1\"/>\n")) ==
          "test.xml:9: <fact key=\"area_km2\"> value=\"nan\" is out of range (0 to 1000000000)");
    CHECK(
        first_problem(island(R"(id="a" group="kuril" lon="146" lat="43")",
                             "      <fact key=\"population\" value=\"many\" sources=\"s1\"/>\n")) ==
        "test.xml:9: <fact key=\"population\"> value=\"many\" is not a number");
    CHECK(first_problem(island(R"(id="a" group="kuril" lon="146" lat="43")",
                               "      <fact key=\"main_settlement\" value=\"nan\" "
                               "sources=\"s1\"/>\n")) == "(no problem)");
}

TEST_CASE("[geo] input checks: a slide's centre, zoom and bbox are finite and in range") {
    CHECK(first_problem(slide(R"(center="nan,43" zoom="1")")) ==
          "test.xml:8: <slide id=\"s\"> center=\"nan,43\": 'nan' is not a finite number");
    CHECK(first_problem(slide(R"(center="146,43" zoom="nan")")) ==
          "test.xml:8: <slide id=\"s\"> zoom=\"nan\": 'nan' is not a finite number");
    CHECK(first_problem(slide(R"(center="146,43" zoom="21")")) ==
          "test.xml:8: <slide id=\"s\"> zoom=\"21\" is out of range (0 to 20)");
    CHECK(first_problem(slide(R"(center="146,43" zoom="-1")")) ==
          "test.xml:8: <slide id=\"s\"> zoom=\"-1\" is out of range (0 to 20)");
    CHECK(first_problem(slide(R"(bbox="140,40,inf,45")")) ==
          "test.xml:8: <slide id=\"s\"> bbox=\"140,40,inf,45\": 'inf' is not a finite number");
    CHECK(first_problem(slide(R"(bbox="140,40,nan,45")")) ==
          "test.xml:8: <slide id=\"s\"> bbox=\"140,40,nan,45\": 'nan' is not a finite number");
    CHECK(first_problem(slide(R"(center="146,43" zoom="20")")) == "(no problem)");
}

TEST_CASE("[geo] input checks: part_of itself and part_of cycles are refused") {
    CHECK(first_problem(island(R"(id="a" group="region" part_of="a" lon="142" lat="48")")) ==
          "test.xml:7: <island id=\"a\"> is part_of itself");
    const std::string cycle =
        "  <islands>\n"
        "    <island id=\"a\" group=\"region\" part_of=\"b\" lon=\"142\" lat=\"48\">\n"
        "      <name lang=\"en\">A</name></island>\n"
        "    <island id=\"b\" group=\"region\" part_of=\"c\" lon=\"142\" lat=\"48\">\n"
        "      <name lang=\"en\">B</name></island>\n"
        "    <island id=\"c\" group=\"region\" part_of=\"a\" lon=\"142\" lat=\"48\">\n"
        "      <name lang=\"en\">C</name></island>\n"
        "  </islands>\n";
    try {
        geo::parse_annotations(std::string(header) + cycle + "</atlas>\n", "test.xml");
        FAIL("no error");
    } catch (const geo::AnnotationsError& error) {
        REQUIRE(error.problems().size() == 1);
        CHECK(error.problems()[0].to_string() ==
              "test.xml:7: <island id=\"a\"> part_of forms a cycle: a -> b -> c -> a");
    }
}

TEST_CASE("[geo] input checks: members that name no land polygon are a warning on load") {
    const fs::path dir = test_paths::scratch("members");
    fs::create_directories(dir / "shapes");
    for (const char* extension : {".shp", ".shx", ".dbf", ".prj", ".cpg"}) {
        fs::copy_file(test_paths::shipped() / "shapes" / (std::string("land") + extension),
                      dir / "shapes" / (std::string("land") + extension));
    }
    std::ofstream(dir / "annotations.xml")
        << header
        << "  <layers>\n    <layer id=\"land\" kind=\"polygons\" path=\"shapes/land.shp\"/>\n"
           "  </layers>\n"
        << "  <islands>\n    <island id=\"x\" group=\"kuril\" lon=\"150\" lat=\"46\" "
           "members=\"shikotan atlantis\">\n      <name lang=\"en\">X</name>\n    </island>\n"
           "  </islands>\n</atlas>\n";
    const auto atlas = geo::load_atlas(dir / "annotations.xml");
    REQUIRE(atlas->unknown_members.size() == 1);
    const std::string expected = (dir / "annotations.xml").string() +
                                 ":10: <island id=\"x\"> members: 'atlantis' names no island "
                                 "polygon in " +
                                 (dir / "shapes" / "land.shp").string();
    CHECK(atlas->unknown_members[0].to_string() == expected);
    bool warned = false;
    for (const auto& warning : atlas->warnings) {
        warned = warned || warning.to_string() == expected;
    }
    CHECK(warned);
}

TEST_CASE("[geo] input checks: a .dbf whose record count disagrees with the .shp is refused") {
    const fs::path path = squares_copy("dbf_count");
    {
        std::fstream dbf(fs::path(path).replace_extension(".dbf"),
                         std::ios::in | std::ios::out | std::ios::binary);
        dbf.seekp(4);
        const char three[4] = {3, 0, 0, 0};
        dbf.write(three, 4);
    }
    CHECK(load_error(path) == path.string() +
                                  ": squares.dbf has 3 records but squares.shx indexes 2 shapes "
                                  "(the parts do not belong together)");
}

TEST_CASE("[geo] input checks: a truncated .dbf is refused with its sizes") {
    const fs::path path = squares_copy("dbf_truncated");
    fs::resize_file(fs::path(path).replace_extension(".dbf"), 200);
    CHECK(load_error(path) ==
          path.string() + ": truncated squares.dbf: header declares 277 bytes, file has 200");
    fs::resize_file(fs::path(path).replace_extension(".dbf"), 10);
    CHECK(load_error(path) ==
          path.string() + ": truncated squares.dbf: 10 bytes, shorter than the 32-byte header");
}

TEST_CASE("[geo] input checks: an unreadable .dbf or .shp says permission denied") {
    if (running_as_root()) {
        return;
    }
    const fs::path path = squares_copy("unreadable");
    const fs::path dbf = fs::path(path).replace_extension(".dbf");
    fs::permissions(dbf, fs::perms::none);
    CHECK(load_error(path) == path.string() + ": squares.dbf cannot be read: permission denied");
    fs::permissions(dbf, fs::perms::owner_read | fs::perms::owner_write);
    fs::permissions(path, fs::perms::none);
    CHECK(load_error(path) == path.string() + ": cannot be read: permission denied");
    fs::permissions(path, fs::perms::owner_read | fs::perms::owner_write);
    const fs::path xml = path.parent_path() / "annotations.xml";
    std::ofstream(xml) << header << "</atlas>\n";
    fs::permissions(xml, fs::perms::none);
    CHECK(annotations_error(xml) == xml.string() + ": cannot be read: permission denied");
    fs::permissions(xml, fs::perms::owner_read | fs::perms::owner_write);
}

TEST_CASE("[geo] input checks: a vertex at longitude 1e300 is refused with its feature") {
    const fs::path dir = test_paths::scratch("far_vertex");
    const fs::path path = dir / "far.geojson";
    std::ofstream(path) << R"({"type": "FeatureCollection", "features": [
{"type": "Feature", "properties": {"name": "ok"}, "geometry": {"type": "Polygon",
 "coordinates": [[[146, 43], [147, 43], [147, 44], [146, 43]]]}},
{"type": "Feature", "properties": {"name": "far"}, "geometry": {"type": "Polygon",
 "coordinates": [[[1e300, 43], [147, 43], [147, 44], [1e300, 43]]]}}]})";
    CHECK(load_error(path) ==
          path.string() +
              ": feature 1: vertex (1e+300, 43) is out of range (longitude -360 to 360, latitude "
              "-90 to 90)");
}

TEST_CASE("[geo] input checks: a FIFO is refused as annotations and as a source, unopened") {
    const fs::path dir = test_paths::scratch("fifo");
    const fs::path fifo = dir / "pipe.xml";
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    const auto start = std::chrono::steady_clock::now();
    CHECK(annotations_error(fifo) ==
          fifo.string() + ": is a FIFO (named pipe), expected an annotations XML file (a regular "
                          "file)");
    const fs::path shp = dir / "pipe.shp";
    REQUIRE(::mkfifo(shp.c_str(), 0600) == 0);
    CHECK(load_error(shp) ==
          shp.string() + ": is a FIFO (named pipe), expected a vector data file (a regular file)");
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(5));
}

TEST_CASE("[geo] input checks: /dev/zero is refused as annotations, unread") {
    if (!fs::exists("/dev/zero")) {
        MESSAGE("no /dev/zero here: skipped");
        return;
    }
    CHECK(annotations_error("/dev/zero") ==
          "/dev/zero: is a character device, expected an annotations XML file (a regular file)");
    CHECK(load_error("/dev/zero") ==
          "/dev/zero: is a character device, expected a vector data file (a regular file)");
}

TEST_CASE("[geo] input checks: an annotations file over 256 MB is refused before reading") {
    const fs::path dir = test_paths::scratch("huge");
    const fs::path path = dir / "huge.xml";
    std::ofstream(path) << "<atlas>";
    fs::resize_file(path, (std::uintmax_t{257} << 20)); // sparse: nothing is written
    CHECK(annotations_error(path) ==
          path.string() + ": is 257 MB, larger than the 256 MB an annotations file may be");
    fs::remove(path);
}

TEST_CASE("[geo] input checks: a region's country is an ISO code and needs part_of") {
    const std::string mainland = island(R"(id="b" group="main" lon="135" lat="50")");
    const auto region = [&](const std::string& country) {
        return mainland.substr(0, mainland.rfind("  </islands>")) + "    <island id=\"a\" " +
               "group=\"region\" part_of=\"b\" lon=\"135\" lat=\"50\" country=\"" + country +
               "\">\n      <name lang=\"en\">Y</name>\n    </island>\n  </islands>\n";
    };
    CHECK(first_problem(region("RU")) == "(no problem)");
    CHECK(first_problem(region("ru")) ==
          "test.xml:10: <island id=\"a\"> country=\"ru\": expected an ISO 3166-1 alpha-2 code in "
          "capitals, e.g. RU");
    CHECK(first_problem(region("RUS")) ==
          "test.xml:10: <island id=\"a\"> country=\"RUS\": expected an ISO 3166-1 alpha-2 code in "
          "capitals, e.g. RU");
    CHECK(first_problem(island(R"(id="a" group="main" lon="135" lat="50" country="RU")")) ==
          "test.xml:7: <island id=\"a\"> has a country but no part_of (the landmass it is part "
          "of)");
}
