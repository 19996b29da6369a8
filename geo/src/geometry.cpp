#include "geo/geometry.hpp"

#include "geo/error.hpp"

#include <geos_c.h>
#include <memory>
#include <string>

namespace geo {

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

/// A closed GEOS ring, or nullptr for a ring of fewer than three points.
GEOSGeometry* to_geos_ring(GEOSContextHandle_t context, const Ring& ring) {
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
    return GEOSGeom_createLinearRing_r(context, sequence); // takes the sequence
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

} // namespace

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
            throw InputError("a polygon cannot be clipped to latitudes " + std::to_string(lat_min) +
                             " to " + std::to_string(lat_max) + ": GEOS could not intersect it");
        }
        append_polygons(context, part.get(), out);
    }
    return out;
}

} // namespace geo
