#include "geo/annotations.hpp"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <initializer_list>
#include <sstream>
#include <tinyxml2.h>
#include <unordered_set>

namespace fs = std::filesystem;
using tinyxml2::XMLElement;

namespace geo {

namespace {

/// The first problem, placed, with its message saying how many more there are.
Diagnostic first_problem(const std::vector<Diagnostic>& problems) {
    if (problems.empty()) {
        return {{}, 0, "invalid annotations", {}};
    }
    Diagnostic first = problems.front();
    std::string text = first.to_string();
    if (problems.size() > 1) {
        text += " (and " + std::to_string(problems.size() - 1) + " more)";
    }
    first.message = std::move(text);
    return first;
}

} // namespace

AnnotationsError::AnnotationsError(std::vector<Diagnostic> problems)
    : InputError(first_problem(problems)), problems_(std::move(problems)) {}

namespace {

template <typename T>
const T* find_by_id(const std::vector<T>& items, std::string_view id) {
    for (const auto& item : items) {
        if (item.id == id) {
            return &item;
        }
    }
    return nullptr;
}

const Name* find_name(const std::vector<Name>& names, std::string_view lang) {
    for (const auto& name : names) {
        if (name.lang == lang) {
            return &name;
        }
    }
    return nullptr;
}

/// Where the first byte that is not valid UTF-8 is, as a 1-based line; 0 when all is valid.
int first_invalid_utf8_line(std::string_view text, unsigned& bad_byte) {
    int line = 1;
    std::size_t i = 0;
    while (i < text.size()) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c == '\n') {
            ++line;
        }
        std::size_t length = 0;
        if (c < 0x80) {
            length = 1;
        } else if (c >= 0xC2 && c <= 0xDF) {
            length = 2;
        } else if (c >= 0xE0 && c <= 0xEF) {
            length = 3;
        } else if (c >= 0xF0 && c <= 0xF4) {
            length = 4;
        } else {
            bad_byte = c;
            return line;
        }
        if (i + length > text.size()) {
            bad_byte = c;
            return line;
        }
        for (std::size_t k = 1; k < length; ++k) {
            const auto next = static_cast<unsigned char>(text[i + k]);
            if ((next & 0xC0) != 0x80) {
                bad_byte = c;
                return line;
            }
        }
        if (length == 3) {
            const auto second = static_cast<unsigned char>(text[i + 1]);
            if ((c == 0xE0 && second < 0xA0) || (c == 0xED && second >= 0xA0)) {
                bad_byte = c; // overlong or a UTF-16 surrogate
                return line;
            }
        } else if (length == 4) {
            const auto second = static_cast<unsigned char>(text[i + 1]);
            if ((c == 0xF0 && second < 0x90) || (c == 0xF4 && second >= 0x90)) {
                bad_byte = c;
                return line;
            }
        }
        i += length;
    }
    return 0;
}

std::string collapse_whitespace(const char* text) {
    std::string out;
    if (text == nullptr) {
        return out;
    }
    bool pending_space = false;
    for (const char* p = text; *p != '\0'; ++p) {
        const char c = *p;
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            pending_space = !out.empty();
            continue;
        }
        if (pending_space) {
            out += ' ';
            pending_space = false;
        }
        out += c;
    }
    return out;
}

std::vector<std::string> split_list(const char* text) {
    std::vector<std::string> items;
    std::istringstream in(text != nullptr ? text : "");
    std::string item;
    while (in >> item) {
        items.push_back(item);
    }
    return items;
}

std::string explain(tinyxml2::XMLError error) {
    switch (error) {
    case tinyxml2::XML_ERROR_EMPTY_DOCUMENT:
        return "the document is empty";
    case tinyxml2::XML_ERROR_MISMATCHED_ELEMENT:
        return "an end tag does not match its start tag";
    case tinyxml2::XML_ERROR_PARSING_ELEMENT:
        return "an element is malformed or not closed";
    case tinyxml2::XML_ERROR_PARSING_ATTRIBUTE:
        return "an attribute is malformed";
    case tinyxml2::XML_ERROR_PARSING_TEXT:
        return "text is malformed";
    case tinyxml2::XML_ERROR_PARSING_CDATA:
        return "a CDATA section is malformed";
    case tinyxml2::XML_ERROR_PARSING_COMMENT:
        return "a comment is malformed";
    case tinyxml2::XML_ERROR_PARSING_DECLARATION:
        return "the XML declaration is malformed";
    case tinyxml2::XML_ERROR_PARSING_UNKNOWN:
        return "unknown markup";
    default:
        return "the text is not XML";
    }
}

