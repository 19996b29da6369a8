// SPDX-License-Identifier: GPL-3.0-or-later
#include "geo/atlas.hpp"
#include "test_paths.hpp"

#include <algorithm>
#include <doctest/doctest.h>
#include <fstream>
#include <string>
#include <vector>

namespace {

const geo::Atlas& shipped_atlas() {
    static const auto atlas = geo::load_atlas(test_paths::shipped() / "annotations.xml");
    return *atlas;
}

/// A folder with an annotations file naming the shipped land layer, and `body` after it.
std::filesystem::path folder_with(const std::string& name, const std::string& body) {
    const auto dir = test_paths::scratch(name);
    std::ofstream(dir / "annotations.xml")
        << "<atlas version=\"1\">\n<layers>\n"
        << "<layer id=\"land\" kind=\"polygons\" path=\""
        << (test_paths::shipped() / "shapes" / "land.shp").string() << "\"/>\n"
        << "</layers>\n"
        << body << "</atlas>\n";
    return dir;
}

} // namespace

TEST_CASE("[geo] atlas: the shipped data loads without errors") {
    const auto& atlas = shipped_atlas();
    for (const auto& error : atlas.errors) {
        FAIL_CHECK(error.to_string());
    }
    CHECK(atlas.history->lines().size() >= 9);
}

TEST_CASE("[geo] atlas: every island, line and event in the shipped file cites known sources") {
    const auto& annotations = shipped_atlas().annotations;
    auto check_sources = [&](const std::string& what, const std::vector<std::string>& sources) {
        CAPTURE(what);
        CHECK(!sources.empty());
        for (const auto& id : sources) {
            CAPTURE(id);
            CHECK(annotations.source(id) != nullptr);
        }
    };
    for (const auto& island : annotations.islands) {
        for (const auto& fact : island.facts) {
            check_sources(island.id + " fact " + fact.key, fact.sources);
        }
        for (const auto& period : island.status) {
            check_sources(island.id + " status " + period.from.iso(), period.sources);
        }
        // An island divided into regions (Sakhalin, the mainland) has its status through them.
        const bool divided =
            std::any_of(annotations.islands.begin(), annotations.islands.end(),
                        [&](const geo::Island& other) { return other.part_of == island.id; });
        if (island.part_of.empty() && !divided) {
            CHECK_MESSAGE(!island.status.empty(), island.id);
        }
        for (const char* lang : {"en", "ja", "ru"}) {
            CHECK_MESSAGE(island.name(lang) != nullptr, island.id, " ", lang);
        }
    }
    for (const auto& line : annotations.lines) {
        check_sources("line " + line.id, line.sources);
    }
    for (const auto& line : shipped_atlas().history->lines()) {
        check_sources("boundary feature " + line.id, line.sources);
    }
    for (const auto& event : annotations.events) {
        check_sources("event " + event.id, event.sources);
    }
    CHECK(annotations.events.size() >= 20);
    CHECK(annotations.events.front().first_day().year <= 1855);
    for (const char* id :
         {"etorofu", "kunashiri", "shikotan", "habomai", "urup", "simushir", "paramushir",
          "shumshu", "hokkaido", "sakhalin", "south-sakhalin", "north-sakhalin"}) {
        CHECK_MESSAGE(annotations.island(id) != nullptr, id);
    }
}

TEST_CASE("[geo] atlas: a layer that fails to load is reported and the rest still loads") {
    const auto dir = test_paths::scratch("missing_layer");
    std::ofstream(dir / "annotations.xml")
        << "<atlas version=\"1\">\n<layers>\n"
        << "<layer id=\"land\" kind=\"polygons\" path=\""
        << (test_paths::shipped() / "shapes" / "land.shp").string() << "\"/>\n"
        << "<layer id=\"lakes\" kind=\"polygons\" path=\"nowhere.shp\"/>\n"
        << "</layers>\n</atlas>\n";
    const auto atlas = geo::load_atlas(dir / "annotations.xml");
    REQUIRE(atlas->errors.size() == 1);
    CHECK(atlas->errors[0].to_string() ==
          "layer 'lakes': " + (dir / "nowhere.shp").string() + ": no such file");
    CHECK(atlas->errors[0].feature == "lakes");
    CHECK(atlas->layer("land") != nullptr);
    CHECK(atlas->layer("lakes") == nullptr);
}

TEST_CASE("[geo] atlas: a broken annotations file still yields the map layers (lenient)") {
    const auto dir = test_paths::scratch("lenient");
    std::ofstream(dir / "annotations.xml") << "<atlas>\n<oops>\n</atlas>\n";
    std::filesystem::create_directory_symlink(test_paths::shipped() / "shapes", dir / "shapes");
    const auto atlas = geo::load_atlas_lenient(dir / "annotations.xml");
    REQUIRE(!atlas->errors.empty());
    CHECK(atlas->errors[0].to_string().find("annotations.xml:2: not well-formed XML") !=
          std::string::npos);
    CHECK(atlas->errors[0].line == 2);
    CHECK(atlas->layer("land") != nullptr);
    CHECK(atlas->history->lines().size() >= 9);
}

TEST_CASE("[geo] atlas: warnings of the annotations keep their file and line") {
    const auto dir = folder_with("atlas_warning", "<colours/>\n");
    const auto atlas = geo::load_atlas(dir / "annotations.xml");
    REQUIRE(atlas->warnings.size() == 1);
    CHECK(atlas->warnings[0].line == 5);
    CHECK(atlas->warnings[0].to_string() ==
          (dir / "annotations.xml").string() + ":5: unknown element <colours> ignored");
    CHECK(atlas->errors.empty());
}

TEST_CASE("[geo] atlas: the caller's check runs with the parser's") {
    const auto dir = folder_with("atlas_check", "");
    geo::AtlasOptions options;
    int runs = 0;
    options.check = [&](const geo::Annotations& annotations) {
        ++runs;
        CHECK(annotations.layer("land") != nullptr);
        return std::vector<geo::Diagnostic>{{annotations.file, 3, "not to my liking", "land"}};
    };
    CHECK_THROWS_WITH_AS(geo::load_atlas(dir / "annotations.xml", options),
                         ((dir / "annotations.xml").string() + ":3: not to my liking").c_str(),
                         geo::AnnotationsError);
    CHECK(runs == 1);
    // The lenient loader reports it and still draws the map from the shapes beside the file.
    std::filesystem::create_directory_symlink(test_paths::shipped() / "shapes", dir / "shapes");
    const auto atlas = geo::load_atlas_lenient(dir / "annotations.xml", options);
    REQUIRE(atlas->errors.size() == 1);
    CHECK(atlas->errors[0].message.english() == "not to my liking");
    CHECK(atlas->errors[0].feature == "land");
    CHECK(atlas->layer("land") != nullptr);
}

TEST_CASE("[geo] atlas: layers are found by id") {
    const auto& atlas = shipped_atlas();
    REQUIRE(atlas.layer("land") != nullptr);
    CHECK(atlas.layer("land")->vertex_count() > 0);
    CHECK(atlas.layer("nowhere") == nullptr);
}
