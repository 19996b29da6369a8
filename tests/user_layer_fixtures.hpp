// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A user's own layer (--layer) as the tests write it at run time: GeoJSON in WGS 84 with a
// point, a line and a polygon, each named, at sea in the view 141-149 E, 42-46 N.
#include <filesystem>
#include <fstream>
#include <string>

namespace test_user_layers {

/// Where the GeoJSON's features are (lon/lat), and what probes of them should find.
inline constexpr double polygon_west = 143.8, polygon_east = 144.6;
inline constexpr double polygon_south = 44.6, polygon_north = 45.2;
inline constexpr double line_lat = 42.6, line_west = 145.3, line_east = 147.5;
inline constexpr double point_lon = 148.5, point_lat = 43.2;

inline std::filesystem::path write_geojson(const std::filesystem::path& path) {
    std::ofstream out(path);
    out << R"({"type":"FeatureCollection","features":[
{"type":"Feature","properties":{"name":"Test port","kind":"harbour"},
 "geometry":{"type":"Point","coordinates":[148.5,43.2]}},
{"type":"Feature","properties":{"name":"Test route","kind":"ferry"},
 "geometry":{"type":"LineString","coordinates":[[145.3,42.6],[147.5,42.6]]}},
{"type":"Feature","properties":{"name":"Test area","kind":"survey"},
 "geometry":{"type":"Polygon","coordinates":[[[143.8,44.6],[144.6,44.6],[144.6,45.2],
   [143.8,45.2],[143.8,44.6]]]}}
]})";
    return path;
}

} // namespace test_user_layers
