// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "geo/geometry.hpp"
#include "geo/vector_source.hpp"

#include <array>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace geo {

/// The four disputed islands, by stable id. Habomai is the whole group of islets.
inline constexpr std::array<std::string_view, 4> disputed_island_ids = {"etorofu", "kunashiri",
                                                                        "shikotan", "habomai"};

/// The land polygons of each island, grouped by the `island` attribute the recipe writes.
std::map<std::string, std::vector<Polygon>>
polygons_by_island(const VectorLayer& land, const std::string& attribute = "island");

} // namespace geo
