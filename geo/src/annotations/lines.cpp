// SPDX-License-Identifier: GPL-3.0-or-later
// <lines>: what the annotations say about each boundary line.
#include "annotations/elements.hpp"

namespace geo::detail {

namespace {

// A <line> or a <zone>: an id, sources, names and texts by language.
LineInfo read_line_info(XmlReader& r, const XMLElement* e, std::unordered_set<std::string>& ids,
                        const char* what) {
    r.allowed_attributes(e, {"id", "sources"});
    LineInfo line;
    line.line = e->GetLineNum();
    line.id = r.required_string(e, "id");
    r.unique_id(ids, e, line.id, what);
    line.sources = r.sources(e, true);
    for (const XMLElement* child = e->FirstChildElement(); child != nullptr;
         child = child->NextSiblingElement()) {
        const std::string_view name = child->Name();
        if (name == "name") {
            if (auto parsed = r.name(child)) {
                line.names.push_back(std::move(*parsed));
            }
        } else if (name == "text") {
            r.allowed_attributes(child, {"lang"});
            const std::string lang = r.required_string(child, "lang");
            if (!lang.empty() && r.known_language(child, lang)) {
                line.texts[lang] = collapse_whitespace(child->GetText());
            }
        } else {
            r.warn(child,
                   "unknown element <" + std::string(name) + "> in " + describe(e) + " ignored");
        }
    }
    if (find_name(line.names, "en") == nullptr) {
        r.error(e, describe(e) + " has no English <name lang=\"en\">");
    }
    return line;
}

} // namespace

void read_line(XmlReader& r, const XMLElement* e) {
    r.out.lines.push_back(read_line_info(r, e, r.ids.lines, "line"));
}

void read_zone(XmlReader& r, const XMLElement* e) {
    r.out.zones.push_back(read_line_info(r, e, r.ids.zones, "zone"));
}

} // namespace geo::detail
