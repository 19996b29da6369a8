// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <initializer_list>
#include <span>
#include <string>
#include <string_view>
#include <utility>

/// The interface's words in English, Japanese and Russian. The catalogues are the .po files in
/// po/ (xgettext, msgmerge, msgfmt), compiled with msgfmt at build time and linked into the
/// program, so a lookup takes the language as an argument (a compare export or the viewer may
/// use another language than the rest of the process) and never depends on installed files.
namespace i18n {

/// The languages with a catalogue besides English (the msgids): "ja", "ru".
inline constexpr std::string_view catalogue_languages[] = {"ja", "ru"};

/// `msgid` in `language` ("en", "ja" or "ru"); the msgid itself in English, for a language
/// without a catalogue, or where the catalogue has no translation.
std::string_view tr(std::string_view language, std::string_view msgid);
/// As tr, for a msgid with a context (msgctxt) that tells apart words written alike in English.
std::string_view trc(std::string_view language, std::string_view context, std::string_view msgid);

/// Marks a string for xgettext where it is looked up later (tables of keys, legend rows).
constexpr const char* N_(const char* msgid) {
    return msgid;
}

/// As N_, for a msgid looked up later with trc and this context.
constexpr const char* NC_(const char* /*context*/, const char* msgid) {
    return msgid;
}

/// Replaces each "{name}" in `pattern` by its value, so translations may reorder the parts.
/// A "{name}" with no value stays as written.
std::string format(std::string_view pattern,
                   std::initializer_list<std::pair<std::string_view, std::string_view>> values);
/// As above, for values whose number is known only at run time.
std::string format(std::string_view pattern,
                   std::span<const std::pair<std::string_view, std::string_view>> values);

/// How each language writes a day: "19 October 1956", "1956年10月19日", "19 октября 1956 г.".
std::string long_date(std::string_view language, int year, int month, int day);
/// A month of a year: "October 1956", "1956年10月", "октябрь 1956 г.".
std::string month_and_year(std::string_view language, int year, int month);

/// The interface language a locale name asks for ("ja_JP.UTF-8" -> "ja", "ru_RU" -> "ru"); "en"
/// for any other, empty or "C" locale.
std::string_view language_of_locale(std::string_view locale);
/// The first of LC_ALL, LC_MESSAGES and LANG that is set and not empty (POSIX's order), or empty.
std::string_view locale_from_environment();

} // namespace i18n
