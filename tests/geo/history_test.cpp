// SPDX-License-Identifier: GPL-3.0-or-later
#include "geo/atlas.hpp"
#include "geo/history.hpp"
#include "test_paths.hpp"

#include <algorithm>
#include <doctest/doctest.h>
#include <string>
#include <vector>

namespace {

using geo::Party;
using Parties = std::vector<Party>;

const geo::Atlas& shipped_atlas() {
    static const auto atlas = geo::load_atlas(test_paths::shipped() / "annotations.xml");
    return *atlas;
}

struct DateTruth {
    geo::Date date;
    std::vector<std::string> lines_in_force; ///< sorted
};

// What held on dates that matter (../shared/reference/kuril-facts.md, section 1).
const DateTruth line_truths[] = {
    {{1854, 6, 1}, {}},
    {{1860, 1, 1}, {"shimoda-1855"}},
    {{1880, 1, 1}, {"st-petersburg-1875"}},
    {{1910, 1, 1}, {"portsmouth-1905", "st-petersburg-1875"}},
    {{1945, 8, 17}, {"portsmouth-1905", "st-petersburg-1875", "stalin-hokkaido-1945"}},
    {{1945, 8, 27}, {}},
    {{1945, 9, 2}, {}},
    {{1946, 1, 1}, {"line-of-control"}},
    // Japan's stated border from the San Francisco treaty's entry into force (Habomai and
    // Shikotan part of Hokkaido), the Etorofu-Urup claim from Morishita's statement of 1956.
    {{1952, 4, 27}, {"line-of-control"}},
    {{1952, 4, 28}, {"japan-claim-1952", "line-of-control"}},
    {{1956, 2, 10}, {"japan-claim-1952", "line-of-control"}},
    {{1956, 2, 11}, {"japan-claim", "line-of-control"}},
    {{1956, 10, 19}, {"japan-claim", "joint-declaration-1956", "line-of-control"}},
    {{1998, 6, 1}, {"japan-claim", "joint-declaration-1956", "kawana-1998", "line-of-control"}},
    {{1999, 1, 1}, {"japan-claim", "joint-declaration-1956", "line-of-control"}},
    {geo::Date::today(), {"japan-claim", "joint-declaration-1956", "line-of-control"}},
};

struct StatusTruth {
    const char* island;
    geo::Date date;
    bool known;
    Parties administered_by;
    Parties claimed_by;
};

const StatusTruth status_truths[] = {
    // Before the first treaty: the shogunate's posts on the southern islands, Russia's claim
    // from Urup north; no post of either side north of 50° N on Sakhalin.
    {"etorofu", {1854, 1, 1}, true, {Party::JP}, {Party::JP}},
    {"urup", {1854, 1, 1}, true, {Party::RU}, {Party::RU}},
    {"north-sakhalin", {1854, 1, 1}, false, {}, {}},
    {"etorofu", {1860, 1, 1}, true, {Party::JP}, {Party::JP}},
    {"urup", {1860, 1, 1}, true, {Party::RU}, {Party::RU}},
    {"south-sakhalin", {1860, 1, 1}, true, {Party::JP, Party::RU}, {Party::JP, Party::RU}},
    {"urup", {1880, 1, 1}, true, {Party::JP}, {Party::JP}},
    {"shumshu", {1880, 1, 1}, true, {Party::JP}, {Party::JP}},
    {"south-sakhalin", {1880, 1, 1}, true, {Party::RU}, {Party::RU}},
    {"south-sakhalin", {1910, 1, 1}, true, {Party::JP}, {Party::JP}},
    // July-September 1905: Japanese forces hold the whole island; Russia still claims it.
    {"south-sakhalin", {1905, 8, 1}, true, {Party::JP}, {Party::RU}},
    {"north-sakhalin", {1905, 8, 1}, true, {Party::JP}, {Party::RU}},
    {"north-sakhalin", {1910, 1, 1}, true, {Party::RU}, {Party::RU}},
    // The 1920-1925 occupation from the first landings (April 1920), not the July proclamation.
    {"north-sakhalin", {1920, 5, 1}, true, {Party::JP}, {Party::RU}},
    {"etorofu", {1945, 8, 27}, true, {Party::JP}, {Party::JP}},
    {"etorofu", {1945, 8, 28}, true, {Party::RU}, {Party::JP, Party::RU}},
    {"shumshu", {1945, 8, 27}, true, {Party::RU}, {Party::JP, Party::RU}},
    // The garrisons south of Paramushir surrendered on 25 August, not 23 August.
    {"onekotan", {1945, 8, 24}, true, {Party::JP}, {Party::JP}},
    {"onekotan", {1945, 8, 25}, true, {Party::RU}, {Party::JP, Party::RU}},
    {"kunashiri", {1945, 8, 31}, true, {Party::JP}, {Party::JP}},
    {"kunashiri", {1945, 9, 2}, true, {Party::RU}, {Party::JP, Party::RU}},
    {"shikotan", {1945, 9, 2}, true, {Party::RU}, {Party::JP, Party::RU}},
    {"habomai", {1945, 9, 2}, true, {Party::JP}, {Party::JP}},
    {"habomai", {1946, 1, 1}, true, {Party::RU}, {Party::JP, Party::RU}},
    {"urup", {1946, 1, 1}, true, {Party::RU}, {Party::JP, Party::RU}},
    // 1952-1956: Japan's government counted Etorofu and Kunashiri among the renounced Kurils
    // until its statement of 11 February 1956; it claimed Habomai and Shikotan throughout.
    {"etorofu", {1953, 1, 1}, true, {Party::RU}, {Party::RU}},
    {"kunashiri", {1953, 1, 1}, true, {Party::RU}, {Party::RU}},
    {"shikotan", {1953, 1, 1}, true, {Party::RU}, {Party::JP, Party::RU}},
    {"etorofu", {1956, 3, 1}, true, {Party::RU}, {Party::JP, Party::RU}},
    {"urup", {1956, 10, 19}, true, {Party::RU}, {Party::RU}},
    {"south-sakhalin", {1956, 10, 19}, true, {Party::RU}, {Party::RU}},
    {"etorofu", {1956, 10, 19}, true, {Party::RU}, {Party::JP, Party::RU}},
    {"habomai", {1999, 1, 1}, true, {Party::RU}, {Party::JP, Party::RU}},
    {"hokkaido", {1999, 1, 1}, true, {Party::JP}, {Party::JP}},
    {"kunashiri", geo::Date::today(), true, {Party::RU}, {Party::JP, Party::RU}},
    {"kunashiri", {2100, 1, 1}, true, {Party::RU}, {Party::JP, Party::RU}},
};

Parties sorted(Parties parties) {
    std::sort(parties.begin(), parties.end());
    return parties;
}

} // namespace

