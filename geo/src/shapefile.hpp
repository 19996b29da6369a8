// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Shapefiles read without GDAL, through shapelib: the shipped data are read this way, so that
// showing the map never loads GDAL (and the ~110 libraries it needs; see util/lazy_library.hpp).

#include "geo/vector_source.hpp"

#include <filesystem>
#include <optional>
#include <string>

namespace geo::detail {

/// The part beside a .shp with this extension (".shx", ".dbf", ".prj", ".cpg"), in lower or
/// upper case; nullopt when there is none.
std::optional<std::filesystem::path> sibling(const std::filesystem::path& shp,
                                             const std::string& extension);

/// The shapefile's one layer, read as GDAL would read it, when it is a plain case: its .cpg
/// says UTF-8, its .prj is WGS 84 in longitude/latitude, its attributes are text or integers,
/// its shapes are points, lines or polygons, and its polygons are valid. nullopt otherwise
/// (GDAL reads it then, and says what is wrong). The caller has checked the parts
/// (check_shapefile_parts).
std::optional<VectorLayer> read_plain_shapefile(const std::filesystem::path& path,
                                                const LoadOptions& options);

} // namespace geo::detail
