// SPDX-License-Identifier: GPL-3.0-or-later
#include "geo/geometry.hpp"

#include "geo/error.hpp"
#include "i18n/translate.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <geos_c.h>
#include <iterator>
#include <memory>
#include <optional>
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

/// A GEOS context for one call, made when first used and finished on the way out.
class GeosContext {
public:
    GeosContext() = default;
    ~GeosContext() {
        if (handle_ != nullptr) {
            GEOS_finish_r(handle_);
        }
    }
    GeosContext(const GeosContext&) = delete;
    GeosContext& operator=(const GeosContext&) = delete;
    GEOSContextHandle_t get() const {
        if (handle_ == nullptr) {
            handle_ = GEOS_init_r();
            if (handle_ == nullptr) {
                throw InternalError("GEOS_init_r failed");
            }
        }
        return handle_;
    }

private:
    mutable GEOSContextHandle_t handle_ = nullptr;
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

/// Whether the edges a -> b and b -> c certainly meet only at b: when they certainly run on
/// (a positive dot product: no point of one but b is as far along a -> b as b), or certainly
/// turn. False for a doubled vertex, a fold back, or what rounding could decide.
bool certainly_meet_at_vertex(Point a, Point b, Point c) {
    const double along = (b.x - a.x) * (c.x - b.x);
    const double across = (b.y - a.y) * (c.y - b.y);
    const double bound = 3.3306690738754716e-16 * (std::abs(along) + std::abs(across));
    return along + across > bound || certain_turn(a, b, c) != 0;
}

/// One edge of a polygon's rings, for the grid of rings_certainly_simple().
struct RingEdge {
    Point a;
    Point b;
    Box box;
    std::uint32_t ring = 0;
    std::uint32_t index = 0; ///< of `a` in its ring
};

/// The turn a -> b -> c as certain_turn() finds it, or 2 when rounding could decide it. Points
/// on one parallel or meridian (the same y or the same x) are exactly collinear: 0.
int filtered_turn(Point a, Point b, Point c) {
    const int turn = certain_turn(a, b, c);
    if (turn != 0 || (a.y == b.y && b.y == c.y) || (a.x == b.x && b.x == c.x)) {
        return turn;
    }
    return 2;
}

/// Whether two edges of the same rings certainly neither cross nor touch: false when they do,
/// or when rounding could decide it. Edges next to each other in a ring share their vertex and
/// are not tested here.
bool edges_certainly_apart(const RingEdge& e, const RingEdge& f) {
    if (!e.box.overlaps(f.box)) {
        return true;
    }
    const int o1 = filtered_turn(e.a, e.b, f.a);
    const int o2 = filtered_turn(e.a, e.b, f.b);
    const int o3 = filtered_turn(f.a, f.b, e.a);
    const int o4 = filtered_turn(f.a, f.b, e.b);
    if (o1 == 2 || o2 == 2 || o3 == 2 || o4 == 2) {
        return false;
    }
    // A vertex exactly on the other edge's line touches it only within the edge's box.
    if ((o1 == 0 && e.box.contains(f.a)) || (o2 == 0 && e.box.contains(f.b)) ||
        (o3 == 0 && f.box.contains(e.a)) || (o4 == 0 && f.box.contains(e.b))) {
        return false;
    }
    return !(o1 * o2 < 0 && o3 * o4 < 0);
}

/// Whether a polygon's rings certainly neither cross nor touch themselves or each other, and
/// no ring folds back on itself at a vertex: what GEOS's simplicity test of the rings
/// as lines shows, without its set-up. Each edge goes into the cells of a uniform grid its box
/// meets (about one edge a cell on average), and only edges sharing a cell are tested, each
/// pair once (in the cell of the lower-left corner of their boxes' overlap). False means "not
/// shown": a doubled or folded vertex, a touch, a turn that rounding could decide, or a crowd
/// of edges in few cells (the grid would test too many pairs): then GEOS decides.
bool rings_certainly_simple(const std::vector<Ring>& rings) {
    std::vector<RingEdge> edges;
    Box all{rings.front().front().x, rings.front().front().y, rings.front().front().x,
            rings.front().front().y};
    for (std::size_t r = 0; r < rings.size(); ++r) {
        const Ring& ring = rings[r];
        const std::size_t n = ring.size();
        if (n < 3) {
            return false;
        }
        for (std::size_t i = 0; i < n; ++i) {
            const Point a = ring[i];
            const Point b = ring[(i + 1) % n];
            // Adjacent edges meet only at their shared vertex: no doubled or folded corner.
            if (!certainly_meet_at_vertex(a, b, ring[(i + 2) % n])) {
                return false;
            }
            const Box box{std::min(a.x, b.x), std::min(a.y, b.y), std::max(a.x, b.x),
                          std::max(a.y, b.y)};
            all = {std::min(all.min_x, box.min_x), std::min(all.min_y, box.min_y),
                   std::max(all.max_x, box.max_x), std::max(all.max_y, box.max_y)};
            edges.push_back(
                {a, b, box, static_cast<std::uint32_t>(r), static_cast<std::uint32_t>(i)});
        }
    }
    const double width = all.max_x - all.min_x;
    const double height = all.max_y - all.min_y;
    if (!(width > 0.0) || !(height > 0.0) || !std::isfinite(width) || !std::isfinite(height)) {
        return false;
    }
    // About one edge a cell, the cells as square as the box allows.
    const double count = static_cast<double>(edges.size());
    const auto columns =
        static_cast<std::size_t>(std::clamp(std::sqrt(count * width / height), 1.0, 4096.0));
    const auto rows =
        static_cast<std::size_t>(std::clamp(count / static_cast<double>(columns), 1.0, 4096.0));
    const double to_column = static_cast<double>(columns) / width;
    const double to_row = static_cast<double>(rows) / height;
    const auto column_of = [&](double x) {
        return std::min(columns - 1, static_cast<std::size_t>((x - all.min_x) * to_column));
    };
    const auto row_of = [&](double y) {
        return std::min(rows - 1, static_cast<std::size_t>((y - all.min_y) * to_row));
    };
    // The edges of each cell, in compressed rows: count, then fill.
    std::vector<std::uint32_t> start(columns * rows + 1, 0);
    std::size_t entries = 0;
    const std::size_t max_entries = 16 * edges.size() + 4096;
    for (const RingEdge& edge : edges) {
        const std::size_t c0 = column_of(edge.box.min_x);
        const std::size_t c1 = column_of(edge.box.max_x);
        const std::size_t r0 = row_of(edge.box.min_y);
        const std::size_t r1 = row_of(edge.box.max_y);
        entries += (c1 - c0 + 1) * (r1 - r0 + 1);
        if (entries > max_entries) {
            return false; // long edges over many cells: GEOS's index suits them better
        }
        for (std::size_t row = r0; row <= r1; ++row) {
            for (std::size_t column = c0; column <= c1; ++column) {
                ++start[row * columns + column + 1];
            }
        }
    }
    for (std::size_t cell = 0; cell + 1 < start.size(); ++cell) {
        start[cell + 1] += start[cell];
    }
    std::vector<std::uint32_t> in_cell(entries);
    std::vector<std::uint32_t> next(start.begin(), start.end() - 1);
    for (std::uint32_t e = 0; e < edges.size(); ++e) {
        const RingEdge& edge = edges[e];
        for (std::size_t row = row_of(edge.box.min_y); row <= row_of(edge.box.max_y); ++row) {
            for (std::size_t column = column_of(edge.box.min_x);
                 column <= column_of(edge.box.max_x); ++column) {
                in_cell[next[row * columns + column]++] = e;
            }
        }
    }
    const auto adjacent = [&](const RingEdge& e, const RingEdge& f) {
        if (e.ring != f.ring) {
            return false;
        }
        const std::size_t n = rings[e.ring].size();
        return (e.index + 1) % n == f.index || (f.index + 1) % n == e.index;
    };
    std::size_t tests = 0;
    const std::size_t max_tests = 64 * edges.size() + 100000;
    for (std::size_t row = 0; row < rows; ++row) {
        for (std::size_t column = 0; column < columns; ++column) {
            const std::size_t cell = row * columns + column;
            for (std::uint32_t i = start[cell]; i < start[cell + 1]; ++i) {
                const RingEdge& e = edges[in_cell[i]];
                for (std::uint32_t j = i + 1; j < start[cell + 1]; ++j) {
                    const RingEdge& f = edges[in_cell[j]];
                    if (!e.box.overlaps(f.box) ||
                        column_of(std::max(e.box.min_x, f.box.min_x)) != column ||
                        row_of(std::max(e.box.min_y, f.box.min_y)) != row || adjacent(e, f)) {
                        continue; // apart, or tested in another cell, or sharing a vertex
                    }
                    if (++tests > max_tests || !edges_certainly_apart(e, f)) {
                        return false;
                    }
                }
            }
        }
    }
    return true;
}

/// Whether `p` is certainly inside `ring` (even-odd), or nullopt when rounding could decide it
/// or `p` lies on the ring: ray casting with each crossing decided by a filtered orientation.
std::optional<bool> certainly_inside(const Ring& ring, Point p) {
    bool inside = false;
    for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
        const Point a = ring[i];
        const Point b = ring[j];
        if ((a.y > p.y) != (b.y > p.y)) {
            // Upward along the edge, `p` on its left means the edge is east of `p`.
            const int turn = a.y < b.y ? certain_turn(a, b, p) : certain_turn(b, a, p);
            if (turn == 0) {
                return std::nullopt;
            }
            inside = inside != (turn > 0);
        }
    }
    return inside;
}