class Parser {
public:
    Parser(const fs::path& file, const ParseOptions& options)
        : file_(file), base_(options.base), check_(options.check) {
        out_.file = file;
    }

    Annotations parse(std::string_view xml) {
        unsigned bad_byte = 0;
        if (const int line = first_invalid_utf8_line(xml, bad_byte); line != 0) {
            char hex[8];
            std::snprintf(hex, sizeof hex, "0x%02X", bad_byte);
            errors_.push_back(
                {file_, line, std::string("text is not valid UTF-8 (byte ") + hex + ")", {}});
            throw AnnotationsError(errors_);
        }
        tinyxml2::XMLDocument document;
        if (document.Parse(xml.data(), xml.size()) != tinyxml2::XML_SUCCESS) {
            errors_.push_back({file_,
                               std::max(1, document.ErrorLineNum()),
                               "not well-formed XML: " + explain(document.ErrorID()) +
                                   " (tinyxml2: " +
                                   tinyxml2::XMLDocument::ErrorIDToName(document.ErrorID()) + ")",
                               {}});
            throw AnnotationsError(errors_);
        }
        const XMLElement* root = document.RootElement();
        if (root == nullptr || std::string_view(root->Name()) != "atlas") {
            errors_.push_back({file_,
                               root != nullptr ? root->GetLineNum() : 1,
                               std::string("root element is <") +
                                   (root != nullptr ? root->Name() : "") + ">, expected <atlas>",
                               {}});
            throw AnnotationsError(errors_);
        }
        allowed_attributes(root, {"version"});
        if (const char* version = root->Attribute("version");
            version != nullptr && std::string_view(version) != "1") {
            error(root, std::string("unsupported version '") + version + "', expected 1");
        }
        for (const XMLElement* section = root->FirstChildElement(); section != nullptr;
             section = section->NextSiblingElement()) {
            const std::string_view name = section->Name();
            if (name == "layers") {
                parse_children(section, "layer", [&](const XMLElement* e) { parse_layer(e); });
            } else if (name == "sources") {
                parse_children(section, "source", [&](const XMLElement* e) { parse_source(e); });
            } else if (name == "islands") {
                parse_children(section, "island", [&](const XMLElement* e) { parse_island(e); });
            } else if (name == "lines") {
                parse_children(section, "line", [&](const XMLElement* e) { parse_line(e); });
            } else if (name == "events") {
                parse_children(section, "event", [&](const XMLElement* e) { parse_event(e); });
            } else if (name == "tours") {
                parse_children(section, "tour", [&](const XMLElement* e) { parse_tour(e); });
            } else {
                warn(section, "unknown element <" + std::string(name) + "> ignored");
            }
        }
        if (check_) {
            auto found = check_(out_);
            errors_.insert(errors_.end(), std::make_move_iterator(found.begin()),
                           std::make_move_iterator(found.end()));
        }
        resolve_references();
        if (!errors_.empty()) {
            std::stable_sort(
                errors_.begin(), errors_.end(),
                [](const Diagnostic& a, const Diagnostic& b) { return a.line < b.line; });
            throw AnnotationsError(errors_);
        }
        out_.warnings = std::move(warnings_);
        return std::move(out_);
    }

private:
    template <typename Handler>
    void parse_children(const XMLElement* section, std::string_view child, Handler handler) {
        allowed_attributes(section, {});
        for (const XMLElement* e = section->FirstChildElement(); e != nullptr;
             e = e->NextSiblingElement()) {
            if (std::string_view(e->Name()) == child) {
                handler(e);
            } else {
                warn(e, "unknown element <" + std::string(e->Name()) + "> in <" + section->Name() +
                            "> ignored");
            }
        }
    }

