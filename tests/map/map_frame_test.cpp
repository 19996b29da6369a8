// SPDX-License-Identifier: GPL-3.0-or-later
#include "geo/atlas.hpp"
#include "geo/projection.hpp"
#include "map/map_frame.hpp"
#include "map/names.hpp"
#include "map/view_spec.hpp"
#include "test_paths.hpp"

#include <algorithm>
#include <cmath>
#include <doctest/doctest.h>
#include <fstream>
#include <map>
#include <memory>
#include <set>
#include <sstream>

namespace {

using geo::Party;

struct Scene {
    explicit Scene(const std::filesystem::path& annotations)
        : atlas(geo::load_atlas(annotations)), scene(*atlas, projection) {}
    std::unique_ptr<geo::Atlas> atlas;
    geo::Projection projection;
    kuril::MapScene scene;
};

const Scene& shipped() {
    static const Scene scene(test_paths::shipped() / "annotations.xml");
    return scene;
}

kuril::MapFrame frame_on(const Scene& s, geo::Date date, kuril::MapState state = {}) {
    state.date = date;
    return kuril::build_frame(s.scene, state, kuril::MapView(s.scene.world, 1280, 720));
}

std::vector<std::string> line_ids(const kuril::MapFrame& frame) {
    std::vector<std::string> ids;
    for (const auto& line : frame.lines) {
        if (std::find(ids.begin(), ids.end(), line.line->line->id) == ids.end()) {
            ids.push_back(line.line->line->id);
        }
    }
    std::sort(ids.begin(), ids.end());
    return ids;
}

std::vector<std::string> legend_labels(const kuril::MapFrame& frame) {
    std::vector<std::string> labels;
    for (const auto& item : frame.legend) {
        labels.push_back(item.label);
    }
    return labels;
}

bool has(const std::vector<std::string>& labels, const std::string& label) {
    return std::find(labels.begin(), labels.end(), label) != labels.end();
}

} // namespace

TEST_CASE("[frame] what is shown on 1956-10-19: lines in force, statuses, legend, sources") {
    const auto frame = frame_on(shipped(), {1956, 10, 19});
    CHECK(line_ids(frame) ==
          std::vector<std::string>{"japan-claim", "joint-declaration-1956", "line-of-control"});
    const auto* etorofu = frame.region("etorofu");
    REQUIRE(etorofu != nullptr);
    CHECK(etorofu->symbol.fill == Party::RU);
    CHECK(etorofu->symbol.hatches == std::vector<Party>{Party::JP});
    const auto legend = legend_labels(frame);
    CHECK(has(legend, "Land (GSHHG coastline)"));
    CHECK(has(legend, "Administered by USSR"));
    CHECK(has(legend, "Hatched: also claimed by Japan"));
    // One legend row per line shown, and a row for each line's kind.
    std::size_t line_rows = 0;
    for (const auto& item : frame.legend) {
        line_rows += item.swatch == kuril::LegendItem::Swatch::line ? 1 : 0;
    }
    CHECK(line_rows == line_ids(frame).size());
    // Every cited source exists, and the lines' sources come first.
    REQUIRE_FALSE(frame.sources.empty());
    for (const auto& id : frame.sources) {
        CHECK_MESSAGE(shipped().atlas->annotations.source(id) != nullptr, id);
    }
    CHECK(std::set<std::string>(frame.sources.begin(), frame.sources.end()).size() ==
          frame.sources.size());
}

TEST_CASE("[frame] layers that are off are neither drawn nor in the legend nor cited") {
    kuril::MapState state;
    for (auto& visible : state.visible) {
        visible = false;
    }
    const auto frame = frame_on(shipped(), {1956, 10, 19}, state);
    CHECK_FALSE(frame.land);
    CHECK_FALSE(frame.graticule.has_value());
    CHECK(frame.regions.empty());
    CHECK(frame.lines.empty());
    CHECK(frame.events.empty());
    CHECK(frame.labels.empty());
    CHECK(frame.legend.empty());
    CHECK(frame.sources.empty());
}

