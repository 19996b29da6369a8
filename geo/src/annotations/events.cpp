// SPDX-License-Identifier: GPL-3.0-or-later
// <events>.
#include "annotations/elements.hpp"

namespace geo::detail {

void read_event(XmlReader& r, const XMLElement* e) {
    r.allowed_attributes(e, {"id", "date", "to", "lon", "lat", "approx", "islands", "sources"});
    Event event;
    event.line = e->GetLineNum();
    event.id = r.required_string(e, "id");
    r.unique_id(r.ids.events, e, event.id, "event");
    const auto from = r.date(e, "date", true);
    event.to = r.date(e, "to", false);
    if (from) {
        event.date = *from;
        if (event.to && event.to->last < from->first) {
            r.error(e, describe(e) + " ends (" + event.to->text + ") before it starts (" +
                           from->text + ")");
        }
    }
    event.place = r.place(e);
    const std::string approx = optional_string(e, "approx");
    if (!approx.empty() && approx != "true" && approx != "false") {
        r.error(e, describe(e) + " approx=\"" + approx + "\": expected true or false");
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
            r.warn(child,
                   "unknown element <" + std::string(name) + "> in " + describe(e) + " ignored");
        }
    }
    if (event.titles.count("en") == 0 || event.titles["en"].empty()) {
        r.error(e, describe(e) + " has no English <title lang=\"en\">");
    }
    if (event.texts.count("en") == 0 || event.texts["en"].empty()) {
        r.error(e, describe(e) + " has no English <text lang=\"en\">");
    }
    r.out.events.push_back(std::move(event));
}

} // namespace geo::detail
