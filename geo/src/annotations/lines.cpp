// <lines>: what the annotations say about each boundary line.
#include "annotations/elements.hpp"

namespace geo::detail {

void read_line(XmlReader& r, const XMLElement* e) {
    r.allowed_attributes(e, {"id", "sources"});
    LineInfo line;
    line.line = e->GetLineNum();
    line.id = r.required_string(e, "id");
    r.unique_id(r.ids.lines, e, line.id, "line");
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
    r.out.lines.push_back(std::move(line));
}

} // namespace geo::detail
