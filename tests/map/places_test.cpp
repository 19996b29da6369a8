// SPDX-License-Identifier: GPL-3.0-or-later
#include "geo/atlas.hpp"
#include "geo/projection.hpp"
#include "map/island_report.hpp"
#include "map/map_frame.hpp"
#include "map/name_search.hpp"
#include "test_paths.hpp"

#include <algorithm>
#include <doctest/doctest.h>
#include <memory>
#include <string>
#include <vector>

namespace {

struct Fixture {
    std::unique_ptr<geo::Atlas> atlas = geo::load_atlas(test_paths::fixtures() / "places.xml");
    geo::Projection projection;
    kuril::MapScene scene{*atlas, projection};
};

const Fixture& fixture() {
    static const Fixture data;
    return data;
}

/// A 1280x720 frame centred on a lon/lat point at `mpp` metres per pixel.
kuril::MapFrame frame_at(geo::Point lon_lat, double mpp, geo::Date date,
                         kuril::MapState state = {}) {
    kuril::MapView view(fixture().scene.world, 1280, 720);
    view.set(fixture().projection.forward(lon_lat), mpp);
    state.date = date;
    return kuril::build_frame(fixture().scene, state, view);
}

/// The ids of the places labelled in a frame, sorted.
std::vector<std::string> place_ids(const kuril::MapFrame& frame) {
    std::vector<std::string> ids;
    for (const auto& label : frame.labels) {
        if (label.kind == kuril::LabelKind::place &&
            fixture().atlas->annotations.place(label.feature) != nullptr) {
            ids.push_back(label.feature);
        }
    }
    std::sort(ids.begin(), ids.end());
    return ids;
}

const kuril::FrameLabel* label_of(const kuril::MapFrame& frame, const std::string& id) {
    for (const auto& label : frame.labels) {
        if (label.feature == id) {
            return &label;
        }
    }
    return nullptr;
}

std::vector<std::string> ids_of(const std::vector<kuril::NameMatch>& matches) {
    std::vector<std::string> ids;
    for (const auto& match : matches) {
        ids.push_back(match.id);
    }
    return ids;
}

const geo::Point kunashiri{145.9, 43.8};

} // namespace

TEST_CASE("[map] places: shown by rank as the view zooms in") {
    // The whole of the fixture's places fits at 4 km/px: only the sea (rank 1).
    const geo::Point middle{145.5, 48.0};
    CHECK(place_ids(frame_at(middle, 4000, {2020, 1, 1})) ==
          std::vector<std::string>{"sea-of-okhotsk"});
    // Rank 2 (the strait, the town given rank 2) from 2,500 m/px.
    CHECK(place_ids(frame_at(middle, 2400, {2020, 1, 1})) ==
          std::vector<std::string>{"nemuro-strait", "sea-of-okhotsk", "yuzhno-sakhalinsk"});
    // Rank 3 (towns, capes) from 1,000 m/px (here 800), near Kunashiri; the volcano (4) only close
    // up.
    CHECK(place_ids(frame_at(kunashiri, 800, {2020, 1, 1})) ==
          std::vector<std::string>{"cape-nosappu", "nemuro-strait", "yuzhno-kurilsk"});
    CHECK(place_ids(frame_at(kunashiri, 200, {2020, 1, 1})) ==
          std::vector<std::string>{"cape-nosappu", "nemuro-strait", "tyatya", "yuzhno-kurilsk"});
    // The thresholds are per UI pixel: at a UI scale of 2 the same view shows what a view of
    // twice the scale shows.
    kuril::MapState doubled;
    doubled.ui_scale = 2.0;
    CHECK(place_ids(frame_at(kunashiri, 200, {2020, 1, 1}, doubled)) ==
          std::vector<std::string>{"cape-nosappu", "nemuro-strait", "yuzhno-kurilsk"});
    CHECK(kuril::place_rank_max_mpp(1) > 1e12);
    CHECK(kuril::place_rank_max_mpp(4) == 250);
}

