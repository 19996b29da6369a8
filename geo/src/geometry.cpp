// SPDX-License-Identifier: GPL-3.0-or-later
#include "geo/geometry.hpp"

#include "geo/error.hpp"
#include "i18n/translate.hpp"

#include <algorithm>
#include <cmath>
#include <geos_c.h>
#include <memory>
#include <string>

namespace geo {

using i18n::N_;

std::size_t vertex_count(const Polygon& polygon) {
    std::size_t count = 0;
    for (const auto& ring : polygon.rings) {
        count += ring.size();
    }
    return count;
}

std::size_t vertex_count(const std::vector<Polygon>& polygons) {
    std::size_t count = 0;
    for (const auto& polygon : polygons) {
        count += vertex_count(polygon);
    }
    return count;
}

std::size_t vertex_count(const std::vector<LineString>& lines) {
    std::size_t count = 0;
    for (const auto& line : lines) {
        count += line.size();
    }
    return count;
}

namespace {

/// A GEOS context for one call, finished on the way out.
class GeosContext {
public:
    GeosContext() : handle_(GEOS_init_r()) {
        if (handle_ == nullptr) {
            throw InternalError("GEOS_init_r failed");
        }
    }
    ~GeosContext() { GEOS_finish_r(handle_); }
    GeosContext(const GeosContext&) = delete;
    GeosContext& operator=(const GeosContext&) = delete;
    GEOSContextHandle_t get() const { return handle_; }

private:
    GEOSContextHandle_t handle_;
};

/// Owns one GEOS geometry.
struct GeosGeometryDeleter {
    GEOSContextHandle_t context;
    void operator()(GEOSGeometry* geometry) const { GEOSGeom_destroy_r(context, geometry); }
};
using GeosGeometry = std::unique_ptr<GEOSGeometry, GeosGeometryDeleter>;

/// The ring's coordinates as a closed GEOS sequence, or nullptr for fewer than three points.
GEOSCoordSequence* closed_sequence(GEOSContextHandle_t context, const Ring& ring) {
    if (ring.size() < 3) {
        return nullptr;
    }
    std::vector<double> xy;
    xy.reserve(ring.size() * 2 + 2);
    for (const Point& p : ring) {
        xy.push_back(p.x);
        xy.push_back(p.y);
    }
    if (!(ring.front() == ring.back())) {
        xy.push_back(ring.front().x);
        xy.push_back(ring.front().y);
    }
    GEOSCoordSequence* sequence = GEOSCoordSeq_copyFromBuffer_r(
        context, xy.data(), static_cast<unsigned>(xy.size() / 2), 0, 0);
    if (sequence == nullptr) {
        throw InternalError("GEOS could not make a coordinate sequence");
    }
    return sequence;
}

/// A closed GEOS ring, or nullptr for a ring of fewer than three points.
GEOSGeometry* to_geos_ring(GEOSContextHandle_t context, const Ring& ring) {
    GEOSCoordSequence* sequence = closed_sequence(context, ring);
    return sequence == nullptr ? nullptr
                               : GEOSGeom_createLinearRing_r(context, sequence); // takes it
}

/// The polygon in GEOS, or an empty pointer when its outer ring is degenerate.
GeosGeometry to_geos(GEOSContextHandle_t context, const Polygon& polygon) {
    if (polygon.rings.empty()) {
        return GeosGeometry(nullptr, {context});
    }
    GEOSGeometry* shell = to_geos_ring(context, polygon.rings.front());
    if (shell == nullptr) {
        return GeosGeometry(nullptr, {context});
    }
    std::vector<GEOSGeometry*> holes;
    for (std::size_t i = 1; i < polygon.rings.size(); ++i) {
        if (GEOSGeometry* hole = to_geos_ring(context, polygon.rings[i]); hole != nullptr) {
            holes.push_back(hole);
        }
    }
    // Takes the rings.
    return GeosGeometry(
        GEOSGeom_createPolygon_r(context, shell, holes.data(), static_cast<unsigned>(holes.size())),
        {context});
}

Ring from_geos_ring(GEOSContextHandle_t context, const GEOSGeometry* ring) {
    const GEOSCoordSequence* sequence = GEOSGeom_getCoordSeq_r(context, ring);
    unsigned size = 0;
    GEOSCoordSeq_getSize_r(context, sequence, &size);
    Ring out;
    out.reserve(size);
    for (unsigned i = 0; i + 1 < size; ++i) { // the last point repeats the first
        Point p;
        GEOSCoordSeq_getXY_r(context, sequence, i, &p.x, &p.y);
        out.push_back(p);
    }
    return out;
}

/// Appends the polygons in `geometry` (a polygon, a multipolygon or a collection).
void append_polygons(GEOSContextHandle_t context, const GEOSGeometry* geometry,
                     std::vector<Polygon>& out) {
    const int type = GEOSGeomTypeId_r(context, geometry);
    if (type == GEOS_MULTIPOLYGON || type == GEOS_GEOMETRYCOLLECTION) {
        const int count = GEOSGetNumGeometries_r(context, geometry);
        for (int i = 0; i < count; ++i) {
            append_polygons(context, GEOSGetGeometryN_r(context, geometry, i), out);
        }
        return;
    }
    if (type != GEOS_POLYGON || GEOSisEmpty_r(context, geometry) != 0) {
        return;
    }
    Polygon polygon;
    polygon.rings.push_back(from_geos_ring(context, GEOSGetExteriorRing_r(context, geometry)));
    const int holes = GEOSGetNumInteriorRings_r(context, geometry);
    for (int i = 0; i < holes; ++i) {
        polygon.rings.push_back(
            from_geos_ring(context, GEOSGetInteriorRingN_r(context, geometry, i)));
    }
    out.push_back(std::move(polygon));
}

/// A ring as a closed GEOS line string, or nullptr for fewer than three points.
GEOSGeometry* to_geos_closed_line(GEOSContextHandle_t context, const Ring& ring) {
    GEOSCoordSequence* sequence = closed_sequence(context, ring);
    return sequence == nullptr ? nullptr
                               : GEOSGeom_createLineString_r(context, sequence); // takes it
}

/// The sign of the turn a -> b -> c (1 left, -1 right), or 0 when rounding could have decided
/// it (Shewchuk's bound for the plain determinant; collinear points are 0 as well).
int certain_turn(Point a, Point b, Point c) {
    const double left = (b.x - a.x) * (c.y - a.y);
    const double right = (b.y - a.y) * (c.x - a.x);
    const double det = left - right;
    const double bound = 3.3306690738754716e-16 * (std::abs(left) + std::abs(right));
    return det > bound ? 1 : det < -bound ? -1 : 0;
}

/// Whether one small ring is certainly a simple ring with area, by testing every pair of its
/// edges (no GEOS: for the thousands of islets of a few vertices, GEOS's set-up per polygon is
/// most of the cost). Any turn that rounding could decide, or any touch, says "not shown".
bool small_ring_certainly_simple(const Ring& ring) {
    const std::size_t n = ring.size();
    if (n < 3) {
        return false;
    }
    const auto at = [&](std::size_t i) {
        return ring[i % n];
    };
    for (std::size_t i = 0; i < n; ++i) {
        // Adjacent edges meet only at their shared vertex: no straight or folded corner.
        if (certain_turn(at(i), at(i + 1), at(i + 2)) == 0) {
            return false;
        }
    }
    for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t j = i + 2; j < n; ++j) {
            if (i == 0 && j == n - 1) {
                continue; // the closing edge is adjacent to the first
            }
            const Point a = at(i);
            const Point b = at(i + 1);
            const Point c = at(j);
            const Point d = at(j + 1);
            const int o1 = certain_turn(a, b, c);
            const int o2 = certain_turn(a, b, d);
            const int o3 = certain_turn(c, d, a);
            const int o4 = certain_turn(c, d, b);
            if (o1 == 0 || o2 == 0 || o3 == 0 || o4 == 0) {
                return false;
            }
            if (o1 != o2 && o3 != o4) {
                return false; // they cross
            }
        }
    }
    return true;
}

