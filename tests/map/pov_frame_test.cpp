// SPDX-License-Identifier: GPL-3.0-or-later
// Points of view: build_frame changes how the same statuses are drawn, never the statuses.
#include "geo/atlas.hpp"
#include "geo/error.hpp"
#include "geo/projection.hpp"
#include "map/map_frame.hpp"
#include "test_paths.hpp"

#include <algorithm>
#include <doctest/doctest.h>
#include <memory>

namespace {

using geo::Party;
using Look = kuril::StatusSymbol::Look;

struct Shipped {
    std::unique_ptr<geo::Atlas> atlas = geo::load_atlas(test_paths::shipped() / "annotations.xml");
    geo::Projection projection;
    kuril::MapScene scene{*atlas, projection};
};

const Shipped& shipped() {
    static const Shipped s;
    return s;
}

kuril::MapFrame frame_from(const std::string& pov, geo::Date date,
                           kuril::LabelLanguage language = kuril::LabelLanguage::en_ru) {
    kuril::MapState state;
    state.date = date;
    state.pov = pov;
    state.language = language;
    return kuril::build_frame(shipped().scene, state,
                              kuril::MapView(shipped().scene.world, 1280, 720));
}

const kuril::StatusSymbol& symbol_of(const kuril::MapFrame& frame, const std::string& island) {
    const kuril::FrameRegion* region = frame.region(island);
    REQUIRE_MESSAGE(region != nullptr, island);
    return region->symbol;
}

const kuril::FrameLine* line_of(const kuril::MapFrame& frame, const std::string& id) {
    for (const auto& line : frame.lines) {
        if (line.line->line->id == id) {
            return &line;
        }
    }
    return nullptr;
}

const kuril::LegendItem* legend_row(const kuril::MapFrame& frame, const std::string& label) {
    for (const auto& item : frame.legend) {
        if (item.label == label) {
            return &item;
        }
    }
    return nullptr;
}

bool cites(const kuril::MapFrame& frame, const std::string& source) {
    return std::find(frame.sources.begin(), frame.sources.end(), source) != frame.sources.end();
}

const geo::Date day{2020, 1, 1};

} // namespace

TEST_CASE("[map] pov defacto: the same frame as without a point of view") {
    kuril::MapState plain;
    plain.date = day;
    plain.pov = "";
    const auto without = kuril::build_frame(shipped().scene, plain,
                                            kuril::MapView(shipped().scene.world, 1280, 720));
    const auto defacto = frame_from("defacto", day);
    CHECK(defacto.pov == nullptr);
    CHECK(defacto.pov_title.empty());
    REQUIRE(defacto.regions.size() == without.regions.size());
    for (std::size_t i = 0; i < defacto.regions.size(); ++i) {
        CHECK(defacto.regions[i].symbol == without.regions[i].symbol);
    }
    CHECK(defacto.legend == without.legend);
    CHECK(defacto.sources == without.sources);
    CHECK(symbol_of(defacto, "etorofu").fill == Party::RU);
    CHECK(symbol_of(defacto, "etorofu").hatches == std::vector<Party>{Party::JP});
}

TEST_CASE("[map] pov jp on 2020-01-01: the four islands in Japan's fill, the rest undetermined") {
    const auto frame = frame_from("jp", day);
    REQUIRE(frame.pov != nullptr);
    REQUIRE(frame.pov_period != nullptr);
    CHECK(frame.pov_title == "As drawn by Japan's government");
    for (const char* island : {"etorofu", "kunashiri", "shikotan", "habomai"}) {
        CAPTURE(island);
        const auto& symbol = symbol_of(frame, island);
        CHECK(symbol.look == Look::party);
        CHECK(symbol.fill == symbol_of(frame, "hokkaido").fill); // Hokkaido's fill
        CHECK(symbol.hatches.empty());
    }
    for (const char* island : {"south-sakhalin", "urup", "shumshu"}) {
        CAPTURE(island);
        CHECK(symbol_of(frame, island).look == Look::uncoloured);
    }
    CHECK(symbol_of(frame, "north-sakhalin").fill == Party::RU);
    // The statuses themselves are the facts, whatever the point of view.
    const geo::IslandStatus* etorofu = frame.status_of("etorofu");
    REQUIRE(etorofu != nullptr);
    CHECK(etorofu->administered_by == std::vector<Party>{Party::RU});
    // Japan's border drawn as a border (dashed: it is constructed); no line of control.
    const auto* border = line_of(frame, "japan-claim");
    REQUIRE(border != nullptr);
    CHECK(border->symbol.role == kuril::LineRole::treaty_approx);
    CHECK(border->symbol.dashed());
    CHECK(line_of(frame, "line-of-control") == nullptr);
    // The legend says whose maps, leaves the undetermined land uncoloured and says so.
    REQUIRE_FALSE(frame.legend.empty());
    CHECK(frame.legend.front().swatch == kuril::LegendItem::Swatch::note);
    CHECK(frame.legend.front().label == "As drawn by Japan's government");
    CHECK(legend_row(frame, "Japan, as drawn by Japan's government") != nullptr);
    CHECK(legend_row(frame, "Border, as drawn by Japan's government (approx.)") != nullptr);
    const auto* uncoloured =
        legend_row(frame, "South Sakhalin, Urup and the Kurils north of it: uncoloured on Japan's "
                          "maps (undetermined)");
    REQUIRE(uncoloured != nullptr);
    CHECK(uncoloured->swatch == kuril::LegendItem::Swatch::land);
    CHECK(legend_row(frame, "Administered by Russian Federation") == nullptr);
    CHECK(cites(frame, "mofa-hoppo-qa-2003"));
    CHECK(cites(frame, "teikoku-faq-karafuto"));
}

