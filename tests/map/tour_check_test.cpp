// SPDX-License-Identifier: GPL-3.0-or-later
#include "geo/annotations.hpp"
#include "map/map_state.hpp"
#include "map/tour_check.hpp"
#include "test_paths.hpp"

#include <doctest/doctest.h>
#include <string>

using kuril::check_tours;

namespace {

/// A tour file whose slides (lines 8, 9, 10) ask for `lang` and `layers` on the second one.
std::string tour_file(const std::string& slide_attributes) {
    return R"(<?xml version="1.0" encoding="UTF-8"?>
<atlas version="1">
  <sources>
    <source id="s1" title="A source" url="https://example.org"/>
  </sources>
  <tours>
    <tour id="t" title="A tour">
      <slide id="one" date="1956-10-19" bbox="145,43,146,44" sources="s1"><title>1</title></slide>
      <slide id="two" date="1956-10-19" bbox="145,43,146,44" )" +
           slide_attributes + R"( sources="s1"><title>2</title></slide>
      <slide id="three" date="1956-10-19" bbox="145,43,146,44" sources="s1"><title>3</title></slide>
    </tour>
  </tours>
</atlas>
)";
}

std::vector<std::string> texts(const std::vector<geo::Diagnostic>& diagnostics) {
    std::vector<std::string> out;
    for (const auto& d : diagnostics) {
        out.push_back(d.to_string());
    }
    return out;
}

} // namespace

TEST_CASE("[map] tour check: known layers and languages pass") {
    const auto annotations = geo::parse_annotations(
        tour_file("lang=\"ja+ru\" layers=\"sea,land,lakes,graticule,status,lines,events,labels\""),
        "tour.xml");
    CHECK(check_tours(annotations).empty());
    REQUIRE(annotations.tours.size() == 1);
    CHECK(annotations.tours[0].slides[1].layers.size() == 8);
}

TEST_CASE("[map] tour check: every name the map has is accepted (one list of names)") {
    for (std::size_t i = 0; i < kuril::layer_count; ++i) {
        const std::string name(kuril::layer_name(static_cast<kuril::Layer>(i)));
        CAPTURE(name);
        CHECK(check_tours(geo::parse_annotations(tour_file("layers=\"" + name + "\""), "t.xml"))
                  .empty());
    }
    for (std::size_t i = 0; i < kuril::language_count; ++i) {
        const std::string code(kuril::language_code(static_cast<kuril::LabelLanguage>(i)));
        CAPTURE(code);
        CHECK(check_tours(geo::parse_annotations(tour_file("lang=\"" + code + "\""), "t.xml"))
                  .empty());
    }
}

TEST_CASE("[map] tour check: an unknown layer or language is named at the slide's line") {
    const auto annotations = geo::parse_annotations(
        tour_file("lang=\"fr\" layers=\"land,volcanoes,,rivers\""), "tour.xml");
    const auto problems = check_tours(annotations);
    CHECK(texts(problems) ==
          std::vector<std::string>{
              "tour.xml:9: <slide id=\"two\"> lang=\"fr\": expected en, ja, ru, en+ja, en+ru or "
              "ja+ru",
              "tour.xml:9: <slide id=\"two\"> layers: unknown layer 'volcanoes'",
              "tour.xml:9: <slide id=\"two\"> layers: unknown layer ''",
              "tour.xml:9: <slide id=\"two\"> layers: unknown layer 'rivers'"});
    REQUIRE(!problems.empty());
    CHECK(problems[0].feature == "two");
    CHECK(problems[0].line == 9);
}

TEST_CASE("[map] tour check: its problems are said in Japanese and Russian") {
    const auto problems = check_tours(
        geo::parse_annotations(tour_file("lang=\"fr\" layers=\"volcanoes\""), "tour.xml"));
    REQUIRE(problems.size() == 2);
    CHECK(problems[0].to_string("ja") == "tour.xml:9: <slide id=\"two\"> lang=\"fr\": en, ja, ru, "
                                         "en+ja, en+ru または ja+ru のいずれかを指定してください");
    CHECK(
        problems[0].to_string("ru") ==
        "tour.xml:9: <slide id=\"two\"> lang=\"fr\": ожидается en, ja, ru, en+ja, en+ru или ja+ru");
    CHECK(problems[1].to_string("ja") ==
          "tour.xml:9: <slide id=\"two\"> layers: 不明なレイヤー 'volcanoes' です");
    CHECK(problems[1].to_string("ru") ==
          "tour.xml:9: <slide id=\"two\"> layers: неизвестный слой 'volcanoes'");
}

TEST_CASE("[map] tour check: as the parser's check, its problems come in line order, before "
          "unknown references on the same line") {
    std::string xml = tour_file("island=\"atlantis\" layers=\"volcanoes\"");
    // slide two now has two views (bbox and island): an element problem on line 9 too
    geo::ParseOptions options;
    options.check = check_tours;
    try {
        geo::parse_annotations(xml, "tour.xml", options);
        FAIL("expected an AnnotationsError");
    } catch (const geo::AnnotationsError& error) {
        CHECK(texts(error.problems()) ==
              std::vector<std::string>{
                  "tour.xml:9: <slide id=\"two\"> has more than one view (island, bbox, center)",
                  "tour.xml:9: <slide id=\"two\"> layers: unknown layer 'volcanoes'",
                  "tour.xml:9: <slide id=\"two\"> refers to unknown island 'atlantis'"});
    }
    // Without the check the parser takes the names as written.
    const auto parsed = geo::parse_annotations(tour_file("layers=\"volcanoes\""), "tour.xml");
    CHECK(parsed.tours[0].slides[1].layers == std::vector<std::string>{"volcanoes"});
}

TEST_CASE("[map] tour check: a problem of the check alone fails the parse") {
    geo::ParseOptions options;
    options.check = check_tours;
    CHECK_THROWS_WITH_AS(
        geo::parse_annotations(tour_file("lang=\"de\""), "tour.xml", options),
        "tour.xml:9: <slide id=\"two\"> lang=\"de\": expected en, ja, ru, en+ja, en+ru or ja+ru",
        geo::AnnotationsError);
}

TEST_CASE("[map] tour check: the shipped tours pass") {
    const auto annotations = geo::load_annotations(test_paths::shipped() / "annotations.xml");
    REQUIRE(!annotations.tours.empty());
    CHECK(texts(check_tours(annotations)).empty());
}
