// SPDX-License-Identifier: GPL-3.0-or-later
#include "geo/atlas.hpp"
#include "geo/geodesic.hpp"
#include "geo/islands.hpp"
#include "map/island_report.hpp"
#include "test_paths.hpp"

#include <algorithm>
#include <doctest/doctest.h>
#include <string>
#include <vector>

namespace {

const geo::Atlas& shipped_atlas() {
    static const auto atlas = geo::load_atlas(test_paths::shipped() / "annotations.xml");
    return *atlas;
}

geo::IslandStatus status_on(const std::string& id, geo::Date date) {
    return shipped_atlas().history->island_status(id, date);
}

const geo::Island& island(std::string_view id) {
    const auto* found = shipped_atlas().annotations.island(id);
    REQUIRE(found != nullptr);
    return *found;
}

double area_of(std::string_view id) {
    return geo::geodesic_area_km2(kuril::island_land_lon_lat(shipped_atlas(), island(id)));
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

} // namespace

TEST_CASE(
    "[map] island_report: an island's area is the one info computes from the lon/lat polygons") {
    const auto by_island = geo::polygons_by_island(*shipped_atlas().layer("land"));
    for (const auto id : geo::disputed_island_ids) {
        CAPTURE(id);
        const double expected = geo::geodesic_area_km2(by_island.at(std::string(id)));
        CHECK(area_of(id) == doctest::Approx(expected).epsilon(1e-12));
    }
    // The stated figure (mofa-hoppo: 3,167 km² for the main island) within 2%.
    CHECK(area_of("etorofu") == doctest::Approx(3167).epsilon(0.02));
}

TEST_CASE(
    "[map] island_report: members count with their island; a region is its band of the parent") {
    const auto by_island = geo::polygons_by_island(*shipped_atlas().layer("land"));
    CHECK(area_of("simushir") > geo::geodesic_area_km2(by_island.at("simushir")) + 1.0);
    // South and North Sakhalin, cut at 50° N, add up to Sakhalin (the cut edge is a parallel
    // measured as a geodesic: a small difference).
    const double whole = geo::geodesic_area_km2(by_island.at("sakhalin"));
    const double south = area_of("south-sakhalin");
    const double north = area_of("north-sakhalin");
    CHECK(south > 0.3 * whole);
    CHECK(north > 0.3 * whole);
    CHECK(south + north == doctest::Approx(whole).epsilon(0.005));
    // A region cut by country is the regions layer's part: the Russian part of the mainland is
    // smaller than the mainland shown, and is the regions layer's area.
    const auto regions = geo::polygons_by_island(*shipped_atlas().layer("regions"));
    const double russian = area_of("russia-mainland");
    CHECK(russian == doctest::Approx(geo::geodesic_area_km2(regions.at("russia-mainland"))));
    CHECK(russian < 0.95 * area_of("mainland"));
    CHECK(russian > 0.3 * area_of("mainland"));
}

TEST_CASE(
    "[map] island_report: an island's panel: names, status on the date, areas, facts, events") {
    const auto report = kuril::island_report(shipped_atlas(), island("etorofu"),
                                             status_on("etorofu", {1956, 10, 19}));
    CHECK(report.title == "Etorofu / Iturup");
    const std::string& body = report.body;
    CHECK(body.rfind("Japanese: 択捉島 (Etorofu-tō)\nRussian: Итуруп (Iturup)\n", 0) == 0);
    char area[64];
    std::snprintf(area, sizeof area, "%.1f", area_of("etorofu"));
    CHECK(contains(body, "\nArea computed from the coastline (GSHHG, on the WGS84 ellipsoid): " +
                             kuril::readable_number(area) + " km².\n"));
    // Sources are cited by their number in the panel's list.
    auto cite = [&](std::initializer_list<const char*> ids) {
        std::string text;
        for (const char* id : ids) {
            const auto* source = shipped_atlas().annotations.source(id);
            REQUIRE(source != nullptr);
            std::size_t number = 0;
            for (std::size_t i = 0; i < report.sources.size(); ++i) {
                number = report.sources[i].url == source->url ? i + 1 : number;
            }
            REQUIRE(number > 0);
            text += (text.empty() ? "" : ", ") + std::to_string(number);
        }
        return " [" + text + "]";
    };
    // The stated areas under one heading that says why they differ, each with what it counts.
    CHECK(contains(
        body, "Stated areas (they differ with what they count and with the source):\n"
              "• 3,168 km², as stated by Japan. Including adjacent islets (GSI 2022, as given by "
              "the Foreign Ministry)." +
                  cite({"mofa-hoppo"}) + "\n• 3,167 km², as stated by Japan. Main island only." +
                  cite({"mofa-hoppo"}) +
                  "\n• 3,166.6 km², as stated by Japan. Cabinet Office table (GSI)." +
                  cite({"hoppou-islands", "hoppou-gakushu-area"}) + "\n"));
    CHECK(contains(body, "\nOn 19 October 1956:\nAdministered by "));
    // The status's headline comes first, then who administers and claims, then the note.
    CHECK(contains(body, "\nOn 19 October 1956:\nAdministered by the USSR, then Russia; claimed by "
                         "both\nAdministered by USSR.\nClaimed by Japan and USSR.\n"));
    // Both heights of the highest peak, each with both names and its source.
    CHECK(
        contains(body, "Highest point: Nishi-Hitokappu-yama (西単冠山) / Stokap (Стокап), 1,634 m. "
                       "Height in Russian sources." +
                           cite({"ruwiki-iturup-island", "hoppou-blog-stokap"}) + "\n"));
    CHECK(contains(body,
                   "Highest point: Nishi-Hitokappu-yama (西単冠山) / Stokap (Стокап), 1,629 m. "));
    CHECK(contains(body,
                   "Main settlement: Shana (紗那) / Kurilsk (Курильск), population 2,070 (2010)."));
    CHECK(contains(body, "Japanese villages: Rubetsu (留別村), Shana (紗那村), Shibetoro (蘂取村). "
                         "Village of the Japanese administrative claim (Nemuro Subprefecture, "
                         "Hokkaido)." +
                             cite({"yahoo-hoppo-villages", "mofa-hoppo"}) + "\n"));
    CHECK(contains(body, "\nEvents:\n7 February 1855: Treaty of Shimoda\n"));
    // Sources by title, publisher and year, in the order they are first cited.
    const auto* mofa = shipped_atlas().annotations.source("mofa-hoppo");
    REQUIRE(mofa != nullptr);
    bool listed = false;
    for (const auto& source : report.sources) {
        listed = listed || (source.url == mofa->url &&
                            source.text == mofa->title + mofa->language_note() + " — " +
                                               mofa->publisher + ", " + mofa->date.substr(0, 4));
    }
    CHECK(listed);
    // The status before and after the Soviet occupation differs.
    const auto before = kuril::island_report(shipped_atlas(), island("etorofu"),
                                             status_on("etorofu", {1930, 1, 1}));
    CHECK(contains(before.body, "Administered by Japan.\nClaimed by Japan.\n"));
    CHECK_FALSE(contains(body, "Administered by Japan.\nClaimed by Japan.\n"));
}

TEST_CASE("[map] island_report: no panel shows an id, and every fact reads as a sentence") {
    const auto& annotations = shipped_atlas().annotations;
    auto check_text = [&](const std::string& text, std::size_t source_count) {
        for (const auto& source : annotations.sources) {
            CHECK_MESSAGE(!contains(text, source.id), source.id);
        }
        CHECK_FALSE(contains(text, "Area stated by JP"));
        CHECK_FALSE(contains(text, " m: "));  // "Highest point m: Stokap"
        CHECK_FALSE(contains(text, "km² (")); // "3200 km² (Approximate (about 3,200 km²).)"
        CHECK_FALSE(contains(text, "  "));
        // Citations are numbers of the panel's sources, nothing else.
        for (std::size_t open = text.find('['); open != std::string::npos;
             open = text.find('[', open + 1)) {
            const std::size_t close = text.find(']', open);
            REQUIRE(close != std::string::npos);
            const std::string inside = text.substr(open + 1, close - open - 1);
            CHECK_MESSAGE(inside.find_first_not_of("0123456789, ") == std::string::npos, inside);
            std::size_t at = 0;
            std::vector<int> numbers;
            while (at < inside.size()) {
                const std::size_t end = inside.find(',', at);
                const int number = std::stoi(inside.substr(at, end - at));
                CHECK_MESSAGE(std::find(numbers.begin(), numbers.end(), number) == numbers.end(),
                              inside); // each source once
                numbers.push_back(number);
                CHECK(number >= 1);
                CHECK(static_cast<std::size_t>(number) <= source_count);
                at = end == std::string::npos ? inside.size() : end + 1;
            }
        }
    };
    for (const auto& isl : annotations.islands) {
        for (const geo::Date date : {geo::Date{1900, 1, 1}, geo::Date{2020, 1, 1}}) {
            CAPTURE(isl.id);
            const auto report = kuril::island_report(shipped_atlas(), isl, status_on(isl.id, date));
            check_text(report.body, report.sources.size());
            for (const auto& source : report.sources) {
                check_text(source.text, report.sources.size());
                CHECK_FALSE(source.text.empty());
            }
        }
    }
    for (const auto& event : annotations.events) {
        CAPTURE(event.id);
        const auto report = kuril::event_report(annotations, event);
        check_text(report.body, 0);
        CHECK(report.sources.size() == event.sources.size());
    }
}

TEST_CASE("[map] island_report: figures are written with thousands separators") {
    CHECK(kuril::readable_number("3168") == "3,168");
    CHECK(kuril::readable_number("3166.6") == "3,166.6");
    CHECK(kuril::readable_number("17291") == "17,291");
    CHECK(kuril::readable_number("412") == "412");
    CHECK(kuril::readable_number("1234567") == "1,234,567");
    CHECK(kuril::readable_number("0") == "0");
    CHECK(kuril::readable_number("Kurilsky") == "Kurilsky");
    CHECK(kuril::readable_number("12a") == "12a");
    CHECK(kuril::readable_number("1.") == "1.");
    // Each language's marks: a no-break space and a decimal comma in Russian.
    CHECK(kuril::readable_number("3225.5", "ru") == "3\u00a0225,5");
    CHECK(kuril::readable_number("17291", "ru") == "17\u00a0291");
    CHECK(kuril::readable_number("412", "ru") == "412");
    CHECK(kuril::readable_number("1.5", "ru") == "1,5");
    CHECK(kuril::readable_number("3166.6", "ja") == "3,166.6");
    CHECK(kuril::readable_number("3166.6", "en") == "3,166.6");
    CHECK(kuril::readable_number("Kurilsky", "ru") == "Kurilsky");
    CHECK(kuril::readable_number("1.2.3", "ru") == "1.2.3");
}

TEST_CASE("[map] island_report: an event's panel: dates, text, other titles, sources in full") {
    const auto& annotations = shipped_atlas().annotations;
    const geo::Event* shimoda = nullptr;
    for (const auto& event : annotations.events) {
        if (event.id == "shimoda-treaty") {
            shimoda = &event;
        }
    }
    REQUIRE(shimoda != nullptr);
    const auto report = kuril::event_report(annotations, *shimoda);
    CHECK(report.title == "Treaty of Shimoda");
    CHECK(report.body.rfind("7 February 1855 (place approximate)\n\nJapan and Russia sign", 0) ==
          0);
    CHECK(contains(report.body, "\n\n日魯通好条約\nСимодский трактат"));
    const auto* wiki = annotations.source("wiki-shimoda");
    REQUIRE(wiki != nullptr);
    bool listed = false;
    for (const auto& source : report.sources) {
        listed = listed || (source.url == wiki->url && contains(source.text, wiki->title));
    }
    CHECK(listed);
}

TEST_CASE("[map] island_report: a source not in English says its language; a book its ISBN") {
    const auto annotations = geo::parse_annotations(R"(<atlas version="1">
  <sources>
    <source id="mid" title="Заявление" publisher="Russia, Ministry of Foreign Affairs" date="2022"
            lang="ru" party="RU" url="https://www.mid.ru/"/>
    <source id="mofa" title="北方領土" lang="ja" party="JP" url="https://www.mofa.go.jp/"/>
    <source id="book" title="A book" publisher="A press" date="1998" lang="en"
            isbn="978-0-8248-2555-3"/>
  </sources>
  <events>
    <event id="e" date="2022-03-21" lon="37.6" lat="55.75" sources="mid mofa book">
      <title lang="en">T</title><text lang="en">X</text>
    </event>
  </events>
</atlas>)",
                                                    "lang.xml");
    const auto report = kuril::event_report(annotations, annotations.events.at(0));
    REQUIRE(report.sources.size() == 3);
    CHECK(report.sources[0].text ==
          "Заявление (in Russian) — Russia, Ministry of Foreign Affairs, 2022");
    CHECK(report.sources[0].url == "https://www.mid.ru/");
    CHECK(report.sources[1].text == "北方領土 (in Japanese)");
    CHECK(report.sources[2].text == "A book — A press, 1998, ISBN 978-0-8248-2555-3");
    CHECK(report.sources[2].url.empty());
}