    void error(const XMLElement* e, std::string message) {
        errors_.push_back({file_, e->GetLineNum(), std::move(message), feature_of(e)});
    }
    void warn(const XMLElement* e, std::string message) {
        warnings_.push_back({file_, e->GetLineNum(), std::move(message), feature_of(e)});
    }

    /// The id of the element, or of the nearest enclosing element that has one.
    static std::string feature_of(const XMLElement* e) {
        for (; e != nullptr; e = e->Parent() != nullptr ? e->Parent()->ToElement() : nullptr) {
            if (const char* id = e->Attribute("id"); id != nullptr) {
                return id;
            }
        }
        return {};
    }

    static std::string describe(const XMLElement* e) {
        std::string text = "<" + std::string(e->Name());
        if (const char* id = e->Attribute("id"); id != nullptr) {
            text += " id=\"" + std::string(id) + "\"";
        }
        return text + ">";
    }

    void allowed_attributes(const XMLElement* e, std::initializer_list<std::string_view> names) {
        for (const auto* a = e->FirstAttribute(); a != nullptr; a = a->Next()) {
            if (std::find(names.begin(), names.end(), std::string_view(a->Name())) == names.end()) {
                warn(e, "unknown attribute '" + std::string(a->Name()) + "' on " + describe(e) +
                            " ignored");
            }
        }
    }

    /// The attribute's value, or nullptr after reporting it missing.
    const char* required(const XMLElement* e, const char* attribute) {
        const char* value = e->Attribute(attribute);
        if (value == nullptr || *value == '\0') {
            error(e, describe(e) + " is missing the required attribute '" + attribute + "'");
            return nullptr;
        }
        return value;
    }

    std::string required_string(const XMLElement* e, const char* attribute) {
        const char* value = required(e, attribute);
        return value != nullptr ? value : "";
    }

    std::string optional_string(const XMLElement* e, const char* attribute) {
        const char* value = e->Attribute(attribute);
        return value != nullptr ? value : "";
    }

    double coordinate(const XMLElement* e, const char* attribute, double limit) {
        const char* text = required(e, attribute);
        if (text == nullptr) {
            return 0.0;
        }
        char* end = nullptr;
        const double value = std::strtod(text, &end);
        if (end == text || *end != '\0') {
            error(e, describe(e) + " " + attribute + "=\"" + text + "\" is not a number");
            return 0.0;
        }
        if (value < -limit || value > limit) {
            error(e, describe(e) + " " + attribute + "=\"" + text + "\" is out of range (" +
                         std::to_string(static_cast<int>(-limit)) + " to " +
                         std::to_string(static_cast<int>(limit)) + ")");
            return 0.0;
        }
        return value;
    }

    Point place(const XMLElement* e) {
        return {coordinate(e, "lon", 180), coordinate(e, "lat", 90)};
    }

    std::optional<PartialDate> date(const XMLElement* e, const char* attribute, bool is_required) {
        const char* text = is_required ? required(e, attribute) : e->Attribute(attribute);
        if (text == nullptr) {
            return std::nullopt;
        }
        try {
            return parse_partial_date(text);
        } catch (const InputError& problem) {
            error(e, describe(e) + " " + attribute + ": " + problem.what());
            return std::nullopt;
        }
    }

    std::vector<std::string> sources(const XMLElement* e, bool is_required) {
        const char* text = e->Attribute("sources");
        auto ids = split_list(text);
        if (ids.empty() && is_required) {
            error(e, describe(e) + " cites no source (attribute 'sources' is required)");
        }
        for (const auto& id : ids) {
            pending_source_refs_.push_back({id, e->GetLineNum(), describe(e), feature_of(e)});
        }
        return ids;
    }

    std::vector<Party> parties(const XMLElement* e, const char* attribute) {
        std::vector<Party> result;
        for (const auto& code : split_list(e->Attribute(attribute))) {
            if (auto party = party_from_code(code)) {
                if (std::find(result.begin(), result.end(), *party) == result.end()) {
                    result.push_back(*party);
                }
            } else {
                error(e, describe(e) + " " + attribute + ": unknown party '" + code +
                             "' (expected JP or RU)");
            }
        }
        return result;
    }

