// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Private helpers shared by the readers of vector data (vector_source.cpp through GDAL,
// shapefile.cpp directly): the checks of a feature read and the words of its problems.

#include "geo/diagnostic.hpp"
#include "geo/vector_source.hpp"
#include "i18n/message.hpp"

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string_view>
#include <vector>

namespace geo::detail {

/// The first vertex that is not finite or (when `in_degrees`) outside longitude ±360 and
/// latitude ±90, in words ("... in WGS 84" when `in_wgs84`, after the transform); nullopt when
/// all are good.
std::optional<i18n::Message> bad_vertex(const Feature& feature, bool in_degrees,
                                        bool in_wgs84 = false);

/// A problem of one feature, placed: the message names the file and the feature ("FILE: feature
/// N: problem"); file and feature are also fields.
Diagnostic feature_problem(const std::filesystem::path& path, long long fid,
                           const i18n::Message& problem);

/// A warning about one feature; `pattern` names the feature ("feature {fid}: ...") but not the
/// file, which to_string() adds.
Diagnostic feature_warning(const std::filesystem::path& path, long long fid, const char* pattern,
                           std::string_view reason = {});

/// For each of `features` picked by `picked` (indices), whether certainly_valid() shows its
/// polygons valid (1) or cannot tell (0); on two threads, split by vertex count.
std::vector<char> certainly_valid_features(const std::vector<Feature>& features,
                                           const std::vector<std::size_t>& picked);

} // namespace geo::detail