TEST_CASE("[frame] before 1855 nothing has a status; events only within ten years of the date") {
    const auto early = frame_on(shipped(), {1850, 1, 1});
    CHECK(early.regions.empty());
    CHECK(early.lines.empty());
    const auto frame = frame_on(shipped(), {1956, 10, 19});
    for (const auto& shown : frame.events) {
        CHECK(shown.event->first_day() <= geo::Date{1956, 10, 19});
        CHECK(shown.event->last_day().days_since_epoch() >=
              geo::Date{1956, 10, 19}.days_since_epoch() - 3653);
    }
    // A click on a marker finds it; a click far from every marker finds none.
    if (!frame.events.empty()) {
        const auto& first = frame.events.front();
        CHECK(frame.event_at(first.screen, 9) != nullptr);
    }
    CHECK(frame.event_at({-1000, -1000}, 9) == nullptr);
}

TEST_CASE("[frame] labels: the chosen language, line names italic and below place names") {
    kuril::MapState state;
    state.language = kuril::LabelLanguage::ja;
    const auto frame = frame_on(shipped(), {1956, 10, 19}, state);
    REQUIRE_FALSE(frame.labels.empty());
    bool found_japanese = false;
    for (const auto& label : frame.labels) {
        if (label.italic) {
            CHECK(label.priority < 1000);
        } else {
            found_japanese = found_japanese || label.text == "北海道" || label.text == "択捉島";
        }
    }
    CHECK(found_japanese);
    CHECK(kuril::label_text(
              {{"en", "Shikotan", "", ""}, {"ja", "色丹島", "", ""}, {"ru", "Шикотан", "", ""}},
              kuril::LabelLanguage::en_ru) == "Shikotan\nШикотан");
}

TEST_CASE("[frame] swapping Japan and Russia in the scene mirrors every symbol") {
    // The shipped annotations with every party code swapped, beside the shipped shapes.
    std::ifstream in(test_paths::shipped() / "annotations.xml");
    std::stringstream buffer;
    buffer << in.rdbuf();
    std::string xml = buffer.str();
    // Every administered="...", claimed="..." and party="..." value, with JP and RU swapped.
    std::string swapped;
    std::size_t last = 0;
    int swaps = 0;
    for (std::size_t at = 0; at < xml.size();) {
        std::size_t best = std::string::npos;
        std::size_t key_length = 0;
        for (const std::string key : {"administered=\"", "claimed=\"", "party=\""}) {
            const auto found = xml.find(key, at);
            if (found < best) {
                best = found;
                key_length = key.size();
            }
        }
        if (best == std::string::npos) {
            break;
        }
        const std::size_t begin = best + key_length;
        const std::size_t end = xml.find('"', begin);
        std::string value = xml.substr(begin, end - begin);
        for (std::size_t i = 0; i + 1 < value.size(); ++i) {
            if (value.compare(i, 2, "JP") == 0) {
                value.replace(i, 2, "RU");
                ++i;
                ++swaps;
            } else if (value.compare(i, 2, "RU") == 0) {
                value.replace(i, 2, "JP");
                ++i;
                ++swaps;
            }
        }
        swapped += xml.substr(last, begin - last) + value;
        last = end;
        at = end;
    }
    swapped += xml.substr(last);
    REQUIRE(swaps > 20);
    const auto dir = test_paths::scratch("swapped_parties");
    std::ofstream(dir / "annotations.xml") << swapped;
    std::filesystem::create_directory_symlink(test_paths::shipped() / "shapes", dir / "shapes");
    const Scene mirrored(dir / "annotations.xml");

    auto other = [](Party p) {
        return p == Party::JP ? Party::RU : Party::JP;
    };
    auto administered = [](const kuril::StatusSymbol& s) {
        std::set<Party> parties(s.stripes.begin(), s.stripes.end());
        parties.insert(s.fill);
        return parties;
    };
    int compared = 0;
    for (const geo::Date date :
         {geo::Date{1860, 1, 1}, geo::Date{1880, 1, 1}, geo::Date{1910, 1, 1},
          geo::Date{1950, 1, 1}, geo::Date{1956, 10, 19}, geo::Date{2020, 1, 1}}) {
        const auto a = frame_on(shipped(), date);
        const auto b = frame_on(mirrored, date);
        REQUIRE(a.regions.size() == b.regions.size());
        for (const auto& shown : a.regions) {
            const auto* twin = b.region(shown.region->island->id);
            REQUIRE(twin != nullptr);
            std::set<Party> expected;
            for (const auto p : administered(shown.symbol)) {
                expected.insert(other(p));
            }
            CHECK(administered(twin->symbol) == expected);
            std::set<Party> hatches;
            for (const auto p : shown.symbol.hatches) {
                hatches.insert(other(p));
            }
            CHECK(std::set<Party>(twin->symbol.hatches.begin(), twin->symbol.hatches.end()) ==
                  hatches);
            ++compared;
        }
        // The legend names the mirrored parties the same way.
        std::size_t fills_a = 0;
        std::size_t fills_b = 0;
        for (const auto& item : a.legend) {
            fills_a += item.swatch == kuril::LegendItem::Swatch::fill ? 1 : 0;
        }
        for (const auto& item : b.legend) {
            fills_b += item.swatch == kuril::LegendItem::Swatch::fill ? 1 : 0;
        }
        CHECK(fills_a == fills_b);
    }
    CHECK(compared > 20);
}