    void unique_id(std::unordered_set<std::string>& seen, const XMLElement* e,
                   const std::string& id, std::string_view what) {
        if (id.empty()) {
            return;
        }
        if (!seen.insert(id).second) {
            error(e, "duplicate " + std::string(what) + " id '" + id + "'");
        }
    }

    bool known_language(const XMLElement* e, const std::string& lang) {
        if (lang == "en" || lang == "ja" || lang == "ru") {
            return true;
        }
        error(e, describe(e) + " lang=\"" + lang + "\": expected en, ja or ru");
        return false;
    }

    std::optional<Name> parse_name(const XMLElement* e) {
        allowed_attributes(e, {"lang", "romaji", "translit"});
        Name name;
        name.lang = required_string(e, "lang");
        name.text = collapse_whitespace(e->GetText());
        name.romaji = optional_string(e, "romaji");
        name.translit = optional_string(e, "translit");
        if (name.lang.empty() || !known_language(e, name.lang)) {
            return std::nullopt;
        }
        if (name.text.empty()) {
            error(e, "<name lang=\"" + name.lang + "\"> is empty");
            return std::nullopt;
        }
        return name;
    }

    void parse_layer(const XMLElement* e) {
        allowed_attributes(e, {"id", "kind", "path"});
        LayerRef layer;
        layer.line = e->GetLineNum();
        layer.id = required_string(e, "id");
        unique_id(layer_ids_, e, layer.id, "layer");
        const std::string kind = required_string(e, "kind");
        if (kind == "polygons") {
            layer.kind = GeometryKind::polygons;
        } else if (kind == "lines") {
            layer.kind = GeometryKind::lines;
        } else if (!kind.empty()) {
            error(e, describe(e) + " kind=\"" + kind + "\": expected polygons or lines");
        }
        const std::string path = required_string(e, "path");
        if (!path.empty()) {
            layer.path = fs::path(path).is_absolute() ? fs::path(path)
                                                      : file_.parent_path() / fs::path(path);
        }
        out_.layers.push_back(std::move(layer));
    }

    void parse_source(const XMLElement* e) {
        allowed_attributes(e, {"id", "title", "publisher", "date", "url"});
        Source source;
        source.line = e->GetLineNum();
        source.id = required_string(e, "id");
        unique_id(source_ids_, e, source.id, "source");
        source.title = required_string(e, "title");
        source.publisher = optional_string(e, "publisher");
        source.date = optional_string(e, "date");
        source.url = required_string(e, "url");
        if (!source.date.empty()) {
            date(e, "date", false);
        }
        out_.sources.push_back(std::move(source));
    }

    void parse_island(const XMLElement* e) {
        allowed_attributes(
            e, {"id", "group", "lon", "lat", "part_of", "members", "lat_min", "lat_max"});
        Island island;
        island.line = e->GetLineNum();
        island.id = required_string(e, "id");
        unique_id(island_ids_, e, island.id, "island");
        island.group = required_string(e, "group");
        if (!island.group.empty() && island.group != "disputed" && island.group != "kuril" &&
            island.group != "main" && island.group != "region") {
            error(e, describe(e) + " group=\"" + island.group +
                         "\": expected disputed, kuril, main or region");
        }
        island.part_of = optional_string(e, "part_of");
        island.members = split_list(e->Attribute("members"));
        if (e->Attribute("lat_min") != nullptr) {
            island.lat_min = coordinate(e, "lat_min", 90);
        }
        if (e->Attribute("lat_max") != nullptr) {
            island.lat_max = coordinate(e, "lat_max", 90);
        }
        if ((island.lat_min || island.lat_max) && island.part_of.empty()) {
            error(e, describe(e) + " has a latitude band but no part_of");
        }
        island.anchor = place(e);
        for (const XMLElement* child = e->FirstChildElement(); child != nullptr;
             child = child->NextSiblingElement()) {
            const std::string_view name = child->Name();
            if (name == "name") {
                if (auto parsed = parse_name(child)) {
                    island.names.push_back(std::move(*parsed));
                }
            } else if (name == "fact") {
                island.facts.push_back(parse_fact(child));
            } else if (name == "islet") {
                island.islets.push_back(parse_islet(child));
            } else if (name == "status") {
                if (auto period = parse_status(child)) {
                    island.status.push_back(std::move(*period));
                }
            } else {
                warn(child,
                     "unknown element <" + std::string(name) + "> in " + describe(e) + " ignored");
            }
        }
        if (find_name(island.names, "en") == nullptr) {
            error(e, describe(e) + " has no English <name lang=\"en\">");
        }
        check_periods(island);
        out_.islands.push_back(std::move(island));
    }