TEST_CASE("[map] places: the name valid on the date, in the label languages, below every island "
          "name") {
    const geo::Point sakhalin{142.74, 46.96};
    kuril::MapState en_ru;
    en_ru.language = kuril::LabelLanguage::en_ru;
    const auto before = frame_at(sakhalin, 800, {1940, 1, 1}, en_ru);
    const auto after = frame_at(sakhalin, 800, {1950, 1, 1}, en_ru);
    const auto* old_name = label_of(before, "yuzhno-sakhalinsk");
    const auto* new_name = label_of(after, "yuzhno-sakhalinsk");
    REQUIRE(old_name != nullptr);
    REQUIRE(new_name != nullptr);
    CHECK(old_name->text == "Toyohara\nТоёхара");
    CHECK(old_name->short_text == "Toyohara");
    CHECK(new_name->text == "Yuzhno-Sakhalinsk\nЮжно-Сахалинск");
    CHECK(old_name->key != new_name->key); // a text cache key per name
    kuril::MapState ja;
    ja.language = kuril::LabelLanguage::ja;
    CHECK(label_of(frame_at(sakhalin, 800, {1940, 1, 1}, ja), "yuzhno-sakhalinsk")->text == "豊原");
    // A town has a dot and stands on its island's land; water is italic and off all land.
    const auto frame = frame_at(kunashiri, 200, {2020, 1, 1});
    const auto* town = label_of(frame, "yuzhno-kurilsk");
    const auto* strait = label_of(frame, "nemuro-strait");
    const auto* island = label_of(frame, "kunashiri");
    REQUIRE(town != nullptr);
    REQUIRE(strait != nullptr);
    REQUIRE(island != nullptr);
    CHECK(town->place_style == kuril::PlaceStyle::dot);
    CHECK(town->region >= 0);
    CHECK(fixture().scene.regions[static_cast<std::size_t>(town->region)].island->id ==
          "kunashiri");
    CHECK_FALSE(town->italic);
    CHECK(strait->place_style == kuril::PlaceStyle::water);
    CHECK(strait->italic);
    CHECK(strait->region == -1);
    CHECK(label_of(frame_at({148.5, 52.5}, 4000, {2020, 1, 1}), "sea-of-okhotsk")->size_px >
          town->size_px);
    // Every place's priority is below every island's: placed after them, never over them.
    CHECK(island->essential);
    for (const auto& label : frame.labels) {
        if (label.place_style != kuril::PlaceStyle::none) {
            CHECK(label.priority < island->priority);
            CHECK_FALSE(label.essential);
        }
    }
    // The names cite their sources with the frame's.
    CHECK(std::count(frame.sources.begin(), frame.sources.end(), "s1") == 1);
    // No labels layer, no places.
    kuril::MapState no_labels;
    no_labels.toggle(kuril::Layer::labels);
    const auto bare = frame_at(kunashiri, 200, {2020, 1, 1}, no_labels);
    CHECK(bare.places.empty());
    CHECK(place_ids(bare).empty());
}

TEST_CASE("[map] places: a click finds the place by its dot, the nearest within the radius") {
    const auto frame = frame_at(kunashiri, 200, {2020, 1, 1});
    const kuril::FramePlace* town = nullptr;
    for (const auto& shown : frame.places) {
        if (shown.place->id == "yuzhno-kurilsk") {
            town = &shown;
        }
    }
    REQUIRE(town != nullptr);
    const auto* hit = frame.place_at({town->screen.x + 3, town->screen.y - 2}, 7);
    REQUIRE(hit != nullptr);
    CHECK(hit->place->id == "yuzhno-kurilsk");
    CHECK(frame.place_at({town->screen.x + 30, town->screen.y}, 7) == nullptr);
}

