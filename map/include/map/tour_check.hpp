// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "geo/annotations.hpp"
#include "geo/diagnostic.hpp"

#include <vector>

namespace kuril {

/// Checks what the tours of `annotations` ask of the map: each slide's layer names and label
/// language must be ones the map knows (layer_from_name, language_from_code). One problem per
/// unknown name, at the slide's line, in slide order. geo reads the tours without knowing the
/// map's vocabulary; pass this as the parser's check (geo::ParseOptions::check,
/// geo::AtlasOptions::check) to have its problems reported with the parser's, in line order.
std::vector<geo::Diagnostic> check_tours(const geo::Annotations& annotations);

} // namespace kuril