/// Whether all rings of `polygon` as lines are simple, by GEOS.
bool geos_rings_simple(GEOSContextHandle_t context, const Polygon& polygon) {
    std::vector<GEOSGeometry*> lines;
    lines.reserve(polygon.rings.size());
    for (const Ring& ring : polygon.rings) {
        lines.push_back(to_geos_closed_line(context, ring));
    }
    const GeosGeometry all(GEOSGeom_createCollection_r(context, GEOS_MULTILINESTRING, lines.data(),
                                                       static_cast<unsigned>(lines.size())),
                           {context});
    return all && GEOSisSimple_r(context, all.get()) == 1;
}

/// Whether every hole of `polygon` (rings known not to touch) has its first vertex properly
/// inside the shell, by GEOS's prepared (indexed) point test.
bool holes_in_shell(GEOSContextHandle_t context, const Polygon& polygon) {
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
    return inside;
}

/// Whether no hole of `polygon` (rings known not to touch) lies inside another: only pairs
/// whose boxes nest need the point test; a test rounding could decide says "not shown".
bool no_nested_holes(const Polygon& polygon) {
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
                certainly_inside(polygon.rings[j + 1], polygon.rings[i + 1].front()) != false) {
                return false;
            }
        }
    }
    return true;
}

bool polygon_certainly_valid(const GeosContext& geos, const Polygon& polygon) {
    constexpr std::size_t max_holes = 20000; // beyond it the pairwise hole test costs too much
    if (polygon.rings.empty() || polygon.rings.size() - 1 > max_holes) {
        return false;
    }
    for (const Ring& ring : polygon.rings) {
        if (ring.size() < 3 || doubled_area(ring) == 0.0) {
            return false;
        }
    }
    // No ring crosses or touches itself or another: all rings as lines are simple (the grid
    // test, GEOS's when that cannot tell).
    if (!rings_certainly_simple(polygon.rings) && !geos_rings_simple(geos.get(), polygon)) {
        return false;
    }
    if (polygon.rings.size() == 1) {
        return true;
    }
    // Every hole inside the shell: one vertex of it (on no other ring) inside; by the filtered
    // ray test, and by GEOS's indexed point test when rounding could decide one, or when the
    // holes are many on a long shell (each ray test walks the whole shell).
    constexpr std::size_t max_ray_work = 4'000'000; // hole tests x shell vertices
    bool decided = (polygon.rings.size() - 1) * polygon.rings.front().size() <= max_ray_work;
    for (std::size_t i = 1; i < polygon.rings.size() && decided; ++i) {
        const auto inside = certainly_inside(polygon.rings.front(), polygon.rings[i].front());
        if (inside && !*inside) {
            return false;
        }
        decided = inside.has_value();
    }
    if (!decided && !holes_in_shell(geos.get(), polygon)) {
        return false;
    }
    // No hole inside another: only pairs whose boxes nest need the point test.
    return no_nested_holes(polygon);
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
    const GeosContext geos; // made only when the quick tests cannot tell
    return polygon_certainly_valid(geos, polygons.front());
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
        // The clip's parts are checked as the loader checks polygons: each shown valid by the
        // quick test (the parts of a valid polygon's clip keep apart), or GEOS's test of all.
        GeosGeometry part(GEOSClipByRect_r(context, shape.get(), -180.0, lat_min, 180.0, lat_max),
                          {context});
        std::vector<Polygon> parts;
        if (part) {
            append_polygons(context, part.get(), parts);
        }
        const bool shown = part && std::all_of(parts.begin(), parts.end(), [](const Polygon& p) {
                               return certainly_valid({p});
                           });
        if (!part || (!shown && GEOSisValid_r(context, part.get()) != 1)) {
            const GeosGeometry valid(GEOSMakeValid_r(context, shape.get()), {context});
            if (valid) {
                part.reset(GEOSIntersection_r(context, valid.get(), band.get()));
            }
            if (!part) {
                throw InputError(
                    N_("a polygon cannot be clipped to latitudes {min} to {max}: GEOS could not "
                       "intersect it"),
                    {{"min", std::to_string(lat_min)}, {"max", std::to_string(lat_max)}});
            }
            parts.clear();
            append_polygons(context, part.get(), parts);
        }
        out.insert(out.end(), std::make_move_iterator(parts.begin()),
                   std::make_move_iterator(parts.end()));
    }
    return out;
}

/// Repairs `shape` (the polygon in GEOS) when it is not valid: the cheap check first, GEOS's
/// only when that cannot tell.
void repair_if_invalid(const GeosContext& geos, const Polygon& polygon, GeosGeometry& shape) {
    GEOSContextHandle_t context = geos.get();
    if (shape && !polygon_certainly_valid(geos, polygon) &&
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
        repair_if_invalid(geos, polygon, part);
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
            repair_if_invalid(geos, polygon, shape);
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
