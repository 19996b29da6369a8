// SPDX-License-Identifier: GPL-3.0-or-later
#include "geo/atlas.hpp"
#include "geo/projection.hpp"
#include "map/step_summary.hpp"
#include "test_paths.hpp"

#include <algorithm>
#include <doctest/doctest.h>
#include <memory>

namespace {

bool contains(const std::vector<std::string>& items, const std::string& item) {
    return std::find(items.begin(), items.end(), item) != items.end();
}

struct Shipped {
    std::unique_ptr<geo::Atlas> atlas = geo::load_atlas(test_paths::shipped() / "annotations.xml");
    geo::Projection projection;
    kuril::MapScene scene{*atlas, projection};

    kuril::StepSummary step(geo::Date from, geo::Date to, kuril::MapState state = {}) const {
        const kuril::MapView view(scene.world, 800, 600);
        state.date = from;
        const auto before = kuril::build_frame(scene, state, view);
        state.date = to;
        return kuril::summarize_step(before, kuril::build_frame(scene, state, view));
    }
};

} // namespace

TEST_CASE("[step] a timeline step names what changed between two frames") {
    const Shipped shipped;
    const auto summary = shipped.step({1860, 1, 1}, {1875, 5, 7});
    CHECK(contains(summary.changed_lines, "st-petersburg-1875"));
    CHECK(contains(summary.changed_islands, "urup"));
    CHECK(contains(summary.changed_islands, "south-sakhalin"));
    CHECK(!contains(summary.changed_islands, "etorofu"));
    CHECK(
        summary.caption ==
        "1875: Treaty of Saint Petersburg — Urup, Simushir, Onekotan, Paramushir, Shumshu → Japan; "
        "South Sakhalin, North Sakhalin, Russian Far East → Russian Empire; Treaty of Saint "
        "Petersburg borders "
        "(1875, approx.) comes into force; Treaty of Shimoda border (1855, approx.) no longer "
        "in force");

    const auto occupation = shipped.step({1945, 8, 27}, {1945, 8, 28});
    CHECK(occupation.changed_islands == std::vector<std::string>{"etorofu"});
    CHECK(occupation.caption == "1945: Soviet forces reach Etorofu — Etorofu / Iturup → USSR");

    const auto nothing = shipped.step({1930, 1, 1}, {1930, 6, 1});
    CHECK(nothing.changed_islands.empty());
    CHECK(nothing.changed_lines.empty());
    CHECK(nothing.caption == "1930: no change in status");
}

TEST_CASE("[step] forwards: lines are named by their names, with the event of the step") {
    const Shipped shipped;
    // A claim is claimed, not "in force"; the line the 1956 Declaration implies is shown, never
    // said to come into force like a treaty border.
    CHECK(shipped.step({1956, 2, 10}, {1956, 2, 11}).caption ==
          "1956: Japan's unified view: Kunashiri and Etorofu not among the renounced Kurils — "
          "Etorofu / Iturup, Kunashiri / Kunashir claimed by Japan + USSR; Border claimed by Japan "
          "since 1956 (approx.) now claimed; Border claimed by Japan, 1952–1956 (approx.) no "
          "longer claimed");
    CHECK(shipped.step({1956, 2, 11}, {1956, 10, 19}).caption ==
          "1956: Soviet–Japanese Joint Declaration — Line implied by the 1956 Joint Declaration "
          "(approx.) now shown");
    CHECK(shipped.step({1952, 4, 27}, {1952, 4, 28}).caption ==
          "1952: 8 islands claimed by USSR; Border claimed by Japan, 1952–1956 (approx.) now "
          "claimed");
    CHECK(shipped.step({1998, 4, 18}, {1998, 11, 13}).caption ==
          "1998: Moscow Declaration and Russian counter-proposal — Kawana proposal (1998, "
          "approx.) dropped");
    // Nothing recorded changes up to today: said so, not an empty caption.
    CHECK(shipped.step({2022, 3, 21}, geo::Date::today()).caption ==
          std::to_string(geo::Date::today().year) + ": no change in status");
}

