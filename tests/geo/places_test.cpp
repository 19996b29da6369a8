// SPDX-License-Identifier: GPL-3.0-or-later
#include "geo/annotations.hpp"
#include "test_paths.hpp"

#include <doctest/doctest.h>
#include <string>
#include <vector>

namespace {

constexpr const char* header = R"(<?xml version="1.0" encoding="UTF-8"?>
<atlas version="1">
  <sources>
    <source id="s1" title="A source" publisher="Someone" date="2020" url="https://example.org/1" lang="en"/>
  </sources>
  <places>
)"; // the first <place> is on line 7

/// Every problem of a <places> section holding `body` (starting on line 7), as file:line: text.
std::vector<std::string> place_problems(const std::string& body) {
    std::vector<std::string> found;
    try {
        geo::parse_annotations(std::string(header) + body + "  </places>\n</atlas>\n", "p.xml");
    } catch (const geo::AnnotationsError& error) {
        for (const auto& problem : error.problems()) {
            found.push_back(problem.to_string());
        }
    }
    return found;
}

geo::Annotations parse(const std::string& body) {
    return geo::parse_annotations(std::string(header) + body + "  </places>\n</atlas>\n", "p.xml");
}

} // namespace

TEST_CASE("[geo] places: kind, position, rank by kind unless given, names and sources") {
    const auto annotations =
        parse(R"(    <place id="okhotsk" kind="sea" lon="148.5" lat="52.5" sources="s1">
      <name lang="en">Sea of Okhotsk</name>
      <name lang="ja" romaji="Ohōtsuku-kai">オホーツク海</name>
      <name lang="ru" translit="Okhotskoye more">Охотское море</name>
    </place>
    <place id="nosappu" kind="cape" lon="145.817" lat="43.385" sources="s1">
      <name lang="en">Cape Nosappu</name>
    </place>
    <place id="nemuro" kind="town" lon="145.58" lat="43.33" rank="2" sources="s1">
      <name lang="en">Nemuro</name>
    </place>
)");
    REQUIRE(annotations.places.size() == 3);
    const geo::Place* sea = annotations.place("okhotsk");
    REQUIRE(sea != nullptr);
    CHECK(sea->kind == geo::PlaceKind::sea);
    CHECK(sea->rank == 1);
    CHECK(sea->place.x == doctest::Approx(148.5));
    CHECK(sea->place.y == doctest::Approx(52.5));
    CHECK(sea->sources == std::vector<std::string>{"s1"});
    CHECK(sea->line == 7);
    REQUIRE(sea->name("ja", {2000, 1, 1}) != nullptr);
    CHECK(sea->name("ja", {2000, 1, 1})->text == "オホーツク海");
    CHECK(sea->name("ja", {2000, 1, 1})->romaji == "Ohōtsuku-kai");
    CHECK(sea->name("ru", {1800, 1, 1})->translit == "Okhotskoye more");
    CHECK(annotations.place("nosappu")->rank == 3); // a cape's default
    CHECK(annotations.place("nemuro")->rank == 2);  // as given
    CHECK(geo::default_place_rank(geo::PlaceKind::strait) == 2);
    CHECK(geo::default_place_rank(geo::PlaceKind::volcano) == 4);
    CHECK(geo::place_kind_name(geo::PlaceKind::peninsula) == "peninsula");
}

TEST_CASE("[geo] places: the name on a date is the one whose period holds (Toyohara, 1946)") {
    const auto annotations = geo::load_annotations(test_paths::fixtures() / "places.xml");
    const geo::Place* town = annotations.place("yuzhno-sakhalinsk");
    REQUIRE(town != nullptr);
    CHECK(town->name("en", {1946, 6, 3})->text == "Toyohara");
    CHECK(town->name("en", {1946, 6, 4})->text == "Yuzhno-Sakhalinsk"); // `to` is exclusive
    CHECK(town->name("ja", {1920, 1, 1})->text == "豊原");
    CHECK(town->name("ja", {2020, 1, 1})->text == "ユジノサハリンスク");
    CHECK(town->name("ru", {1930, 1, 1})->text == "Тоёхара");
    CHECK(town->name("ru", {1990, 1, 1})->text == "Южно-Сахалинск");
    const auto names_1940 = town->names_on({1940, 1, 1});
    REQUIRE(names_1940.size() == 3);
    CHECK(names_1940[0].text == "Toyohara");
    CHECK(names_1940[2].text == "Тоёхара");
    CHECK(town->display_name() == "Yuzhno-Sakhalinsk");
    // A place whose only name starts later has none before.
    const auto late = parse(R"(    <place id="new-town" kind="town" lon="145" lat="44" sources="s1">
      <name lang="en" from="1950">New Town</name>
    </place>
)");
    CHECK(late.place("new-town")->name("en", {1949, 12, 31}) == nullptr);
    CHECK(late.place("new-town")->names_on({1949, 12, 31}).empty());
    CHECK(late.place("new-town")->name("en", {1950, 1, 1})->text == "New Town");
}

