// SPDX-License-Identifier: GPL-3.0-or-later
// <layers> and <sources>.
#include "annotations/elements.hpp"

namespace geo::detail {

void read_layer(XmlReader& r, const XMLElement* e) {
    r.allowed_attributes(e, {"id", "kind", "path"});
    LayerRef layer;
    layer.line = e->GetLineNum();
    layer.id = r.required_string(e, "id");
    r.unique_id(r.ids.layers, e, layer.id, "layer");
    const std::string kind = r.required_string(e, "kind");
    if (kind == "polygons") {
        layer.kind = GeometryKind::polygons;
    } else if (kind == "lines") {
        layer.kind = GeometryKind::lines;
    } else if (!kind.empty()) {
        r.error(e, describe(e) + " kind=\"" + kind + "\": expected polygons or lines");
    }
    const std::string path = r.required_string(e, "path");
    if (!path.empty()) {
        layer.path = std::filesystem::path(path).is_absolute()
                         ? std::filesystem::path(path)
                         : r.file().parent_path() / std::filesystem::path(path);
    }
    r.out.layers.push_back(std::move(layer));
}

void read_source(XmlReader& r, const XMLElement* e) {
    r.allowed_attributes(e, {"id", "title", "publisher", "date", "url", "isbn", "lang", "party"});
    Source source;
    source.line = e->GetLineNum();
    source.id = r.required_string(e, "id");
    r.unique_id(r.ids.sources, e, source.id, "source");
    source.title = r.required_string(e, "title");
    source.publisher = optional_string(e, "publisher");
    source.date = optional_string(e, "date");
    source.url = optional_string(e, "url");
    source.isbn = optional_string(e, "isbn");
    if (source.url.empty() && source.isbn.empty()) {
        r.error(e, describe(e) + " has neither url nor isbn: expected url=\"...\" (or isbn=\"...\" "
                                 "for a book)");
    }
    if (const std::string problem = source.isbn.empty() ? "" : isbn_problem(source.isbn);
        !problem.empty()) {
        r.error(e, describe(e) + " isbn=\"" + source.isbn + "\" is not a valid ISBN: " + problem);
    }
    if (const char* lang = e->Attribute("lang"); lang == nullptr) {
        r.warn(e, describe(e) + " has no lang: expected lang=\"en\", \"ja\" or \"ru\" (the "
                                "language of the document)");
    } else if (r.known_language(e, lang)) {
        source.lang = lang;
    }
    source.parties = r.parties(e, "party");
    if (const char* party = e->Attribute("party"); party != nullptr && split_list(party).empty()) {
        r.error(e, describe(e) + " party=\"" + party +
                       "\" is empty: expected JP, RU or \"JP RU\" (or no party attribute)");
    }
    if (!source.date.empty()) {
        r.date(e, "date", false);
    }
    r.out.sources.push_back(std::move(source));
}

} // namespace geo::detail