bool polygon_certainly_valid(GEOSContextHandle_t context, const Polygon& polygon) {
    constexpr std::size_t max_holes = 20000; // beyond it the pairwise hole test costs too much
    if (polygon.rings.empty() || polygon.rings.size() - 1 > max_holes) {
        return false;
    }
    for (const Ring& ring : polygon.rings) {
        if (ring.size() < 3 || doubled_area(ring) == 0.0) {
            return false;
        }
    }
    // No ring crosses or touches itself or another: all rings as lines are simple.
    std::vector<GEOSGeometry*> lines;
    lines.reserve(polygon.rings.size());
    for (const Ring& ring : polygon.rings) {
        lines.push_back(to_geos_closed_line(context, ring));
    }
    const GeosGeometry all(GEOSGeom_createCollection_r(context, GEOS_MULTILINESTRING, lines.data(),
                                                       static_cast<unsigned>(lines.size())),
                           {context});
    if (!all || GEOSisSimple_r(context, all.get()) != 1) {
        return false;
    }
    if (polygon.rings.size() == 1) {
        return true;
    }
    // Every hole inside the shell: one vertex of it (on no other ring) inside, by an indexed
    // point-in-polygon test.
    Polygon shell_only;
    shell_only.rings.push_back(polygon.rings.front());
    const GeosGeometry shell = to_geos(context, shell_only);
    if (!shell) {
        return false;
    }
    const GEOSPreparedGeometry* prepared = GEOSPrepare_r(context, shell.get());
    if (prepared == nullptr) {
        return false;
    }
    bool inside = true;
    for (std::size_t i = 1; i < polygon.rings.size() && inside; ++i) {
        const Point p = polygon.rings[i].front();
        const GeosGeometry point(GEOSGeom_createPointFromXY_r(context, p.x, p.y), {context});
        inside = point && GEOSPreparedContainsProperly_r(context, prepared, point.get()) == 1;
    }
    GEOSPreparedGeom_destroy_r(context, prepared);
    if (!inside) {
        return false;
    }
    // No hole inside another: only pairs whose boxes nest need the point test.
    std::vector<Box> boxes;
    boxes.reserve(polygon.rings.size() - 1);
    for (std::size_t i = 1; i < polygon.rings.size(); ++i) {
        boxes.push_back(box_of(polygon.rings[i]));
    }
    for (std::size_t i = 0; i < boxes.size(); ++i) {
        for (std::size_t j = 0; j < boxes.size(); ++j) {
            const Box& outer = boxes[j];
            const Box& inner = boxes[i];
            if (i != j && outer.min_x <= inner.min_x && outer.max_x >= inner.max_x &&
                outer.min_y <= inner.min_y && outer.max_y >= inner.max_y &&
                ring_contains(polygon.rings[j + 1], polygon.rings[i + 1].front())) {
                return false;
            }
        }
    }
    return true;
}

} // namespace