    Fact parse_fact(const XMLElement* e) {
        allowed_attributes(
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
        fact.key = required_string(e, "key");
        if (!fact.key.empty() && keys.count(fact.key) == 0) {
            warn(e, "unknown fact key '" + fact.key + "'");
        }
        fact.value = optional_string(e, "value");
        fact.unit = optional_string(e, "unit");
        fact.year = optional_string(e, "year");
        fact.name = optional_string(e, "name");
        if (fact.value.empty() && fact.name.empty()) {
            error(e, "<fact key=\"" + fact.key + "\"> has neither a value nor a name");
        }
        if (const char* party = e->Attribute("party"); party != nullptr) {
            fact.party = party_from_code(party);
            if (!fact.party) {
                error(e,
                      "<fact key=\"" + fact.key + "\"> party=\"" + party + "\": expected JP or RU");
            }
        }
        if (e->Attribute("lon") != nullptr || e->Attribute("lat") != nullptr) {
            fact.place = place(e);
        }
        fact.note = collapse_whitespace(e->GetText());
        fact.sources = sources(e, true);
        return fact;
    }

    Islet parse_islet(const XMLElement* e) {
        allowed_attributes(e, {"id", "lon", "lat", "sources"});
        Islet islet;
        islet.line = e->GetLineNum();
        islet.id = required_string(e, "id");
        unique_id(islet_ids_, e, islet.id, "islet");
        islet.place = place(e);
        islet.sources = sources(e, false);
        for (const XMLElement* child = e->FirstChildElement(); child != nullptr;
             child = child->NextSiblingElement()) {
            if (std::string_view(child->Name()) == "name") {
                if (auto parsed = parse_name(child)) {
                    islet.names.push_back(std::move(*parsed));
                }
            } else {
                warn(child, "unknown element <" + std::string(child->Name()) + "> in " +
                                describe(e) + " ignored");
            }
        }
        return islet;
    }

    std::optional<StatusPeriod> parse_status(const XMLElement* e) {
        allowed_attributes(e, {"from", "to", "administered", "claimed", "sources"});
        StatusPeriod period;
        period.line = e->GetLineNum();
        const auto from = date(e, "from", true);
        const auto to = date(e, "to", false);
        period.administered = parties(e, "administered");
        period.claimed = parties(e, "claimed");
        if (e->Attribute("administered") == nullptr) {
            error(e, "<status> is missing the required attribute 'administered'");
        }
        if (e->Attribute("claimed") == nullptr) {
            error(e, "<status> is missing the required attribute 'claimed'");
        }
        period.sources = sources(e, true);
        period.note = collapse_whitespace(e->GetText());
        if (!from) {
            return std::nullopt;
        }
        period.from = from->first;
        if (to) {
            period.to = to->first;
            if (!(period.from < *period.to)) {
                error(e, "<status> period ends (" + to->text + ") before it starts (" + from->text +
                             ")");
                return std::nullopt;
            }
        }
        return period;
    }

    void check_periods(Island& island) {
        std::stable_sort(
            island.status.begin(), island.status.end(),
            [](const StatusPeriod& a, const StatusPeriod& b) { return a.from < b.from; });
        for (std::size_t i = 1; i < island.status.size(); ++i) {
            const StatusPeriod& previous = island.status[i - 1];
            const StatusPeriod& current = island.status[i];
            if (!previous.to || current.from < *previous.to) {
                errors_.push_back({file_, current.line,
                                   "status periods of island '" + island.id +
                                       "' overlap: " + current.from.iso() +
                                       " starts before the period from " + previous.from.iso() +
                                       " (line " + std::to_string(previous.line) + ") ends",
                                   island.id});
            }
        }
    }

    void parse_line(const XMLElement* e) {
        allowed_attributes(e, {"id", "sources"});
        LineInfo line;
        line.line = e->GetLineNum();
        line.id = required_string(e, "id");
        unique_id(line_ids_, e, line.id, "line");
        line.sources = sources(e, true);
        for (const XMLElement* child = e->FirstChildElement(); child != nullptr;
             child = child->NextSiblingElement()) {
            const std::string_view name = child->Name();
            if (name == "name") {
                if (auto parsed = parse_name(child)) {
                    line.names.push_back(std::move(*parsed));
                }
            } else if (name == "text") {
                allowed_attributes(child, {"lang"});
                const std::string lang = required_string(child, "lang");
                if (!lang.empty() && known_language(child, lang)) {
                    line.texts[lang] = collapse_whitespace(child->GetText());
                }
            } else {
                warn(child,
                     "unknown element <" + std::string(name) + "> in " + describe(e) + " ignored");
            }
        }
        if (find_name(line.names, "en") == nullptr) {
            error(e, describe(e) + " has no English <name lang=\"en\">");
        }
        out_.lines.push_back(std::move(line));
    }

    void parse_event(const XMLElement* e) {
        allowed_attributes(e, {"id", "date", "to", "lon", "lat", "approx", "islands", "sources"});
        Event event;
        event.line = e->GetLineNum();
        event.id = required_string(e, "id");
        unique_id(event_ids_, e, event.id, "event");
        const auto from = date(e, "date", true);
        event.to = date(e, "to", false);
        if (from) {
            event.date = *from;
            if (event.to && event.to->last < from->first) {
                error(e, describe(e) + " ends (" + event.to->text + ") before it starts (" +
                             from->text + ")");
            }
        }
        event.place = place(e);
        const std::string approx = optional_string(e, "approx");
        if (!approx.empty() && approx != "true" && approx != "false") {
            error(e, describe(e) + " approx=\"" + approx + "\": expected true or false");
        }
        event.approx = approx == "true";
        event.islands = split_list(e->Attribute("islands"));
        for (const auto& island : event.islands) {
            pending_island_refs_.push_back({island, event.line, describe(e), event.id});
        }
        event.sources = sources(e, true);
        for (const XMLElement* child = e->FirstChildElement(); child != nullptr;
             child = child->NextSiblingElement()) {
            const std::string_view name = child->Name();
            if (name == "title" || name == "text") {
                allowed_attributes(child, {"lang"});
                const std::string lang = required_string(child, "lang");
                if (!lang.empty() && known_language(child, lang)) {
                    (name == "title" ? event.titles : event.texts)[lang] =
                        collapse_whitespace(child->GetText());
                }
            } else {
                warn(child,
                     "unknown element <" + std::string(name) + "> in " + describe(e) + " ignored");
            }
        }
        if (event.titles.count("en") == 0 || event.titles["en"].empty()) {
            error(e, describe(e) + " has no English <title lang=\"en\">");
        }
        if (event.texts.count("en") == 0 || event.texts["en"].empty()) {
            error(e, describe(e) + " has no English <text lang=\"en\">");
        }
        out_.events.push_back(std::move(event));
    }

    void parse_tour(const XMLElement* e) {
        allowed_attributes(e, {"id", "title"});
        Tour tour;
        tour.line = e->GetLineNum();
        tour.id = required_string(e, "id");
        unique_id(tour_ids_, e, tour.id, "tour");
        tour.title = optional_string(e, "title");
        std::unordered_set<std::string> slide_ids;
        for (const XMLElement* child = e->FirstChildElement(); child != nullptr;
             child = child->NextSiblingElement()) {
            if (std::string_view(child->Name()) == "slide") {
                tour.slides.push_back(parse_slide(child, slide_ids));
            } else {
                warn(child, "unknown element <" + std::string(child->Name()) + "> in " +
                                describe(e) + " ignored");
            }
        }
        if (tour.slides.empty()) {
            error(e, describe(e) + " has no slides");
        }
        out_.tours.push_back(std::move(tour));
    }

    Slide parse_slide(const XMLElement* e, std::unordered_set<std::string>& slide_ids) {
        allowed_attributes(
            e, {"id", "date", "island", "bbox", "center", "zoom", "lang", "layers", "sources"});
        Slide slide;
        slide.line = e->GetLineNum();
        slide.id = required_string(e, "id");
        unique_id(slide_ids, e, slide.id, "slide");
        if (const auto day = date(e, "date", true)) {
            if (day->precision != DatePrecision::day) {
                error(e, describe(e) + " date '" + day->text +
                             "': a full date YYYY-MM-DD is "
                             "expected");
            } else if (day->first < Date{1850, 1, 1} || Date::today() < day->first) {
                error(e, describe(e) + " date " + day->text +
                             " is out of range (1850-01-01 to "
                             "today)");
            }
            slide.date = day->first;
        }
        int views = 0;
        if (const char* island = e->Attribute("island")) {
            ++views;
            slide.island = island;
            pending_island_refs_.push_back({slide.island, slide.line, describe(e), slide.id});
        }
        if (const char* bbox = e->Attribute("bbox")) {
            ++views;
            const auto v = numbers(e, "bbox", bbox, 4);
            if (v.size() == 4) {
                if (v[0] >= v[2] || v[1] >= v[3]) {
                    error(e, describe(e) + " bbox=\"" + bbox + "\": min must be less than max");
                } else if (v[0] < -180 || v[2] > 180 || v[1] < -90 || v[3] > 90) {
                    error(e, describe(e) + " bbox=\"" + bbox + "\" is out of range");
                } else {
                    slide.bbox = Box{v[0], v[1], v[2], v[3]};
                }
            }
        }
        if (const char* center = e->Attribute("center")) {
            ++views;
            const auto v = numbers(e, "center", center, 2);
            if (v.size() == 2) {
                if (v[0] < -180 || v[0] > 180 || v[1] < -90 || v[1] > 90) {
                    error(e, describe(e) + " center=\"" + center + "\" is out of range");
                } else {
                    slide.center = Point{v[0], v[1]};
                }
            }
            if (const char* zoom = e->Attribute("zoom")) {
                const auto z = numbers(e, "zoom", zoom, 1);
                slide.zoom = z.empty() ? 0 : z[0];
            }
        }
        if (views == 0) {
            error(e, describe(e) + " has no view (give island, bbox, or center and zoom)");
        } else if (views > 1) {
            error(e, describe(e) + " has more than one view (island, bbox, center)");
        }
        // The map knows which languages and layers there are: map/tour_check.hpp.
        if (const char* lang = e->Attribute("lang")) {
            slide.lang = lang;
        }
        if (const char* layers = e->Attribute("layers")) {
            std::stringstream in(layers);
            for (std::string item; std::getline(in, item, ',');) {
                slide.layers.push_back(item);
            }
        }
        slide.sources = sources(e, true);
        for (const XMLElement* child = e->FirstChildElement(); child != nullptr;
             child = child->NextSiblingElement()) {
            const std::string_view name = child->Name();
            if (name == "title") {
                slide.title = collapse_whitespace(child->GetText());
            } else if (name == "caption") {
                slide.caption = collapse_whitespace(child->GetText());
            } else if (name == "notes") {
                slide.notes = collapse_whitespace(child->GetText());
            } else {
                warn(child,
                     "unknown element <" + std::string(name) + "> in " + describe(e) + " ignored");
            }
        }
        if (slide.title.empty()) {
            error(e, describe(e) + " has no <title>");
        }
        return slide;
    }

    std::vector<double> numbers(const XMLElement* e, const char* attribute, const char* text,
                                std::size_t count) {
        std::vector<double> values;
        std::stringstream in(text);
        for (std::string item; std::getline(in, item, ',');) {
            char* end = nullptr;
            const double value = std::strtod(item.c_str(), &end);
            if (item.empty() || end == item.c_str() || *end != '\0') {
                error(e, describe(e) + " " + attribute + "=\"" + text + "\": '" + item +
                             "' is not a number");
                return {};
            }
            values.push_back(value);
        }
        if (values.size() != count) {
            error(e, describe(e) + " " + attribute + "=\"" + text + "\": expected " +
                         std::to_string(count) + " numbers separated by commas");
            return {};
        }
        return values;
    }

    void resolve_references() {
        for (const auto& ref : pending_source_refs_) {
            if (source_ids_.count(ref.id) == 0 &&
                (base_ == nullptr || base_->source(ref.id) == nullptr)) {
                errors_.push_back({file_, ref.line,
                                   ref.where + " cites unknown source '" + ref.id + "'",
                                   ref.feature});
            }
        }
        for (const auto& ref : pending_island_refs_) {
            if (island_ids_.count(ref.id) == 0 &&
                (base_ == nullptr || base_->island(ref.id) == nullptr)) {
                errors_.push_back({file_, ref.line,
                                   ref.where + " refers to unknown island '" + ref.id + "'",
                                   ref.feature});
            }
        }
        for (const auto& island : out_.islands) {
            if (!island.part_of.empty() && island_ids_.count(island.part_of) == 0) {
                errors_.push_back({file_, island.line,
                                   "<island id=\"" + island.id +
                                       "\"> part_of refers to unknown "
                                       "island '" +
                                       island.part_of + "'",
                                   island.id});
            }
        }
    }

    struct Reference {
        std::string id;
        int line;
        std::string where;
        std::string feature;
    };

    fs::path file_;
    const Annotations* base_ = nullptr;
    AnnotationsCheck check_;
    Annotations out_;
    std::vector<Diagnostic> errors_;
    std::vector<Diagnostic> warnings_;
    std::unordered_set<std::string> layer_ids_, source_ids_, island_ids_, islet_ids_, line_ids_,
        event_ids_, tour_ids_;
    std::vector<Reference> pending_source_refs_;
    std::vector<Reference> pending_island_refs_;
};

} // namespace

