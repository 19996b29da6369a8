// SPDX-License-Identifier: GPL-3.0-or-later
// <islands>: each island with its names, facts, islets and status periods.
#include "annotations/elements.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>

namespace geo::detail {

using i18n::N_;

namespace {

Fact read_fact(XmlReader& r, const XMLElement* e) {
    r.allowed_attributes(
        e, {"key", "value", "unit", "party", "year", "name", "lon", "lat", "sources"});
    static const std::unordered_set<std::string> keys = {"area_km2",
                                                         "highest_point_m",
                                                         "population",
                                                         "main_settlement",
                                                         "russian_district",
                                                         "japanese_village",
                                                         "japanese_residents_1945"};
    Fact fact;
    fact.line = e->GetLineNum();
    fact.key = r.required_string(e, "key");
    if (!fact.key.empty() && keys.count(fact.key) == 0) {
        r.warn(e, N_("unknown fact key '{key}'"), {{"key", fact.key}});
    }
    fact.value = optional_string(e, "value");
    fact.unit = optional_string(e, "unit");
    fact.year = optional_string(e, "year");
    fact.name = optional_string(e, "name");
    // Counts and measures: a finite number, not below zero.
    static const std::unordered_set<std::string> numeric = {
        "area_km2", "highest_point_m", "population", "japanese_residents_1945"};
    if (!fact.value.empty() && numeric.count(fact.key) != 0) {
        char* end = nullptr;
        const double number = std::strtod(fact.value.c_str(), &end);
        if (end == fact.value.c_str() || *end != '\0') {
            r.error(e, N_("<fact key=\"{key}\"> value=\"{value}\" is not a number"),
                    {{"key", fact.key}, {"value", fact.value}});
        } else if (!std::isfinite(number) || number < 0 || number > 1e9) {
            r.error(e,
                    N_("<fact key=\"{key}\"> value=\"{value}\" is out of range (0 to 1000000000)"),
                    {{"key", fact.key}, {"value", fact.value}});
        }
    }
    if (fact.value.empty() && fact.name.empty()) {
        r.error(e, N_("<fact key=\"{key}\"> has neither a value nor a name"), {{"key", fact.key}});
    }
    if (const char* party = e->Attribute("party"); party != nullptr) {
        fact.party = party_from_code(party);
        if (!fact.party) {
            r.error(e, N_("<fact key=\"{key}\"> party=\"{value}\": expected JP or RU"),
                    {{"key", fact.key}, {"value", party}});
        }
    }
    if (e->Attribute("lon") != nullptr || e->Attribute("lat") != nullptr) {
        fact.place = r.place(e);
    }
    fact.note = collapse_whitespace(e->GetText());
    fact.sources = r.sources(e, true);
    return fact;
}

Islet read_islet(XmlReader& r, const XMLElement* e) {
    r.allowed_attributes(e, {"id", "lon", "lat", "sources"});
    Islet islet;
    islet.line = e->GetLineNum();
    islet.id = r.required_string(e, "id");
    r.unique_id(r.ids.islets, e, islet.id, N_("duplicate islet id '{id}'"));
    islet.place = r.place(e);
    islet.sources = r.sources(e, false);
    for (const XMLElement* child = e->FirstChildElement(); child != nullptr;
         child = child->NextSiblingElement()) {
        if (std::string_view(child->Name()) == "name") {
            if (auto parsed = r.name(child)) {
                islet.names.push_back(std::move(*parsed));
            }
        } else {
            r.warn(child, N_("unknown element <{name}> in {element} ignored"),
                   {{"name", child->Name()}, {"element", describe(e)}});
        }
    }
    return islet;
}

std::optional<StatusPeriod> read_status(XmlReader& r, const XMLElement* e) {
    r.allowed_attributes(e, {"from", "to", "administered", "claimed", "sources"});
    StatusPeriod period;
    period.line = e->GetLineNum();
    const auto from = r.date(e, "from", true);
    const auto to = r.date(e, "to", false);
    period.administered = r.parties(e, "administered");
    period.claimed = r.parties(e, "claimed");
    if (e->Attribute("administered") == nullptr) {
        r.error(e, N_("<status> is missing the required attribute 'administered'"));
    }
    if (e->Attribute("claimed") == nullptr) {
        r.error(e, N_("<status> is missing the required attribute 'claimed'"));
    }
    period.sources = r.sources(e, true);
    // The text directly inside <status> is the English note; <note lang> and <title lang>
    // give it and a headline in each language.
    std::string plain;
    for (const tinyxml2::XMLNode* node = e->FirstChild(); node != nullptr;
         node = node->NextSibling()) {
        if (const tinyxml2::XMLText* text = node->ToText()) {
            plain += std::string(text->Value()) + " ";
        }
    }
    plain = collapse_whitespace(plain.c_str());
    for (const XMLElement* child = e->FirstChildElement(); child != nullptr;
         child = child->NextSiblingElement()) {
        const std::string_view name = child->Name();
        if (name == "title") {
            r.language_text(child, period.titles);
        } else if (name == "note") {
            if (r.language_text(child, period.notes) == "en" && !plain.empty()) {
                r.error(child, N_("<status> has both plain text and a <note lang=\"en\">: the "
                                  "plain text is the English note; keep one"));
            }
        } else {
            r.warn(child, N_("unknown element <{name}> in <status> ignored"), {{"name", name}});
        }
    }
    if (!plain.empty()) {
        period.notes.emplace("en", std::move(plain));
    }
    if (!period.notes.empty() && period.notes.count("en") == 0) {
        r.error(e, N_("<status> has a note but no English one (plain text or <note lang=\"en\">)"));
    }
    if (!period.titles.empty() && period.titles.count("en") == 0) {
        r.error(e, N_("<status> has a <title> but no English one (<title lang=\"en\">)"));
    }
    if (!from) {
        return std::nullopt;
    }
    period.from = from->first;
    if (to) {
        period.to = to->first;
        if (!(period.from < *period.to)) {
            r.error(e, N_("<status> period ends ({to}) before it starts ({from})"),
                    {{"to", to->text}, {"from", from->text}});
            return std::nullopt;
        }
    }
    return period;
}

} // namespace

void read_island(XmlReader& r, const XMLElement* e) {
    r.allowed_attributes(
        e, {"id", "group", "lon", "lat", "part_of", "members", "lat_min", "lat_max", "country"});
    Island island;
    island.line = e->GetLineNum();
    island.id = r.required_string(e, "id");
    r.unique_id(r.ids.islands, e, island.id, N_("duplicate island id '{id}'"));
    island.group = r.required_string(e, "group");
    if (!island.group.empty() && island.group != "disputed" && island.group != "kuril" &&
        island.group != "main" && island.group != "region" && island.group != "context") {
        r.error(
            e, N_("{element} group=\"{value}\": expected disputed, kuril, main, region or context"),
            {{"element", describe(e)}, {"value", island.group}});
    }
    island.part_of = optional_string(e, "part_of");
    island.members = split_list(e->Attribute("members"));
    if (e->Attribute("lat_min") != nullptr) {
        island.lat_min = r.coordinate(e, "lat_min", 90);
    }
    if (e->Attribute("lat_max") != nullptr) {
        island.lat_max = r.coordinate(e, "lat_max", 90);
    }
    if ((island.lat_min || island.lat_max) && island.part_of.empty()) {
        r.error(e, N_("{element} has a latitude band but no part_of"), {{"element", describe(e)}});
    }
    if (island.lat_min && island.lat_max && *island.lat_min >= *island.lat_max) {
        r.error(
            e,
            N_("{element} lat_min=\"{min}\" is not below lat_max=\"{max}\" (the band is empty or "
               "reversed)"),
            {{"element", describe(e)},
             {"min", optional_string(e, "lat_min")},
             {"max", optional_string(e, "lat_max")}});
    }
    island.country = optional_string(e, "country");
    if (e->Attribute("country") != nullptr) {
        const bool code =
            island.country.size() == 2 && std::all_of(island.country.begin(), island.country.end(),
                                                      [](char c) { return c >= 'A' && c <= 'Z'; });
        if (!code) {
            r.error(e,
                    N_("{element} country=\"{value}\": expected an ISO 3166-1 alpha-2 code in "
                       "capitals, e.g. RU"),
                    {{"element", describe(e)}, {"value", island.country}});
        }
        if (island.part_of.empty()) {
            r.error(e, N_("{element} has a country but no part_of (the landmass it is part of)"),
                    {{"element", describe(e)}});
        }
    }
    island.anchor = r.place(e);
    for (const XMLElement* child = e->FirstChildElement(); child != nullptr;
         child = child->NextSiblingElement()) {
        const std::string_view name = child->Name();
        if (name == "name") {
            if (auto parsed = r.name(child)) {
                island.names.push_back(std::move(*parsed));
            }
        } else if (name == "fact") {
            island.facts.push_back(read_fact(r, child));
        } else if (name == "islet") {
            island.islets.push_back(read_islet(r, child));
        } else if (name == "status") {
            if (auto period = read_status(r, child)) {
                island.status.push_back(std::move(*period));
            }
        } else {
            r.warn(child, N_("unknown element <{name}> in {element} ignored"),
                   {{"name", name}, {"element", describe(e)}});
        }
    }
    if (find_name(island.names, "en") == nullptr) {
        r.error(e, N_("{element} has no English <name lang=\"en\">"), {{"element", describe(e)}});
    }
    check_periods(r, island);
    r.out.islands.push_back(std::move(island));
}

} // namespace geo::detail
