// SPDX-License-Identifier: GPL-3.0-or-later
#include "geo/zones.hpp"

#include "geo/error.hpp"

namespace geo {

std::string_view zone_kind_name(ZoneKind kind) {
    return kind == ZoneKind::territorial_sea ? "territorial_sea" : "fishing_zone";
}

std::optional<ZoneKind> zone_kind_from_name(std::string_view name) {
    if (name == "territorial_sea") {
        return ZoneKind::territorial_sea;
    }
    if (name == "fishing_zone") {
        return ZoneKind::fishing_zone;
    }
    return std::nullopt;
}

std::vector<ZoneLine> zone_lines_from_layer(const VectorLayer& layer) {
    std::vector<ZoneLine> zones;
    for (const auto& feature : layer.features) {
        const DatedLineReader reader(layer, feature);
        ZoneLine zone;
        const std::string& kind = reader.required("kind");
        if (auto parsed = zone_kind_from_name(kind)) {
            zone.kind = *parsed;
        } else {
            throw reader.error("kind '" + kind + "' is not one of territorial_sea, fishing_zone");
        }
        const std::string& party = reader.required("party");
        if (auto parsed = party_from_code(party)) {
            zone.party = *parsed;
        } else {
            throw reader.error("party '" + party + "' is not one of JP, RU");
        }
        reader.read(zone);
        zones.push_back(std::move(zone));
    }
    return zones;
}

std::vector<const ZoneLine*> zones_in_force(const std::vector<ZoneLine>& zones, Date date) {
    std::vector<const ZoneLine*> result;
    for (const auto& zone : zones) {
        if (zone.in_force_on(date)) {
            result.push_back(&zone);
        }
    }
    return result;
}

} // namespace geo
