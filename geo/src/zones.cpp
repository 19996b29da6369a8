// SPDX-License-Identifier: GPL-3.0-or-later
#include "geo/zones.hpp"

#include "geo/error.hpp"
#include "i18n/translate.hpp"

namespace geo {

using i18n::N_;

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
            throw reader.error({N_("kind '{kind}' is not one of territorial_sea, fishing_zone"),
                                {{"kind", kind}}});
        }
        const std::string& party = reader.required("party");
        if (auto parsed = party_from_code(party)) {
            zone.party = *parsed;
        } else {
            throw reader.error({N_("party '{party}' is not one of JP, RU"), {{"party", party}}});
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
