// SPDX-License-Identifier: GPL-3.0-or-later
#include "map/polygon_set.hpp"

#include <GL/glu.h>
#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <deque>
#include <future>
#include <iterator>
#include <limits>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>

namespace kuril {
namespace {

constexpr std::size_t max_piece_vertices = 128;
constexpr int max_depth = 14;
constexpr std::size_t outline_chunk_vertices = 256;

void extend(geo::Box& box, const geo::Ring& ring) {
    for (const auto& p : ring) {
        box.min_x = std::min(box.min_x, p.x);
        box.min_y = std::min(box.min_y, p.y);
        box.max_x = std::max(box.max_x, p.x);
        box.max_y = std::max(box.max_y, p.y);
    }
}

constexpr geo::Box empty_box{std::numeric_limits<double>::max(), std::numeric_limits<double>::max(),
                             std::numeric_limits<double>::lowest(),
                             std::numeric_limits<double>::lowest()};

geo::Box bounds_of(const std::vector<geo::Ring>& rings) {
    geo::Box box = empty_box;
    for (const auto& ring : rings) {
        extend(box, ring);
    }
    return box;
}

/// Map space has y down: flip north-up metres.
MapVertex to_map(geo::Point p) {
    return {static_cast<float>(p.x), static_cast<float>(-p.y)};
}

geo::Box to_map_box(const geo::Box& box) {
    return {box.min_x, -box.max_y, box.max_x, -box.min_y};
}

void simplify_range(const geo::Ring& ring, std::size_t first, std::size_t last, double tolerance,
                    std::vector<bool>& keep) {
    // Iterative to survive long coastlines.
    std::vector<std::pair<std::size_t, std::size_t>> stack{{first, last}};
    while (!stack.empty()) {
        const auto [a, b] = stack.back();
        stack.pop_back();
        if (b <= a + 1) {
            continue;
        }
        const geo::Point pa = ring[a];
        const geo::Point pb = ring[b % ring.size()];
        const double dx = pb.x - pa.x;
        const double dy = pb.y - pa.y;
        const double length = std::hypot(dx, dy);
        double worst = -1.0;
        std::size_t worst_index = a;
        for (std::size_t i = a + 1; i < b; ++i) {
            const geo::Point p = ring[i];
            const double distance = length > 0
                                        ? std::fabs(dy * (p.x - pa.x) - dx * (p.y - pa.y)) / length
                                        : std::hypot(p.x - pa.x, p.y - pa.y);
            if (distance > worst) {
                worst = distance;
                worst_index = i;
            }
        }
        if (worst > tolerance) {
            keep[worst_index] = true;
            stack.push_back({a, worst_index});
            stack.push_back({worst_index, b});
        }
    }
}

/// What the tessellator's callbacks write to: triangles (GL_TRIANGLES only, as an edge-flag
/// callback is set), the vertices it creates where rings cross, and its first error.
struct Tessellation {
    std::vector<MapVertex>* out = nullptr;
    std::vector<std::uint32_t>* ids = nullptr; ///< each output vertex's id (its z, see run)
    std::deque<std::array<GLdouble, 3>> created;
    GLdouble next_id = 0;
    GLenum error = 0;
};

void GLAPIENTRY on_vertex(void* vertex, void* data) {
    const auto* p = static_cast<const GLdouble*>(vertex);
    auto* tessellation = static_cast<Tessellation*>(data);
    tessellation->out->push_back(to_map({p[0], p[1]}));
    tessellation->ids->push_back(static_cast<std::uint32_t>(p[2]));
}

void GLAPIENTRY on_combine(GLdouble coords[3], void* [4], GLfloat[4], void** result, void* data) {
    auto* tessellation = static_cast<Tessellation*>(data);
    // A vertex made where edges cross gets the next id (the plane is z = 0: z carries ids).
    tessellation->created.push_back({coords[0], coords[1], tessellation->next_id++});
    *result = tessellation->created.back().data();
}

void GLAPIENTRY on_error(GLenum error, void* data) {
    auto* tessellation = static_cast<Tessellation*>(data);
    if (tessellation->error == 0) {
        tessellation->error = error;
    }
}

// Only its presence matters: with an edge-flag callback the tessellator emits GL_TRIANGLES
// alone, never fans or strips.
void GLAPIENTRY on_edge_flag(GLboolean, void*) {}

void GLAPIENTRY on_begin(GLenum, void*) {}

/// One tessellator object per thread, made on first use (levels of detail may be built on
/// several threads at once).
class Tessellator {
public:
    Tessellator() : tess_(gluNewTess()) {
        if (tess_ == nullptr) {
            throw std::runtime_error("polygon fill: the GLU tessellator could not be created");
        }
        gluTessProperty(tess_, GLU_TESS_WINDING_RULE, GLU_TESS_WINDING_ODD);
        gluTessNormal(tess_, 0, 0, 1);
        using Callback = void(GLAPIENTRY*)();
        gluTessCallback(tess_, GLU_TESS_BEGIN_DATA, reinterpret_cast<Callback>(&on_begin));
        gluTessCallback(tess_, GLU_TESS_VERTEX_DATA, reinterpret_cast<Callback>(&on_vertex));
        gluTessCallback(tess_, GLU_TESS_COMBINE_DATA, reinterpret_cast<Callback>(&on_combine));
        gluTessCallback(tess_, GLU_TESS_ERROR_DATA, reinterpret_cast<Callback>(&on_error));
        gluTessCallback(tess_, GLU_TESS_EDGE_FLAG_DATA, reinterpret_cast<Callback>(&on_edge_flag));
    }
    ~Tessellator() { gluDeleteTess(tess_); }
    Tessellator(const Tessellator&) = delete;
    Tessellator& operator=(const Tessellator&) = delete;

