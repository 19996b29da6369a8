#pragma once

#include <cstddef>
#include <vector>

namespace geo {

/// A point: lon/lat in degrees (WGS84) or x/y in metres of a projected CRS.
struct Point {
    double x = 0.0;
    double y = 0.0;
    friend bool operator==(const Point&, const Point&) = default;
};

/// A closed ring without the repeated closing point.
using Ring = std::vector<Point>;

/// The first ring is the outer boundary, the rest are holes.
struct Polygon {
    std::vector<Ring> rings;
};

using LineString = std::vector<Point>;

struct Box {
    double min_x = 0.0;
    double min_y = 0.0;
    double max_x = 0.0;
    double max_y = 0.0;
    bool contains(Point p) const {
        return p.x >= min_x && p.x <= max_x && p.y >= min_y && p.y <= max_y;
    }
};

std::size_t vertex_count(const Polygon& polygon);
std::size_t vertex_count(const std::vector<Polygon>& polygons);
std::size_t vertex_count(const std::vector<LineString>& lines);

/// The parts of lon/lat polygons between two latitudes (a region of a larger island: South
/// Sakhalin, below 50° N), as valid polygons: GEOS intersects each with the band, so a polygon
/// cut in two comes out as two and a hole stays a hole. What only touches the band's edges
/// (a line, a point) is dropped. Rings come back without the repeated closing point.
std::vector<Polygon> clip_to_latitude_band(const std::vector<Polygon>& polygons, double lat_min,
                                           double lat_max);

} // namespace geo