namespace {

/// Whether any part of a north-up polyline is on the frame's screen (each segment sampled).
bool on_screen(const kuril::MapFrame& frame, const std::vector<geo::Point>& points) {
    for (std::size_t i = 0; i < points.size(); ++i) {
        const geo::Point a = points[i];
        const geo::Point b = points[std::min(i + 1, points.size() - 1)];
        for (int k = 0; k <= 20; ++k) {
            const double t = k / 20.0;
            const geo::Point s =
                frame.view.map_to_screen({a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t});
            if (s.x >= 0 && s.y >= 0 && s.x <= frame.view.width_px() &&
                s.y <= frame.view.height_px()) {
                return true;
            }
        }
    }
    return false;
}

kuril::MapFrame island_frame(const std::string& island, geo::Date date,
                             kuril::MapState state = {}) {
    const Scene& s = shipped();
    kuril::MapView view(s.scene.world, 1280, 720);
    kuril::ViewSpec spec;
    spec.island = island;
    spec.apply(s.scene, view);
    state.date = date;
    return kuril::build_frame(s.scene, state, view);
}

} // namespace

TEST_CASE("[frame] legend: only the lines and statuses in the frame (--island shikotan)") {
    const auto frame = island_frame("shikotan", {2025, 1, 1});
    // The lines in force that reach the screen, by an independent test of their points.
    std::set<std::string> expected_lines;
    for (const auto& shown : frame.lines) {
        for (const auto& part : shown.line->projected) {
            if (on_screen(frame, part)) {
                expected_lines.insert(
                    kuril::line_display_name(shipped().atlas->annotations, *shown.line->line,
                                             kuril::text_language_code(frame.state.text_language)));
            }
        }
    }
    std::set<std::string> listed_lines;
    for (const auto& item : frame.legend) {
        if (item.swatch == kuril::LegendItem::Swatch::line) {
            listed_lines.insert(item.label);
        }
    }
    CHECK(listed_lines == expected_lines);
    // Regions: Hokkaido (Japan) is outside the frame, so Japan's fill is not in the legend.
    bool japan_in_frame = false;
    for (const auto& shown : frame.regions) {
        for (const auto& polygon : shown.region->projected) {
            if (shown.symbol.fill == Party::JP && on_screen(frame, polygon.rings.front())) {
                japan_in_frame = true;
            }
        }
    }
    const auto legend = legend_labels(frame);
    CHECK(has(legend, "Administered by Japan") == japan_in_frame);
    CHECK(has(legend, "Administered by Russian Federation"));
    CHECK(has(legend, "Hatched: also claimed by Japan"));
    // Exactly: the land, Russia's fill with Japan's hatching, and no line (the nearest, the
    // 1956 line and the line of control, pass west of the frame).
    CHECK(legend == std::vector<std::string>{"Land (GSHHG coastline)",
                                             "Administered by Russian Federation",
                                             "Hatched: also claimed by Japan"});
    // Only sources of what is in the frame: fewer than the whole region's.
    const auto whole = frame_on(shipped(), {2025, 1, 1});
    CHECK(frame.sources.size() < whole.sources.size());
}

