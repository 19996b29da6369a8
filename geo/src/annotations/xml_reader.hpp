// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What the readers of the annotations' elements share: the state of one reading (what has
// been read, the problems found, the ids seen, the references to check at the end) and the
// helpers that read attributes and report problems at an element's line.

#include "geo/annotations.hpp"
#include "i18n/message.hpp"
#include "i18n/translate.hpp"

#include <filesystem>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <tinyxml2.h>
#include <unordered_set>
#include <vector>

namespace geo::detail {

using tinyxml2::XMLElement;

/// Where the first byte that is not valid UTF-8 is, as a 1-based line; 0 when all is valid.
int first_invalid_utf8_line(std::string_view text, unsigned& bad_byte);

/// tinyxml2's error in words ("an end tag does not match its start tag").
i18n::Message explain(tinyxml2::XMLError error);

/// The text with runs of white space made one space, trimmed; "" for nullptr.
std::string collapse_whitespace(const char* text);

/// The words of a space-separated list; none for nullptr.
std::vector<std::string> split_list(const char* text);

/// The element as messages name it: <island id="shikotan">, or <status>.
std::string describe(const XMLElement* e);

/// The id of the element, or of the nearest enclosing element that has one.
std::string feature_of(const XMLElement* e);

/// The attribute's value, or "".
std::string optional_string(const XMLElement* e, const char* attribute);

/// The name in a language, or nullptr.
const Name* find_name(const std::vector<Name>& names, std::string_view lang);

/// An id used by an element, checked once everything is read (it may be defined later).
struct Reference {
    std::string id;
    int line = 0;
    std::string where;   ///< describe() of the element that uses it
    std::string feature; ///< feature_of() that element
};

class XmlReader {
public:
    XmlReader(const std::filesystem::path& file, const Annotations* base);

    const std::filesystem::path& file() const { return file_; }
    /// Annotations whose island and source ids count as known; may be nullptr.
    const Annotations* base() const { return base_; }

    Annotations out;
    std::vector<Diagnostic> errors;
    std::vector<Diagnostic> warnings;
    struct Ids {
        std::unordered_set<std::string> layers, sources, islands, islets, lines, zones, events,
            tours, places, povs;
    } ids;
    std::vector<Reference> source_refs;
    std::vector<Reference> island_refs;

    /// A problem (or a warning) at the element's line, naming its feature.
    void error(const XMLElement* e, i18n::Message message);
    void warn(const XMLElement* e, i18n::Message message);
    /// The same, as an English pattern marked with N_ and the values of its "{name}" parts.
    void error(const XMLElement* e, const char* pattern,
               std::initializer_list<i18n::Argument> arguments = {});
    void warn(const XMLElement* e, const char* pattern,
              std::initializer_list<i18n::Argument> arguments = {});

    /// Warns about each attribute not in `names`.
    void allowed_attributes(const XMLElement* e, std::initializer_list<std::string_view> names);
    /// Calls `handler` on each <child> of `section`; warns about other elements.
    template <typename Handler>
    void children(const XMLElement* section, std::string_view child, Handler handler) {
        allowed_attributes(section, {});
        for (const XMLElement* e = section->FirstChildElement(); e != nullptr;
             e = e->NextSiblingElement()) {
            if (std::string_view(e->Name()) == child) {
                handler(e);
            } else {
                warn(e, i18n::N_("unknown element <{name}> in <{section}> ignored"),
                     {{"name", e->Name()}, {"section", section->Name()}});
            }
        }
    }

    /// The attribute's value, or nullptr after reporting it missing.
    const char* required(const XMLElement* e, const char* attribute);
    /// The attribute's value, or "" after reporting it missing.
    std::string required_string(const XMLElement* e, const char* attribute);
    /// A required number within ±limit; 0 after reporting it bad.
    double coordinate(const XMLElement* e, const char* attribute, double limit);
    /// The lon and lat attributes.
    Point place(const XMLElement* e);
    /// An ISO 8601 date attribute; nullopt when absent or bad (reported).
    std::optional<PartialDate> date(const XMLElement* e, const char* attribute, bool is_required);
    /// The ids in the 'sources' attribute, each recorded to be resolved at the end.
    std::vector<std::string> sources(const XMLElement* e, bool is_required);
    /// The party codes (JP, RU) in the attribute, each once.
    std::vector<Party> parties(const XMLElement* e, const char* attribute);
    /// Reports `id` if it is in `seen` already, saying `duplicate` (an N_ pattern with {id},
    /// "duplicate island id '{id}'"); records it.
    void unique_id(std::unordered_set<std::string>& seen, const XMLElement* e,
                   const std::string& id, const char* duplicate);
    /// en, ja or ru; reports anything else.
    bool known_language(const XMLElement* e, const std::string& lang);
    /// A text element in one language (<title lang="ja">; without lang, English) added to
    /// `texts`. Reports an unknown language, a second text in one language and an empty text.
    /// Returns the language, or "" after a problem.
    std::string language_text(const XMLElement* e, Texts& texts);
    /// A <name lang="..."> element.
    std::optional<Name> name(const XMLElement* e);
    /// `count` comma-separated numbers; none after reporting them bad.
    std::vector<double> numbers(const XMLElement* e, const char* attribute, const char* text,
                                std::size_t count);

private:
    std::filesystem::path file_;
    const Annotations* base_ = nullptr;
};

} // namespace geo::detail