TEST_CASE("[geo] places: an unknown kind, bad coordinates and a bad rank are errors at their "
          "line") {
    CHECK(place_problems(R"(    <place id="x" kind="river" lon="145" lat="44" sources="s1">
      <name lang="en">X</name>
    </place>
)") == std::vector<std::string>{"p.xml:7: <place id=\"x\"> kind=\"river\": expected town, "
                                "cape, strait, sea, bay, volcano or peninsula"});
    CHECK(place_problems(R"(    <place id="x" kind="town" lon="145" lat="94" sources="s1">
      <name lang="en">X</name>
    </place>
)") == std::vector<std::string>{"p.xml:7: <place id=\"x\"> lat=\"94\" is out of range (-90 to "
                                "90)"});
    CHECK(place_problems(R"(    <place id="x" kind="town" lon="east" lat="44" sources="s1">
      <name lang="en">X</name>
    </place>
)") == std::vector<std::string>{"p.xml:7: <place id=\"x\"> lon=\"east\" is not a number"});
    CHECK(place_problems(R"(    <place id="x" kind="town" lat="44" rank="5" sources="s1">
      <name lang="en">X</name>
    </place>
)") == std::vector<std::string>{
           "p.xml:7: <place id=\"x\"> is missing the required attribute 'lon'",
           "p.xml:7: <place id=\"x\"> rank=\"5\": expected 1 (shown at the widest view), 2, "
           "3 or 4 (only close up)"});
}

TEST_CASE("[geo] places: overlapping name periods in one language are an error naming both") {
    CHECK(place_problems(R"(    <place id="t" kind="town" lon="142.74" lat="46.96" sources="s1">
      <name lang="en" to="1947-01-01">Toyohara</name>
      <name lang="en" from="1946-06-04">Yuzhno-Sakhalinsk</name>
      <name lang="ja">豊原</name>
    </place>
)") == std::vector<std::string>{
           "p.xml:9: names of place 't' in language 'en' overlap: 'Yuzhno-Sakhalinsk' (from "
           "1946-06-04) and 'Toyohara' (to 1947-01-01, line 8); give each a from/to period "
           "that does not overlap"});
    // Two names with no period in one language overlap too; in two languages they do not.
    CHECK(place_problems(R"(    <place id="t" kind="town" lon="142.74" lat="46.96" sources="s1">
      <name lang="en">A</name>
      <name lang="en">B</name>
    </place>
)") == std::vector<std::string>{
           "p.xml:9: names of place 't' in language 'en' overlap: 'B' (with no period "
           "(always)) and 'A' (with no period (always), line 8); give each a from/to period "
           "that does not overlap"});
    // Periods that meet (one ends the day the next starts) do not overlap.
    CHECK(place_problems(R"(    <place id="t" kind="town" lon="142.74" lat="46.96" sources="s1">
      <name lang="en" to="1946-06-04">Toyohara</name>
      <name lang="en" from="1946-06-04">Yuzhno-Sakhalinsk</name>
    </place>
)")
              .empty());
}

TEST_CASE("[geo] places: an unknown source, no English name, a reversed period, a bad date") {
    CHECK(place_problems(R"(    <place id="x" kind="cape" lon="145" lat="44" sources="nowhere">
      <name lang="en">X</name>
    </place>
)") == std::vector<std::string>{"p.xml:7: <place id=\"x\"> cites unknown source 'nowhere'"});
    CHECK(place_problems(R"(    <place id="x" kind="cape" lon="145" lat="44">
      <name lang="ja">X</name>
    </place>
)") == std::vector<std::string>{
           "p.xml:7: <place id=\"x\"> cites no source (attribute 'sources' is required)",
           "p.xml:7: <place id=\"x\"> has no English <name lang=\"en\">"});
    CHECK(place_problems(R"(    <place id="x" kind="town" lon="145" lat="44" sources="s1">
      <name lang="en" from="1950" to="1940">X</name>
    </place>
)") == std::vector<std::string>{"p.xml:7: <place id=\"x\"> has no English <name lang=\"en\">",
                                "p.xml:8: <name lang=\"en\"> period ends (1940) before it "
                                "starts (1950)"});
    const auto bad_date =
        place_problems(R"(    <place id="x" kind="town" lon="145" lat="44" sources="s1">
      <name lang="en" from="1946-02-30">X</name>
    </place>
)");
    REQUIRE(bad_date.size() == 2);
    CHECK(bad_date[0] == "p.xml:7: <place id=\"x\"> has no English <name lang=\"en\">");
    CHECK(bad_date[1].rfind("p.xml:8: <name> from: '1946-02-30' is not a date", 0) == 0);
    CHECK(place_problems(R"(    <place id="x" kind="town" lon="145" lat="44" sources="s1">
      <name lang="en">X</name>
    </place>
    <place id="x" kind="town" lon="145" lat="44" sources="s1">
      <name lang="en">Y</name>
    </place>
)") == std::vector<std::string>{"p.xml:10: duplicate place id 'x'"});
}