TEST_CASE("[frame] legend: line rows are display names; markers and hatching have rows") {
    const auto frame = frame_on(shipped(), {1956, 10, 19});
    const auto legend = legend_labels(frame);
    CHECK(has(legend, "Line of control (median line, approx.)"));
    CHECK(has(legend, "Border claimed by Japan (approx.)"));
    CHECK(has(legend, "Implied line of the 1956 Joint Declaration (approx.)"));
    for (const auto& label : legend) {
        CHECK(label.find(" — ") == std::string::npos); // no "— treaty", "— line_of_control"
    }
    // The line of control's swatch is the map's dash-dot symbol, at the map's width.
    for (const auto& item : frame.legend) {
        if (item.label == "Line of control (median line, approx.)") {
            CHECK(item.line.dash == kuril::line_symbol(geo::LineKind::line_of_control, true).dash);
            CHECK(item.line_width == 2.5f);
        }
        if (item.swatch == kuril::LegendItem::Swatch::hatch) {
            CHECK(item.party == Party::JP);
            CHECK(item.under == Party::RU); // drawn over the USSR's fill, as on the map
        }
    }
    // No event of 1946-1956 took place in the region: no marker, no row.
    CHECK(frame.events.empty());
    CHECK_FALSE(has(legend, "Event of the ten years to this date"));
    // In 1946 the occupation of 1945 is marked, and so listed; with markers off, it is not.
    const auto occupied = frame_on(shipped(), {1946, 1, 1});
    REQUIRE_FALSE(occupied.events.empty());
    CHECK(has(legend_labels(occupied), "Event of the ten years to this date"));
    kuril::MapState state;
    state.toggle(kuril::Layer::events);
    CHECK_FALSE(has(legend_labels(frame_on(shipped(), {1946, 1, 1}, state)),
                    "Event of the ten years to this date"));
    // In Japanese text, the Japanese name, still marked approximate. The legend is read: it
    // follows the text language, not the labels' (Japanese labels leave it English).
    state = {};
    state.text_language = kuril::TextLanguage::ja;
    CHECK(has(legend_labels(frame_on(shipped(), {1956, 10, 19}, state)),
              "中間ライン（実効支配線、概略）"));
    state = {};
    state.language = kuril::LabelLanguage::ja;
    CHECK(has(legend_labels(frame_on(shipped(), {1956, 10, 19}, state)),
              "Line of control (median line, approx.)"));
}

namespace {

/// A single-day event of the shipped annotations held in Moscow (the 1956 Joint Declaration).
const geo::Event& moscow_event() {
    const auto& events = shipped().atlas->annotations.events;
    const auto it = std::find_if(events.begin(), events.end(), [](const geo::Event& event) {
        return std::abs(event.place.x - 37.6) < 0.1 && std::abs(event.place.y - 55.75) < 0.1 &&
               event.first_day() == event.last_day() &&
               event.first_day() == geo::Date{1956, 10, 19};
    });
    REQUIRE(it != events.end());
    return *it;
}

} // namespace

