// SPDX-License-Identifier: GPL-3.0-or-later
// No internal id reaches the screen: every step caption (each key date, forwards and
// backwards, in each label language) and every legend (each key date) is checked against the
// ids of the shipped annotations.
#include "geo/atlas.hpp"
#include "geo/projection.hpp"
#include "id_pattern.hpp"
#include "map/island_report.hpp"
#include "map/step_summary.hpp"
#include "test_paths.hpp"

#include <doctest/doctest.h>
#include <memory>

namespace {

struct Shipped {
    std::unique_ptr<geo::Atlas> atlas = geo::load_atlas(test_paths::shipped() / "annotations.xml");
    geo::Projection projection;
    kuril::MapScene scene{*atlas, projection};
    std::vector<std::string> ids = test_ids::internal_ids(atlas->annotations);
};

const Shipped& shipped() {
    static const Shipped s;
    return s;
}

} // namespace

TEST_CASE("[ids] the id pattern finds ids as whole words only") {
    const auto& ids = shipped().ids;
    CHECK(test_ids::find_id("1951: in force: japan-claim", ids) == "japan-claim");
    CHECK(test_ids::find_id("— line_of_control", ids) == "line_of_control");
    CHECK(test_ids::find_id("wiki-1956-declaration — Soviet–Japanese", ids) ==
          "wiki-1956-declaration");
    CHECK(test_ids::find_id("(shikotan)", ids) == "shikotan");
    CHECK(test_ids::find_id("Shikotan → USSR; Border claimed by Japan", ids).empty());
    CHECK(test_ids::find_id("slide-03-shikotan.png", ids).empty()); // part of a longer name
    CHECK(test_ids::find_id("https://example.org/kunashiri.html", ids).empty());
}

TEST_CASE("[ids] step captions at every key date, both ways, name things by their names") {
    const auto& s = shipped();
    std::vector<geo::Date> dates = s.atlas->history->key_dates();
    dates.insert(dates.begin(), geo::Date{1850, 1, 1});
    dates.push_back(geo::Date::today());
    const kuril::MapView view(s.scene.world, 1280, 720);
    for (const auto language :
         {kuril::LabelLanguage::en_ru, kuril::LabelLanguage::ja, kuril::LabelLanguage::ru}) {
        kuril::MapState state;
        state.language = language;
        std::vector<kuril::MapFrame> frames;
        for (const auto date : dates) {
            state.date = date;
            frames.push_back(kuril::build_frame(s.scene, state, view));
        }
        for (std::size_t i = 1; i < frames.size(); ++i) {
            for (const bool backward : {false, true}) {
                const auto& from = backward ? frames[i] : frames[i - 1];
                const auto& to = backward ? frames[i - 1] : frames[i];
                const std::string caption = kuril::summarize_step(from, to).caption;
                CAPTURE(from.state.date.iso());
                CAPTURE(to.state.date.iso());
                CAPTURE(caption);
                CHECK(test_ids::find_id(caption, s.ids).empty());
                // Never a bare year: something is always said.
                CHECK(caption.size() > 6);
            }
        }
    }
}

TEST_CASE("[ids] legends at every key date, from every point of view, are words, not ids") {
    const auto& s = shipped();
    const kuril::MapView view(s.scene.world, 1280, 720);
    REQUIRE(s.atlas->annotations.points_of_view.size() == 4);
    // The points of view's ids too ("neutral" is an English word elsewhere, so only here).
    std::vector<std::string> ids = s.ids;
    for (const auto& pov : s.atlas->annotations.points_of_view) {
        ids.push_back(pov.id);
    }
    for (const auto& pov : s.atlas->annotations.points_of_view) {
        for (const auto date : s.atlas->history->key_dates()) {
            kuril::MapState state;
            state.date = date;
            state.pov = pov.id;
            const auto frame = kuril::build_frame(s.scene, state, view);
            for (const auto& item : frame.legend) {
                CAPTURE(pov.id);
                CAPTURE(date.iso());
                CAPTURE(item.label);
                CHECK_FALSE(item.label.empty());
                CHECK(test_ids::find_id(item.label, ids).empty());
            }
        }
    }
}

TEST_CASE("[ids] island and event panels at every key date are words, not ids") {
    const auto& annotations = shipped().atlas->annotations;
    for (const auto date : shipped().atlas->history->key_dates()) {
        for (const auto& island : annotations.islands) {
            const auto report = kuril::island_report(
                *shipped().atlas, island, shipped().atlas->history->island_status(island.id, date));
            CAPTURE(island.id);
            CAPTURE(date.iso());
            CHECK(test_ids::find_id(report.title, shipped().ids) == "");
            CHECK(test_ids::find_id(report.body, shipped().ids) == "");
        }
    }
    for (const auto& event : annotations.events) {
        const auto report = kuril::event_report(annotations, event);
        CAPTURE(event.id);
        CHECK(test_ids::find_id(report.title + "\n" + report.body, shipped().ids) == "");
    }
}
