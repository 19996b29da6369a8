// SPDX-License-Identifier: GPL-3.0-or-later
// <points_of_view>: parsed as data, and every bad definition reported with its line.
#include "geo/annotations.hpp"
#include "test_paths.hpp"

#include <algorithm>
#include <doctest/doctest.h>
#include <string>

namespace {

// An island, a line and a tour to refer to; the points of view start on line 17.
constexpr const char* header = R"(<?xml version="1.0" encoding="UTF-8"?>
<atlas version="1">
  <sources>
    <source id="s1" title="A source" publisher="Someone" date="2020" url="https://example.org/1" lang="en"/>
  </sources>
  <islands>
    <island id="etorofu" group="disputed" lon="147.85" lat="45.09">
      <name lang="en">Etorofu / Iturup</name>
    </island>
    <island id="urup" group="kuril" lon="150.0" lat="45.9">
      <name lang="en">Urup</name>
    </island>
  </islands>
  <lines>
    <line id="japan-claim" sources="s1"><name lang="en">Claim</name></line>
  </lines>
)";

std::string pov(const std::string& attributes, const std::string& body) {
    return "  <points_of_view>\n    <pov " + attributes +
           ">\n      <title>As drawn by Japan's government</title>\n"
           "      <label>Japan's maps</label>\n" +
           body + "    </pov>\n  </points_of_view>\n";
}

std::vector<geo::Diagnostic> problems(const std::string& body) {
    try {
        geo::parse_annotations(std::string(header) + body + "</atlas>\n", "test.xml");
    } catch (const geo::AnnotationsError& error) {
        return error.problems();
    }
    return {};
}

std::string first_problem(const std::string& body) {
    const auto found = problems(body);
    return found.empty() ? std::string("(no problem)") : found.front().to_string();
}

constexpr const char* jp = R"(id="jp" draws="party-maps" party="JP")";

} // namespace

TEST_CASE("[geo] points of view: a party's maps in periods, read as data") {
    const auto annotations = geo::parse_annotations(
        std::string(header) +
            pov(jp,
                "      <period from=\"1956-02-11\" own=\"etorofu\" undetermined=\"urup\" "
                "borders=\"japan-claim\" sources=\"s1\">\n"
                "        <note>Left uncoloured</note>\n        <note lang=\"ja\">無着色</note>\n"
                "      </period>\n") +
            "</atlas>\n",
        "test.xml");
    REQUIRE(annotations.points_of_view.size() == 1);
    const geo::PointOfView* found = annotations.point_of_view("jp");
    REQUIRE(found != nullptr);
    CHECK(found->rule == geo::PovRule::party_maps);
    CHECK(found->party == geo::Party::JP);
    CHECK(geo::text_in(found->titles, "ru") == "As drawn by Japan's government");
    CHECK(geo::text_in(found->labels, "en") == "Japan's maps");
    CHECK(found->period_on({1956, 2, 10}) == nullptr);
    const geo::PovPeriod* period = found->period_on({2020, 1, 1});
    REQUIRE(period != nullptr);
    CHECK(period->own == std::vector<std::string>{"etorofu"});
    CHECK(period->undetermined == std::vector<std::string>{"urup"});
    CHECK(period->borders == std::vector<std::string>{"japan-claim"});
    CHECK(geo::text_in(period->notes, "ja") == "無着色");
    CHECK(annotations.point_of_view("martian") == nullptr);
}

TEST_CASE("[geo] points of view: an unknown island in a period names it") {
    CHECK(first_problem(pov(jp, "      <period from=\"1956-02-11\" own=\"atlantis\" "
                                "sources=\"s1\"/>\n")) ==
          "test.xml:21: <period> own refers to unknown island 'atlantis'");
    CHECK(first_problem(pov(jp, "      <period from=\"1956-02-11\" own=\"etorofu\" "
                                "undetermined=\"lemuria\" sources=\"s1\">\n"
                                "        <note>Left uncoloured</note>\n      </period>\n")) ==
          "test.xml:21: <period> undetermined refers to unknown island 'lemuria'");
}

TEST_CASE("[geo] points of view: an unknown border line names it") {
    CHECK(first_problem(pov(jp, "      <period from=\"1956-02-11\" own=\"etorofu\" "
                                "borders=\"nowhere-line\" sources=\"s1\"/>\n")) ==
          "test.xml:21: <period> of point of view 'jp' draws unknown line 'nowhere-line' as the "
          "border (not in <lines>)");
}

TEST_CASE("[geo] points of view: overlapping periods are refused") {
    CHECK(
        first_problem(pov(jp, "      <period from=\"1956-02-11\" own=\"etorofu\" sources=\"s1\"/>\n"
                              "      <period from=\"1990-01-01\" to=\"2000-01-01\" "
                              "own=\"etorofu\" sources=\"s1\"/>\n")) ==
        "test.xml:22: periods of point of view 'jp' overlap: 1990-01-01 starts before the "
        "period from 1956-02-11 (line 21) ends");
}

TEST_CASE("[geo] points of view: a period without sources is refused") {
    CHECK(first_problem(pov(jp, "      <period from=\"1956-02-11\" own=\"etorofu\"/>\n")) ==
          "test.xml:21: <period> cites no source (attribute 'sources' is required)");
    CHECK(first_problem(pov(jp, "      <period from=\"1956-02-11\" own=\"etorofu\" "
                                "sources=\"nowhere\"/>\n")) ==
          "test.xml:21: <period> cites unknown source 'nowhere'");
}