double doubled_area(const Ring& ring) {
    double sum = 0.0;
    const Point o = ring.front();
    for (std::size_t i = 1; i + 1 < ring.size(); ++i) {
        sum +=
            (ring[i].x - o.x) * (ring[i + 1].y - o.y) - (ring[i + 1].x - o.x) * (ring[i].y - o.y);
    }
    return sum;
}

Box box_of(const Ring& ring) {
    Box box{ring.front().x, ring.front().y, ring.front().x, ring.front().y};
    for (const Point& p : ring) {
        box = {std::min(box.min_x, p.x), std::min(box.min_y, p.y), std::max(box.max_x, p.x),
               std::max(box.max_y, p.y)};
    }
    return box;
}

bool ring_contains(const Ring& ring, Point p) {
    bool inside = false;
    for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
        const Point a = ring[i];
        const Point b = ring[j];
        if ((a.y > p.y) != (b.y > p.y) && p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x) {
            inside = !inside;
        }
    }
    return inside;
}

bool certainly_valid(const std::vector<Polygon>& polygons) {
    if (polygons.size() != 1) {
        return false; // the parts of a multipolygon must also keep apart: GEOS decides
    }
    constexpr std::size_t small_ring = 32;
    if (const auto& rings = polygons.front().rings; rings.size() == 1 &&
                                                    rings.front().size() <= small_ring &&
                                                    small_ring_certainly_simple(rings.front())) {
        return true;
    }
    const GeosContext geos;
    return polygon_certainly_valid(geos.get(), polygons.front());
}

bool geos_valid(const std::vector<Polygon>& polygons) {
    const GeosContext geos;
    GEOSContextHandle_t context = geos.get();
    std::vector<GEOSGeometry*> parts;
    for (const Polygon& polygon : polygons) {
        GeosGeometry part = to_geos(context, polygon);
        if (!part) {
            for (GEOSGeometry* made : parts) {
                GEOSGeom_destroy_r(context, made);
            }
            return false;
        }
        parts.push_back(part.release());
    }
    if (parts.size() == 1) {
        const GeosGeometry shape(parts.front(), {context});
        return GEOSisValid_r(context, shape.get()) == 1;
    }
    // Takes the parts.
    const GeosGeometry shape(GEOSGeom_createCollection_r(context, GEOS_MULTIPOLYGON, parts.data(),
                                                         static_cast<unsigned>(parts.size())),
                             {context});
    return shape && GEOSisValid_r(context, shape.get()) == 1;
}

