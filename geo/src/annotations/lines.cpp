// SPDX-License-Identifier: GPL-3.0-or-later
// <lines>: what the annotations say about each boundary line.
#include "annotations/elements.hpp"

namespace geo::detail {

using i18n::N_;

namespace {

// A <line> or a <zone>: an id, sources, names and texts by language.
LineInfo read_line_info(XmlReader& r, const XMLElement* e, std::unordered_set<std::string>& ids,
                        const char* duplicate) {
    r.allowed_attributes(e, {"id", "sources"});
    LineInfo line;
    line.line = e->GetLineNum();
    line.id = r.required_string(e, "id");
    r.unique_id(ids, e, line.id, duplicate);
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
            r.warn(child, N_("unknown element <{name}> in {element} ignored"),
                   {{"name", name}, {"element", describe(e)}});
        }
    }
    if (find_name(line.names, "en") == nullptr) {
        r.error(e, N_("{element} has no English <name lang=\"en\">"), {{"element", describe(e)}});
    }
    return line;
}

} // namespace

void read_line(XmlReader& r, const XMLElement* e) {
    r.out.lines.push_back(read_line_info(r, e, r.ids.lines, N_("duplicate line id '{id}'")));
}

void read_zone(XmlReader& r, const XMLElement* e) {
    r.out.zones.push_back(read_line_info(r, e, r.ids.zones, N_("duplicate zone id '{id}'")));
}

} // namespace geo::detail