TEST_CASE("[geo] points of view: undetermined land needs a legend note; a period, its islands") {
    CHECK(first_problem(pov(jp, "      <period from=\"1956-02-11\" own=\"etorofu\" "
                                "undetermined=\"urup\" sources=\"s1\"/>\n")) ==
          "test.xml:21: <period> leaves islands undetermined but has no English <note> saying so "
          "for the legend");
    CHECK(first_problem(pov(jp, "      <period from=\"1956-02-11\" sources=\"s1\"/>\n")) ==
          "test.xml:21: <period> names no island it draws as the party's territory (attribute "
          "'own' is required)");
    CHECK(first_problem(pov(jp, "      <period from=\"1956-02-11\" to=\"1950-01-01\" "
                                "own=\"etorofu\" sources=\"s1\"/>\n")) ==
          "test.xml:21: <period> ends (to=\"1950-01-01\") before it starts (from=\"1956-02-11\")");
}

TEST_CASE("[geo] points of view: a rule, a party and a title are required") {
    CHECK(first_problem(pov("id=\"jp\" draws=\"flags\"", "")) ==
          "test.xml:18: <pov id=\"jp\"> draws=\"flags\": expected administration, party-maps or "
          "disputed");
    CHECK(first_problem(
              pov("id=\"jp\" draws=\"party-maps\"",
                  "      <period from=\"1956-02-11\" own=\"etorofu\" sources=\"s1\"/>\n")) ==
          "test.xml:18: <pov id=\"jp\"> draws party-maps but names no party (attribute 'party')");
    CHECK(first_problem(pov(jp, "")) ==
          "test.xml:18: <pov id=\"jp\"> draws party-maps but has no <period>");
    CHECK(first_problem(
              pov("id=\"neutral\" draws=\"disputed\"",
                  "      <period from=\"1956-02-11\" own=\"etorofu\" sources=\"s1\"/>\n")) ==
          "test.xml:21: <period> in <pov id=\"neutral\">: only a point of view that draws "
          "party-maps has periods");
    CHECK(first_problem("  <points_of_view>\n    <pov id=\"neutral\" draws=\"disputed\">\n"
                        "      <label>Neutral</label>\n    </pov>\n  </points_of_view>\n") ==
          "test.xml:18: <pov id=\"neutral\"> has no English <title>");
    CHECK(first_problem("  <points_of_view>\n    <pov id=\"neutral\" draws=\"disputed\">\n"
                        "      <title>Neutral</title>\n    </pov>\n  </points_of_view>\n") ==
          "test.xml:18: <pov id=\"neutral\"> has no English <label> (its short name on the "
          "viewer's buttons)");
    CHECK(first_problem(pov("id=\"neutral\" draws=\"disputed\"", "") +
                        pov("id=\"neutral\" draws=\"disputed\"", "")) ==
          "test.xml:24: duplicate point of view id 'neutral'");
}

TEST_CASE("[geo] points of view: a slide's pov must be defined") {
    const std::string tour =
        "  <tours>\n    <tour id=\"t\">\n"
        "      <slide id=\"s\" date=\"2020-01-01\" island=\"etorofu\" pov=\"martian\" "
        "sources=\"s1\">\n        <title>A slide</title>\n      </slide>\n    </tour>\n  "
        "</tours>\n";
    CHECK(first_problem(pov("id=\"neutral\" draws=\"disputed\"", "") + tour) ==
          "test.xml:25: <slide id=\"s\"> pov=\"martian\": unknown point of view (known: neutral)");
    // A defined one is fine.
    std::string good = tour;
    good.replace(good.find("martian"), 7, "neutral");
    CHECK(first_problem(pov("id=\"neutral\" draws=\"disputed\"", "") + good) == "(no problem)");
}

TEST_CASE("[geo] points of view: the shipped four, each party's maps with sourced periods") {
    const auto annotations = geo::load_annotations(test_paths::shipped() / "annotations.xml");
    for (const char* id : {"defacto", "jp", "ru", "neutral"}) {
        const geo::PointOfView* found = annotations.point_of_view(id);
        REQUIRE_MESSAGE(found != nullptr, id);
        for (const char* lang : {"en", "ja", "ru"}) {
            CHECK_MESSAGE(found->titles.count(lang) == 1, id, " ", lang);
            CHECK_MESSAGE(found->labels.count(lang) == 1, id, " ", lang);
        }
    }
    const auto* jp = annotations.point_of_view("jp");
    const auto* japan = jp->period_on({2020, 1, 1});
    REQUIRE(japan != nullptr);
    CHECK(japan->own == std::vector<std::string>{"etorofu", "kunashiri", "shikotan", "habomai"});
    CHECK(japan->borders == std::vector<std::string>{"japan-claim"});
    CHECK(std::find(japan->undetermined.begin(), japan->undetermined.end(), "south-sakhalin") !=
          japan->undetermined.end());
    const auto* russia = annotations.point_of_view("ru")->period_on({2020, 1, 1});
    REQUIRE(russia != nullptr);
    CHECK(russia->borders == std::vector<std::string>{"line-of-control"});
    CHECK(std::find(russia->own.begin(), russia->own.end(), "etorofu") != russia->own.end());
}
