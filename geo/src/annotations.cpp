// SPDX-License-Identifier: GPL-3.0-or-later
#include "geo/annotations.hpp"

#include "annotations/elements.hpp"
#include "geo/input_file.hpp"
#include "i18n/translate.hpp"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <tinyxml2.h>

namespace fs = std::filesystem;
using i18n::N_;
using tinyxml2::XMLElement;

namespace geo {

namespace {

/// The first problem, placed, with its message saying how many more there are.
Diagnostic first_problem(const std::vector<Diagnostic>& problems) {
    if (problems.empty()) {
        return {{}, 0, N_("invalid annotations"), {}};
    }
    Diagnostic first = problems.front();
    if (problems.size() > 1) {
        first.message = i18n::Message(
            N_("{problem} (and {count} more)"),
            {{"problem", first.placed()}, {"count", std::to_string(problems.size() - 1)}});
    } else {
        first.message = first.placed();
    }
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

/// Reads a whole file: the text, the XML, the root, each section by its element family; then
/// the caller's check and the references. Problems come in line order.
Annotations read(std::string_view xml, const fs::path& file, const ParseOptions& options) {
    detail::XmlReader r(file, options.base);
    unsigned bad_byte = 0;
    if (const int line = detail::first_invalid_utf8_line(xml, bad_byte); line != 0) {
        char hex[8];
        std::snprintf(hex, sizeof hex, "0x%02X", bad_byte);
        throw AnnotationsError({{file,
                                 line,
                                 i18n::Message(N_("text is not valid UTF-8 (byte {byte})"),
                                               {{"byte", std::string(hex)}}),
                                 {}}});
    }
    tinyxml2::XMLDocument document;
    if (document.Parse(xml.data(), xml.size()) != tinyxml2::XML_SUCCESS) {
        throw AnnotationsError(
            {{file,
              std::max(1, document.ErrorLineNum()),
              i18n::Message(N_("not well-formed XML: {problem} (tinyxml2: {code})"),
                            {{"problem", detail::explain(document.ErrorID())},
                             {"code", tinyxml2::XMLDocument::ErrorIDToName(document.ErrorID())}}),
              {}}});
    }
    const XMLElement* root = document.RootElement();
    if (root == nullptr || std::string_view(root->Name()) != "atlas") {
        throw AnnotationsError({{file,
                                 root != nullptr ? root->GetLineNum() : 1,
                                 i18n::Message(N_("root element is <{name}>, expected <atlas>"),
                                               {{"name", root != nullptr ? root->Name() : ""}}),
                                 {}}});
    }
    r.allowed_attributes(root, {"version"});
    if (const char* version = root->Attribute("version");
        version != nullptr && std::string_view(version) != "1") {
        r.error(root, N_("unsupported version '{version}', expected 1"), {{"version", version}});
    }
    for (const XMLElement* section = root->FirstChildElement(); section != nullptr;
         section = section->NextSiblingElement()) {
        const std::string_view name = section->Name();
        auto each = [&](std::string_view child,
                        void (*reader)(detail::XmlReader&, const XMLElement*)) {
            r.children(section, child, [&](const XMLElement* e) { reader(r, e); });
        };
        if (name == "layers") {
            each("layer", detail::read_layer);
        } else if (name == "sources") {
            each("source", detail::read_source);
        } else if (name == "islands") {
            each("island", detail::read_island);
        } else if (name == "lines") {
            each("line", detail::read_line);
        } else if (name == "zones") {
            each("zone", detail::read_zone);
        } else if (name == "events") {
            each("event", detail::read_event);
        } else if (name == "tours") {
            each("tour", detail::read_tour);
        } else if (name == "places") {
            each("place", detail::read_place);
        } else if (name == "points_of_view") {
            each("pov", detail::read_pov);
        } else {
            r.warn(section, N_("unknown element <{name}> ignored"), {{"name", name}});
        }
    }
    if (options.check) {
        auto found = options.check(r.out);
        r.errors.insert(r.errors.end(), std::make_move_iterator(found.begin()),
                        std::make_move_iterator(found.end()));
    }
    detail::check_points_of_view(r);
    detail::resolve_references(r);
    if (!r.errors.empty()) {
        std::stable_sort(r.errors.begin(), r.errors.end(),
                         [](const Diagnostic& a, const Diagnostic& b) { return a.line < b.line; });
        throw AnnotationsError(std::move(r.errors));
    }
    r.out.warnings = std::move(r.warnings);
    return std::move(r.out);
}

} // namespace

const std::string& text_in(const Texts& texts, std::string_view lang) {
    static const std::string none;
    for (const std::string_view code : {lang, std::string_view("en")}) {
        if (const auto it = texts.find(std::string(code));
            it != texts.end() && !it->second.empty()) {
            return it->second;
        }
    }
    return none;
}

const Name* Island::name(std::string_view lang) const {
    return detail::find_name(names, lang);
}

std::string Island::display_name() const {
    const Name* english = name("en");
    return english != nullptr ? english->text : id;
}

const Name* LineInfo::name(std::string_view lang) const {
    return detail::find_name(names, lang);
}

bool Source::is_official_of(Party party) const {
    return std::find(parties.begin(), parties.end(), party) != parties.end();
}

std::string Source::language_note() const {
    if (lang == "ja") {
        return " (in Japanese)";
    }
    if (lang == "ru") {
        return " (in Russian)";
    }
    return "";
}

i18n::Message isbn_problem(std::string_view text) {
    std::string digits; // the digits, and a final X of an ISBN-10
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c >= '0' && c <= '9') {
            digits += c;
        } else if ((c == 'X' || c == 'x') && i + 1 == text.size()) {
            digits += 'X';
        } else if (c != '-' && c != ' ') {
            return {N_("has '{character}': expected digits (and a final X in an ISBN-10), hyphens "
                       "and spaces"),
                    {{"character", std::string(1, c)}}};
        } else if (digits.empty() || i + 1 == text.size()) {
            return N_("expected hyphens and spaces only between digits");
        }
    }
    if (digits.size() == 10) {
        int sum = 0;
        for (std::size_t i = 0; i < 9; ++i) {
            sum += (digits[i] - '0') * static_cast<int>(10 - i);
        }
        const int check = (11 - sum % 11) % 11;
        const char expected = check == 10 ? 'X' : static_cast<char>('0' + check);
        if (digits[9] != expected) {
            return {N_("check digit is {digit}, expected {expected} for these digits"),
                    {{"digit", std::string(1, digits[9])}, {"expected", std::string(1, expected)}}};
        }
        return {};
    }
    if (digits.size() == 13 && digits.back() != 'X') {
        int sum = 0;
        for (std::size_t i = 0; i < 12; ++i) {
            sum += (digits[i] - '0') * (i % 2 == 0 ? 1 : 3);
        }
        const char expected = static_cast<char>('0' + (10 - sum % 10) % 10);
        if (digits[12] != expected) {
            return {
                N_("check digit is {digit}, expected {expected} for these digits"),
                {{"digit", std::string(1, digits[12])}, {"expected", std::string(1, expected)}}};
        }
        return {};
    }
    return {N_("has {count} digits, expected 10 or 13"),
            {{"count", std::to_string(digits.size())}}};
}

