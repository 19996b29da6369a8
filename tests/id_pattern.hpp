// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What must never reach the screen or an image: the internal ids of the annotations (sources,
// lines, islands, islets, events) and the line kinds' names ("line_of_control").

#include "geo/annotations.hpp"

#include <string>
#include <vector>

namespace test_ids {

inline std::vector<std::string> internal_ids(const geo::Annotations& annotations) {
    std::vector<std::string> ids = {"line_of_control"};
    for (const auto& source : annotations.sources) {
        ids.push_back(source.id);
    }
    for (const auto& line : annotations.lines) {
        ids.push_back(line.id);
    }
    for (const auto& island : annotations.islands) {
        ids.push_back(island.id);
        for (const auto& islet : island.islets) {
            ids.push_back(islet.id);
        }
    }
    for (const auto& event : annotations.events) {
        ids.push_back(event.id);
    }
    return ids;
}

/// Ids are lower case, with digits, hyphens and underscores: a whole word is one not preceded
/// or followed by any of those or a letter.
inline bool id_character(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '_';
}

/// The first internal id that `text` contains as a whole word (case-sensitive: "Shikotan" is a
/// name, "shikotan" an id), or "". Web addresses are skipped: they are the sources' own.
inline std::string find_id(std::string text, const std::vector<std::string>& ids) {
    for (const char* scheme : {"http://", "https://"}) {
        for (auto at = text.find(scheme); at != std::string::npos; at = text.find(scheme, at)) {
            const auto end = text.find_first_of(" \n\t\"<>", at);
            text.erase(at, end == std::string::npos ? std::string::npos : end - at);
        }
    }
    for (const auto& id : ids) {
        for (auto at = text.find(id); at != std::string::npos; at = text.find(id, at + 1)) {
            const bool starts = at == 0 || !id_character(text[at - 1]);
            const auto end = at + id.size();
            const bool ends = end == text.size() || !id_character(text[end]);
            if (starts && ends) {
                return id;
            }
        }
    }
    return {};
}

} // namespace test_ids
