// SPDX-License-Identifier: GPL-3.0-or-later
#include "geo/history.hpp"

#include "geo/error.hpp"
#include "i18n/translate.hpp"

#include <algorithm>

namespace geo {

using i18n::N_;

std::string_view line_kind_name(LineKind kind) {
    switch (kind) {
    case LineKind::treaty:
        return "treaty";
    case LineKind::proposal:
        return "proposal";
    case LineKind::claim:
        return "claim";
    case LineKind::line_of_control:
        return "line_of_control";
    case LineKind::implied:
        return "implied";
    }
    return "treaty";
}

namespace {

std::optional<LineKind> line_kind_from_name(std::string_view name) {
    for (auto kind : {LineKind::treaty, LineKind::proposal, LineKind::claim,
                      LineKind::line_of_control, LineKind::implied}) {
        if (line_kind_name(kind) == name) {
            return kind;
        }
    }
    return std::nullopt;
}

} // namespace

std::vector<BoundaryLine> boundary_lines_from_layer(const VectorLayer& layer) {
    std::vector<BoundaryLine> lines;
    for (const auto& feature : layer.features) {
        const DatedLineReader reader(layer, feature);
        BoundaryLine line;
        const std::string& kind = reader.required("kind");
        if (auto parsed = line_kind_from_name(kind)) {
            line.kind = *parsed;
        } else {
            throw reader.error({N_("kind '{kind}' is not one of treaty, proposal, claim, "
                                   "line_of_control, implied"),
                                {{"kind", kind}}});
        }
        reader.read(line);
        lines.push_back(std::move(line));
    }
    return lines;
}

History::History(const Annotations& annotations, std::vector<BoundaryLine> lines)
    : annotations_(&annotations), lines_(std::move(lines)) {}

std::vector<const BoundaryLine*> History::lines_in_force(Date date) const {
    std::vector<const BoundaryLine*> result;
    for (const auto& line : lines_) {
        if (line.in_force_on(date)) {
            result.push_back(&line);
        }
    }
    return result;
}

std::vector<std::string> History::line_ids_in_force(Date date) const {
    std::vector<std::string> ids;
    for (const auto* line : lines_in_force(date)) {
        if (std::find(ids.begin(), ids.end(), line->id) == ids.end()) {
            ids.push_back(line->id);
        }
    }
    return ids;
}

IslandStatus History::island_status(std::string_view island_id, Date date) const {
    const Island* island = annotations_->island(island_id);
    if (island == nullptr) {
        throw InputError(N_("unknown island '{id}'"), {{"id", island_id}});
    }
    IslandStatus status;
    status.island_id = island->id;
    status.date = date;
    for (const auto& period : island->status) {
        if (period.holds_on(date)) {
            status.known = true;
            status.administered_by = period.administered;
            status.claimed_by = period.claimed;
            status.sources = period.sources;
            status.note = period.note_in("en");
            status.titles = period.titles;
            status.notes = period.notes;
            status.period_from = period.from;
            status.period_to = period.to;
            return status;
        }
    }
    if (!island->status.empty() && date < island->status.front().from) {
        status.note = "before " + island->status.front().from.long_text() +
                      ": no treaty boundary; no recorded status";
        status.period_to = island->status.front().from;
    } else if (island->status.empty()) {
        status.note = "no status recorded for this island";
    } else {
        status.note = "no status recorded for this date";
    }
    return status;
}

std::vector<Date> History::key_dates() const {
    std::vector<Date> dates;
    for (const auto& line : lines_) {
        dates.push_back(line.valid_from);
        if (line.valid_to) {
            dates.push_back(*line.valid_to);
        }
    }
    for (const auto& island : annotations_->islands) {
        for (const auto& period : island.status) {
            dates.push_back(period.from);
            if (period.to) {
                dates.push_back(*period.to);
            }
        }
    }
    for (const auto& event : annotations_->events) {
        dates.push_back(event.first_day());
    }
    std::sort(dates.begin(), dates.end());
    dates.erase(std::unique(dates.begin(), dates.end()), dates.end());
    return dates;
}

std::vector<const Event*> History::events_between(Date first, Date last) const {
    std::vector<const Event*> result;
    for (const auto& event : annotations_->events) {
        if (event.first_day() <= last && first <= event.last_day()) {
            result.push_back(&event);
        }
    }
    return result;
}

} // namespace geo
