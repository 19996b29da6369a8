// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "geo/geometry.hpp"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <stop_token>
#include <vector>

namespace kuril {

/// A float point in map space: projected metres with y pointing down (screen orientation), as
/// SFML wants it. Floats keep ~6 cm precision over the region, far below a pixel.
struct MapVertex {
    float x = 0.f;
    float y = 0.f;
};

/// A piece of a polygon set cut to a quadtree cell, triangulated once (the even-odd interior of
/// its rings: holes, cut edges and self-touching rings come out right), three vertices a
/// triangle: drawn in one pass, each pixel once.
struct FillPiece {
    geo::Box bounds; ///< map space, y down
    std::vector<MapVertex> triangles;
    /// The piece's rings (map space, y down), whose even-odd fill the triangles cover: for
    /// outputs that fill paths themselves (PDF, SVG), with no seams between triangles.
    std::vector<std::vector<MapVertex>> rings;
};

/// A stretch of outline (coast, lake shore) as line-segment pairs.
struct OutlineChunk {
    geo::Box bounds;
    std::vector<MapVertex> segments;
};

/// One level of detail: geometry simplified to `tolerance_m`, cut into pieces for culling.
struct LodLevel {
    double tolerance_m = 0.0;
    std::vector<FillPiece> fills;
    std::vector<OutlineChunk> outlines;
    std::size_t vertex_count = 0; ///< after simplification
};

/// A polygon set (all land, the lakes, one island) at every level of detail. A level's fills
/// and its outlines are each built the first time they are asked for (an export needs one
/// level, and the land's fills only without the status layer; the viewer builds the rest on a
/// second thread after its first frame), then kept. They may be asked for from several
/// threads: each is built once, and a thread that asks for it meanwhile waits for it.
class PolygonSet {
public:
    PolygonSet() = default;
    /// `metres_per_unit`: the size of the CRS's unit (1 for metres, about 111 km for a degree):
    /// the levels' tolerances are in metres, the rings in the CRS's units.
    explicit PolygonSet(std::vector<geo::Ring> projected_rings, double metres_per_unit = 1.0);

    bool empty() const { return rings_.empty(); }
    /// The vertices of the rings it was made of (before simplification).
    std::size_t source_vertex_count() const;
    std::size_t level_count() const { return levels_.size(); }
    /// The level of that index (0 = full resolution), fills and outlines built if needed.
    const LodLevel& level(std::size_t index) const;
    /// The level with its fills built (its outlines only if asked for before).
    const LodLevel& fills(std::size_t index) const;
    /// The level with its outlines and vertex count built (its fills only if asked for before).
    const LodLevel& outlines(std::size_t index) const;
    /// The coarsest level whose tolerance is still below a pixel (`metres_per_pixel` in the
    /// CRS's units per pixel, as MapView gives it): whole, with its fills, with its outlines.
    const LodLevel& level_for(double metres_per_pixel) const;
    const LodLevel& fills_for(double metres_per_pixel) const;
    const LodLevel& outlines_for(double metres_per_pixel) const;
    /// Builds every level now, or until `stop` is requested (between levels).
    void prepare_all(std::stop_token stop = {}) const;

    geo::Box bounds; ///< map space, y down

private:
    /// The rings simplified to the level's tolerance, those smaller than it left out.
    std::vector<geo::Ring> simplified(std::size_t index) const;
    /// Build the level's outlines or fills once; from `rings` (simplified(index)) when the
    /// caller has them, else simplified here and left in `rings` for the other part.
    void build_outlines(std::size_t index, std::optional<std::vector<geo::Ring>>& rings) const;
    void build_fills(std::size_t index, std::optional<std::vector<geo::Ring>>& rings) const;
    /// The level of that index with the parts asked for built (an empty level past the last).
    const LodLevel& built(std::size_t index, bool outlines, bool fills) const;

    std::vector<geo::Ring> rings_; ///< north-up metres
    geo::Box box_;                 ///< north-up metres
    double metres_per_unit_ = 1.0;
    std::vector<std::unique_ptr<LodLevel>> levels_;            ///< their parts built on demand
    mutable std::unique_ptr<std::once_flag[]> fills_built_;    ///< one for each level
    mutable std::unique_ptr<std::once_flag[]> outlines_built_; ///< one for each level
};

/// Tolerances of the levels of detail, finest (0 = full resolution) first.
const std::vector<double>& lod_tolerances_m();

/// The level a view at this scale draws: the coarsest whose tolerance is still below a pixel.
std::size_t lod_index_for(double metres_per_pixel);

/// Builds the levels of detail of projected polygons (x east, y north in the CRS's units, of
/// `metres_per_unit` metres each).
PolygonSet build_polygon_set(const std::vector<geo::Polygon>& projected,
                             double metres_per_unit = 1.0);

/// Whether both coordinates are finite (a point beyond a projection's horizon is not).
bool is_finite(geo::Point p);

/// The ring without its non-finite vertices (those beyond a projection's horizon).
geo::Ring finite_vertices(const geo::Ring& ring);

/// Douglas-Peucker simplification of a closed ring; keeps at least 4 points when it can.
/// Non-finite vertices are dropped first.
geo::Ring simplify_ring(const geo::Ring& ring, double tolerance);

/// Douglas-Peucker simplification of an open line: its ends kept, and every point left out
/// within `tolerance` of the line kept. A line with a non-finite point is returned as it is.
std::vector<geo::Point> simplify_line(const std::vector<geo::Point>& line, double tolerance);

/// Sutherland-Hodgman clip of a closed ring to a box (non-finite vertices dropped first). The
/// result may have zero-width connecting edges along the box, which an even-odd fill ignores.
geo::Ring clip_ring(const geo::Ring& ring, const geo::Box& box);

/// The even-odd interior of `rings` as triangles (three vertices each, map space: y flipped to
/// point down), appended to `out`. Through the tessellator of Mesa's GLU (SGI's libtess: a
/// sweep line that splits at every crossing, needs no OpenGL context and handles degenerate,
/// self-touching and overlapping rings), then made Delaunay (make_delaunay); throws
/// std::runtime_error if the tessellator reports an error.
void triangulate_even_odd(const std::vector<geo::Ring>& rings, std::vector<MapVertex>& out);

/// Turns the triangles from `first` on into a constrained Delaunay triangulation of the same
/// area (Lawson's edge flips across edges two triangles share), so that long thin slivers
/// become well-shaped triangles, which a rasteriser fills faster; drops triangles with no
/// area. The area each pixel centre falls in is the same.
void make_delaunay(std::vector<MapVertex>& triangles, std::size_t first = 0);

/// Even-odd point-in-polygon test on projected rings.
bool polygon_contains(const geo::Polygon& polygon, geo::Point p);

/// polygon_contains for many points against one large polygon (a mainland of 50,000
/// vertices): its edges sorted into horizontal strips, so that a test crosses only the edges
/// of the point's strip. The same answer as polygon_contains, edge for edge.
class PolygonIndex {
public:
    PolygonIndex() = default;
    explicit PolygonIndex(const geo::Polygon& polygon);
    bool contains(geo::Point p) const;
    /// The polygon's box (unbounded for one with a vertex beyond a projection's horizon).
    const geo::Box& bounds() const { return box_; }

private:
    struct Edge {
        geo::Point a;
        geo::Point b;
    };
    geo::Box box_{0, 0, -1, -1}; ///< empty: contains nothing
    double strip_height_ = 1.0;
    std::vector<std::uint32_t> starts_; ///< strip s: edges_[starts_[s], starts_[s + 1])
    std::vector<Edge> edges_;
};

} // namespace kuril
