#include "geo/zones.hpp"

#include "geo/error.hpp"

#include <sstream>

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
        const std::string fid = std::to_string(feature.fid);
        const std::string where = layer.source.string() + ": feature " + fid;
        auto bad_feature = [&](std::string message) {
            return InputError(Diagnostic{layer.source, 0, std::move(message), fid});
        };
        auto required = [&](const char* name) -> const std::string& {
            const std::string& value = feature.attribute(name);
            if (value.empty()) {
                throw bad_feature(where + ": attribute '" + name + "' is missing or empty");
            }
            return value;
        };
        ZoneLine zone;
        zone.id = required("id");
        const std::string context = where + " (" + zone.id + ")";
        zone.part = feature.attribute("part");
        const std::string& kind = required("kind");
        if (auto parsed = zone_kind_from_name(kind)) {
            zone.kind = *parsed;
        } else {
            throw bad_feature(context + ": kind '" + kind +
                              "' is not one of territorial_sea, fishing_zone");
        }
        const std::string& party = required("party");
        if (auto parsed = party_from_code(party)) {
            zone.party = *parsed;
        } else {
            throw bad_feature(context + ": party '" + party + "' is not one of JP, RU");
        }
        try {
            zone.valid_from = parse_partial_date(required("valid_from")).first;
            if (const auto& to = feature.attribute("valid_to"); !to.empty()) {
                zone.valid_to = parse_partial_date(to).first;
            }
        } catch (const InputError& problem) {
            throw bad_feature(context + ": " + problem.what());
        }
        if (zone.valid_to && !(zone.valid_from < *zone.valid_to)) {
            throw bad_feature(context + ": valid_to " + zone.valid_to->iso() +
                              " is not after valid_from " + zone.valid_from.iso());
        }
        zone.label = required("label");
        const std::string& approx = required("approx");
        if (approx != "true" && approx != "false") {
            throw bad_feature(context + ": approx '" + approx + "' is not true or false");
        }
        zone.approx = approx == "true";
        std::istringstream sources(required("source"));
        for (std::string id; sources >> id;) {
            zone.sources.push_back(id);
        }
        zone.geometry = feature.lines;
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