TEST_CASE("[frame] an event in Moscow, viewed over the Kurils: a marker at the north-west edge") {
    const geo::Event& event = moscow_event();
    kuril::MapState state;
    state.reserved_top_px = 60;
    state.reserved_bottom_px = 90;
    const auto frame = frame_on(shipped(), event.first_day(), state);
    // Not on the map itself.
    CHECK(std::none_of(frame.events.begin(), frame.events.end(),
                       [&](const auto& shown) { return shown.event == &event; }));
    const auto it =
        std::find_if(frame.off_map_events.begin(), frame.off_map_events.end(),
                     [&](const kuril::OffMapEvent& shown) { return shown.event == &event; });
    REQUIRE(it != frame.off_map_events.end());
    const kuril::OffMapEvent& shown = *it;
    // Toward the north-west: up and to the left on a north-up map (the great circle from the
    // Kurils to Moscow leaves to the north-west, over Siberia).
    const double bearing = std::atan2(shown.direction.x, -shown.direction.y) * 180 / 3.14159265;
    CAPTURE(bearing);
    CHECK(bearing < -20);
    CHECK(bearing > -70);
    // On the left half of the top edge or the upper half of the left edge, inside the visible
    // area (clear of the bands at the top and bottom), the marker behind the tip.
    const double width = frame.view.width_px();
    const double height = frame.view.height_px();
    CHECK(shown.tip.x < width / 2);
    CHECK(shown.tip.y < (state.reserved_top_px + height - state.reserved_bottom_px) / 2);
    const bool top_edge = std::abs(shown.tip.y - (state.reserved_top_px + 8)) < 1;
    const bool left_edge = std::abs(shown.tip.x - 8) < 1;
    CHECK((top_edge || left_edge));
    CHECK(shown.marker.y > state.reserved_top_px);
    CHECK(shown.marker.x > 0);
    CHECK(shown.marker.x > shown.tip.x); // behind the tip, inward
    CHECK(shown.label == event.titles.at("en"));
    // Its sources are cited with what the frame shows; a click on it finds it.
    for (const auto& id : event.sources) {
        CHECK(std::find(frame.sources.begin(), frame.sources.end(), id) != frame.sources.end());
    }
    CHECK(frame.off_map_event_at(shown.marker, 5) == &event);
    CHECK(frame.off_map_event_at({width / 2, height / 2}, 5) == nullptr);

    // In the text language, the title in it (English where it has none); hidden with the
    // events layer; none the day after.
    kuril::MapState japanese = state;
    japanese.text_language = kuril::TextLanguage::ja;
    const auto in_japanese = frame_on(shipped(), event.first_day(), japanese);
    REQUIRE_FALSE(in_japanese.off_map_events.empty());
    CHECK(std::any_of(in_japanese.off_map_events.begin(), in_japanese.off_map_events.end(),
                      [&](const auto& s) { return s.label == geo::text_in(event.titles, "ja"); }));
    kuril::MapState no_events = state;
    no_events.toggle(kuril::Layer::events);
    CHECK(frame_on(shipped(), event.first_day(), no_events).off_map_events.empty());
    const auto next_day =
        geo::Date::from_days_since_epoch(event.first_day().days_since_epoch() + 1);
    const auto later = frame_on(shipped(), next_day, state);
    CHECK(std::none_of(later.off_map_events.begin(), later.off_map_events.end(),
                       [&](const auto& s) { return s.event == &event; }));
}

TEST_CASE("[frame] an event inside the view gets its marker, not an arrow") {
    // Every event in progress on its first day is either on the map or at its edge, never
    // both; those in the map's region are on a view of the whole region.
    for (const auto& event : shipped().atlas->annotations.events) {
        CAPTURE(event.id);
        const auto frame = frame_on(shipped(), event.first_day());
        const bool on_map = std::any_of(frame.events.begin(), frame.events.end(),
                                        [&](const auto& s) { return s.event == &event; });
        const bool at_edge = std::any_of(frame.off_map_events.begin(), frame.off_map_events.end(),
                                         [&](const auto& s) { return s.event == &event; });
        CHECK(on_map != at_edge);
        const bool in_region =
            event.place.x > 140 && event.place.x < 157 && event.place.y > 42 && event.place.y < 54;
        if (in_region) {
            CHECK(on_map);
        }
    }
}

TEST_CASE("[frame] events off the map are on the timeline, named in the text language") {
    const auto& atlas = *shipped().atlas;
    const auto dates = atlas.history->key_dates();
    for (const auto& event : atlas.annotations.events) {
        CAPTURE(event.id);
        // Every event's first day is a key date, and its tip names the event.
        CHECK(std::find(dates.begin(), dates.end(), event.first_day()) != dates.end());
        for (const char* lang : {"en", "ja", "ru"}) {
            const std::string name =
                kuril::key_date_name(atlas.annotations, *atlas.history, event.first_day(), lang);
            CHECK(name.find(geo::text_in(event.titles, lang)) != std::string::npos);
        }
    }
}