TEST_CASE("[step] backwards: the caption describes the state arrived at") {
    const Shipped shipped;
    // The 1956 line is not yet in force in 1952 (not "no longer").
    CHECK(shipped.step({1956, 10, 19}, {1956, 2, 11}).caption ==
          "1956: Japan's unified view: Kunashiri and Etorofu not among the renounced Kurils — "
          "Line implied by the 1956 Joint Declaration (approx.) not yet shown");
    CHECK(shipped.step({1956, 2, 11}, {1956, 2, 10}).caption ==
          "1956, before Japan's unified view: Kunashiri and Etorofu not among the renounced "
          "Kurils — Etorofu / Iturup, Kunashiri / Kunashir claimed by USSR; Border claimed by "
          "Japan, 1952–1956 (approx.) still claimed; Border claimed by Japan since 1956 (approx.) "
          "not yet claimed");
    // On 23 August 1945 South Sakhalin is still Japanese: a state, not a change to Japan.
    CHECK(shipped.step({1945, 8, 25}, {1945, 8, 23}).caption ==
          "1945: Onekotan, South Sakhalin administered by Japan; Treaty of Portsmouth border, 50th "
          "parallel (1905) still in force");
    // Arriving on the day of an event: that event, and what still held on that day.
    CHECK(shipped.step({1945, 9, 1}, {1945, 8, 28}).caption ==
          "1945: Soviet forces reach Etorofu — Kunashiri / Kunashir, Shikotan, Urup, Simushir "
          "administered by Japan");
    // Before the first treaty: Sakhalin south of 50° N Japanese only (Russia's posts came in
    // 1853), nothing recorded north of it; the other islands held as after the treaty.
    CHECK(shipped.step({1855, 2, 7}, {1850, 1, 1}).caption ==
          "1850, before Treaty of Shimoda (1855) — South Sakhalin administered by Japan; North "
          "Sakhalin: no recorded holder; Treaty of Shimoda border (1855, approx.) not yet in "
          "force");
    // Back to a date where nothing changed since: said so.
    CHECK(shipped.step({1945, 2, 11}, {1925, 5, 15}).caption ==
          "1925, before Soviet–Japanese Neutrality Pact (1941) — no change in status");
}

TEST_CASE("[step] names in the chosen language (the first of two)") {
    const Shipped shipped;
    kuril::MapState state;
    state.language = kuril::LabelLanguage::ja_ru;
    const auto summary = shipped.step({1945, 8, 27}, {1945, 8, 28}, state);
    CHECK(summary.caption.find("択捉島 → USSR") != std::string::npos);
    state.language = kuril::LabelLanguage::ru;
    CHECK(shipped.step({1952, 4, 28}, {1956, 10, 19}, state)
              .caption.find(
                  "Линия, подразумеваемая Совместной декларацией 1956 г. (приблизительно)") !=
          std::string::npos);
}

TEST_CASE("[step] the caption reports the record, whatever layers are shown") {
    const Shipped shipped;
    kuril::MapState state;
    for (auto& visible : state.visible) {
        visible = false;
    }
    const auto summary = shipped.step({1860, 1, 1}, {1875, 5, 7}, state);
    CHECK(contains(summary.changed_islands, "urup"));
    CHECK(contains(summary.changed_lines, "st-petersburg-1875"));
}

TEST_CASE("[step] the words around the names are in the interface language") {
    const Shipped shipped;
    kuril::MapState state;
    state.language = kuril::LabelLanguage::ja;
    state.text_language = kuril::TextLanguage::ja;
    const std::string ja = shipped.step({1945, 8, 27}, {1945, 8, 28}, state).caption;
    CHECK(ja.find("択捉島 → ソ連") != std::string::npos);
    state.text_language = kuril::TextLanguage::ru;
    state.language = kuril::LabelLanguage::ru;
    const std::string ru = shipped.step({1945, 2, 11}, {1925, 5, 15}, state).caption;
    CHECK(ru.find("статус не изменился") != std::string::npos);
    // No English word of the frame is left in either.
    for (const char* english : {"no change", "administered", "claimed", "before", "islands"}) {
        CHECK(ja.find(english) == std::string::npos);
        CHECK(ru.find(english) == std::string::npos);
    }
}