TEST_CASE("[geo] history: lines in force on dates that matter") {
    const auto& history = *shipped_atlas().history;
    for (const auto& truth : line_truths) {
        CAPTURE(truth.date.iso());
        auto ids = history.line_ids_in_force(truth.date);
        std::sort(ids.begin(), ids.end());
        CHECK(ids == truth.lines_in_force);
    }
}

TEST_CASE("[geo] history: who administered and who claimed each island") {
    const auto& history = *shipped_atlas().history;
    for (const auto& truth : status_truths) {
        CAPTURE(truth.island);
        CAPTURE(truth.date.iso());
        const auto status = history.island_status(truth.island, truth.date);
        CHECK(status.known == truth.known);
        CHECK(sorted(status.administered_by) == truth.administered_by);
        CHECK(sorted(status.claimed_by) == truth.claimed_by);
        if (truth.known) {
            CHECK(!status.sources.empty());
        } else {
            CHECK(status.note.find("no treaty boundary") != std::string::npos);
        }
    }
}

TEST_CASE("[geo] history: an unknown island is an error that names it") {
    CHECK_THROWS_WITH_AS(shipped_atlas().history->island_status("atlantis", {1900, 1, 1}),
                         "unknown island 'atlantis'", geo::InputError);
}

TEST_CASE("[geo] history: boundary attributes are checked feature by feature") {
    geo::VectorLayer layer;
    layer.source = "lines.shp";
    geo::Feature feature;
    feature.fid = 3;
    feature.attributes = {{"id", "x"},    {"kind", "border"},  {"valid_from", "1855"},
                          {"label", "X"}, {"approx", "false"}, {"source", "s1"}};
    layer.features.push_back(feature);
    CHECK_THROWS_WITH_AS(geo::boundary_lines_from_layer(layer),
                         "lines.shp: feature 3 (x): kind 'border' is not one of treaty, "
                         "proposal, claim, line_of_control, implied",
                         geo::InputError);
    layer.features[0].attributes["kind"] = "implied";
    CHECK(geo::boundary_lines_from_layer(layer).front().kind == geo::LineKind::implied);
    CHECK(geo::line_kind_name(geo::LineKind::implied) == "implied");
    layer.features[0].attributes["kind"] = "treaty";
    layer.features[0].attributes["valid_to"] = "1854";
    CHECK_THROWS_WITH_AS(geo::boundary_lines_from_layer(layer),
                         "lines.shp: feature 3 (x): valid_to 1854-01-01 is not after valid_from "
                         "1855-01-01",
                         geo::InputError);
    try {
        geo::boundary_lines_from_layer(layer);
        FAIL("expected an InputError");
    } catch (const geo::InputError& error) {
        CHECK(error.file() == "lines.shp");
        CHECK(error.feature() == "3");
    }
    layer.features[0].attributes.erase("valid_to");
    layer.features[0].attributes.erase("label");
    CHECK_THROWS_WITH_AS(geo::boundary_lines_from_layer(layer),
                         "lines.shp: feature 3: attribute 'label' is missing or empty",
                         geo::InputError);
    layer.features[0].attributes.emplace("label", "X"); // not operator=: GCC 12 -Wrestrict (105329)
    const auto lines = geo::boundary_lines_from_layer(layer);
    REQUIRE(lines.size() == 1);
    CHECK(lines[0].in_force_on({1855, 1, 1}));
    CHECK(!lines[0].in_force_on({1854, 12, 31}));
    CHECK(lines[0].in_force_on({2100, 1, 1}));
}