TEST_CASE("[map] island_report: a status's headline and note, and events, in the text language") {
    geo::IslandStatus status = status_on("etorofu", {1956, 10, 19});
    REQUIRE(status.known);
    status.titles = {{"en", "Administered by the USSR, claimed by Japan"},
                     {"ja", "ソ連が施政、日本が領有権を主張"}};
    status.notes = {{"en", "An English note."}, {"ja", "日本語の注記。"}};
    status.note = "An English note.";
    const auto japanese = kuril::island_report(shipped_atlas(), island("etorofu"), status, "ja");
    CAPTURE(japanese.body);
    // The headline from the data, then the panel's own words, also in Japanese.
    CHECK(contains(japanese.body,
                   "ソ連が施政、日本が領有権を主張\n施政：ソ連。\n領有を主張：日本とソ連。"));
    CHECK(contains(japanese.body, "1956年10月19日時点："));
    CHECK_FALSE(contains(japanese.body, "Administered by"));
    CHECK(contains(japanese.body, "日本語の注記。"));
    CHECK_FALSE(contains(japanese.body, "An English note."));
    // Russian: none given, so English, never blank.
    const auto russian = kuril::island_report(shipped_atlas(), island("etorofu"), status, "ru");
    CHECK(contains(russian.body, "Administered by the USSR, claimed by Japan\n"));
    CHECK(contains(russian.body, "An English note."));
    // The island's events by their titles in the language (English where one has none).
    for (const auto& event : shipped_atlas().annotations.events) {
        if (std::find(event.islands.begin(), event.islands.end(), "etorofu") !=
            event.islands.end()) {
            CAPTURE(event.id);
            CHECK(contains(japanese.body + "\n", event.date.display("ja") + ": " +
                                                     geo::text_in(event.titles, "ja") + "\n"));
        }
    }
}

TEST_CASE("[map] island_report: an event's panel in Japanese: its title and text, the others' "
          "titles below") {
    const auto& annotations = shipped_atlas().annotations;
    const auto it = std::find_if(
        annotations.events.begin(), annotations.events.end(), [](const geo::Event& event) {
            return event.titles.count("ja") != 0 && event.titles.count("ru") != 0;
        });
    REQUIRE(it != annotations.events.end());
    const auto report = kuril::event_report(annotations, *it, "ja");
    CHECK(report.title == it->titles.at("ja"));
    CHECK(contains(report.body, "\n\n" + geo::text_in(it->texts, "ja")));
    CHECK(contains(report.body, "\n\n" + it->titles.at("en") + "\n" + it->titles.at("ru")));
}
