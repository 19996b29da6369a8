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

} // namespace geo
