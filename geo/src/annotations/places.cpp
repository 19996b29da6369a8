// SPDX-License-Identifier: GPL-3.0-or-later
// <places>: towns, capes, straits, seas, bays, volcanoes and peninsulas named on the map, each
// with names in en/ja/ru that may hold for a period (a town renamed: Toyohara, then
// Yuzhno-Sakhalinsk from 1946).
#include "annotations/elements.hpp"

#include <algorithm>
#include <array>
#include <utility>

namespace geo {

namespace {

constexpr std::array<std::pair<PlaceKind, std::string_view>, 7> place_kinds = {{
    {PlaceKind::town, "town"},
    {PlaceKind::cape, "cape"},
    {PlaceKind::strait, "strait"},
    {PlaceKind::sea, "sea"},
    {PlaceKind::bay, "bay"},
    {PlaceKind::volcano, "volcano"},
    {PlaceKind::peninsula, "peninsula"},
}};

} // namespace

std::string_view place_kind_name(PlaceKind kind) {
    for (const auto& [k, name] : place_kinds) {
        if (k == kind) {
            return name;
        }
    }
    return "town";
}

std::optional<PlaceKind> place_kind_from_name(std::string_view text) {
    for (const auto& [kind, name] : place_kinds) {
        if (name == text) {
            return kind;
        }
    }
    return std::nullopt;
}

int default_place_rank(PlaceKind kind) {
    switch (kind) {
    case PlaceKind::sea:
        return 1;
    case PlaceKind::strait:
    case PlaceKind::peninsula:
        return 2;
    case PlaceKind::town:
    case PlaceKind::cape:
    case PlaceKind::bay:
        return 3;
    case PlaceKind::volcano:
        return 4;
    }
    return 3;
}

const PlaceName* Place::name(std::string_view lang, Date date) const {
    for (const auto& n : names) {
        if (n.lang == lang && n.holds_on(date)) {
            return &n;
        }
    }
    return nullptr;
}

std::vector<Name> Place::names_on(Date date) const {
    std::vector<Name> result;
    for (const std::string_view lang : {"en", "ja", "ru"}) {
        if (const PlaceName* n = name(lang, date)) {
            result.push_back(static_cast<const Name&>(*n));
        }
    }
    return result;
}

std::string Place::display_name() const {
    if (const PlaceName* n = name("en", Date::today())) {
        return n->text;
    }
    for (const auto& n : names) {
        if (n.lang == "en") {
            return n.text;
        }
    }
    return id;
}

namespace detail {

using i18n::N_;

namespace {

std::optional<PlaceName> read_place_name(XmlReader& r, const XMLElement* e) {
    r.allowed_attributes(e, {"lang", "romaji", "translit", "from", "to"});
    // The attributes a plain <name> has are read as it reads them (and their problems told).
    PlaceName name;
    name.line = e->GetLineNum();
    name.lang = r.required_string(e, "lang");
    name.text = collapse_whitespace(e->GetText());
    name.romaji = optional_string(e, "romaji");
    name.translit = optional_string(e, "translit");
    const auto from = r.date(e, "from", false);
    const auto to = r.date(e, "to", false);
    if (name.lang.empty() || !r.known_language(e, name.lang)) {
        return std::nullopt;
    }
    if (name.text.empty()) {
        r.error(e, N_("<name lang=\"{lang}\"> is empty"), {{"lang", name.lang}});
        return std::nullopt;
    }
    if ((e->Attribute("from") != nullptr && !from) || (e->Attribute("to") != nullptr && !to)) {
        return std::nullopt; // a bad date, told
    }
    if (from) {
        name.from = from->first;
        name.from_text = from->text;
    }
    if (to) {
        name.to = to->first;
        name.to_text = to->text;
    }
    if (from && to && !(*name.from < *name.to)) {
        r.error(e, N_("<name lang=\"{lang}\"> period ends ({to}) before it starts ({from})"),
                {{"lang", name.lang}, {"to", to->text}, {"from", from->text}});
        return std::nullopt;
    }
    return name;
}

/// The period of a name as messages write it: "from 1946-06-01", "to 1946-06-01", "always".
i18n::Message period_text(const PlaceName& name) {
    if (name.from && name.to) {
        return {N_("from {from} to {to}"), {{"from", name.from_text}, {"to", name.to_text}}};
    }
    if (name.from) {
        return {N_("from {from}"), {{"from", name.from_text}}};
    }
    if (name.to) {
        return {N_("to {to}"), {{"to", name.to_text}}};
    }
    return N_("with no period (always)");
}

/// Reports two names in one language whose periods overlap (only one name holds on a date).
void check_name_periods(XmlReader& r, const Place& place) {
    for (std::size_t i = 0; i < place.names.size(); ++i) {
        for (std::size_t k = 0; k < i; ++k) {
            const PlaceName& a = place.names[k];
            const PlaceName& b = place.names[i];
            if (a.lang != b.lang) {
                continue;
            }
            const bool a_before_b = a.to && b.from && *a.to <= *b.from;
            const bool b_before_a = b.to && a.from && *b.to <= *a.from;
            if (!a_before_b && !b_before_a) {
                r.errors.push_back(
                    {r.file(), b.line,
                     i18n::Message(N_("names of place '{id}' in language '{lang}' overlap: "
                                      "'{name}' ({period}) and '{other}' ({other_period}, line "
                                      "{line}); give each a from/to period that does not overlap"),
                                   {{"id", place.id},
                                    {"lang", b.lang},
                                    {"name", b.text},
                                    {"period", period_text(b)},
                                    {"other", a.text},
                                    {"other_period", period_text(a)},
                                    {"line", std::to_string(a.line)}}),
                     place.id});
            }
        }
    }
}

} // namespace

void read_place(XmlReader& r, const XMLElement* e) {
    r.allowed_attributes(e, {"id", "kind", "lon", "lat", "rank", "sources"});
    Place place;
    place.line = e->GetLineNum();
    place.id = r.required_string(e, "id");
    r.unique_id(r.ids.places, e, place.id, N_("duplicate place id '{id}'"));
    if (const std::string kind = r.required_string(e, "kind"); !kind.empty()) {
        if (const auto parsed = place_kind_from_name(kind)) {
            place.kind = *parsed;
        } else {
            r.error(e,
                    N_("{element} kind=\"{value}\": expected town, cape, strait, sea, bay, volcano "
                       "or peninsula"),
                    {{"element", describe(e)}, {"value", kind}});
        }
    }
    place.place = r.place(e);
    place.rank = default_place_rank(place.kind);
    if (const char* rank = e->Attribute("rank"); rank != nullptr) {
        const std::string_view text = rank;
        if (text.size() == 1 && text[0] >= '1' && text[0] <= '4') {
            place.rank = text[0] - '0';
        } else {
            r.error(e,
                    N_("{element} rank=\"{value}\": expected 1 (shown at the widest view), 2, 3 or "
                       "4 (only close up)"),
                    {{"element", describe(e)}, {"value", text}});
        }
    }
    place.sources = r.sources(e, true);
    for (const XMLElement* child = e->FirstChildElement(); child != nullptr;
         child = child->NextSiblingElement()) {
        if (std::string_view(child->Name()) == "name") {
            if (auto parsed = read_place_name(r, child)) {
                place.names.push_back(std::move(*parsed));
            }
        } else {
            r.warn(child, N_("unknown element <{name}> in {element} ignored"),
                   {{"name", child->Name()}, {"element", describe(e)}});
        }
    }
    if (std::none_of(place.names.begin(), place.names.end(),
                     [](const PlaceName& n) { return n.lang == "en"; })) {
        r.error(e, N_("{element} has no English <name lang=\"en\">"), {{"element", describe(e)}});
    }
    check_name_periods(r, place);
    r.out.places.push_back(std::move(place));
}

} // namespace detail
} // namespace geo
