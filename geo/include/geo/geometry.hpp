// SPDX-License-Identifier: GPL-3.0-or-later
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
    /// Whether the boxes share a point (edges touching count).
    bool overlaps(const Box& other) const {
        return min_x <= other.max_x && other.min_x <= max_x && min_y <= other.max_y &&
               other.min_y <= max_y;
    }
};

std::size_t vertex_count(const Polygon& polygon);
std::size_t vertex_count(const std::vector<Polygon>& polygons);
std::size_t vertex_count(const std::vector<LineString>& lines);

/// True when the polygons (one feature's) are certainly valid in GEOS's sense, found in
/// about linear time: each polygon's rings are closed with area, no ring crosses or touches
/// itself or another ring (edges tested pairwise within the cells of a uniform grid, with
/// filtered orientations), each hole lies inside its shell and in no other hole (filtered ray
/// tests). Where rounding could decide a test, or a vertex is straight or doubled, GEOS's own
/// simplicity and indexed point tests decide that part. False means "not shown valid"
/// (touching rings, several polygons in one feature, over 20,000 holes): then the full GEOS
/// check decides. GEOS's own validity test is much slower on one large polygon with many holes
/// (8 s for 555,000 vertices and 1,525 holes): it tests each hole against the shell without an
/// index.
bool certainly_valid(const std::vector<Polygon>& polygons);

/// GEOS's own verdict on one feature's polygons (a multipolygon when several): what GDAL's
/// IsValid() says of the same feature. False for a polygon without a proper outer ring.
bool geos_valid(const std::vector<Polygon>& polygons);

/// Twice the signed area of a non-empty ring (shoelace, relative to its first vertex):
/// positive when it runs counter-clockwise (x east, y north).
double doubled_area(const Ring& ring);

/// The box of a non-empty ring.
Box box_of(const Ring& ring);

/// Even-odd test of a point against one ring (a point on the ring may fall either way).
bool ring_contains(const Ring& ring, Point p);

/// The parts of lon/lat polygons between two latitudes (a region of a larger island: South
/// Sakhalin, below 50° N), as valid polygons: GEOS intersects each with the band, so a polygon
/// cut in two comes out as two and a hole stays a hole. What only touches the band's edges
/// (a line, a point) is dropped. Rings come back without the repeated closing point.
std::vector<Polygon> clip_to_latitude_band(const std::vector<Polygon>& polygons, double lat_min,
                                           double lat_max);

/// The parts of lon/lat polygons inside a mask (a country's polygons: the Russian part of the
/// mainland), as valid polygons: GEOS intersects each polygon with the mask's union (repaired
/// first if invalid); a polygon wholly inside the mask is kept as it is, one wholly outside is
/// dropped without an overlay. What only touches the mask (a line, a point) is dropped. Rings
/// come back without the repeated closing point.
std::vector<Polygon> clip_to_polygons(const std::vector<Polygon>& polygons,
                                      const std::vector<Polygon>& mask);

} // namespace geo
