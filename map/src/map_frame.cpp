// SPDX-License-Identifier: GPL-3.0-or-later
#include "map/map_frame.hpp"

#include "geo/error.hpp"
#include "geo/geodesic.hpp"
#include "i18n/translate.hpp"
#include "map/names.hpp"
#include "map/polygon_set.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <set>

namespace kuril {
namespace {

/// "As drawn by ..." -> "as drawn by ...", for the middle of a legend row: the first letter in
/// lower case where it is a capital of Latin or Cyrillic script (Japanese has no case).
std::string lower_first_letter(std::string text) {
    if (!text.empty() && text[0] >= 'A' && text[0] <= 'Z') {
        text[0] = static_cast<char>(text[0] - 'A' + 'a');
    } else if (text.size() >= 2 && static_cast<unsigned char>(text[0]) == 0xD0) {
        const auto second = static_cast<unsigned char>(text[1]);
        if (second >= 0x90 && second <= 0x9F) { // А..П -> а..п
            text[1] = static_cast<char>(second + 0x20);
        } else if (second >= 0xA0 && second <= 0xAF) { // Р..Я -> р..я
            text[0] = static_cast<char>(0xD1);
            text[1] = static_cast<char>(second - 0x20);
        }
    }
    return text;
}

bool is_two_languages(LabelLanguage language) {
    return language == LabelLanguage::en_ja || language == LabelLanguage::en_ru ||
           language == LabelLanguage::ja_ru;
}

bool contains(const std::vector<std::string>& ids, const std::string& id) {
    return std::find(ids.begin(), ids.end(), id) != ids.end();
}

void add_unique(std::vector<std::string>& ids, const std::vector<std::string>& more) {
    for (const auto& id : more) {
        if (!contains(ids, id)) {
            ids.push_back(id);
        }
    }
}

/// Place-name sizes by importance (pixels before the UI scale).
double label_size(int priority) {
    return priority >= 4000   ? 17
           : priority >= 3000 ? 15
           : priority >= 1000 ? 13
                              : smallest_island_label_px;
}

void add_statuses(MapFrame& frame) {
    const auto& history = *frame.scene->atlas->history;
    frame.statuses.reserve(frame.scene->regions.size());
    for (const auto& region : frame.scene->regions) {
        frame.statuses.push_back(history.island_status(region.island->id, frame.state.date));
    }
    for (const auto& id : history.line_ids_in_force(frame.state.date)) {
        if (!contains(frame.line_ids_in_force, id)) {
            frame.line_ids_in_force.push_back(id);
        }
    }
}

/// How the frame's point of view draws a status region (index in the scene): the de facto
/// symbol, except that a party's maps fill the islands they draw as its own in its colour,
/// leave those they hold undetermined uncoloured and show no other claim, and the neutral
/// view draws contested land (claimed by a party that does not administer it) as disputed.
std::optional<StatusSymbol> symbol_under_pov(const MapFrame& frame, std::size_t region) {
    const std::string& id = frame.scene->regions[region].island->id;
    auto symbol = status_symbol(frame.statuses[region]);
    if (frame.pov == nullptr) {
        return symbol;
    }
    if (frame.pov->rule == geo::PovRule::disputed) {
        if (symbol && !symbol->hatches.empty()) {
            symbol->look = StatusSymbol::Look::disputed;
        }
        return symbol;
    }
    if (frame.pov_period == nullptr || !frame.pov->party) {
        return symbol; // outside the party's recorded periods: as administered
    }
    if (contains(frame.pov_period->own, id)) {
        StatusSymbol own;
        own.fill = *frame.pov->party;
        return own;
    }
    if (contains(frame.pov_period->undetermined, id)) {
        StatusSymbol undetermined;
        undetermined.look = StatusSymbol::Look::uncoloured;
        return undetermined;
    }
    if (symbol) {
        symbol->hatches.clear(); // a party's maps show no other party's claim
    }
    return symbol;
}

void add_regions(MapFrame& frame) {
    const MapState& state = frame.state;
    for (std::size_t i = 0; i < frame.scene->regions.size(); ++i) {
        const StatusRegion& region = frame.scene->regions[i];
        geo::IslandStatus status = frame.statuses[i];
        const auto symbol = symbol_under_pov(frame, i);
        if (!symbol) {
            continue;
        }
        const bool highlighted =
            state.highlight_strength > 0 && contains(state.highlighted_islands, region.island->id);
        frame.regions.push_back({&region, std::move(status), *symbol, highlighted});
    }
}

/// The longest run of a polyline's points that is visible (in the view, clear of the reserved
/// bands), in screen pixels.
std::vector<geo::Point> longest_visible_run(const MapFrame& frame,
                                            const std::vector<geo::Point>& part) {
    std::vector<geo::Point> visible;
    std::vector<geo::Point> run;
    const auto keep_longest = [&] {
        if (run.size() > visible.size()) {
            visible = run;
        }
        run.clear();
    };
    for (const auto& p : part) {
        const geo::Point s = frame.view.map_to_screen(p);
        if (s.x > 0 && s.y > frame.state.reserved_top_px && s.x < frame.view.width_px() &&
            s.y < frame.view.height_px() - frame.state.reserved_bottom_px) {
            run.push_back(s);
        } else {
            keep_longest();
        }
    }
    keep_longest();
    return visible;
}

void add_lines(MapFrame& frame, std::vector<FrameLabel>& line_labels) {
    const MapState& state = frame.state;
    for (const auto& scene_line : frame.scene->lines) {
        const geo::BoundaryLine& line = *scene_line.line;
        if (!line.in_force_on(state.date)) {
            continue;
        }
        LineSymbol symbol = line_symbol(line.kind, line.approx);
        if (frame.pov_period != nullptr) {
            // A party's maps draw its border as a border, and no competing claim or control
            // line.
            if (contains(frame.pov_period->borders, line.id)) {
                symbol = line_symbol(geo::LineKind::treaty, line.approx);
            } else if (line.kind == geo::LineKind::claim ||
                       line.kind == geo::LineKind::line_of_control) {
                continue;
            }
        }
        FrameLine shown{&scene_line, std::move(symbol),
                        state.highlight_strength > 0 && contains(state.highlighted_lines, line.id),
                        std::nullopt};
        // Each visible part is named along its visible points (the longest visible run).
        for (const auto& part : scene_line.projected) {
            auto visible = longest_visible_run(frame, part);
            if (!visible.empty()) {
                const geo::Point anchor = visible[visible.size() / 2];
                if (!shown.label_anchor) {
                    shown.label_anchor = anchor;
                }
                const std::string name =
                    line_name(frame.scene->atlas->annotations, line, state.language);
                FrameLabel label;
                label.key = "line:" + line.id + line.part + ":" +
                            std::string(language_code(state.language));
                label.text = name;
                label.anchor = anchor;
                label.priority = 10;
                label.size_px = 12;
                label.italic = true;
                label.kind = LabelKind::line;
                label.feature = line.id;
                label.short_text = is_two_languages(state.language)
                                       ? line_name(frame.scene->atlas->annotations, line,
                                                   first_language(state.language))
                                       : std::string();
                label.path = std::move(visible);
                line_labels.push_back(std::move(label));
            }
        }
        frame.lines.push_back(std::move(shown));
    }
}

/// A zone's name for the map's labels (two lines for two languages).
std::string zone_label_text(const geo::Annotations& annotations, const geo::ZoneLine& zone,
                            LabelLanguage language) {
    const std::string code(language_code(language));
    const auto plus = code.find('+');
    if (plus == std::string::npos) {
        return zone_display_name(annotations, zone, code);
    }
    return zone_display_name(annotations, zone, code.substr(0, plus)) + "\n" +
           zone_display_name(annotations, zone, code.substr(plus + 1));
}

/// The maritime zones in force on the date (layer "zones"), and one label per zone along the
/// longest visible run of its limit.
void add_zones(MapFrame& frame, std::vector<FrameLabel>& labels) {
    const MapState& state = frame.state;
    const geo::Annotations& annotations = frame.scene->atlas->annotations;
    std::map<std::string, FrameLabel> best; // zone id -> its label
    for (const auto& scene_zone : frame.scene->zones) {
        const geo::ZoneLine& zone = *scene_zone.zone;
        if (!zone.in_force_on(state.date)) {
            continue;
        }
        frame.zones.push_back({&scene_zone, zone_symbol(zone.kind, zone.party)});
        for (const auto& part : scene_zone.projected) {
            auto visible = longest_visible_run(frame, part);
            if (visible.size() < 2 ||
                (best.count(zone.id) != 0 && best[zone.id].path.size() >= visible.size())) {
                continue;
            }
            FrameLabel label;
            label.key = "zone:" + zone.id + ":" + std::string(language_code(state.language));
            label.text = zone_label_text(annotations, zone, state.language);
            label.anchor = visible[visible.size() / 2];
            label.priority = 5; // below the boundary lines' names
            label.size_px = 11;
            label.italic = true;
            label.kind = LabelKind::line;
            label.feature = zone.id;
            label.short_text =
                is_two_languages(state.language)
                    ? zone_label_text(annotations, zone, first_language(state.language))
                    : std::string();
            label.path = std::move(visible);
            best[zone.id] = std::move(label);
        }
    }
    for (auto& [id, label] : best) {
        labels.push_back(std::move(label));
    }
}

void add_events(MapFrame& frame) {
    const MapState& state = frame.state;
    const MapView& view = frame.view;
    const double radius = 6.0 * state.ui_scale;
    for (const auto& scene_event : frame.scene->events) {
        const geo::Event& event = *scene_event.event;
        // Markers show events of the last ten years up to the chosen date.
        if (event.first_day() > state.date ||
            event.last_day().days_since_epoch() < state.date.days_since_epoch() - 3653) {
            continue;
        }
        const geo::Point s = view.map_to_screen(scene_event.position);
        const geo::Point at{static_cast<float>(s.x), static_cast<float>(s.y)};
        if (at.x < -radius || at.y < -radius || at.x > view.width_px() + radius ||
            at.y > view.height_px() + radius) {
            continue;
        }
        frame.events.push_back({&event, at, state.selected_event == event.id});
    }
}

/// Off-map event markers: where on the visible area's edge, and which way, each event in
/// progress on the date lies, for those whose place is not in the visible area. (Those in it
/// but outside the scene's region get an ordinary marker.)
void add_off_map_events(MapFrame& frame) {
    const MapState& state = frame.state;
    const MapView& view = frame.view;
    const geo::Projection& projection = *frame.scene->projection;
    const double top = state.reserved_top_px;
    const double bottom = std::max(top, view.height_px() - state.reserved_bottom_px);
    const double margin = 8.0 * state.ui_scale; // the tip stays this far inside the edge
    const double arrow = 30.0 * state.ui_scale; // from the marker's centre to the tip
    if (view.width_px() <= 2 * (margin + arrow) || bottom - top <= 2 * (margin + arrow)) {
        return; // no room for a marker on this map
    }
    const geo::Point centre_px{view.width_px() / 2, (top + bottom) / 2};
    const geo::Point centre_map = view.screen_to_map(centre_px);
    const geo::Point centre = projection.inverse(centre_map);
    if (!std::isfinite(centre.x) || !std::isfinite(centre.y)) {
        return;
    }
    // North and east at the centre, on screen (the projection turns them away from up and
    // right away from its central meridian).
    const auto screen_step = [&](geo::Point lon_lat) {
        const geo::Point s = view.map_to_screen(projection.forward(lon_lat));
        const double dx = s.x - centre_px.x;
        const double dy = s.y - centre_px.y;
        const double length = std::hypot(dx, dy);
        return length > 0 ? geo::Point{dx / length, dy / length} : geo::Point{0, 0};
    };
    const geo::Point north = screen_step({centre.x, centre.y + 0.01});
    const geo::Point east = screen_step({centre.x + 0.01, centre.y});
    const std::string_view lang = text_language_code(state.text_language);
    const long long day = state.date.days_since_epoch();
    for (const auto& event : frame.scene->atlas->annotations.events) {
        if (event.first_day().days_since_epoch() > day ||
            event.last_day().days_since_epoch() < day) {
            continue; // not in progress on the date
        }
        // Its marker is on the map already.
        if (std::any_of(frame.events.begin(), frame.events.end(),
                        [&](const FrameEvent& shown) { return shown.event == &event; })) {
            continue;
        }
        // In the visible area though outside the scene's region (Vladivostok on a wide view):
        // an ordinary marker.
        const geo::Point at = view.map_to_screen(projection.forward(event.place));
        if (std::isfinite(at.x) && std::isfinite(at.y) && at.x >= 0 && at.x <= view.width_px() &&
            at.y >= top && at.y <= bottom) {
            frame.events.push_back({&event, at, state.selected_event == event.id});
            continue;
        }
        const double bearing =
            geo::geodesic_azimuth_deg(centre, event.place) * std::acos(-1.0) / 180.0;
        geo::Point d{north.x * std::cos(bearing) + east.x * std::sin(bearing),
                     north.y * std::cos(bearing) + east.y * std::sin(bearing)};
        const double length = std::hypot(d.x, d.y);
        if (!(length > 0)) {
            continue;
        }
        d = {d.x / length, d.y / length};
        // Along the ray from the centre to the edge of the area inset by the margin.
        const double half_w = view.width_px() / 2 - margin;
        const double half_h = (bottom - top) / 2 - margin;
        double t = std::numeric_limits<double>::infinity();
        if (d.x != 0) {
            t = std::min(t, half_w / std::abs(d.x));
        }
        if (d.y != 0) {
            t = std::min(t, half_h / std::abs(d.y));
        }
        OffMapEvent shown;
        shown.event = &event;
        shown.direction = d;
        shown.tip = {centre_px.x + d.x * t, centre_px.y + d.y * t};
        shown.marker = {shown.tip.x - d.x * arrow, shown.tip.y - d.y * arrow};
        shown.label = geo::text_in(event.titles, lang);
        frame.off_map_events.push_back(std::move(shown));
    }
}

/// The screen box of a status region's polygons in the view.
ScreenRect screen_box(const StatusRegion& region, const MapView& view) {
    const geo::Box& b = region.shapes.bounds; // map space, y down
    const geo::Point a = view.map_to_screen({b.min_x, -b.min_y});
    const geo::Point c = view.map_to_screen({b.max_x, -b.max_y});
    return {std::min(a.x, c.x), std::min(a.y, c.y), std::abs(c.x - a.x), std::abs(c.y - a.y)};
}

void add_place_labels(MapFrame& frame) {
    const MapView& view = frame.view;
    for (const SceneLabel& label : frame.scene->labels) {
        LabelLanguage language = frame.state.language;
        bool both_sides = false; // a disputed island named with both sides' names
        // The neutral view names disputed land with both sides' names (the English names of
        // the disputed islands already give both).
        if (frame.pov != nullptr && frame.pov->rule == geo::PovRule::disputed && label.island &&
            label.region >= 0 && language != LabelLanguage::en &&
            language != LabelLanguage::ja_ru) {
            const auto symbol = symbol_under_pov(frame, static_cast<std::size_t>(label.region));
            if (symbol && symbol->look == StatusSymbol::Look::disputed) {
                language = LabelLanguage::ja_ru;
                both_sides = true;
            }
        }
        const std::string code(language_code(language));
        // A disputed island is named at every zoom.
        if (!label.essential && view.metres_per_pixel() > label.min_zoom_mpp) {
            continue;
        }
        const geo::Point anchor = view.map_to_screen(label.position);
        std::optional<ScreenRect> box;
        if (label.island && label.region >= 0) {
            box = screen_box(frame.scene->regions[static_cast<std::size_t>(label.region)], view);
        }
        std::optional<ScreenRect> main_island;
        if (label.main_island) {
            const geo::Box& b = *label.main_island;
            const geo::Point a = view.map_to_screen({b.min_x, b.max_y});
            const geo::Point c = view.map_to_screen({b.max_x, b.min_y});
            main_island = ScreenRect{a.x, a.y, c.x - a.x, c.y - a.y};
        }
        // Shown when its land (or, without land, its anchor) is on screen.
        const ScreenRect near{anchor.x, anchor.y, 0, 0};
        const ScreenRect screen{0, 0, view.width_px(), view.height_px()};
        if (!(box ? box->intersects(screen) : near.intersects(screen, 0.5))) {
            continue;
        }
        FrameLabel shown;
        shown.key = "label:" + label.id + ":" + code;
        shown.text = label_text(*label.names, language);
        shown.anchor = anchor;
        shown.priority = label.priority;
        shown.size_px = label_size(label.priority);
        shown.kind = label.island ? LabelKind::island : LabelKind::place;
        shown.feature = label.id;
        shown.region = label.region;
        shown.feature_box = main_island ? main_island : box;
        shown.beside_main_island = main_island.has_value();
        shown.essential = label.essential;
        if (both_sides) {
            // When the two lines do not fit: the English name, which gives both sides' names
            // ("Kunashiri / Kunashir"), never one side's script alone.
            shown.short_text = label_text(*label.names, LabelLanguage::en);
        } else if (is_two_languages(language)) {
            shown.short_text = label_text(*label.names, first_language(language));
        }
        frame.labels.push_back(std::move(shown));
    }
}

PlaceStyle style_of(geo::PlaceKind kind) {
    switch (kind) {
    case geo::PlaceKind::town:
    case geo::PlaceKind::cape:
        return PlaceStyle::dot;
    case geo::PlaceKind::sea:
        return PlaceStyle::sea;
    case geo::PlaceKind::strait:
    case geo::PlaceKind::bay:
        return PlaceStyle::water;
    case geo::PlaceKind::volcano:
    case geo::PlaceKind::peninsula:
        return PlaceStyle::land;
    }
    return PlaceStyle::none;
}

/// Names of <places> whose rank this zoom allows, on screen, in the label language with the
/// names valid on the frame's date. Below every island's name in priority: a place's name
/// never takes the room of an island's (disputed islands' names are essential besides).
void add_places(MapFrame& frame) {
    const MapView& view = frame.view;
    const LabelLanguage language = frame.state.language;
    const std::string code(language_code(language));
    // Thresholds are in metres per UI pixel: a display that draws text larger (the UI scale)
    // shows as many names as a smaller one of the same extent.
    const double mpp = view.metres_per_pixel() * std::max(0.25, frame.state.ui_scale);
    const ScreenRect screen{0, 0, view.width_px(), view.height_px()};
    for (const ScenePlace& scene_place : frame.scene->places) {
        const geo::Place& place = *scene_place.place;
        if (mpp > place_rank_max_mpp(place.rank)) {
            continue;
        }
        const geo::Point anchor = view.map_to_screen(scene_place.position);
        if (!ScreenRect{anchor.x, anchor.y, 0, 0}.intersects(screen, 0.5)) {
            continue;
        }
        const std::vector<geo::Name> names = place.names_on(frame.state.date);
        if (names.empty()) {
            continue; // no name of it holds on this date
        }
        const PlaceStyle style = style_of(place.kind);
        frame.places.push_back({&place, anchor, style});
        FrameLabel shown;
        shown.key = "place:" + place.id + ":" + code + ":" + label_text(names, language);
        shown.text = label_text(names, language);
        shown.anchor = anchor;
        shown.priority = 480 - 20 * place.rank;
        shown.size_px = style == PlaceStyle::sea ? 15 : style == PlaceStyle::dot ? 12 : 12.5;
        shown.italic = style == PlaceStyle::sea || style == PlaceStyle::water;
        shown.kind = LabelKind::place;
        shown.feature = place.id;
        shown.region =
            style == PlaceStyle::sea || style == PlaceStyle::water ? -1 : scene_place.region;
        shown.place_style = style;
        if (is_two_languages(language)) {
            shown.short_text = label_text(names, first_language(language));
        }
        frame.labels.push_back(std::move(shown));
    }
}

/// The visible map area in north-up metres: the view without the bands kept clear.
geo::Box visible_area(const MapFrame& frame) {
    const MapView& view = frame.view;
    const geo::Point top_left = view.screen_to_map({0, frame.state.reserved_top_px});
    const geo::Point bottom_right = view.screen_to_map(
        {view.width_px(),
         std::max(frame.state.reserved_top_px, view.height_px() - frame.state.reserved_bottom_px)});
    return {top_left.x, bottom_right.y, bottom_right.x, top_left.y};
}

/// Whether the segment a-b meets the box (Liang-Barsky clipping).
bool segment_meets(geo::Point a, geo::Point b, const geo::Box& box) {
    double t0 = 0;
    double t1 = 1;
    const double dx = b.x - a.x;
    const double dy = b.y - a.y;
    const double p[4] = {-dx, dx, -dy, dy};
    const double q[4] = {a.x - box.min_x, box.max_x - a.x, a.y - box.min_y, box.max_y - a.y};
    for (int k = 0; k < 4; ++k) {
        if (p[k] == 0) {
            if (q[k] < 0) {
                return false;
            }
        } else {
            const double t = q[k] / p[k];
            if (p[k] < 0) {
                t0 = std::max(t0, t);
            } else {
                t1 = std::min(t1, t);
            }
            if (t0 > t1) {
                return false;
            }
        }
    }
    return true;
}

bool polyline_meets(const std::vector<geo::Point>& points, const geo::Box& box) {
    if (points.size() == 1) {
        return box.contains(points.front());
    }
    for (std::size_t i = 1; i < points.size(); ++i) {
        if (segment_meets(points[i - 1], points[i], box)) {
            return true;
        }
    }
    return false;
}

/// Whether any of the region's polygons covers part of the box: an edge crosses it, or the
/// box lies inside. A polygon whose bounds miss the box is passed over unread.
bool region_meets(const StatusRegion& region, const geo::Box& box) {
    const geo::Point centre{(box.min_x + box.max_x) / 2, (box.min_y + box.max_y) / 2};
    for (std::size_t i = 0; i < region.projected.size(); ++i) {
        const geo::Box& bounds = region.lookup[i].bounds();
        if (bounds.max_x < box.min_x || bounds.min_x > box.max_x || bounds.max_y < box.min_y ||
            bounds.min_y > box.max_y) {
            continue;
        }
        for (const auto& ring : region.projected[i].rings) {
            if (ring.empty()) {
                continue;
            }
            if (box.contains(ring.front()) || segment_meets(ring.back(), ring.front(), box) ||
                polyline_meets(ring, box)) {
                return true;
            }
        }
        if (region.lookup[i].contains(centre)) {
            return true;
        }
    }
    return false;
}

/// The legend and the cited sources: only what is drawn within the visible map area. Lines
/// first, then statuses, then event markers.
void add_legend_and_sources(MapFrame& frame) {
    const geo::Date date = frame.state.date;
    const geo::Annotations& annotations = frame.scene->atlas->annotations;
    const geo::Box area = visible_area(frame);
    // Which point of view is shown, first; a party's maps outside its periods say so.
    if (!frame.pov_title.empty()) {
        frame.legend.push_back(
            {.swatch = LegendItem::Swatch::note, .label = frame.pov_title, .features = {}});
        if (frame.pov->rule == geo::PovRule::party_maps && frame.pov_period == nullptr) {
            const std::string& note =
                geo::text_in(frame.pov->notes, text_language_code(frame.state.text_language));
            if (!note.empty()) {
                frame.legend.push_back(
                    {.swatch = LegendItem::Swatch::note, .label = note, .features = {}});
            }
        }
    }
    if (frame.pov != nullptr) {
        add_unique(frame.sources, frame.pov->sources);
        if (frame.pov_period != nullptr) {
            add_unique(frame.sources, frame.pov_period->sources);
        }
    }
    // The legend is read: in the interface's language, not the labels'.
    const std::string_view lang = text_language_code(frame.state.text_language);
    if (frame.land) {
        frame.legend.push_back({.swatch = LegendItem::Swatch::land,
                                .label = std::string(i18n::tr(lang, "Land (GSHHG coastline)")),
                                .features = {}});
    }
    const auto& borders = frame.scene->borders;
    if (std::any_of(frame.borders.begin(), frame.borders.end(), [&](std::size_t i) {
            const geo::Box& b = frame.scene->border_boxes[i];
            if (b.max_x < area.min_x || b.min_x > area.max_x || b.max_y < area.min_y ||
                b.min_y > area.max_y) {
                return false; // its box misses the area: so does the line
            }
            return polyline_meets(borders[i], area);
        })) {
        frame.legend.push_back({.swatch = LegendItem::Swatch::border,
                                .label = std::string(i18n::tr(lang, "Country border (DCW)")),
                                .features = {}});
    }
    std::vector<const FrameLine*> lines;
    std::set<std::string> line_ids;
    for (const auto& shown : frame.lines) {
        const auto& parts = shown.line->projected;
        if (std::any_of(parts.begin(), parts.end(),
                        [&](const auto& part) { return polyline_meets(part, area); })) {
            lines.push_back(&shown);
            add_unique(frame.sources, shown.line->line->sources);
        }
    }
    std::set<geo::Party> fills;
    std::map<geo::Party, geo::Party> hatches;               // claimant -> the fill it is drawn over
    std::optional<std::pair<geo::Party, geo::Party>> joint; // stripes -> fill
    std::set<std::pair<geo::Party, geo::Party>> disputed;   // administrator, claimant
    bool uncoloured = false;
    std::vector<const FrameRegion*> visible;
    for (const auto& region : frame.regions) {
        if (!region_meets(*region.region, area)) {
            continue;
        }
        visible.push_back(&region);
        add_unique(frame.sources, region.status.sources);
        if (region.symbol.look == StatusSymbol::Look::uncoloured) {
            uncoloured = true;
            continue;
        }
        if (region.symbol.look == StatusSymbol::Look::disputed) {
            for (const auto party : region.symbol.hatches) {
                disputed.emplace(region.symbol.fill, party);
            }
            continue;
        }
        fills.insert(region.symbol.fill);
        if (!region.symbol.stripes.empty() && !joint) {
            joint = {region.symbol.stripes.front(), region.symbol.fill};
        }
        for (const auto party : region.symbol.hatches) {
            hatches.emplace(party, region.symbol.fill);
        }
    }
    // The ids of the visible islands a row stands for (the manifest's legend).
    const auto islands_where = [&visible](const auto& matches) {
        std::vector<std::string> ids;
        for (const auto* region : visible) {
            if (matches(region->symbol)) {
                add_unique(ids, {region->region->island->id});
            }
        }
        return ids;
    };
    // A party's maps: "Japan, as drawn by Japan's government" rather than "administered by".
    std::string as_drawn;
    if (frame.pov_period != nullptr) {
        as_drawn = lower_first_letter(geo::text_in(frame.pov->titles, lang));
    }
    using Look = StatusSymbol::Look;
    for (const auto party : fills) {
        frame.legend.push_back(
            {.swatch = LegendItem::Swatch::fill,
             .party = party,
             .label = as_drawn.empty()
                          ? i18n::format(i18n::tr(lang, "Administered by {party}"),
                                         {{"party", geo::party_display_name(party, date, lang)}})
                          : i18n::format(i18n::tr(lang, "{party}, {as_drawn}"),
                                         {{"party", geo::party_display_name(party, date, lang)},
                                          {"as_drawn", as_drawn}}),
             .features = islands_where([party](const StatusSymbol& s) {
                 return s.look == Look::party && s.fill == party;
             })});
    }
    for (const auto& [administrator, claimant] : disputed) {
        frame.legend.push_back(
            {.swatch = LegendItem::Swatch::disputed,
             .label = i18n::format(
                 i18n::tr(lang, "Disputed: administered by {administrator}, claimed by {claimant}"),
                 {{"administrator", geo::party_display_name(administrator, date, lang)},
                  {"claimant", geo::party_display_name(claimant, date, lang)}}),
             .features = islands_where([administrator = administrator](const StatusSymbol& s) {
                 return s.look == Look::disputed && s.fill == administrator;
             })});
    }
    if (uncoloured) {
        frame.legend.push_back(
            {.swatch = LegendItem::Swatch::land,
             .label = geo::text_in(frame.pov_period->notes,
                                   text_language_code(frame.state.text_language)),
             .features =
                 islands_where([](const StatusSymbol& s) { return s.look == Look::uncoloured; })});
    }
    if (joint) {
        frame.legend.push_back(
            {.swatch = LegendItem::Swatch::stripes,
             .party = joint->first,
             .under = joint->second,
             .label = std::string(i18n::tr(lang, "Striped: held jointly")),
             .features = islands_where([](const StatusSymbol& s) { return !s.stripes.empty(); })});
    }
    for (const auto& [party, under] : hatches) {
        frame.legend.push_back(
            {.swatch = LegendItem::Swatch::hatch,
             .party = party,
             .under = under,
             .label = i18n::format(i18n::tr(lang, "Hatched: also claimed by {party}"),
                                   {{"party", geo::party_display_name(party, date, lang)}}),
             .features = islands_where([party = party](const StatusSymbol& s) {
                 return s.look == Look::party &&
                        std::find(s.hatches.begin(), s.hatches.end(), party) != s.hatches.end();
             })});
    }
    const float line_width = frame.state.high_contrast ? 4.f : 2.5f; // as the renderer draws
    std::set<std::string> named;
    for (const auto* shown : lines) {
        const geo::BoundaryLine& line = *shown->line->line;
        if (!line_ids.insert(line.id).second) {
            continue;
        }
        // In the language of what a person reads, not the labels' (the legend is read).
        std::string name = line_display_name(annotations, line, lang);
        if (frame.pov_period != nullptr && contains(frame.pov_period->borders, line.id)) {
            name = i18n::format(line.approx ? i18n::tr(lang, "Border, {as_drawn} (approx.)")
                                            : i18n::tr(lang, "Border, {as_drawn}"),
                                {{"as_drawn", as_drawn}});
        }
        if (!named.insert(name).second) {
            continue;
        }
        frame.legend.push_back({.swatch = LegendItem::Swatch::line,
                                .line = shown->symbol,
                                .line_width = line_width,
                                .label = std::move(name),
                                .features = {line.id}});
    }
    // The maritime zones whose limit meets the visible area, one row per name.
    for (const auto& shown : frame.zones) {
        const geo::ZoneLine& zone = *shown.zone->zone;
        const auto& parts = shown.zone->projected;
        if (!std::any_of(parts.begin(), parts.end(),
                         [&](const auto& part) { return polyline_meets(part, area); })) {
            continue;
        }
        add_unique(frame.sources, zone.sources);
        std::string name =
            zone_display_name(annotations, zone, text_language_code(frame.state.text_language));
        if (!named.insert(name).second) {
            continue;
        }
        frame.legend.push_back({.swatch = LegendItem::Swatch::line,
                                .line = shown.symbol,
                                .line_width = zone_line_width(frame.state.high_contrast),
                                .label = std::move(name),
                                .features = {zone.id}});
    }
    std::vector<std::string> events;
    for (const auto& shown : frame.events) {
        const geo::Point at = frame.view.screen_to_map(shown.screen);
        if (area.contains(at)) {
            events.push_back(shown.event->id);
            add_unique(frame.sources, shown.event->sources);
        }
    }
    if (!events.empty()) {
        frame.legend.push_back(
            {.swatch = LegendItem::Swatch::event,
             .label = std::string(i18n::tr(lang, "Event of the ten years to this date")),
             .features = std::move(events)});
    }
}

/// The user's layers: the features that meet the view, their labels (the label field's value;
/// with the labels layer) and, for what meets the visible area, a legend row per layer and
/// kind of geometry under the layer's title (the file's name).
void add_user_layers(MapFrame& frame) {
    const std::string_view lang = text_language_code(frame.state.text_language);
    using i18n::N_;
    const geo::Box seen = frame.view.visible_box();
    const geo::Box area = visible_area(frame);
    const auto& layers = frame.scene->user_layers;
    for (std::size_t l = 0; l < layers.size(); ++l) {
        const SceneUserLayer& layer = layers[l];
        if (!layer.box.overlaps(seen)) {
            continue;
        }
        bool polygons = false;
        bool lines = false;
        bool points = false;
        for (std::size_t f = 0; f < layer.features.size(); ++f) {
            const UserFeature& feature = layer.features[f];
            if (!feature.box.overlaps(seen)) {
                continue;
            }
            frame.user_features.push_back({l, f});
            if (feature.box.overlaps(area)) {
                polygons |= !feature.polygons.empty();
                lines |= !feature.lines.empty();
                points |= !feature.points.empty();
            }
            if (feature.label.empty() || !frame.state.shows(Layer::labels)) {
                continue;
            }
            FrameLabel shown;
            shown.key = "user:" + std::to_string(l) + ":" + std::to_string(f) + ":" + feature.label;
            shown.text = feature.label;
            shown.anchor = frame.view.map_to_screen(feature.label_anchor);
            shown.priority = 300; // below every name of the atlas
            shown.size_px = 12;
            shown.kind = LabelKind::user;
            shown.feature = "user:" + std::to_string(l) + ":" + std::to_string(feature.fid);
            // Beside a point's dot; along a line (its longest visible run), as the map's lines
            // are named; centred on an area.
            shown.place_style = feature.points.empty() ? PlaceStyle::land : PlaceStyle::dot;
            if (feature.points.empty() && feature.polygons.empty()) {
                for (const auto& line : feature.lines) {
                    auto visible = longest_visible_run(frame, line);
                    if (visible.size() > shown.path.size()) {
                        shown.path = std::move(visible);
                    }
                }
                if (shown.path.size() < 2) {
                    continue; // none of it is in the visible area
                }
                shown.anchor = shown.path[shown.path.size() / 2];
            }
            frame.labels.push_back(std::move(shown));
        }
        const int kinds = (polygons ? 1 : 0) + (lines ? 1 : 0) + (points ? 1 : 0);
        const auto row = [&](LegendItem::Swatch swatch, const char* kind) {
            LegendItem item;
            item.swatch = swatch;
            item.user_rgb = layer.style.rgb;
            item.line_width = static_cast<float>(layer.style.width);
            item.label = kinds > 1 ? i18n::format(i18n::tr(lang, kind), {{"layer", layer.title}})
                                   : layer.title;
            frame.legend.push_back(std::move(item));
        };
        if (polygons) {
            row(LegendItem::Swatch::user_fill, N_("{layer} (areas)"));
        }
        if (lines) {
            row(LegendItem::Swatch::user_line, N_("{layer} (lines)"));
        }
        if (points) {
            row(LegendItem::Swatch::user_point, N_("{layer} (points)"));
        }
    }
}

} // namespace

MapFrame build_frame(const MapScene& scene, const MapState& state, const MapView& view) {
    MapFrame frame(scene, state, view);
    if (const geo::PointOfView* pov = scene.atlas->annotations.point_of_view(state.pov);
        pov != nullptr && pov->rule != geo::PovRule::administration) {
        frame.pov = pov;
        frame.pov_period =
            pov->rule == geo::PovRule::party_maps ? pov->period_on(state.date) : nullptr;
        frame.pov_title = geo::text_in(pov->titles, text_language_code(state.text_language));
    }
    frame.land = state.shows(Layer::land) && scene.has_land;
    frame.lakes = state.shows(Layer::lakes) && scene.has_lakes;
    if (frame.land) {
        const geo::Box seen = view.visible_box();
        for (std::size_t i = 0; i < scene.borders.size(); ++i) {
            const geo::Box& box = scene.border_boxes[i];
            if (box.max_x >= seen.min_x && box.min_x <= seen.max_x && box.max_y >= seen.min_y &&
                box.min_y <= seen.max_y) {
                frame.borders.push_back(i);
            }
        }
    }
    if (state.shows(Layer::graticule)) {
        frame.graticule = build_graticule(*scene.projection, view, state.ui_scale);
    }
    add_statuses(frame);
    std::vector<FrameLabel> line_labels;
    if (state.shows(Layer::lines)) {
        add_lines(frame, line_labels);
    }
    if (state.shows(Layer::zones)) {
        add_zones(frame, line_labels);
    }
    if (state.shows(Layer::status)) {
        add_regions(frame);
    }
    if (state.shows(Layer::events)) {
        add_events(frame);
        add_off_map_events(frame);
    }
    // Line names are placed with the place names, at a lower priority.
    frame.labels = std::move(line_labels);
    if (state.shows(Layer::labels)) {
        add_place_labels(frame);
        add_places(frame);
    }
    add_legend_and_sources(frame);
    add_user_layers(frame);
    for (const auto& shown : frame.places) {
        add_unique(frame.sources, shown.place->sources); // the names drawn
    }
    for (const auto& shown : frame.off_map_events) {
        add_unique(frame.sources, shown.event->sources); // after those of the visible area
    }
    return frame;
}

const FrameRegion* MapFrame::region_at(geo::Point map_point) const {
    const StatusRegion* hit = scene->region_at(map_point);
    return hit == nullptr ? nullptr : region(hit->island->id);
}

const FrameRegion* MapFrame::region(const std::string& island_id) const {
    for (const auto& shown : regions) {
        if (shown.region->island->id == island_id) {
            return &shown;
        }
    }
    return nullptr;
}

const geo::IslandStatus* MapFrame::status_of(const std::string& island_id) const {
    for (std::size_t i = 0; i < scene->regions.size() && i < statuses.size(); ++i) {
        if (scene->regions[i].island->id == island_id) {
            return &statuses[i];
        }
    }
    return nullptr;
}

const FrameEvent* MapFrame::event_at(geo::Point screen, double radius_px) const {
    const FrameEvent* best = nullptr;
    double best_distance = radius_px;
    for (const auto& shown : events) {
        const double d = std::hypot(shown.screen.x - screen.x, shown.screen.y - screen.y);
        if (d <= best_distance) {
            best = &shown;
            best_distance = d;
        }
    }
    return best;
}

const geo::Event* MapFrame::off_map_event_at(geo::Point screen, double radius_px) const {
    const geo::Event* best = nullptr;
    double best_distance = radius_px;
    for (const auto& shown : off_map_events) {
        // The marker or the arrow's tip.
        for (const geo::Point p : {shown.marker, shown.tip}) {
            const double d = std::hypot(p.x - screen.x, p.y - screen.y);
            if (d <= best_distance) {
                best = shown.event;
                best_distance = d;
            }
        }
    }
    return best;
}

const FrameUserFeature* MapFrame::user_feature_at(geo::Point screen, double radius_px) const {
    const geo::Point map_point = view.screen_to_map(screen);
    const auto near = [&](geo::Point p) {
        const geo::Point s = view.map_to_screen(p);
        return std::hypot(s.x - screen.x, s.y - screen.y) <= radius_px;
    };
    const auto near_segment = [&](geo::Point a, geo::Point b) {
        const geo::Point sa = view.map_to_screen(a);
        const geo::Point sb = view.map_to_screen(b);
        const double dx = sb.x - sa.x;
        const double dy = sb.y - sa.y;
        const double length2 = dx * dx + dy * dy;
        const double t =
            length2 > 0
                ? std::clamp(((screen.x - sa.x) * dx + (screen.y - sa.y) * dy) / length2, 0.0, 1.0)
                : 0.0;
        return std::hypot(sa.x + t * dx - screen.x, sa.y + t * dy - screen.y) <= radius_px;
    };
    // Points and lines before areas (they are drawn over them), the last drawn first.
    const FrameUserFeature* area = nullptr;
    for (auto it = user_features.rbegin(); it != user_features.rend(); ++it) {
        const UserFeature& feature = scene->user_layers[it->layer].features[it->feature];
        if (std::any_of(feature.points.begin(), feature.points.end(), near)) {
            return &*it;
        }
        for (const auto& line : feature.lines) {
            for (std::size_t i = 1; i < line.size(); ++i) {
                if (near_segment(line[i - 1], line[i])) {
                    return &*it;
                }
            }
        }
        if (area == nullptr) {
            for (const auto& polygon : feature.polygons) {
                bool inside = false;
                for (const auto& ring : polygon.rings) {
                    inside ^= geo::ring_contains(ring, map_point);
                }
                if (inside) {
                    area = &*it;
                    break;
                }
            }
        }
    }
    return area;
}

double place_rank_max_mpp(int rank) {
    switch (rank) {
    case 1:
        return std::numeric_limits<double>::infinity();
    case 2:
        return 2500;
    case 3:
        return 1000;
    default:
        return 250;
    }
}

const FramePlace* MapFrame::place_at(geo::Point screen, double radius_px) const {
    const FramePlace* best = nullptr;
    double nearest = radius_px;
    for (const auto& shown : places) {
        const double d = std::hypot(shown.screen.x - screen.x, shown.screen.y - screen.y);
        if (d <= nearest) {
            nearest = d;
            best = &shown;
        }
    }
    return best;
}

std::string known_pov_ids(const geo::Annotations& annotations) {
    std::string ids;
    for (const auto& pov : annotations.points_of_view) {
        ids += (ids.empty() ? "" : ", ") + pov.id;
    }
    return ids.empty() ? "none defined" : ids;
}

void check_pov(const geo::Annotations& annotations, std::string_view id, std::string_view option) {
    // The de facto map needs no definition: annotations without <points_of_view> draw it.
    if (id == default_pov || annotations.point_of_view(id) != nullptr) {
        return;
    }
    // The value is the user's: at most 40 characters of it, control characters shown as '?'.
    std::string shown;
    for (const char c : id.substr(0, 40)) {
        shown += static_cast<unsigned char>(c) < 0x20 || c == 0x7f ? '?' : c;
    }
    const std::string value = "'" + shown + (id.size() > 40 ? "...'" : "'");
    if (annotations.points_of_view.empty()) {
        throw geo::InputError(
            i18n::N_("{option} {value}: unknown point of view (known: none defined)"),
            {{"option", option}, {"value", value}});
    }
    throw geo::InputError(
        i18n::N_("{option} {value}: unknown point of view (known: {ids})"),
        {{"option", option}, {"value", value}, {"ids", known_pov_ids(annotations)}});
}

std::string pov_title(const geo::Annotations& annotations, std::string_view pov,
                      std::string_view lang) {
    const geo::PointOfView* found = annotations.point_of_view(pov);
    if (found == nullptr || found->rule == geo::PovRule::administration) {
        return "";
    }
    return geo::text_in(found->titles, lang);
}

LabelLanguage first_language(LabelLanguage language) {
    switch (language) {
    case LabelLanguage::en_ja:
    case LabelLanguage::en_ru:
        return LabelLanguage::en;
    case LabelLanguage::ja_ru:
        return LabelLanguage::ja;
    default:
        return language;
    }
}

std::string label_text(const std::vector<geo::Name>& names, LabelLanguage language) {
    auto name = [&](const char* lang) {
        for (const auto& n : names) {
            if (n.lang == lang) {
                return n.text;
            }
        }
        return names.empty() ? std::string() : names.front().text;
    };
    switch (language) {
    case LabelLanguage::en:
        return name("en");
    case LabelLanguage::ja:
        return name("ja");
    case LabelLanguage::ru:
        return name("ru");
    case LabelLanguage::en_ja:
        return name("en") + "\n" + name("ja");
    case LabelLanguage::en_ru:
        return name("en") + "\n" + name("ru");
    case LabelLanguage::ja_ru:
        return name("ja") + "\n" + name("ru");
    }
    return name("en");
}

std::string_view first_language_code(LabelLanguage language) {
    return language_code(first_language(language));
}

std::string zone_display_name(const geo::Annotations& annotations, const geo::ZoneLine& zone,
                              std::string_view lang) {
    if (const geo::LineInfo* info = annotations.zone_info(zone.id)) {
        if (const geo::Name* found = info->name(lang)) {
            return found->text;
        }
        if (const geo::Name* english = info->name("en")) {
            return english->text;
        }
    }
    return zone.label; // the layer's label marks it approximate
}

std::string line_display_name(const geo::Annotations& annotations, const geo::BoundaryLine& line,
                              std::string_view lang) {
    // One name per line everywhere: the map's label in that language (map/names).
    return line_name_in(annotations, line, lang);
}

} // namespace kuril
