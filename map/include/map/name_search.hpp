// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Finding an island or a place of <places> by any of its names: English, Japanese, Russian,
// romaji, transliteration, former names (the viewer's search box, key /).

#include "geo/annotations.hpp"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace kuril {

struct NameMatch {
    enum class Kind { island, place } kind = Kind::island;
    std::string id;
    /// What the list shows: the English name, then the Japanese and the Russian names, and the
    /// name matched when it is none of these ("Yuzhno-Sakhalinsk · 豊原 · Южно-Сахалинск").
    std::string text;
    std::string what; ///< "island", "town", "strait", ...
    geo::Point place; ///< lon/lat: the island's anchor or the place's position
};

/// Text folded for matching: Latin and Cyrillic letters in lower case (Ё as Е), Latin letters
/// with macrons or accents as the plain letter (Shikotan-tō as shikotan-to, Pérouse as
/// perouse); kana and kanji as they are.
std::string fold_for_search(std::string_view text);

/// Islands and places with a name, romaji or transliteration (of any period) that contains
/// `query` (folded), those whose name starts with it first, then in file order (islands before
/// places); at most `limit`. None for a query of only spaces.
std::vector<NameMatch> find_names(const geo::Annotations& annotations, std::string_view query,
                                  std::size_t limit = 8);

} // namespace kuril