const Name* Island::name(std::string_view lang) const {
    return find_name(names, lang);
}

std::string Island::display_name() const {
    const Name* english = name("en");
    return english != nullptr ? english->text : id;
}

const Name* LineInfo::name(std::string_view lang) const {
    return find_name(names, lang);
}

const Source* Annotations::source(std::string_view id) const {
    return find_by_id(sources, id);
}
const Island* Annotations::island(std::string_view id) const {
    return find_by_id(islands, id);
}
const LineInfo* Annotations::line_info(std::string_view id) const {
    return find_by_id(lines, id);
}
const LayerRef* Annotations::layer(std::string_view id) const {
    return find_by_id(layers, id);
}
const Tour* Annotations::tour(std::string_view id) const {
    return find_by_id(tours, id);
}

Annotations parse_annotations(std::string_view xml, const fs::path& file, const Annotations* base) {
    return parse_annotations(xml, file, ParseOptions{base, {}});
}

Annotations parse_annotations(std::string_view xml, const fs::path& file,
                              const ParseOptions& options) {
    return Parser(file, options).parse(xml);
}

Annotations load_annotations(const fs::path& file) {
    return load_annotations(file, ParseOptions{});
}

Annotations load_annotations(const fs::path& file, const Annotations* base) {
    return load_annotations(file, ParseOptions{base, {}});
}

Annotations load_annotations(const fs::path& file, const ParseOptions& options) {
    std::error_code ec;
    if (!fs::exists(file, ec)) {
        throw AnnotationsError({{file, 0, "no such file", {}}});
    }
    if (fs::is_directory(file, ec)) {
        throw AnnotationsError({{file, 0, "is a directory, expected an annotations XML file", {}}});
    }
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        throw AnnotationsError({{file, 0, "cannot be read", {}}});
    }
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    return parse_annotations(text, file, options);
}

} // namespace geo