    /// Appends the triangles to `out` and each of their vertices' ids to `ids` (equal ids, the
    /// same vertex); returns how many ids there are.
    std::size_t run(const std::vector<geo::Ring>& rings, std::vector<MapVertex>& out,
                    std::vector<std::uint32_t>& ids) {
        // The tessellator keeps pointers to the coordinates until the polygon ends. Their z
        // (the plane's normal is given: z is not used) carries each vertex's id.
        coords_.clear();
        for (const auto& ring : rings) {
            for (const auto& p : ring) {
                coords_.push_back({p.x, p.y, static_cast<GLdouble>(coords_.size())});
            }
        }
        Tessellation state;
        state.out = &out;
        state.ids = &ids;
        state.next_id = static_cast<GLdouble>(coords_.size());
        const std::size_t first = out.size();
        gluTessBeginPolygon(tess_, &state);
        std::size_t next = 0;
        for (const auto& ring : rings) {
            gluTessBeginContour(tess_);
            for (std::size_t i = 0; i < ring.size(); ++i, ++next) {
                gluTessVertex(tess_, coords_[next].data(), coords_[next].data());
            }
            gluTessEndContour(tess_);
        }
        gluTessEndPolygon(tess_);
        if (state.error != 0) {
            out.resize(first);
            const auto* text = reinterpret_cast<const char*>(gluErrorString(state.error));
            throw std::runtime_error(std::string("polygon fill: the tessellator failed: ") +
                                     (text != nullptr ? text : "unknown error"));
        }
        out.resize(first + (out.size() - first) / 3 * 3);
        ids.resize(out.size() - first);
        return static_cast<std::size_t>(state.next_id);
    }

private:
    GLUtesselator* tess_;
    std::vector<std::array<GLdouble, 3>> coords_;
};

/// Cuts the rings into pieces of at most max_piece_vertices along a quadtree; each piece gets
/// its bounds and rings (map space), and its rings as they are in `piece_rings`, to be
/// triangulated afterwards (triangulate_pieces).
void split_into_pieces(std::vector<geo::Ring> rings, const geo::Box& box, int depth,
                       std::vector<FillPiece>& out,
                       std::vector<std::vector<geo::Ring>>& piece_rings) {
    if (!std::isfinite(box.min_x) || !std::isfinite(box.min_y) || !std::isfinite(box.max_x) ||
        !std::isfinite(box.max_y)) {
        return; // only empty sets have no finite bounds: their rings were all non-finite
    }
    std::size_t vertices = 0;
    for (const auto& ring : rings) {
        vertices += ring.size();
    }
    if (vertices == 0) {
        return;
    }
    if (vertices <= max_piece_vertices || depth >= max_depth) {
        FillPiece piece;
        piece.bounds = to_map_box(bounds_of(rings));
        for (const auto& ring : rings) {
            auto& mapped = piece.rings.emplace_back();
            mapped.reserve(ring.size());
            for (const auto& p : ring) {
                mapped.push_back(to_map(p));
            }
        }
        out.push_back(std::move(piece));
        piece_rings.push_back(std::move(rings));
        return;
    }
    const double mid_x = (box.min_x + box.max_x) / 2;
    const double mid_y = (box.min_y + box.max_y) / 2;
    const geo::Box quadrants[4] = {{box.min_x, box.min_y, mid_x, mid_y},
                                   {mid_x, box.min_y, box.max_x, mid_y},
                                   {box.min_x, mid_y, mid_x, box.max_y},
                                   {mid_x, mid_y, box.max_x, box.max_y}};
    // Most rings lie wholly inside one quadrant or outside it: those are taken or left as they
    // are, and only the rings a quadrant's edge crosses are clipped (the same result, without
    // four clipping passes over every ring at every depth).
    std::vector<std::optional<geo::Box>> ring_boxes(rings.size());
    for (std::size_t i = 0; i < rings.size(); ++i) {
        if (std::all_of(rings[i].begin(), rings[i].end(), is_finite)) {
            ring_boxes[i] = empty_box;
            extend(*ring_boxes[i], rings[i]);
        }
    }
    for (const auto& quadrant : quadrants) {
        std::vector<geo::Ring> clipped;
        for (std::size_t i = 0; i < rings.size(); ++i) {
            const std::optional<geo::Box>& r = ring_boxes[i];
            if (r && (r->max_x < quadrant.min_x || r->min_x > quadrant.max_x ||
                      r->max_y < quadrant.min_y || r->min_y > quadrant.max_y)) {
                continue; // every vertex fails one edge's test: clipping leaves nothing
            }
            if (r && r->min_x >= quadrant.min_x && r->max_x <= quadrant.max_x &&
                r->min_y >= quadrant.min_y && r->max_y <= quadrant.max_y) {
                if (rings[i].size() >= 3) {
                    clipped.push_back(rings[i]); // every vertex passes: clipping keeps it whole
                }
                continue;
            }
            geo::Ring part = clip_ring(rings[i], quadrant);
            if (part.size() >= 3) {
                clipped.push_back(std::move(part));
            }
        }
        split_into_pieces(std::move(clipped), quadrant, depth + 1, out, piece_rings);
    }
}

/// Triangulates every piece (on two threads when there are many: the pieces are independent
/// and each thread has its own tessellator), then drops the pieces that cover nothing.
void triangulate_pieces(std::vector<FillPiece>& pieces,
                        const std::vector<std::vector<geo::Ring>>& piece_rings) {
    const std::size_t count = pieces.size();
    const auto work = [&](std::size_t first, std::size_t step) {
        for (std::size_t i = first; i < count; i += step) {
            triangulate_even_odd(piece_rings[i], pieces[i].triangles);
        }
    };
    if (count >= 64) {
        auto other = std::async(std::launch::async, work, 1, 2);
        work(0, 2);
        other.get();
    } else {
        work(0, 1);
    }
    std::erase_if(pieces, [](const FillPiece& piece) { return piece.triangles.empty(); });
}

void append_outline(const geo::Ring& ring, std::vector<OutlineChunk>& out) {
    if (ring.size() < 2) {
        return;
    }
    for (std::size_t start = 0; start < ring.size(); start += outline_chunk_vertices) {
        OutlineChunk chunk;
        const std::size_t end = std::min(ring.size(), start + outline_chunk_vertices);
        geo::Ring stretch;
        for (std::size_t i = start; i <= end; ++i) {
            stretch.push_back(ring[i % ring.size()]); // close the ring on the last chunk
        }
        for (std::size_t i = 0; i + 1 < stretch.size(); ++i) {
            chunk.segments.push_back(to_map(stretch[i]));
            chunk.segments.push_back(to_map(stretch[i + 1]));
        }
        chunk.bounds = to_map_box(bounds_of({stretch}));
        out.push_back(std::move(chunk));
    }
}

} // namespace

const std::vector<double>& lod_tolerances_m() {
    static const std::vector<double> tolerances = {0.0, 40.0, 120.0, 300.0, 700.0, 1200.0, 1500.0};
    return tolerances;
}

std::size_t lod_index_for(double metres_per_pixel) {
    std::size_t chosen = 0;
    for (std::size_t i = 0; i < lod_tolerances_m().size(); ++i) {
        if (lod_tolerances_m()[i] <= metres_per_pixel * 0.9) {
            chosen = i;
        }
    }
    return chosen;
}

const LodLevel& PolygonSet::level_for(double metres_per_pixel) const {
    return level(lod_index_for(metres_per_pixel * metres_per_unit_));
}

const LodLevel& PolygonSet::fills_for(double metres_per_pixel) const {
    return fills(lod_index_for(metres_per_pixel * metres_per_unit_));
}

const LodLevel& PolygonSet::outlines_for(double metres_per_pixel) const {
    return outlines(lod_index_for(metres_per_pixel * metres_per_unit_));
}

bool is_finite(geo::Point p) {
    return std::isfinite(p.x) && std::isfinite(p.y);
}

geo::Ring finite_vertices(const geo::Ring& ring) {
    geo::Ring out;
    out.reserve(ring.size());
    std::copy_if(ring.begin(), ring.end(), std::back_inserter(out), is_finite);
    return out;
}

geo::Ring simplify_ring(const geo::Ring& input, double tolerance) {
    // A vertex beyond a projection's horizon (inf/nan) would make every distance nan.
    const bool all_finite = std::all_of(input.begin(), input.end(), is_finite);
    const geo::Ring cleaned = all_finite ? geo::Ring{} : finite_vertices(input);
    const geo::Ring& ring = all_finite ? input : cleaned;
    if (tolerance <= 0 || !std::isfinite(tolerance) || ring.size() <= 4) {
        return ring;
    }
    // Split at the point farthest from the first so the closed ring keeps its extent.
    std::size_t far = 0;
    double far_distance = -1;
    for (std::size_t i = 1; i < ring.size(); ++i) {
        const double d = std::hypot(ring[i].x - ring[0].x, ring[i].y - ring[0].y);
        if (d > far_distance) {
            far_distance = d;
            far = i;
        }
    }
    std::vector<bool> keep(ring.size(), false);
    keep[0] = true;
    keep[far] = true;
    simplify_range(ring, 0, far, tolerance, keep);
    simplify_range(ring, far, ring.size(), tolerance, keep);
    geo::Ring out;
    for (std::size_t i = 0; i < ring.size(); ++i) {
        if (keep[i]) {
            out.push_back(ring[i]);
        }
    }
    return out;
}

std::vector<geo::Point> simplify_line(const std::vector<geo::Point>& line, double tolerance) {
    if (tolerance <= 0 || !std::isfinite(tolerance) || line.size() <= 2 ||
        !std::all_of(line.begin(), line.end(), is_finite)) {
        return line;
    }
    std::vector<bool> keep(line.size(), false);
    keep.front() = true;
    keep.back() = true;
    simplify_range(line, 0, line.size() - 1, tolerance, keep);
    std::vector<geo::Point> out;
    for (std::size_t i = 0; i < line.size(); ++i) {
        if (keep[i]) {
            out.push_back(line[i]);
        }
    }
    return out;
}

geo::Ring clip_ring(const geo::Ring& ring, const geo::Box& box) {
    // Non-finite vertices (beyond a projection's horizon) are dropped: crossings with them
    // would be nan.
    geo::Ring current = finite_vertices(ring);
    for (int edge = 0; edge < 4 && !current.empty(); ++edge) {
        auto inside = [&](geo::Point p) {
            switch (edge) {
            case 0:
                return p.x >= box.min_x;
            case 1:
                return p.x <= box.max_x;
            case 2:
                return p.y >= box.min_y;
            default:
                return p.y <= box.max_y;
            }
        };
        auto cross = [&](geo::Point a, geo::Point b) {
            double t = 0;
            switch (edge) {
            case 0:
                t = (box.min_x - a.x) / (b.x - a.x);
                return geo::Point{box.min_x, a.y + t * (b.y - a.y)};
            case 1:
                t = (box.max_x - a.x) / (b.x - a.x);
                return geo::Point{box.max_x, a.y + t * (b.y - a.y)};
            case 2:
                t = (box.min_y - a.y) / (b.y - a.y);
                return geo::Point{a.x + t * (b.x - a.x), box.min_y};
            default:
                t = (box.max_y - a.y) / (b.y - a.y);
                return geo::Point{a.x + t * (b.x - a.x), box.max_y};
            }
        };
        geo::Ring next;
        next.reserve(current.size() + 4);
        for (std::size_t i = 0; i < current.size(); ++i) {
            const geo::Point a = current[i];
            const geo::Point b = current[(i + 1) % current.size()];
            const bool a_in = inside(a);
            const bool b_in = inside(b);
            if (a_in) {
                next.push_back(a);
                if (!b_in) {
                    next.push_back(cross(a, b));
                }
            } else if (b_in) {
                next.push_back(cross(a, b));
            }
        }
        current = std::move(next);
    }
    return current;
}

namespace {

/// make_delaunay, given each vertex's id (`ids[i]` for triangles[first + i], below
/// `vertex_count`; equal ids for the same point).
void flip_to_delaunay(std::vector<MapVertex>& triangles, std::size_t first,
                      const std::vector<std::uint32_t>& ids, std::size_t vertex_count) {
    const std::size_t corners = std::min(ids.size(), (triangles.size() - first) / 3 * 3);
    // Reused from call to call: the pieces are small and many.
    thread_local std::vector<MapVertex> points;
    thread_local std::vector<std::uint32_t> v; // three corners a triangle; h: v[h] -> v[next(h)]
    thread_local std::vector<std::uint32_t> twin;
    thread_local std::vector<std::uint32_t> starts;
    thread_local std::vector<std::uint32_t> outgoing;
    thread_local std::vector<std::uint32_t> stack;
    points.resize(vertex_count);
    for (std::size_t i = 0; i < corners; ++i) {
        points[ids[i]] = triangles[first + i];
    }
    const auto orient = [](MapVertex a, MapVertex b, MapVertex c) {
        // Exact for floats: their differences and the products of two are exact in double.
        const double abx = double{b.x} - a.x;
        const double aby = double{b.y} - a.y;
        const double acx = double{c.x} - a.x;
        const double acy = double{c.y} - a.y;
        return abx * acy - aby * acx;
    };
    // Triangles with area, each turned the same way; those without cover no pixel and go.
    v.clear();
    for (std::size_t t = 0; t < corners; t += 3) {
        std::uint32_t a = ids[t];
        std::uint32_t b = ids[t + 1];
        const std::uint32_t c = ids[t + 2];
        const double turn = orient(points[a], points[b], points[c]);
        if (turn == 0) {
            continue;
        }
        if (turn < 0) {
            std::swap(a, b);
        }
        v.insert(v.end(), {a, b, c});
    }
    const auto next = [](std::size_t h) {
        return h - h % 3 + (h + 1) % 3;
    };
    constexpr auto none = std::numeric_limits<std::uint32_t>::max();
    // Each vertex's outgoing half-edges (compressed rows).
    starts.assign(vertex_count + 1, 0);
    for (const std::uint32_t from : v) {
        ++starts[from + 1];
    }
    for (std::size_t i = 0; i < vertex_count; ++i) {
        starts[i + 1] += starts[i];
    }
    outgoing.resize(v.size());
    {
        thread_local std::vector<std::uint32_t> fill;
        fill.assign(starts.begin(), starts.end() - 1);
        for (std::size_t h = 0; h < v.size(); ++h) {
            outgoing[fill[v[h]]++] = static_cast<std::uint32_t>(h);
        }
    }
    // For each vertex a: slot[b] is its half-edge a -> b (none if there are two); the
    // half-edge c -> a before each of a's half-edges then finds its twin a -> c there.
    thread_local std::vector<std::uint32_t> slot;
    slot.assign(vertex_count, none);
    constexpr auto twice = none - 1;
    twin.assign(v.size(), none);
    for (std::size_t a = 0; a < vertex_count; ++a) {
        for (std::uint32_t i = starts[a]; i < starts[a + 1]; ++i) {
            const std::uint32_t h = outgoing[i];
            std::uint32_t& to = slot[v[next(h)]];
            to = to == none ? h : twice;
        }
        for (std::uint32_t i = starts[a]; i < starts[a + 1]; ++i) {
            const std::size_t before = next(next(outgoing[i])); // c -> a
            const std::uint32_t found = slot[v[before]];
            twin[before] = found == twice ? none : found;
        }
        for (std::uint32_t i = starts[a]; i < starts[a + 1]; ++i) {
            slot[v[next(outgoing[i])]] = none;
        }
    }
    // Only pairs that are each other's one twin (an edge with more than two triangles, where
    // rings overlap along it, is left as it is).
    for (std::size_t h = 0; h < v.size(); ++h) {
        if (twin[h] != none && twin[twin[h]] != h) {
            twin[h] = none;
        }
    }
    // Whether d lies inside the circle through a, b, c (turning left), by more than rounding.
    const auto in_circle = [](MapVertex a, MapVertex b, MapVertex c, MapVertex d) {
        const double adx = double{a.x} - d.x;
        const double ady = double{a.y} - d.y;
        const double bdx = double{b.x} - d.x;
        const double bdy = double{b.y} - d.y;
        const double cdx = double{c.x} - d.x;
        const double cdy = double{c.y} - d.y;
        const double alift = adx * adx + ady * ady;
        const double blift = bdx * bdx + bdy * bdy;
        const double clift = cdx * cdx + cdy * cdy;
        const double bc = bdx * cdy - cdx * bdy;
        const double ca = cdx * ady - adx * cdy;
        const double ab = adx * bdy - bdx * ady;
        const double det = alift * bc + blift * ca + clift * ab;
        const double bound = alift * std::fabs(bc) + blift * std::fabs(ca) + clift * std::fabs(ab);
        return det > bound * 1e-12;
    };
    stack.clear();
    for (std::size_t h = 0; h < v.size(); ++h) {
        if (twin[h] != none && h < twin[h]) {
            stack.push_back(static_cast<std::uint32_t>(h));
        }
    }
    const auto link = [&](std::size_t h, std::uint32_t other) {
        twin[h] = other;
        if (other != none) {
            twin[other] = static_cast<std::uint32_t>(h);
        }
    };
    // Lawson's flips: each makes the triangulation strictly closer to Delaunay, so they end;
    // the cap only guards against rounding in near-cocircular cases.
    std::size_t budget = 16 * v.size() + 64;
    while (!stack.empty() && budget-- > 0) {
        const std::size_t h = stack.back();
        stack.pop_back();
        const std::size_t g = twin[h];
        if (g == none) {
            continue;
        }
        // h: a -> b in (a, b, c); g: b -> a in (b, a, d).
        const std::size_t h1 = next(h);
        const std::size_t h2 = next(h1);
        const std::size_t g1 = next(g);
        const std::size_t g2 = next(g1);
        const std::uint32_t a = v[h];
        const std::uint32_t b = v[h1];
        const std::uint32_t c = v[h2];
        const std::uint32_t d = v[g2];
        if (!in_circle(points[a], points[b], points[c], points[d]) ||
            orient(points[a], points[d], points[c]) <= 0 ||
            orient(points[d], points[b], points[c]) <= 0) {
            continue;
        }
        const std::uint32_t out_bc = twin[h1];
        const std::uint32_t out_ca = twin[h2];
        const std::uint32_t out_ad = twin[g1];
        const std::uint32_t out_db = twin[g2];
        // (a, d, c) and (d, b, c), in the two triangles' slots.
        const std::size_t t1 = h - h % 3;
        const std::size_t t2 = g - g % 3;
        v[t1] = a;
        v[t1 + 1] = d;
        v[t1 + 2] = c;
        v[t2] = d;
        v[t2 + 1] = b;
        v[t2 + 2] = c;
        link(t1, out_ad);
        link(t1 + 1, static_cast<std::uint32_t>(t2 + 2));
        link(t1 + 2, out_ca);
        link(t2, out_db);
        link(t2 + 1, out_bc);
        for (const std::size_t e : {t1, t1 + 2, t2, t2 + 1}) {
            if (twin[e] != none) {
                stack.push_back(static_cast<std::uint32_t>(e));
            }
        }
    }
    triangles.resize(first + v.size());
    for (std::size_t i = 0; i < v.size(); ++i) {
        triangles[first + i] = points[v[i]];
    }
}

} // namespace

void make_delaunay(std::vector<MapVertex>& triangles, std::size_t first) {
    if (first >= triangles.size()) {
        return;
    }
    const std::size_t corners = (triangles.size() - first) / 3 * 3;
    // Each distinct point gets an id: equal floats are the same vertex.
    const auto key_of = [](MapVertex v) {
        // +0 for -0: the two are the same point.
        return std::uint64_t{std::bit_cast<std::uint32_t>(v.x + 0.f)} << 32 |
               std::bit_cast<std::uint32_t>(v.y + 0.f);
    };
    std::vector<std::pair<std::uint64_t, std::uint32_t>> keys(corners);
    for (std::size_t i = 0; i < corners; ++i) {
        keys[i] = {key_of(triangles[first + i]), static_cast<std::uint32_t>(i)};
    }
    std::sort(keys.begin(), keys.end());
    std::vector<std::uint32_t> ids(corners);
    std::uint32_t count = 0;
    for (std::size_t i = 0; i < corners; ++i) {
        if (i != 0 && keys[i].first != keys[i - 1].first) {
            ++count;
        }
        ids[keys[i].second] = count;
    }
    flip_to_delaunay(triangles, first, ids, corners == 0 ? 0 : count + 1);
}

void triangulate_even_odd(const std::vector<geo::Ring>& rings, std::vector<MapVertex>& out) {
    thread_local Tessellator tessellator;
    thread_local std::vector<std::uint32_t> ids;
    const std::size_t first = out.size();
    ids.clear();
    const std::size_t vertex_count = tessellator.run(rings, out, ids);
    flip_to_delaunay(out, first, ids, vertex_count);
}

bool polygon_contains(const geo::Polygon& polygon, geo::Point p) {
    bool inside = false;
    for (const auto& ring : polygon.rings) {
        inside = inside != geo::ring_contains(ring, p); // even-odd over all rings
    }
    return inside;
}

PolygonIndex::PolygonIndex(const geo::Polygon& polygon) {
    std::vector<Edge> all;
    geo::Box box = empty_box;
    bool all_finite = true;
    for (const auto& ring : polygon.rings) {
        for (std::size_t i = 0, j = ring.empty() ? 0 : ring.size() - 1; i < ring.size(); j = i++) {
            all.push_back({ring[i], ring[j]});
        }
        extend(box, ring);
        all_finite = all_finite && std::all_of(ring.begin(), ring.end(), is_finite);
    }
    if (all.empty()) {
        return;
    }
    // A vertex beyond a projection's horizon (inf) may still count in ring_contains's test:
    // such a polygon keeps all its edges in one strip, with no box to rule points out.
    constexpr double inf = std::numeric_limits<double>::infinity();
    box_ = all_finite ? box : geo::Box{-inf, -inf, inf, inf};
    const std::size_t strips = all_finite ? std::clamp<std::size_t>(all.size() / 16, 1, 4096) : 1;
    strip_height_ = all_finite ? (box.max_y - box.min_y) / static_cast<double>(strips) : 1.0;
    if (!(strip_height_ > 0)) {
        strip_height_ = 1.0;
    }
    const auto strip_of = [&](double y) {
        const double s = std::floor((y - box_.min_y) / strip_height_);
        return s >= 0 ? static_cast<std::size_t>(std::min(s, static_cast<double>(strips - 1)))
                      : std::size_t{0}; // also for nan
    };
    // Counted, then filled (compressed rows): an edge is in every strip its y range meets.
    starts_.assign(strips + 1, 0);
    for (const Edge& e : all) {
        for (std::size_t s = strip_of(std::min(e.a.y, e.b.y));
             s <= strip_of(std::max(e.a.y, e.b.y)); ++s) {
            ++starts_[s + 1];
        }
    }
    for (std::size_t s = 0; s < strips; ++s) {
        starts_[s + 1] += starts_[s];
    }
    edges_.resize(starts_[strips]);
    std::vector<std::uint32_t> next(starts_.begin(), starts_.end() - 1);
    for (const Edge& e : all) {
        for (std::size_t s = strip_of(std::min(e.a.y, e.b.y));
             s <= strip_of(std::max(e.a.y, e.b.y)); ++s) {
            edges_[next[s]++] = e;
        }
    }
}

bool PolygonIndex::contains(geo::Point p) const {
    // Outside the box no edge is crossed an odd number of times (a ray from the left of the
    // box crosses each closed ring evenly).
    if (edges_.empty() ||
        !(p.x >= box_.min_x && p.x <= box_.max_x && p.y >= box_.min_y && p.y <= box_.max_y)) {
        return false;
    }
    const double strip = std::floor((p.y - box_.min_y) / strip_height_);
    const auto s =
        static_cast<std::size_t>(std::clamp(strip, 0.0, static_cast<double>(starts_.size() - 2)));
    bool inside = false;
    for (std::uint32_t i = starts_[s]; i < starts_[s + 1]; ++i) {
        const geo::Point a = edges_[i].a;
        const geo::Point b = edges_[i].b;
        // ring_contains's test, as it is written there.
        if ((a.y > p.y) != (b.y > p.y) && p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x) {
            inside = !inside;
        }
    }
    return inside;
}

PolygonSet::PolygonSet(std::vector<geo::Ring> projected_rings, double metres_per_unit)
    : metres_per_unit_(metres_per_unit > 0 ? metres_per_unit : 1.0) {
    for (auto& ring : projected_rings) {
        geo::Ring finite = finite_vertices(ring);
        if (finite.size() >= 3) {
            rings_.push_back(std::move(finite));
        }
    }
    box_ = bounds_of(rings_);
    bounds = to_map_box(box_);
    for (const double tolerance : lod_tolerances_m()) {
        levels_.push_back(std::make_unique<LodLevel>());
        levels_.back()->tolerance_m = tolerance;
    }
    fills_built_ = std::make_unique<std::once_flag[]>(levels_.size());
    outlines_built_ = std::make_unique<std::once_flag[]>(levels_.size());
}

std::vector<geo::Ring> PolygonSet::simplified(std::size_t index) const {
    const double tolerance = levels_[index]->tolerance_m / metres_per_unit_; // the CRS's units
    std::vector<geo::Ring> out;
    for (const auto& ring : rings_) {
        geo::Ring ring_simplified = simplify_ring(ring, tolerance);
        // Rings smaller than the tolerance vanish at this level.
        const geo::Box ring_box = bounds_of({ring_simplified});
        if (ring_simplified.size() < 3 ||
            (tolerance > 0 && std::max(ring_box.max_x - ring_box.min_x,
                                       ring_box.max_y - ring_box.min_y) < tolerance)) {
            continue;
        }
        out.push_back(std::move(ring_simplified));
    }
    return out;
}

void PolygonSet::build_outlines(std::size_t index,
                                std::optional<std::vector<geo::Ring>>& rings) const {
    std::call_once(outlines_built_[index], [&] {
        if (!rings) {
            rings = simplified(index);
        }
        LodLevel& level = *levels_[index];
        for (const auto& ring : *rings) {
            level.vertex_count += ring.size();
            append_outline(ring, level.outlines);
        }
    });
}

void PolygonSet::build_fills(std::size_t index,
                             std::optional<std::vector<geo::Ring>>& rings) const {
    std::call_once(fills_built_[index], [&] {
        if (!rings) {
            rings = simplified(index);
        }
        std::vector<std::vector<geo::Ring>> piece_rings;
        LodLevel& level = *levels_[index];
        split_into_pieces(std::move(*rings), box_, 0, level.fills, piece_rings);
        rings.reset();
        triangulate_pieces(level.fills, piece_rings);
    });
}

const LodLevel& PolygonSet::built(std::size_t index, bool outlines, bool fills) const {
    static const LodLevel nothing;
    if (index >= levels_.size()) {
        return nothing;
    }
    // Both parts from one simplification when neither is built yet.
    std::optional<std::vector<geo::Ring>> rings;
    if (outlines) {
        build_outlines(index, rings);
    }
    if (fills) {
        build_fills(index, rings);
    }
    return *levels_[index];
}

const LodLevel& PolygonSet::outlines(std::size_t index) const {
    return built(index, true, false);
}

const LodLevel& PolygonSet::fills(std::size_t index) const {
    return built(index, false, true);
}

const LodLevel& PolygonSet::level(std::size_t index) const {
    return built(index, true, true);
}

std::size_t PolygonSet::source_vertex_count() const {
    return geo::vertex_count(rings_);
}

void PolygonSet::prepare_all(std::stop_token stop) const {
    for (std::size_t i = 0; i < levels_.size() && !stop.stop_requested(); ++i) {
        level(i);
    }
}

PolygonSet build_polygon_set(const std::vector<geo::Polygon>& projected, double metres_per_unit) {
    std::vector<geo::Ring> all;
    for (const auto& polygon : projected) {
        all.insert(all.end(), polygon.rings.begin(), polygon.rings.end());
    }
    return PolygonSet(std::move(all), metres_per_unit);
}

} // namespace kuril
