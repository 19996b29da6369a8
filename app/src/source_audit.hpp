// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What `check` says about the sources beyond the schema: copies of other sites cited in place
// of the original, and how many of each side's own official documents each island cites.

#include "geo/annotations.hpp"
#include "geo/diagnostic.hpp"
#include "i18n/message.hpp"

#include <cstddef>
#include <string>
#include <vector>

namespace kuril {

/// Why the source is a mirror, fork or proxied copy of another site ("its URL is on
/// perceptiode.com, a mirror of Wikipedia"), to be said in the reader's language; empty when
/// it is not recognised as one.
i18n::Message copy_site_reason(const geo::Source& source);

/// A warning at each source that copy_site_reason() recognises, naming the source id and what
/// to cite instead.
std::vector<geo::Diagnostic> copy_site_warnings(const geo::Annotations& annotations);

/// The distinct sources an island cites, through its status periods, facts and islets and the
/// events that list it in islands= (for an island divided into regions, its regions' too), and
/// how many of them are each side's official words.
struct IslandSources {
    const geo::Island* island = nullptr;
    std::size_t japan_official = 0;  ///< party JP (a joint JP RU document counts for both)
    std::size_t russia_official = 0; ///< party RU
    std::size_t total = 0;
};

/// One row per island (regions included), in file order.
std::vector<IslandSources> official_sources_by_island(const geo::Annotations& annotations);

/// A warning at each island that cites no official source of one side (or of either).
std::vector<geo::Diagnostic> missing_official_warnings(const geo::Annotations& annotations,
                                                       const std::vector<IslandSources>& rows);

/// The table `check` prints: island, JP official, RU official, total sources.
std::string official_sources_table(const std::vector<IslandSources>& rows);

} // namespace kuril