TEST_CASE("[map] pov ru on 2020-01-01: Etorofu in Sakhalin's fill, the line of control a border") {
    const auto frame = frame_from("ru", day);
    REQUIRE(frame.pov_period != nullptr);
    const auto& etorofu = symbol_of(frame, "etorofu");
    CHECK(etorofu.look == Look::party);
    CHECK(etorofu == symbol_of(frame, "south-sakhalin")); // Sakhalin's fill, no hatching
    CHECK(etorofu.fill == Party::RU);
    CHECK(etorofu.hatches.empty());
    CHECK(symbol_of(frame, "hokkaido").fill == Party::JP);
    const auto* border = line_of(frame, "line-of-control");
    REQUIRE(border != nullptr);
    CHECK(border->symbol.role == kuril::LineRole::treaty_approx);
    CHECK(line_of(frame, "japan-claim") == nullptr);
    CHECK(legend_row(frame, "Russian Federation, as drawn by Russia's government") != nullptr);
    CHECK(legend_row(frame, "Border, as drawn by Russia's government (approx.)") != nullptr);
    CHECK(cites(frame, "nationalatlas-ru-tom1"));
}

TEST_CASE("[map] pov neutral on 2020-01-01: disputed islands in neither side's colour") {
    const auto frame = frame_from("neutral", day);
    REQUIRE(frame.pov != nullptr);
    CHECK(frame.pov_period == nullptr);
    for (const char* island : {"etorofu", "kunashiri", "shikotan", "habomai"}) {
        CAPTURE(island);
        CHECK(symbol_of(frame, island).look == Look::disputed);
    }
    CHECK(symbol_of(frame, "hokkaido").look == Look::party);
    CHECK(symbol_of(frame, "urup").look == Look::party); // not contested
    const auto* row =
        legend_row(frame, "Disputed: administered by Russian Federation, claimed by Japan");
    REQUIRE(row != nullptr);
    CHECK(row->swatch == kuril::LegendItem::Swatch::disputed);
    CHECK(row->features.size() == 4);
    // Both sides' names on disputed land, whatever the label language; others as asked.
    for (const auto language : {kuril::LabelLanguage::ja, kuril::LabelLanguage::en_ru}) {
        const auto named = frame_from("neutral", day, language);
        bool etorofu = false;
        bool urup = false;
        for (const auto& label : named.labels) {
            if (label.feature == "etorofu") {
                etorofu = true;
                CHECK(label.text == "択捉島\nИтуруп");
                CHECK(label.short_text == "Etorofu / Iturup"); // both names when short too
            }
            if (label.feature == "urup") {
                urup = true;
                CHECK(label.text ==
                      (language == kuril::LabelLanguage::ja ? "得撫島" : "Urup\nУруп"));
            }
        }
        CHECK(etorofu);
        CHECK(urup);
    }
}

TEST_CASE("[map] pov jp before its first period: drawn as administered, and the legend says so") {
    const auto frame = frame_from("jp", {1950, 1, 1});
    const auto defacto = frame_from("defacto", {1950, 1, 1});
    CHECK(frame.pov_period == nullptr);
    CHECK(symbol_of(frame, "etorofu") == symbol_of(defacto, "etorofu"));
    REQUIRE(frame.legend.size() >= 2);
    CHECK(frame.legend[0].label == "As drawn by Japan's government");
    CHECK(frame.legend[1].label ==
          "No period recorded before 11 February 1956: drawn as administered");
}

TEST_CASE("[map] pov titles follow the text language, and an unknown pov is refused by name") {
    kuril::MapState state;
    state.date = day;
    state.pov = "ru";
    state.text_language = kuril::TextLanguage::ja;
    const auto frame = kuril::build_frame(shipped().scene, state,
                                          kuril::MapView(shipped().scene.world, 1280, 720));
    CHECK(frame.pov_title == "ロシア政府の地図による表示");
    const auto& annotations = shipped().atlas->annotations;
    CHECK(kuril::known_pov_ids(annotations) == "defacto, jp, ru, neutral");
    CHECK_NOTHROW(kuril::check_pov(annotations, "neutral", "--pov"));
    CHECK_THROWS_WITH_AS(kuril::check_pov(annotations, "martian", "--pov"),
                         "--pov 'martian': unknown point of view (known: defacto, jp, ru, "
                         "neutral)",
                         geo::InputError);
    const geo::Annotations none;
    CHECK_THROWS_WITH_AS(kuril::check_pov(none, "martian", "--pov"),
                         "--pov 'martian': unknown point of view (known: none defined)",
                         geo::InputError);
    try {
        kuril::check_pov(annotations, "martian", "--pov");
        FAIL("no error");
    } catch (const geo::InputError& error) {
        CHECK(error.text("ja") ==
              "--pov 'martian': 不明な視点です（既知の視点: defacto, jp, ru, neutral）");
        CHECK(error.text("ru") ==
              "--pov 'martian': неизвестная точка зрения (известные: defacto, jp, ru, neutral)");
    }
}
