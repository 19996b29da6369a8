// SPDX-License-Identifier: GPL-3.0-or-later
// <points_of_view>: how each point of view draws the same facts (issue 15). Whose maps, from
// when to when, which islands as whose territory, which left undetermined, which line as the
// border: data, checked here, drawn by map/map_frame.
#include "annotations/elements.hpp"

#include <algorithm>
#include <set>

namespace geo::detail {

using i18n::N_;

namespace {

/// A full date attribute (YYYY-MM-DD); nullopt after reporting it.
std::optional<Date> full_date(XmlReader& r, const XMLElement* e, const char* attribute,
                              bool is_required) {
    const auto day = r.date(e, attribute, is_required);
    if (!day) {
        return std::nullopt;
    }
    if (day->precision != DatePrecision::day) {
        r.error(e, N_("{element} {attribute}=\"{value}\": a full date YYYY-MM-DD is expected"),
                {{"element", describe(e)}, {"attribute", attribute}, {"value", day->text}});
        return std::nullopt;
    }
    return day->first;
}

/// The island ids of an attribute, each recorded to be resolved at the end.
std::vector<std::string> island_list(XmlReader& r, const XMLElement* e, const char* attribute) {
    auto ids = split_list(e->Attribute(attribute));
    for (const auto& id : ids) {
        r.island_refs.push_back(
            {id, e->GetLineNum(), describe(e) + " " + attribute, feature_of(e)});
    }
    return ids;
}

PovPeriod read_period(XmlReader& r, const XMLElement* e) {
    r.allowed_attributes(e, {"from", "to", "own", "undetermined", "borders", "sources"});
    PovPeriod period;
    period.line = e->GetLineNum();
    if (const auto from = full_date(r, e, "from", true)) {
        period.from = *from;
    }
    period.to = full_date(r, e, "to", false);
    if (period.to && !(period.from < *period.to)) {
        r.error(e, N_("{element} ends (to=\"{to}\") before it starts (from=\"{from}\")"),
                {{"element", describe(e)}, {"to", period.to->iso()}, {"from", period.from.iso()}});
    }
    period.own = island_list(r, e, "own");
    period.undetermined = island_list(r, e, "undetermined");
    period.borders = split_list(e->Attribute("borders"));
    period.sources = r.sources(e, true);
    if (period.own.empty()) {
        r.error(e,
                N_("{element} names no island it draws as the party's territory (attribute 'own' "
                   "is required)"),
                {{"element", describe(e)}});
    }
    for (const auto& id : period.undetermined) {
        if (std::find(period.own.begin(), period.own.end(), id) != period.own.end()) {
            r.error(e, N_("{element} lists island '{id}' both as own and as undetermined"),
                    {{"element", describe(e)}, {"id", id}});
        }
    }
    for (const XMLElement* child = e->FirstChildElement(); child != nullptr;
         child = child->NextSiblingElement()) {
        if (std::string_view(child->Name()) == "note") {
            r.language_text(child, period.notes);
        } else {
            r.warn(child, N_("unknown element <{name}> in {element} ignored"),
                   {{"name", child->Name()}, {"element", describe(e)}});
        }
    }
    if (!period.undetermined.empty() && period.notes.count("en") == 0) {
        r.error(e,
                N_("{element} leaves islands undetermined but has no English <note> saying so for "
                   "the legend"),
                {{"element", describe(e)}});
    }
    return period;
}

void check_overlaps(XmlReader& r, PointOfView& pov) {
    std::stable_sort(pov.periods.begin(), pov.periods.end(),
                     [](const PovPeriod& a, const PovPeriod& b) { return a.from < b.from; });
    for (std::size_t i = 1; i < pov.periods.size(); ++i) {
        const PovPeriod& previous = pov.periods[i - 1];
        const PovPeriod& current = pov.periods[i];
        if (!previous.to || current.from < *previous.to) {
            r.errors.push_back(
                {r.file(), current.line,
                 i18n::Message(N_("periods of point of view '{id}' overlap: {start} starts before "
                                  "the period from {from} (line {line}) ends"),
                               {{"id", pov.id},
                                {"start", current.from.iso()},
                                {"from", previous.from.iso()},
                                {"line", std::to_string(previous.line)}}),
                 pov.id});
        }
    }
}

/// The ids of the points of view defined here and in the base, sorted, for messages.
i18n::Message known_povs(const XmlReader& r) {
    std::set<std::string> ids;
    for (const auto& pov : r.out.points_of_view) {
        ids.insert(pov.id);
    }
    if (r.base() != nullptr) {
        for (const auto& pov : r.base()->points_of_view) {
            ids.insert(pov.id);
        }
    }
    std::string text;
    for (const auto& id : ids) {
        text += (text.empty() ? "" : ", ") + id;
    }
    if (text.empty()) {
        return N_("none defined");
    }
    return text;
}

} // namespace

void read_pov(XmlReader& r, const XMLElement* e) {
    r.allowed_attributes(e, {"id", "draws", "party", "sources"});
    PointOfView pov;
    pov.line = e->GetLineNum();
    pov.id = r.required_string(e, "id");
    r.unique_id(r.ids.povs, e, pov.id, N_("duplicate point of view id '{id}'"));
    const std::string draws = r.required_string(e, "draws");
    if (draws == "administration") {
        pov.rule = PovRule::administration;
    } else if (draws == "party-maps") {
        pov.rule = PovRule::party_maps;
    } else if (draws == "disputed") {
        pov.rule = PovRule::disputed;
    } else if (!draws.empty()) {
        r.error(e,
                N_("{element} draws=\"{value}\": expected administration, party-maps or disputed"),
                {{"element", describe(e)}, {"value", draws}});
    }
    const auto parties = r.parties(e, "party");
    if (parties.size() > 1) {
        r.error(e, N_("{element} names more than one party: a point of view is one party's maps"),
                {{"element", describe(e)}});
    } else if (!parties.empty()) {
        pov.party = parties.front();
    }
    if (pov.rule == PovRule::party_maps && !pov.party && e->Attribute("party") == nullptr) {
        r.error(e, N_("{element} draws party-maps but names no party (attribute 'party')"),
                {{"element", describe(e)}});
    }
    pov.sources = r.sources(e, false);
    for (const XMLElement* child = e->FirstChildElement(); child != nullptr;
         child = child->NextSiblingElement()) {
        const std::string_view name = child->Name();
        if (name == "title") {
            r.language_text(child, pov.titles);
        } else if (name == "label") {
            r.language_text(child, pov.labels);
        } else if (name == "note") {
            r.language_text(child, pov.notes);
        } else if (name == "period") {
            if (pov.rule != PovRule::party_maps) {
                r.error(child,
                        N_("<period> in {element}: only a point of view that draws party-maps has "
                           "periods"),
                        {{"element", describe(e)}});
                continue;
            }
            pov.periods.push_back(read_period(r, child));
        } else {
            r.warn(child, N_("unknown element <{name}> in {element} ignored"),
                   {{"name", name}, {"element", describe(e)}});
        }
    }
    if (pov.titles.count("en") == 0) {
        r.error(e, N_("{element} has no English <title>"), {{"element", describe(e)}});
    }
    if (pov.labels.count("en") == 0) {
        r.error(e, N_("{element} has no English <label> (its short name on the viewer's buttons)"),
                {{"element", describe(e)}});
    }
    if (pov.rule == PovRule::party_maps && pov.periods.empty()) {
        r.error(e, N_("{element} draws party-maps but has no <period>"),
                {{"element", describe(e)}});
    }
    check_overlaps(r, pov);
    r.out.points_of_view.push_back(std::move(pov));
}

void check_points_of_view(XmlReader& r) {
    const auto known_line = [&r](const std::string& id) {
        return r.ids.lines.count(id) != 0 ||
               (r.base() != nullptr && r.base()->line_info(id) != nullptr);
    };
    for (const auto& pov : r.out.points_of_view) {
        for (const auto& period : pov.periods) {
            for (const auto& id : period.borders) {
                if (!known_line(id)) {
                    r.errors.push_back(
                        {r.file(), period.line,
                         i18n::Message(N_("<period> of point of view '{pov}' draws unknown line "
                                          "'{id}' as the border (not in <lines>)"),
                                       {{"pov", pov.id}, {"id", id}}),
                         pov.id});
                }
            }
        }
    }
    for (const auto& tour : r.out.tours) {
        for (const auto& slide : tour.slides) {
            if (slide.pov.empty() || r.ids.povs.count(slide.pov) != 0 ||
                (r.base() != nullptr && r.base()->point_of_view(slide.pov) != nullptr)) {
                continue;
            }
            r.errors.push_back(
                {r.file(), slide.line,
                 i18n::Message(N_("<slide id=\"{id}\"> pov=\"{value}\": unknown point of view "
                                  "(known: {known})"),
                               {{"id", slide.id}, {"value", slide.pov}, {"known", known_povs(r)}}),
                 slide.id});
        }
    }
}

} // namespace geo::detail
