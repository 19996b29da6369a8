// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Maritime zones (shapes/zones.shp): constructed, approximate limits of the 12-nautical-mile
// territorial seas and the 200-nautical-mile fishing zones of 1977, each with its party, its
// dates and its sources (annotations.xml <zones>). See shapes/ZONES.md.

#include "geo/dated_line.hpp"
#include "geo/geometry.hpp"
#include "geo/party.hpp"
#include "geo/vector_source.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace geo {

enum class ZoneKind { territorial_sea, fishing_zone };

std::string_view zone_kind_name(ZoneKind kind);
std::optional<ZoneKind> zone_kind_from_name(std::string_view name);

/// One part of a zone's limit: "limit" (at the zone's breadth from the coast) or "median" (on
/// the equidistance line where it meets another side's zone).
struct ZoneLine : DatedLine {
    ZoneKind kind = ZoneKind::territorial_sea;
    Party party = Party::JP;

    /// The zone's breadth in nautical miles: 12 or 200.
    double breadth_nm() const { return kind == ZoneKind::territorial_sea ? 12.0 : 200.0; }
};

/// Reads the zones from a loaded line layer, checking each attribute. Throws InputError naming
/// the file, the feature and what was expected.
std::vector<ZoneLine> zone_lines_from_layer(const VectorLayer& layer);

/// The zone parts in force on a date, in file order.
std::vector<const ZoneLine*> zones_in_force(const std::vector<ZoneLine>& zones, Date date);

} // namespace geo