TEST_CASE("[geo] history: a feature's error, with the date error inside it, in ja and ru") {
    geo::VectorLayer layer;
    layer.source = "lines.shp";
    geo::Feature feature;
    feature.fid = 3;
    feature.attributes = {{"id", "x"},    {"kind", "treaty"},  {"valid_from", "1855-13"},
                          {"label", "X"}, {"approx", "false"}, {"source", "s1"}};
    layer.features.push_back(feature);
    try {
        geo::boundary_lines_from_layer(layer);
        FAIL("expected an InputError");
    } catch (const geo::InputError& error) {
        CHECK(std::string(error.what()) ==
              "lines.shp: feature 3 (x): '1855-13' is not a date: there is no month 13");
        CHECK(error.text("ja") ==
              "lines.shp: 地物 3（x）: '1855-13' は日付ではありません。13月という月はありません");
        CHECK(error.text("ru") ==
              "lines.shp: объект 3 (x): '1855-13' не является датой: месяца с номером 13 нет");
        CHECK(error.feature() == "3");
    }
    CHECK_THROWS_WITH_AS(shipped_atlas().history->island_status("atlantis", {1900, 1, 1}),
                         "unknown island 'atlantis'", geo::InputError);
    try {
        shipped_atlas().history->island_status("atlantis", {1900, 1, 1});
    } catch (const geo::InputError& error) {
        CHECK(error.text("ja") == "'atlantis' という島はありません");
        CHECK(error.text("ru") == "неизвестный остров 'atlantis'");
    }
}
