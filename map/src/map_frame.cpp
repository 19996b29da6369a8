#include "map/map_frame.hpp"

#include <algorithm>
#include <cmath>
#include <set>

namespace kuril {
namespace {

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
    return priority >= 4000 ? 17 : priority >= 3000 ? 15 : priority >= 1000 ? 13 : 12;
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

void add_regions(MapFrame& frame) {
    const MapState& state = frame.state;
    for (std::size_t i = 0; i < frame.scene->regions.size(); ++i) {
        const StatusRegion& region = frame.scene->regions[i];
        geo::IslandStatus status = frame.statuses[i];
        add_unique(frame.sources, status.sources);
        const auto symbol = status_symbol(status);
        if (!symbol) {
            continue;
        }
        const bool highlighted =
            state.highlight_strength > 0 && contains(state.highlighted_islands, region.island->id);
        frame.regions.push_back({&region, std::move(status), *symbol, highlighted});
    }
}

void add_lines(MapFrame& frame, std::vector<FrameLabel>& line_labels) {
    const MapState& state = frame.state;
    const MapView& view = frame.view;
    for (const auto& scene_line : frame.scene->lines) {
        const geo::BoundaryLine& line = *scene_line.line;
        if (!line.in_force_on(state.date)) {
            continue;
        }
        FrameLine shown{&scene_line, line_symbol(line.kind, line.approx),
                        state.highlight_strength > 0 && contains(state.highlighted_lines, line.id),
                        std::nullopt};
        // Each visible part is named at the middle of its visible points.
        for (const auto& part : scene_line.projected) {
            std::vector<geo::Point> visible;
            for (const auto& p : part) {
                const geo::Point s = view.map_to_screen(p);
                const auto x = static_cast<float>(s.x);
                const auto y = static_cast<float>(s.y);
                // Visible: in the view and clear of the bands kept at its top and bottom.
                if (x > 0 && y > state.reserved_top_px && x < view.width_px() &&
                    y < view.height_px() - state.reserved_bottom_px) {
                    visible.push_back({x, y});
                }
            }
            if (!visible.empty()) {
                const geo::Point anchor = visible[visible.size() / 2];
                if (!shown.label_anchor) {
                    shown.label_anchor = anchor;
                }
                line_labels.push_back({"line:" + line.id + line.part, line.label, anchor, 10, 12,
                                       true, line.id, "line"});
            }
        }
        frame.lines.push_back(std::move(shown));
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

void add_place_labels(MapFrame& frame) {
    const MapView& view = frame.view;
    const std::string language(language_code(frame.state.language));
    for (const SceneLabel& label : frame.scene->labels) {
        if (view.metres_per_pixel() > label.min_zoom_mpp) {
            continue;
        }
        const geo::Point s = view.map_to_screen(label.position);
        const geo::Point anchor{static_cast<float>(s.x), static_cast<float>(s.y)};
        if (anchor.x < -200 || anchor.y < -100 || anchor.x > view.width_px() + 200 ||
            anchor.y > view.height_px() + 100) {
            continue;
        }
        const auto* island = frame.scene->atlas->annotations.island(label.id);
        frame.labels.push_back(
            {"label:" + label.id + ":" + language, label_text(*label.names, frame.state.language),
             anchor, label.priority, label_size(label.priority), false, label.id,
             island != nullptr && island->group == "region" ? "place" : "island"});
    }
}

void add_legend(MapFrame& frame) {
    const geo::Date date = frame.state.date;
    if (frame.land) {
        frame.legend.push_back(
            {LegendItem::Swatch::land, geo::Party::JP, {}, "Land (GSHHG coastline)", {}});
    }
    if (frame.state.shows(Layer::status)) {
        std::set<geo::Party> fills;
        std::set<geo::Party> hatches;
        std::optional<geo::Party> joint;
        for (const auto& region : frame.regions) {
            fills.insert(region.symbol.fill);
            if (!region.symbol.stripes.empty() && !joint) {
                joint = region.symbol.stripes.front();
            }
            hatches.insert(region.symbol.hatches.begin(), region.symbol.hatches.end());
        }
        // The ids of the islands a row stands for (the manifest's legend).
        const auto islands_where = [&frame](const auto& matches) {
            std::vector<std::string> ids;
            for (const auto& region : frame.regions) {
                if (matches(region.symbol)) {
                    add_unique(ids, {region.region->island->id});
                }
            }
            return ids;
        };
        for (const auto party : fills) {
            frame.legend.push_back(
                {LegendItem::Swatch::fill,
                 party,
                 {},
                 "Administered by " + geo::party_display_name(party, date),
                 islands_where([party](const StatusSymbol& s) { return s.fill == party; })});
        }
        if (joint) {
            frame.legend.push_back(
                {LegendItem::Swatch::stripes,
                 *joint,
                 {},
                 "Striped: held jointly",
                 islands_where([](const StatusSymbol& s) { return !s.stripes.empty(); })});
        }
        for (const auto party : hatches) {
            frame.legend.push_back(
                {LegendItem::Swatch::hatch,
                 party,
                 {},
                 "Hatched: also claimed by " + geo::party_display_name(party, date),
                 islands_where([party](const StatusSymbol& s) {
                     return std::find(s.hatches.begin(), s.hatches.end(), party) != s.hatches.end();
                 })});
        }
    }
    std::set<std::string> seen;
    for (const auto& shown : frame.lines) {
        const geo::BoundaryLine& line = *shown.line->line;
        if (!seen.insert(line.id).second) {
            continue;
        }
        frame.legend.push_back({LegendItem::Swatch::line,
                                geo::Party::JP,
                                shown.symbol,
                                line.label + " — " + std::string(geo::line_kind_name(line.kind)),
                                {line.id}});
    }
}

} // namespace

MapFrame build_frame(const MapScene& scene, const MapState& state, const MapView& view) {
    MapFrame frame(scene, state, view);
    frame.land = state.shows(Layer::land) && scene.has_land;
    frame.lakes = state.shows(Layer::lakes) && scene.has_lakes;
    if (state.shows(Layer::graticule)) {
        frame.graticule = build_graticule(*scene.projection, view, state.ui_scale);
    }
    add_statuses(frame);
    // Sources in the order the footer cites them: lines in force, then statuses.
    std::vector<FrameLabel> line_labels;
    if (state.shows(Layer::lines)) {
        for (const auto* line : scene.atlas->history->lines_in_force(state.date)) {
            add_unique(frame.sources, line->sources);
        }
        add_lines(frame, line_labels);
    }
    if (state.shows(Layer::status)) {
        add_regions(frame);
    }
    if (state.shows(Layer::events)) {
        add_events(frame);
    }
    // Line names are placed with the place names, at a lower priority.
    frame.labels = std::move(line_labels);
    if (state.shows(Layer::labels)) {
        add_place_labels(frame);
    }
    add_legend(frame);
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

} // namespace kuril
