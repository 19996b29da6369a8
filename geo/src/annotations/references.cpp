// SPDX-License-Identifier: GPL-3.0-or-later
// What can be checked only once everything is read: ids referred to, and overlapping status
// periods.
#include "annotations/elements.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace geo::detail {

using i18n::N_;

void check_periods(XmlReader& r, Island& island) {
    std::stable_sort(island.status.begin(), island.status.end(),
                     [](const StatusPeriod& a, const StatusPeriod& b) { return a.from < b.from; });
    for (std::size_t i = 1; i < island.status.size(); ++i) {
        const StatusPeriod& previous = island.status[i - 1];
        const StatusPeriod& current = island.status[i];
        if (!previous.to || current.from < *previous.to) {
            r.errors.push_back(
                {r.file(), current.line,
                 i18n::Message(N_("status periods of island '{id}' overlap: {start} starts before "
                                  "the period from {from} (line {line}) ends"),
                               {{"id", island.id},
                                {"start", current.from.iso()},
                                {"from", previous.from.iso()},
                                {"line", std::to_string(previous.line)}}),
                 island.id});
        }
    }
}

void resolve_references(XmlReader& r) {
    for (const auto& ref : r.source_refs) {
        if (r.ids.sources.count(ref.id) == 0 &&
            (r.base() == nullptr || r.base()->source(ref.id) == nullptr)) {
            r.errors.push_back({r.file(), ref.line,
                                i18n::Message(N_("{element} cites unknown source '{id}'"),
                                              {{"element", ref.where}, {"id", ref.id}}),
                                ref.feature});
        }
    }
    for (const auto& ref : r.island_refs) {
        if (r.ids.islands.count(ref.id) == 0 &&
            (r.base() == nullptr || r.base()->island(ref.id) == nullptr)) {
            r.errors.push_back({r.file(), ref.line,
                                i18n::Message(N_("{element} refers to unknown island '{id}'"),
                                              {{"element", ref.where}, {"id", ref.id}}),
                                ref.feature});
        }
    }
    for (const auto& island : r.out.islands) {
        if (!island.part_of.empty() && r.ids.islands.count(island.part_of) == 0) {
            r.errors.push_back(
                {r.file(), island.line,
                 i18n::Message(
                     N_("<island id=\"{id}\"> part_of refers to unknown island '{part_of}'"),
                     {{"id", island.id}, {"part_of", island.part_of}}),
                 island.id});
        }
    }
    check_part_of_cycles(r);
}

void check_part_of_cycles(XmlReader& r) {
    std::map<std::string, const Island*> by_id;
    for (const auto& island : r.out.islands) {
        by_id.emplace(island.id, &island);
    }
    std::set<std::string> reported;
    for (const auto& island : r.out.islands) {
        if (island.part_of.empty() || reported.count(island.id) != 0) {
            continue;
        }
        if (island.part_of == island.id) {
            reported.insert(island.id);
            r.errors.push_back(
                {r.file(), island.line,
                 i18n::Message(N_("<island id=\"{id}\"> is part_of itself"), {{"id", island.id}}),
                 island.id});
            continue;
        }
        // Follow part_of; a chain that comes back to this island is a cycle.
        std::string chain = island.id;
        std::vector<std::string> members{island.id};
        const Island* at = &island;
        for (std::size_t steps = 0; steps <= by_id.size() && !at->part_of.empty(); ++steps) {
            chain += " -> " + at->part_of;
            if (at->part_of == island.id) {
                reported.insert(members.begin(), members.end());
                r.errors.push_back(
                    {r.file(), island.line,
                     i18n::Message(N_("<island id=\"{id}\"> part_of forms a cycle: {chain}"),
                                   {{"id", island.id}, {"chain", chain}}),
                     island.id});
                break;
            }
            const auto next = by_id.find(at->part_of);
            if (next == by_id.end()) {
                break;
            }
            members.push_back(at->part_of);
            at = next->second;
        }
    }
}

} // namespace geo::detail
