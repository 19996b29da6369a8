// SPDX-License-Identifier: GPL-3.0-or-later
#include "map/step_summary.hpp"

#include "i18n/translate.hpp"

#include <algorithm>

namespace kuril {
namespace {

bool contains(const std::vector<std::string>& items, const std::string& item) {
    return std::find(items.begin(), items.end(), item) != items.end();
}

std::string holders(const std::vector<geo::Party>& parties, geo::Date date, std::string_view ui) {
    std::string text;
    for (const auto party : parties) {
        text += (text.empty() ? "" : " + ") + geo::party_display_name(party, date, ui);
    }
    return text;
}

std::string island_name(const geo::Island& island, std::string_view lang) {
    const geo::Name* name = island.name(lang);
    return name != nullptr ? name->text : island.display_name();
}

std::string event_title(const geo::Event& event, std::string_view lang) {
    const auto it = event.titles.find(std::string(lang));
    return it != event.titles.end() ? it->second : event.titles.at("en");
}

/// Islands that share a phrase ("→ Japan", "administered by Japan"), in scene order.
struct Group {
    std::string phrase;
    bool colon = false; ///< "names: phrase" rather than "names phrase"
    std::vector<std::string> names;
};

void add_to_group(std::vector<Group>& groups, const std::string& phrase, bool colon,
                  const std::string& name) {
    auto it = std::find_if(groups.begin(), groups.end(),
                           [&](const Group& group) { return group.phrase == phrase; });
    if (it == groups.end()) {
        groups.push_back({phrase, colon, {name}});
    } else {
        it->names.push_back(name);
    }
}

/// Up to five islands by name; more as "7 islands", or "all islands" (captions stay short).
std::string names_text(const std::vector<std::string>& names, std::size_t region_count,
                       std::string_view ui) {
    if (names.size() > 5) {
        // TRANSLATORS: {count} is always more than five.
        return names.size() == region_count
                   ? std::string(i18n::tr(ui, "all islands"))
                   : i18n::format(i18n::tr(ui, "{count} islands"),
                                  {{"count", std::to_string(names.size())}});
    }
    const std::string_view separator = i18n::trc(ui, "list of names", ", ");
    std::string list;
    for (const auto& name : names) {
        list += (list.empty() ? std::string() : std::string(separator)) + name;
    }
    return list;
}

std::string join(const std::vector<std::string>& parts, const char* separator) {
    std::string text;
    for (const auto& part : parts) {
        text += (text.empty() ? "" : separator) + part;
    }
    return text;
}

/// The event to name in a forward step: one that happened in (from, to], preferring one about
/// an island that changed, then one that starts or ends on the day arrived at, then the latest.
const geo::Event* forward_event(const geo::Annotations& annotations, geo::Date from, geo::Date to,
                                const std::vector<std::string>& changed_islands) {
    const geo::Event* best = nullptr;
    int best_score = -1;
    for (const auto& event : annotations.events) {
        if (to < event.first_day() || event.last_day() <= from) {
            continue; // not in the step
        }
        int score = 0;
        for (const auto& id : event.islands) {
            score = contains(changed_islands, id) ? 4 : score;
        }
        score += event.first_day() == to || event.last_day() == to ? 2 : 0;
        score += from < event.first_day() ? 1 : 0;
        if (score == 0) {
            continue; // a long event going on through the step: nothing of it happened here
        }
        if (score > best_score || (score == best_score && best->first_day() <= event.first_day())) {
            best = &event;
            best_score = score;
        }
    }
    return best;
}

/// In a backward step: the event on the day arrived at, if any.
const geo::Event* event_on(const geo::Annotations& annotations, geo::Date day) {
    for (const auto& event : annotations.events) {
        if (event.first_day() == day) {
            return &event;
        }
    }
    return nullptr;
}

/// In a backward step: the first event after the day arrived at, up to the day left.
const geo::Event* next_event(const geo::Annotations& annotations, geo::Date to, geo::Date from) {
    const geo::Event* best = nullptr;
    for (const auto& event : annotations.events) {
        if (to < event.first_day() && event.first_day() <= from &&
            (best == nullptr || event.first_day() < best->first_day())) {
            best = &event;
        }
    }
    return best;
}

} // namespace

StepSummary summarize_step(const MapFrame& from_frame, const MapFrame& to_frame) {
    StepSummary summary;
    const geo::Annotations& annotations = from_frame.scene->atlas->annotations;
    const geo::History& history = *from_frame.scene->atlas->history;
    const geo::Date from = from_frame.state.date;
    const geo::Date to = to_frame.state.date;
    const bool backward = to < from;
    const LabelLanguage language = to_frame.state.language;
    const std::string lang(first_language_code(language));
    // The words around the names are read: in the interface's language.
    const std::string_view ui = text_language_code(to_frame.state.text_language);

    // Lines: in force at the date arrived at and not at the other (added), or the reverse.
    const auto& before = from_frame.line_ids_in_force;
    const auto& after = to_frame.line_ids_in_force;
    auto line_name = [&](const std::string& id) {
        for (const auto& line : history.lines()) {
            if (line.id == id) {
                return line_display_name(annotations, line, lang);
            }
        }
        return std::string(i18n::tr(ui, "a boundary line")); // not reached: ids from the history
    };
    // The words for a line that starts or ends, by its kind: a claim is not "in force", and the
    // line the 1956 Declaration implies is never called a treaty border.
    struct Words {
        const char* starts;
        const char* ends;
        const char* still;
        const char* not_yet;
    };
    auto words_for = [&](const std::string& id) -> Words {
        geo::LineKind kind = geo::LineKind::treaty;
        for (const auto& line : history.lines()) {
            if (line.id == id) {
                kind = line.kind;
                break;
            }
        }
        using i18n::N_;
        switch (kind) {
        case geo::LineKind::proposal:
            return {N_("{line} proposed"), N_("{line} dropped"), N_("{line} still proposed"),
                    N_("{line} not yet proposed")};
        case geo::LineKind::claim:
            return {N_("{line} now claimed"), N_("{line} no longer claimed"),
                    N_("{line} still claimed"), N_("{line} not yet claimed")};
        case geo::LineKind::line_of_control:
            return {N_("{line} comes into effect"), N_("{line} no longer in effect"),
                    N_("{line} still in effect"), N_("{line} not yet in effect")};
        case geo::LineKind::implied:
            return {N_("{line} now shown"), N_("{line} no longer shown"), N_("{line} still shown"),
                    N_("{line} not yet shown")};
        case geo::LineKind::treaty:
            break;
        }
        return {N_("{line} comes into force"), N_("{line} no longer in force"),
                N_("{line} still in force"), N_("{line} not yet in force")};
    };
    std::vector<std::string> line_parts;
    for (const auto& id : after) {
        if (!contains(before, id)) {
            summary.changed_lines.push_back(id);
            // Forwards it starts now; backwards it is still there, and ends after this date.
            const Words words = words_for(id);
            line_parts.push_back(i18n::format(i18n::tr(ui, backward ? words.still : words.starts),
                                              {{"line", line_name(id)}}));
        }
    }
    for (const auto& id : before) {
        if (!contains(after, id)) {
            // Forwards it ended; backwards it has not started yet.
            const Words words = words_for(id);
            line_parts.push_back(i18n::format(i18n::tr(ui, backward ? words.not_yet : words.ends),
                                              {{"line", line_name(id)}}));
        }
    }

    // Islands, grouped by what is said of them. Forwards: the change ("→ USSR"); backwards:
    // the state arrived at ("administered by Japan").
    std::vector<Group> groups;
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
        const std::string name = island_name(island, lang);
        const std::string holder = holders(b.administered_by, to, ui);
        if (admin_changed) {
            if (holder.empty()) {
                add_to_group(groups, std::string(i18n::tr(ui, "no recorded holder")), true, name);
            } else {
                add_to_group(groups,
                             i18n::format(backward ? i18n::tr(ui, "administered by {party}")
                                                   : i18n::tr(ui, "→ {party}"),
                                          {{"party", holder}}),
                             false, name);
            }
        } else {
            const std::string claimants = holders(b.claimed_by, to, ui);
            add_to_group(groups,
                         claimants.empty() ? std::string(i18n::tr(ui, "no recorded claim"))
                                           : i18n::format(i18n::tr(ui, "claimed by {party}"),
                                                          {{"party", claimants}}),
                         claimants.empty(), name);
        }
    }
    std::vector<std::string> parts;
    for (const auto& group : groups) {
        parts.push_back(i18n::format(
            group.colon ? i18n::tr(ui, "{islands}: {change}") : i18n::tr(ui, "{islands} {change}"),
            {{"islands", names_text(group.names, regions.size(), ui)}, {"change", group.phrase}}));
    }
    parts.insert(parts.end(), line_parts.begin(), line_parts.end());
    const std::string changes =
        parts.empty() ? std::string(i18n::tr(ui, "no change in status"))
                      : join(parts, std::string(i18n::trc(ui, "list of changes", "; ")).c_str());

    // The event: forwards, one that happened in the step; backwards, the one of the day arrived
    // at, or else the next one, which has not happened yet.
    std::string head;
    if (!backward) {
        if (const auto* event = forward_event(annotations, from, to, summary.changed_islands)) {
            head = ": " + event_title(*event, ui);
        }
    } else if (const auto* event = event_on(annotations, to)) {
        head = ": " + event_title(*event, ui);
    } else if (const auto* next = next_event(annotations, to, from)) {
        const int year = next->first_day().year;
        head =
            year == to.year
                ? i18n::format(i18n::tr(ui, ", before {event}"),
                               {{"event", event_title(*next, ui)}})
                : i18n::format(i18n::tr(ui, ", before {event} ({year})"),
                               {{"event", event_title(*next, ui)}, {"year", std::to_string(year)}});
    }
    summary.caption = std::to_string(to.year) + head + (head.empty() ? ": " : " — ") + changes;
    return summary;
}

} // namespace kuril
