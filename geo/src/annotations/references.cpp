// What can be checked only once everything is read: ids referred to, and overlapping status
// periods.
#include "annotations/elements.hpp"

#include <algorithm>

namespace geo::detail {

void check_periods(XmlReader& r, Island& island) {
    std::stable_sort(island.status.begin(), island.status.end(),
                     [](const StatusPeriod& a, const StatusPeriod& b) { return a.from < b.from; });
    for (std::size_t i = 1; i < island.status.size(); ++i) {
        const StatusPeriod& previous = island.status[i - 1];
        const StatusPeriod& current = island.status[i];
        if (!previous.to || current.from < *previous.to) {
            r.errors.push_back({r.file(), current.line,
                                "status periods of island '" + island.id +
                                    "' overlap: " + current.from.iso() +
                                    " starts before the period from " + previous.from.iso() +
                                    " (line " + std::to_string(previous.line) + ") ends",
                                island.id});
        }
    }
}

void resolve_references(XmlReader& r) {
    for (const auto& ref : r.source_refs) {
        if (r.ids.sources.count(ref.id) == 0 &&
            (r.base() == nullptr || r.base()->source(ref.id) == nullptr)) {
            r.errors.push_back({r.file(), ref.line,
                                ref.where + " cites unknown source '" + ref.id + "'", ref.feature});
        }
    }
    for (const auto& ref : r.island_refs) {
        if (r.ids.islands.count(ref.id) == 0 &&
            (r.base() == nullptr || r.base()->island(ref.id) == nullptr)) {
            r.errors.push_back({r.file(), ref.line,
                                ref.where + " refers to unknown island '" + ref.id + "'",
                                ref.feature});
        }
    }
    for (const auto& island : r.out.islands) {
        if (!island.part_of.empty() && r.ids.islands.count(island.part_of) == 0) {
            r.errors.push_back({r.file(), island.line,
                                "<island id=\"" + island.id +
                                    "\"> part_of refers to unknown "
                                    "island '" +
                                    island.part_of + "'",
                                island.id});
        }
    }
}

} // namespace geo::detail
