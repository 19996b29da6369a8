// SPDX-License-Identifier: GPL-3.0-or-later
#include "map/name_search.hpp"

#include "util/strings.hpp"

#include <algorithm>
#include <cstdint>

namespace kuril {
namespace {

char32_t fold(char32_t cp) {
    if (cp >= U'A' && cp <= U'Z') {
        return cp + 32;
    }
    if (cp >= 0x410 && cp <= 0x42F) { // А-Я
        return cp + 32;
    }
    if (cp == 0x401 || cp == 0x451) { // Ё ё
        return 0x435;
    }
    // Latin-1 and Latin Extended-A letters with accents or macrons, as the plain letter.
    static constexpr std::pair<char32_t, char32_t> plain[] = {
        {0xC0, 'a'},  {0xC1, 'a'},  {0xC2, 'a'},  {0xC4, 'a'},  {0xE0, 'a'},  {0xE1, 'a'},
        {0xE2, 'a'},  {0xE4, 'a'},  {0xC8, 'e'},  {0xC9, 'e'},  {0xCA, 'e'},  {0xE8, 'e'},
        {0xE9, 'e'},  {0xEA, 'e'},  {0xCE, 'i'},  {0xEE, 'i'},  {0xD4, 'o'},  {0xD6, 'o'},
        {0xF4, 'o'},  {0xF6, 'o'},  {0xDB, 'u'},  {0xDC, 'u'},  {0xFB, 'u'},  {0xFC, 'u'},
        {0x100, 'a'}, {0x101, 'a'}, {0x112, 'e'}, {0x113, 'e'}, {0x12A, 'i'}, {0x12B, 'i'},
        {0x14C, 'o'}, {0x14D, 'o'}, {0x16A, 'u'}, {0x16B, 'u'},
    };
    for (const auto& [from, to] : plain) {
        if (cp == from) {
            return to;
        }
    }
    return cp;
}

std::string place_names(const std::vector<geo::Name>& names) {
    std::string text;
    for (const char* lang : {"en", "ja", "ru"}) {
        for (const auto& name : names) {
            if (name.lang == lang) {
                text += (text.empty() ? "" : " · ") + name.text;
                break;
            }
        }
    }
    return text;
}

/// How well a name matches: 2 it starts with the query, 1 contains it, 0 not at all.
int score(const geo::Name& name, const std::string& query) {
    int best = 0;
    for (const std::string* text : {&name.text, &name.romaji, &name.translit}) {
        if (text->empty()) {
            continue;
        }
        const std::string folded = fold_for_search(*text);
        if (const auto at = folded.find(query); at != std::string::npos) {
            best = std::max(best, at == 0 ? 2 : 1);
        }
    }
    return best;
}

} // namespace

std::string fold_for_search(std::string_view text) {
    std::string out;
    for (const char32_t cp : decode_utf8(text)) {
        append_utf8(fold(cp), out);
    }
    return out;
}

std::vector<NameMatch> find_names(const geo::Annotations& annotations, std::string_view query,
                                  std::size_t limit) {
    std::string wanted = fold_for_search(query);
    wanted.erase(0, wanted.find_first_not_of(' '));
    wanted.erase(wanted.find_last_not_of(' ') + 1);
    if (wanted.empty()) {
        return {};
    }
    struct Scored {
        int score;
        std::size_t order;
        NameMatch match;
    };
    std::vector<Scored> found;
    const auto consider = [&](const auto& names, NameMatch match) {
        int best = 0;
        const geo::Name* matched = nullptr;
        for (const auto& name : names) {
            if (const int s = score(name, wanted); s > best) {
                best = s;
                matched = &name;
            }
        }
        if (best == 0) {
            return;
        }
        std::vector<geo::Name> shown;
        for (const auto& name : names) {
            shown.push_back(name);
        }
        match.text = place_names(shown);
        if (match.text.find(matched->text) == std::string::npos) {
            match.text += " (" + matched->text + ")"; // a former name
        }
        found.push_back({best, found.size(), std::move(match)});
    };
    for (const auto& island : annotations.islands) {
        consider(island.names, {NameMatch::Kind::island, island.id, {}, "island", island.anchor});
    }
    const geo::Date today = geo::Date::today();
    for (const auto& place : annotations.places) {
        // Today's names lead; the former ones are matched too.
        std::vector<geo::PlaceName> names;
        for (const auto& name : place.names) {
            if (name.holds_on(today)) {
                names.push_back(name);
            }
        }
        for (const auto& name : place.names) {
            if (!name.holds_on(today)) {
                names.push_back(name);
            }
        }
        consider(names, {NameMatch::Kind::place,
                         place.id,
                         {},
                         std::string(geo::place_kind_name(place.kind)),
                         place.place});
    }
    std::stable_sort(found.begin(), found.end(), [](const Scored& a, const Scored& b) {
        return a.score != b.score ? a.score > b.score : a.order < b.order;
    });
    std::vector<NameMatch> result;
    for (auto& item : found) {
        if (result.size() >= limit) {
            break;
        }
        result.push_back(std::move(item.match));
    }
    return result;
}

} // namespace kuril
