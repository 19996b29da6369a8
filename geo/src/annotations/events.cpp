// SPDX-License-Identifier: GPL-3.0-or-later
// <events>.
#include "annotations/elements.hpp"

namespace geo::detail {

using i18n::N_;

void read_event(XmlReader& r, const XMLElement* e) {
    r.allowed_attributes(e, {"id", "date", "to", "lon", "lat", "approx", "islands", "sources"});
    Event event;
    event.line = e->GetLineNum();
    event.id = r.required_string(e, "id");
    r.unique_id(r.ids.events, e, event.id, N_("duplicate event id '{id}'"));
    const auto from = r.date(e, "date", true);
    event.to = r.date(e, "to", false);
    if (from) {
        event.date = *from;
        if (event.to && event.to->last < from->first) {
            r.error(e, N_("{element} ends ({to}) before it starts ({from})"),
                    {{"element", describe(e)}, {"to", event.to->text}, {"from", from->text}});
        }
    }
    event.place = r.place(e);
    const std::string approx = optional_string(e, "approx");
    if (!approx.empty() && approx != "true" && approx != "false") {
        r.error(e, N_("{element} approx=\"{value}\": expected true or false"),
                {{"element", describe(e)}, {"value", approx}});
    }
    event.approx = approx == "true";
    event.islands = split_list(e->Attribute("islands"));
    for (const auto& island : event.islands) {
        r.island_refs.push_back({island, event.line, describe(e), event.id});
    }
    event.sources = r.sources(e, true);
    for (const XMLElement* child = e->FirstChildElement(); child != nullptr;
         child = child->NextSiblingElement()) {
        const std::string_view name = child->Name();
        if (name == "title" || name == "text") {
            r.allowed_attributes(child, {"lang"});
            const std::string lang = r.required_string(child, "lang");
            if (!lang.empty() && r.known_language(child, lang)) {
                (name == "title" ? event.titles : event.texts)[lang] =
                    collapse_whitespace(child->GetText());
            }
        } else {
            r.warn(child, N_("unknown element <{name}> in {element} ignored"),
                   {{"name", name}, {"element", describe(e)}});
        }
    }
    if (event.titles.count("en") == 0 || event.titles["en"].empty()) {
        r.error(e, N_("{element} has no English <title lang=\"en\">"), {{"element", describe(e)}});
    }
    if (event.texts.count("en") == 0 || event.texts["en"].empty()) {
        r.error(e, N_("{element} has no English <text lang=\"en\">"), {{"element", describe(e)}});
    }
    r.out.events.push_back(std::move(event));
}

} // namespace geo::detail
