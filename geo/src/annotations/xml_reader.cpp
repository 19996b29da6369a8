// SPDX-License-Identifier: GPL-3.0-or-later
#include "annotations/xml_reader.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <sstream>

namespace geo::detail {

using i18n::N_;

XmlReader::XmlReader(const std::filesystem::path& file, const Annotations* base)
    : file_(file), base_(base) {
    out.file = file;
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

i18n::Message explain(tinyxml2::XMLError error) {
    switch (error) {
    case tinyxml2::XML_ERROR_EMPTY_DOCUMENT:
        return N_("the document is empty");
    case tinyxml2::XML_ERROR_MISMATCHED_ELEMENT:
        return N_("an end tag does not match its start tag");
    case tinyxml2::XML_ERROR_PARSING_ELEMENT:
        return N_("an element is malformed or not closed");
    case tinyxml2::XML_ERROR_PARSING_ATTRIBUTE:
        return N_("an attribute is malformed");
    case tinyxml2::XML_ERROR_PARSING_TEXT:
        return N_("text is malformed");
    case tinyxml2::XML_ERROR_PARSING_CDATA:
        return N_("a CDATA section is malformed");
    case tinyxml2::XML_ERROR_PARSING_COMMENT:
        return N_("a comment is malformed");
    case tinyxml2::XML_ERROR_PARSING_DECLARATION:
        return N_("the XML declaration is malformed");
    case tinyxml2::XML_ERROR_PARSING_UNKNOWN:
        return N_("unknown markup");
    default:
        return N_("the text is not XML");
    }
}

void XmlReader::error(const XMLElement* e, i18n::Message message) {
    errors.push_back({file_, e->GetLineNum(), std::move(message), feature_of(e)});
}

void XmlReader::warn(const XMLElement* e, i18n::Message message) {
    warnings.push_back({file_, e->GetLineNum(), std::move(message), feature_of(e)});
}

void XmlReader::error(const XMLElement* e, const char* pattern,
                      std::initializer_list<i18n::Argument> arguments) {
    error(e, i18n::Message(pattern, arguments));
}

void XmlReader::warn(const XMLElement* e, const char* pattern,
                     std::initializer_list<i18n::Argument> arguments) {
    warn(e, i18n::Message(pattern, arguments));
}

/// The id of the element, or of the nearest enclosing element that has one.
std::string feature_of(const XMLElement* e) {
    for (; e != nullptr; e = e->Parent() != nullptr ? e->Parent()->ToElement() : nullptr) {
        if (const char* id = e->Attribute("id"); id != nullptr) {
            return id;
        }
    }
    return {};
}

std::string describe(const XMLElement* e) {
    // Appended piece by piece: "<" + std::string(...) trips GCC 12's -Wrestrict (bug 105329).
    std::string text = "<";
    text += e->Name();
    if (const char* id = e->Attribute("id"); id != nullptr) {
        text += " id=\"";
        text += id;
        text += '"';
    }
    text += '>';
    return text;
}

void XmlReader::allowed_attributes(const XMLElement* e,
                                   std::initializer_list<std::string_view> names) {
    for (const auto* a = e->FirstAttribute(); a != nullptr; a = a->Next()) {
        if (std::find(names.begin(), names.end(), std::string_view(a->Name())) == names.end()) {
            warn(e, N_("unknown attribute '{attribute}' on {element} ignored"),
                 {{"attribute", a->Name()}, {"element", describe(e)}});
        }
    }
}

/// The attribute's value, or nullptr after reporting it missing.
const char* XmlReader::required(const XMLElement* e, const char* attribute) {
    const char* value = e->Attribute(attribute);
    if (value == nullptr || *value == '\0') {
        error(e, N_("{element} is missing the required attribute '{attribute}'"),
              {{"element", describe(e)}, {"attribute", attribute}});
        return nullptr;
    }
    return value;
}

std::string XmlReader::required_string(const XMLElement* e, const char* attribute) {
    const char* value = required(e, attribute);
    return value != nullptr ? value : "";
}

std::string optional_string(const XMLElement* e, const char* attribute) {
    const char* value = e->Attribute(attribute);
    return value != nullptr ? value : "";
}

double XmlReader::coordinate(const XMLElement* e, const char* attribute, double limit) {
    const char* text = required(e, attribute);
    if (text == nullptr) {
        return 0.0;
    }
    char* end = nullptr;
    const double value = std::strtod(text, &end);
    if (end == text || *end != '\0') {
        error(e, N_("{element} {attribute}=\"{value}\" is not a number"),
              {{"element", describe(e)}, {"attribute", attribute}, {"value", text}});
        return 0.0;
    }
    // NaN compares false both ways: refuse what is not finite before the range.
    if (!std::isfinite(value) || value < -limit || value > limit) {
        error(e, N_("{element} {attribute}=\"{value}\" is out of range ({min} to {max})"),
              {{"element", describe(e)},
               {"attribute", attribute},
               {"value", text},
               {"min", std::to_string(static_cast<int>(-limit))},
               {"max", std::to_string(static_cast<int>(limit))}});
        return 0.0;
    }
    return value;
}

Point XmlReader::place(const XMLElement* e) {
    return {coordinate(e, "lon", 180), coordinate(e, "lat", 90)};
}

std::optional<PartialDate> XmlReader::date(const XMLElement* e, const char* attribute,
                                           bool is_required) {
    const char* text = is_required ? required(e, attribute) : e->Attribute(attribute);
    if (text == nullptr) {
        return std::nullopt;
    }
    try {
        return parse_partial_date(text);
    } catch (const InputError& problem) {
        error(e, N_("{element} {attribute}: {error}"),
              {{"element", describe(e)}, {"attribute", attribute}, {"error", problem.message()}});
        return std::nullopt;
    }
}

std::vector<std::string> XmlReader::sources(const XMLElement* e, bool is_required) {
    const char* text = e->Attribute("sources");
    auto cited = split_list(text);
    if (cited.empty() && is_required) {
        error(e, N_("{element} cites no source (attribute 'sources' is required)"),
              {{"element", describe(e)}});
    }
    for (const auto& id : cited) {
        source_refs.push_back({id, e->GetLineNum(), describe(e), feature_of(e)});
    }
    return cited;
}

std::vector<Party> XmlReader::parties(const XMLElement* e, const char* attribute) {
    std::vector<Party> result;
    for (const auto& code : split_list(e->Attribute(attribute))) {
        if (auto party = party_from_code(code)) {
            if (std::find(result.begin(), result.end(), *party) == result.end()) {
                result.push_back(*party);
            }
        } else {
            error(e, N_("{element} {attribute}: unknown party '{party}' (expected JP or RU)"),
                  {{"element", describe(e)}, {"attribute", attribute}, {"party", code}});
        }
    }
    return result;
}

void XmlReader::unique_id(std::unordered_set<std::string>& seen, const XMLElement* e,
                          const std::string& id, const char* duplicate) {
    if (id.empty()) {
        return;
    }
    if (!seen.insert(id).second) {
        error(e, duplicate, {{"id", id}});
    }
}

bool XmlReader::known_language(const XMLElement* e, const std::string& lang) {
    if (lang == "en" || lang == "ja" || lang == "ru") {
        return true;
    }
    error(e, N_("{element} lang=\"{lang}\": expected en, ja or ru"),
          {{"element", describe(e)}, {"lang", lang}});
    return false;
}

std::string XmlReader::language_text(const XMLElement* e, Texts& texts) {
    allowed_attributes(e, {"lang"});
    const char* given = e->Attribute("lang");
    const std::string lang = given != nullptr ? given : "en";
    // Appended piece by piece: "<" + std::string(...) trips GCC 12's -Wrestrict (bug 105329).
    std::string element = "<";
    element += e->Name();
    element += " lang=\"";
    element += lang;
    element += "\">";
    if (!known_language(e, lang)) {
        return "";
    }
    std::string text = collapse_whitespace(e->GetText());
    if (text.empty()) {
        error(e, N_("{element} is empty"), {{"element", element}});
        return "";
    }
    if (!texts.emplace(lang, std::move(text)).second) {
        error(e, N_("a second {element} (one per language; without lang it is English)"),
              {{"element", element}});
        return "";
    }
    return lang;
}

std::optional<Name> XmlReader::name(const XMLElement* e) {
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
        error(e, N_("<name lang=\"{lang}\"> is empty"), {{"lang", name.lang}});
        return std::nullopt;
    }
    return name;
}

std::vector<double> XmlReader::numbers(const XMLElement* e, const char* attribute, const char* text,
                                       std::size_t count) {
    std::vector<double> values;
    std::stringstream in(text);
    for (std::string item; std::getline(in, item, ',');) {
        char* end = nullptr;
        const double value = std::strtod(item.c_str(), &end);
        if (item.empty() || end == item.c_str() || *end != '\0') {
            error(e, N_("{element} {attribute}=\"{value}\": '{item}' is not a number"),
                  {{"element", describe(e)},
                   {"attribute", attribute},
                   {"value", text},
                   {"item", item}});
            return {};
        }
        if (!std::isfinite(value)) {
            error(e, N_("{element} {attribute}=\"{value}\": '{item}' is not a finite number"),
                  {{"element", describe(e)},
                   {"attribute", attribute},
                   {"value", text},
                   {"item", item}});
            return {};
        }
        values.push_back(value);
    }
    if (values.size() != count) {
        error(e,
              N_("{element} {attribute}=\"{value}\": expected {count} numbers separated by commas"),
              {{"element", describe(e)},
               {"attribute", attribute},
               {"value", text},
               {"count", std::to_string(count)}});
        return {};
    }
    return values;
}

} // namespace geo::detail
