// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The one symbology table: how each kind of line and each status is drawn. The renderer, the
// legend and every output read it; render/style.hpp only turns its roles into colours.

#include "geo/history.hpp"
#include "geo/party.hpp"
#include "geo/zones.hpp"

#include <optional>
#include <string>
#include <vector>

namespace kuril {

/// What a line is drawn as. A constructed (approximate) treaty line is never a firm solid line.
/// `implied`: a line a document implies but does not draw (the 1956 Joint Declaration).
enum class LineRole {
    treaty,
    treaty_approx,
    proposal,
    claim,
    line_of_control,
    implied,
    zone_jp, ///< a maritime zone's limit declared by Japan
    zone_ru  ///< a maritime zone's limit declared by the USSR/Russia
};

struct LineSymbol {
    LineRole role = LineRole::treaty;
    /// Dash pattern in UI pixels (on, off, on, off...); empty = solid.
    std::vector<float> dash;
    bool dashed() const { return !dash.empty(); }
};

/// The symbol of a boundary line, from its kind and whether it is approximate.
LineSymbol line_symbol(geo::LineKind kind, bool approx);

/// The symbol of a maritime zone's limit: the declaring party's role (its colour), dotted for
/// a territorial sea, dash-dot for a fishing zone; drawn thinner than the boundary lines
/// (zone_line_width). The rule is symmetric in the parties.
LineSymbol zone_symbol(geo::ZoneKind kind, geo::Party party);
/// A zone limit's width in UI pixels (boundary lines: 2.5; high contrast: 4).
float zone_line_width(bool high_contrast);

/// How an island's status is drawn: filled in the administering party's colour (the first by
/// code when two held it jointly), striped in a co-administrator's, and hatched in the colour
/// of each party that claims it without administering it. Empty when nothing is recorded.
/// The rule is symmetric: swapping the parties in a status swaps them in the symbol.
struct StatusSymbol {
    /// How the land is drawn: in `fill` (with stripes and hatches), in the "disputed" symbol
    /// (neither side's colour: the neutral point of view), or left uncoloured (land whose status
    /// a party's maps leave undetermined).
    enum class Look { party, disputed, uncoloured };
    Look look = Look::party;
    geo::Party fill = geo::Party::JP;
    std::vector<geo::Party> stripes;
    std::vector<geo::Party> hatches;

    friend bool operator==(const StatusSymbol&, const StatusSymbol&) = default;
};
std::optional<StatusSymbol> status_symbol(const geo::IslandStatus& status);

} // namespace kuril
