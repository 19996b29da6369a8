#include "map/step_summary.hpp"

#include <algorithm>

namespace kuril {
namespace {

std::string holders(const std::vector<geo::Party>& parties, geo::Date date) {
    std::string text;
    for (const auto party : parties) {
        text += (text.empty() ? "" : " + ") + geo::party_display_name(party, date);
    }
    return text.empty() ? std::string("no recorded holder") : text;
}

} // namespace

StepSummary summarize_step(const MapFrame& from_frame, const MapFrame& to_frame) {
    StepSummary summary;
    const geo::Annotations& annotations = from_frame.scene->atlas->annotations;
    const geo::Date from = from_frame.state.date;
    const geo::Date to = to_frame.state.date;
    const auto& before = from_frame.line_ids_in_force;
    const auto& after = to_frame.line_ids_in_force;
    std::vector<std::string> added;
    std::vector<std::string> removed;
    for (const auto& id : after) {
        if (std::find(before.begin(), before.end(), id) == before.end()) {
            added.push_back(id);
            summary.changed_lines.push_back(id);
        }
    }
    for (const auto& id : before) {
        if (std::find(after.begin(), after.end(), id) == after.end()) {
            removed.push_back(id);
        }
    }
    // Islands grouped by their new holder, in file order.
    std::vector<std::pair<std::string, std::vector<std::string>>> by_holder;
    std::vector<std::string> claim_changes;
    const auto& regions = from_frame.scene->regions;
    for (std::size_t i = 0; i < regions.size(); ++i) {
        const geo::Island& island = *regions[i].island;
        const auto& a = from_frame.statuses.at(i);
        const auto& b = to_frame.statuses.at(i);
        const bool admin_changed = a.administered_by != b.administered_by;
        const bool claim_changed = a.claimed_by != b.claimed_by;
        if (!admin_changed && !claim_changed) {
            continue;
        }
        summary.changed_islands.push_back(island.id);
        const std::string name = island.display_name();
        if (admin_changed) {
            const std::string holder = holders(b.administered_by, to);
            auto it = std::find_if(by_holder.begin(), by_holder.end(),
                                   [&](const auto& entry) { return entry.first == holder; });
            if (it == by_holder.end()) {
                by_holder.push_back({holder, {name}});
            } else {
                it->second.push_back(name);
            }
        } else {
            claim_changes.push_back(name + " claimed by " + holders(b.claimed_by, to));
        }
    }
    // The caption: the event of that day if there is one, then the changes.
    std::string title;
    for (const auto& event : annotations.events) {
        if (event.first_day() == to || (from < event.first_day() && event.first_day() <= to &&
                                        event.date.precision == geo::DatePrecision::day)) {
            title = event.titles.at("en");
            if (event.first_day() == to) {
                break;
            }
        }
    }
    if (title.empty()) {
        for (const auto& id : added) {
            if (const auto* info = annotations.line_info(id); info != nullptr) {
                if (const auto* name = info->name("en"); name != nullptr) {
                    title = name->text;
                    break;
                }
            }
        }
    }
    std::string changes;
    for (const auto& [holder, names] : by_holder) {
        std::string list;
        for (const auto& name : names) {
            list += (list.empty() ? "" : ", ") + name;
        }
        changes += (changes.empty() ? "" : "; ") + list + " → " + holder;
    }
    for (const auto& change : claim_changes) {
        changes += (changes.empty() ? "" : "; ") + change;
    }
    if (changes.empty() && !added.empty()) {
        std::string list;
        for (const auto& id : added) {
            list += (list.empty() ? "" : ", ") + id;
        }
        changes = "in force: " + list;
    }
    if (changes.empty() && !removed.empty()) {
        std::string list;
        for (const auto& id : removed) {
            list += (list.empty() ? "" : ", ") + id;
        }
        changes = "no longer in force: " + list;
    }
    summary.caption = std::to_string(to.year);
    if (!title.empty()) {
        summary.caption += ": " + title;
    }
    if (!changes.empty()) {
        summary.caption += (title.empty() ? ": " : " — ") + changes;
    }
    return summary;
}

} // namespace kuril