TEST_CASE("[map] place_report: names on the date, names by period, kind, sources") {
    const geo::Place& town = *fixture().atlas->annotations.place("yuzhno-sakhalinsk");
    const auto old = kuril::place_report(fixture().atlas->annotations, town, {1940, 1, 1});
    CHECK(old.title == "Toyohara");
    CHECK(old.body.rfind("Town, 46.96° N, 142.74° E\nEnglish: Toyohara\nJapanese: 豊原 (Toyohara)\n"
                         "Russian: Тоёхара (Toyokhara)\n",
                         0) == 0);
    CHECK(old.body.find("Names by period:\nEnglish: Toyohara, until 1946-06-04\nEnglish: "
                        "Yuzhno-Sakhalinsk, from 1946-06-04\nJapanese: 豊原, until 1946-06-04\n") !=
          std::string::npos);
    REQUIRE(old.sources.size() == 1);
    CHECK(old.sources[0].text == "A source — Someone, 2020");
    const auto now = kuril::place_report(fixture().atlas->annotations, town, {2020, 1, 1});
    CHECK(now.title == "Yuzhno-Sakhalinsk");
    CHECK(now.body.find("Russian: Южно-Сахалинск (Yuzhno-Sakhalinsk)\n") != std::string::npos);
    // A place whose names never changed has no list of periods.
    const geo::Place& strait = *fixture().atlas->annotations.place("nemuro-strait");
    const auto report = kuril::place_report(fixture().atlas->annotations, strait, {2020, 1, 1});
    CHECK(report.body.rfind("Strait, ", 0) == 0);
    CHECK(report.body.find("Names by period") == std::string::npos);
}

TEST_CASE("[map] find_names: any language, romaji and transliteration, substrings, case") {
    const auto& annotations = fixture().atlas->annotations;
    CHECK(kuril::fold_for_search("ЮЖНО-Курильск Ёж Shikotan-TŌ Pérouse") ==
          "южно-курильск еж shikotan-to perouse");
    // Cyrillic, in any case.
    CHECK(ids_of(kuril::find_names(annotations, "ЮЖНО")) ==
          std::vector<std::string>{"yuzhno-sakhalinsk", "yuzhno-kurilsk"});
    CHECK(ids_of(kuril::find_names(annotations, "пролив")) ==
          std::vector<std::string>{"nemuro-strait"});
    // Kanji and kana, a former name too.
    CHECK(ids_of(kuril::find_names(annotations, "釜")) ==
          std::vector<std::string>{"yuzhno-kurilsk"});
    CHECK(ids_of(kuril::find_names(annotations, "オホーツク")) ==
          std::vector<std::string>{"sea-of-okhotsk"});
    const auto former = kuril::find_names(annotations, "豊原");
    REQUIRE(former.size() == 1);
    CHECK(former[0].id == "yuzhno-sakhalinsk");
    CHECK(former[0].text == "Yuzhno-Sakhalinsk · ユジノサハリンスク · Южно-Сахалинск (豊原)");
    CHECK(former[0].what == "town");
    // Romaji (macrons folded) and transliteration, inside a word; islands as well as places.
    CHECK(ids_of(kuril::find_names(annotations, "kamappu")) ==
          std::vector<std::string>{"yuzhno-kurilsk"});
    CHECK(ids_of(kuril::find_names(annotations, "hokkaido")) ==
          std::vector<std::string>{"hokkaido"});
    CHECK(ids_of(kuril::find_names(annotations, "toyokhara")) ==
          std::vector<std::string>{"yuzhno-sakhalinsk"});
    // Names that start with the text come first: "kuna" starts Kunashir, is inside
    // "Kunashirskiy proliv" too (which starts with it as well), not inside the town's.
    CHECK(ids_of(kuril::find_names(annotations, "kuna")) ==
          std::vector<std::string>{"kunashiri", "nemuro-strait"});
    CHECK(ids_of(kuril::find_names(annotations, "shir")) ==
          std::vector<std::string>{"kunashiri", "nemuro-strait"});
    CHECK(kuril::find_names(annotations, "   ").empty());
    CHECK(kuril::find_names(annotations, "atlantis").empty());
    CHECK(kuril::find_names(annotations, "a", 2).size() == 2);
}