std::vector<Polygon> clip_to_latitude_band(const std::vector<Polygon>& polygons, double lat_min,
                                           double lat_max) {
    std::vector<Polygon> out;
    if (!(lat_min < lat_max)) {
        return out;
    }
    const GeosContext geos;
    GEOSContextHandle_t context = geos.get();
    const GeosGeometry band(GEOSGeom_createRectangle_r(context, -180.0, lat_min, 180.0, lat_max),
                            {context});
    if (!band) {
        throw InternalError("GEOS could not make the latitude band");
    }
    for (const Polygon& polygon : polygons) {
        const GeosGeometry shape = to_geos(context, polygon);
        if (!shape) {
            continue;
        }
        // A rectangle clip (no overlay graph): several times faster than an intersection and
        // valid for valid input; an intersection of the repaired shape is the fallback.
        GeosGeometry part(GEOSClipByRect_r(context, shape.get(), -180.0, lat_min, 180.0, lat_max),
                          {context});
        if (!part || GEOSisValid_r(context, part.get()) != 1) {
            const GeosGeometry valid(GEOSMakeValid_r(context, shape.get()), {context});
            if (valid) {
                part.reset(GEOSIntersection_r(context, valid.get(), band.get()));
            }
        }
        if (!part) {
            throw InputError(N_("a polygon cannot be clipped to latitudes {min} to {max}: GEOS "
                                "could not intersect it"),
                             {{"min", std::to_string(lat_min)}, {"max", std::to_string(lat_max)}});
        }
        append_polygons(context, part.get(), out);
    }
    return out;
}

/// Repairs `shape` (the polygon in GEOS) when it is not valid: the cheap check first, GEOS's
/// only when that cannot tell.
void repair_if_invalid(GEOSContextHandle_t context, const Polygon& polygon, GeosGeometry& shape) {
    if (shape && !polygon_certainly_valid(context, polygon) &&
        GEOSisValid_r(context, shape.get()) != 1) {
        shape.reset(GEOSMakeValid_r(context, shape.get()));
    }
}

std::vector<Polygon> clip_to_polygons(const std::vector<Polygon>& polygons,
                                      const std::vector<Polygon>& mask) {
    std::vector<Polygon> out;
    const GeosContext geos;
    GEOSContextHandle_t context = geos.get();
    std::vector<GEOSGeometry*> parts;
    for (const Polygon& polygon : mask) {
        GeosGeometry part = to_geos(context, polygon);
        repair_if_invalid(context, polygon, part);
        if (part) {
            parts.push_back(part.release());
        }
    }
    if (parts.empty()) {
        return out;
    }
    const GeosGeometry collection(GEOSGeom_createCollection_r(context, GEOS_GEOMETRYCOLLECTION,
                                                              parts.data(),
                                                              static_cast<unsigned>(parts.size())),
                                  {context});
    const GeosGeometry area(GEOSUnaryUnion_r(context, collection.get()), {context});
    if (!area) {
        throw InputError(N_("the mask polygons cannot be joined: GEOS could not union them"));
    }
    const GEOSPreparedGeometry* prepared = GEOSPrepare_r(context, area.get());
    if (prepared == nullptr) {
        throw InternalError("GEOS could not prepare the mask polygons");
    }
    try {
        for (const Polygon& polygon : polygons) {
            GeosGeometry shape = to_geos(context, polygon);
            if (!shape) {
                continue;
            }
            if (GEOSPreparedContains_r(context, prepared, shape.get()) == 1) {
                out.push_back(polygon);
                continue;
            }
            if (GEOSPreparedIntersects_r(context, prepared, shape.get()) != 1) {
                continue;
            }
            repair_if_invalid(context, polygon, shape);
            const GeosGeometry part(
                shape ? GEOSIntersection_r(context, shape.get(), area.get()) : nullptr, {context});
            if (!part) {
                throw InputError(
                    N_("a polygon cannot be clipped to the mask: GEOS could not intersect it"));
            }
            append_polygons(context, part.get(), out);
        }
    } catch (...) {
        GEOSPreparedGeom_destroy_r(context, prepared);
        throw;
    }
    GEOSPreparedGeom_destroy_r(context, prepared);
    return out;
}

} // namespace geo
