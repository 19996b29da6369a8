// SPDX-License-Identifier: GPL-3.0-or-later
// <layers> and <sources>.
#include "annotations/elements.hpp"

namespace geo::detail {

using i18n::N_;

void read_layer(XmlReader& r, const XMLElement* e) {
    r.allowed_attributes(e, {"id", "kind", "path"});
    LayerRef layer;
    layer.line = e->GetLineNum();
    layer.id = r.required_string(e, "id");
    r.unique_id(r.ids.layers, e, layer.id, N_("duplicate layer id '{id}'"));
    const std::string kind = r.required_string(e, "kind");
    if (kind == "polygons") {
        layer.kind = GeometryKind::polygons;
    } else if (kind == "lines") {
        layer.kind = GeometryKind::lines;
    } else if (!kind.empty()) {
        r.error(e, N_("{element} kind=\"{value}\": expected polygons or lines"),
                {{"element", describe(e)}, {"value", kind}});
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
    r.unique_id(r.ids.sources, e, source.id, N_("duplicate source id '{id}'"));
    source.title = r.required_string(e, "title");
    source.publisher = optional_string(e, "publisher");
    source.date = optional_string(e, "date");
    source.url = optional_string(e, "url");
    source.isbn = optional_string(e, "isbn");
    if (source.url.empty() && source.isbn.empty()) {
        r.error(e,
                N_("{element} has neither url nor isbn: expected url=\"...\" (or isbn=\"...\" for "
                   "a book)"),
                {{"element", describe(e)}});
    }
    if (const i18n::Message problem =
            source.isbn.empty() ? i18n::Message() : isbn_problem(source.isbn);
        !problem.empty()) {
        r.error(e, N_("{element} isbn=\"{value}\" is not a valid ISBN: {problem}"),
                {{"element", describe(e)}, {"value", source.isbn}, {"problem", problem}});
    }
    if (const char* lang = e->Attribute("lang"); lang == nullptr) {
        r.warn(e,
               N_("{element} has no lang: expected lang=\"en\", \"ja\" or \"ru\" (the language of "
                  "the document)"),
               {{"element", describe(e)}});
    } else if (r.known_language(e, lang)) {
        source.lang = lang;
    }
    source.parties = r.parties(e, "party");
    if (const char* party = e->Attribute("party"); party != nullptr && split_list(party).empty()) {
        r.error(
            e,
            N_("{element} party=\"{value}\" is empty: expected JP, RU or \"JP RU\" (or no party "
               "attribute)"),
            {{"element", describe(e)}, {"value", party}});
    }
    if (!source.date.empty()) {
        r.date(e, "date", false);
    }
    r.out.sources.push_back(std::move(source));
}

} // namespace geo::detail
