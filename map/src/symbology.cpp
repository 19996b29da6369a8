// SPDX-License-Identifier: GPL-3.0-or-later
#include "map/symbology.hpp"

#include <algorithm>

namespace kuril {

LineSymbol line_symbol(geo::LineKind kind, bool approx) {
    switch (kind) {
    case geo::LineKind::treaty:
        // Constructed: never drawn as a firm solid line.
        return approx ? LineSymbol{LineRole::treaty_approx, {18, 4}} : LineSymbol{};
    case geo::LineKind::proposal:
        return {LineRole::proposal, {12, 7}};
    case geo::LineKind::claim:
        return {LineRole::claim, {4, 4}};
    case geo::LineKind::line_of_control:
        return {LineRole::line_of_control, {14, 5, 3, 5}};
    case geo::LineKind::implied:
        // Dash-dot-dot: apart from the treaty dashes, the claim dots and the control dash-dot.
        return {LineRole::implied, {10, 4, 2, 4, 2, 4}};
    }
    return {};
}

LineSymbol zone_symbol(geo::ZoneKind kind, geo::Party party) {
    const LineRole role = party == geo::Party::JP ? LineRole::zone_jp : LineRole::zone_ru;
    if (kind == geo::ZoneKind::territorial_sea) {
        return {role, {2, 3}}; // dotted
    }
    return {role, {10, 3, 2, 3}}; // dash-dot
}

float zone_line_width(bool high_contrast) {
    return high_contrast ? 2.5f : 1.5f;
}

std::optional<StatusSymbol> status_symbol(const geo::IslandStatus& status) {
    if (!status.known || status.administered_by.empty()) {
        return std::nullopt;
    }
    StatusSymbol symbol;
    symbol.fill = *std::min_element(status.administered_by.begin(), status.administered_by.end());
    for (const auto party : status.administered_by) {
        if (party != symbol.fill) {
            symbol.stripes.push_back(party);
        }
    }
    for (const auto party : status.claimed_by) {
        if (std::find(status.administered_by.begin(), status.administered_by.end(), party) ==
            status.administered_by.end()) {
            symbol.hatches.push_back(party);
        }
    }
    return symbol;
}

} // namespace kuril