bool valid_isbn(std::string_view text) {
    return isbn_problem(text).empty();
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
const LineInfo* Annotations::zone_info(std::string_view id) const {
    return find_by_id(zones, id);
}
const LayerRef* Annotations::layer(std::string_view id) const {
    return find_by_id(layers, id);
}
const Tour* Annotations::tour(std::string_view id) const {
    return find_by_id(tours, id);
}
const PointOfView* Annotations::point_of_view(std::string_view id) const {
    return find_by_id(points_of_view, id);
}

const PovPeriod* PointOfView::period_on(Date date) const {
    for (const auto& period : periods) {
        if (period.holds_on(date)) {
            return &period;
        }
    }
    return nullptr;
}

std::string_view pov_rule_name(PovRule rule) {
    switch (rule) {
    case PovRule::administration:
        return "administration";
    case PovRule::party_maps:
        return "party-maps";
    case PovRule::disputed:
        return "disputed";
    }
    return "administration";
}

const Place* Annotations::place(std::string_view id) const {
    return find_by_id(places, id);
}

Annotations parse_annotations(std::string_view xml, const fs::path& file, const Annotations* base) {
    return parse_annotations(xml, file, ParseOptions{base, {}});
}

Annotations parse_annotations(std::string_view xml, const fs::path& file,
                              const ParseOptions& options) {
    return read(xml, file, options);
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
        throw AnnotationsError({{file, 0, N_("no such file"), {}}});
    }
    if (fs::is_directory(file, ec)) {
        throw AnnotationsError(
            {{file, 0, N_("is a directory, expected an annotations XML file"), {}}});
    }
    // Looked at before it is opened: opening a FIFO waits for a writer, a device never ends.
    if (const auto kind = non_regular_kind(file); !kind.empty()) {
        throw AnnotationsError(
            {{file,
              0,
              i18n::Message(N_("is {kind}, expected an annotations XML file (a regular file)"),
                            {{"kind", kind}}),
              {}}});
    }
    const std::uintmax_t size = fs::file_size(file, ec);
    if (!ec && size > max_annotations_bytes) {
        throw AnnotationsError(
            {{file,
              0,
              i18n::Message(N_("is {size} MB, larger than the 256 MB an annotations file may be"),
                            {{"size", std::to_string(size >> 20)}}),
              {}}});
    }
    if (const std::string reason = unreadable_reason(file); !reason.empty()) {
        throw AnnotationsError(
            {{file, 0, i18n::Message(N_("cannot be read: {reason}"), {{"reason", reason}}), {}}});
    }
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        throw AnnotationsError({{file, 0, N_("cannot be read"), {}}});
    }
    // Read at most the limit (and one byte more, to notice a file that grew meanwhile).
    std::string text(static_cast<std::size_t>(std::min(size, max_annotations_bytes)) + 1, '\0');
    in.read(text.data(), static_cast<std::streamsize>(text.size()));
    text.resize(static_cast<std::size_t>(in.gcount()));
    if (text.size() > max_annotations_bytes) {
        throw AnnotationsError(
            {{file, 0, N_("is larger than the 256 MB an annotations file may be"), {}}});
    }
    if (in.bad()) {
        throw AnnotationsError({{file, 0, N_("cannot be read: a read error"), {}}});
    }
    return parse_annotations(text, file, options);
}

} // namespace geo
