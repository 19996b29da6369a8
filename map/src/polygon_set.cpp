// SPDX-License-Identifier: GPL-3.0-or-later
#include "map/polygon_set.hpp"

#include <GL/glu.h>
#include <algorithm>
#include <array>
#include <cmath>
#include <deque>
#include <future>
#include <iterator>
#include <limits>
#include <optional>
#include <stdexcept>
#include <string>

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
    std::deque<std::array<GLdouble, 3>> created;
    GLenum error = 0;
};

void GLAPIENTRY on_vertex(void* vertex, void* data) {
    const auto* p = static_cast<const GLdouble*>(vertex);
    static_cast<Tessellation*>(data)->out->push_back(to_map({p[0], p[1]}));
}

void GLAPIENTRY on_combine(GLdouble coords[3], void* [4], GLfloat[4], void** result, void* data) {
    auto& created = static_cast<Tessellation*>(data)->created;
    created.push_back({coords[0], coords[1], coords[2]});
    *result = created.back().data();
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

    void run(const std::vector<geo::Ring>& rings, std::vector<MapVertex>& out) {
        // The tessellator keeps pointers to the coordinates until the polygon ends.
        coords_.clear();
        for (const auto& ring : rings) {
            for (const auto& p : ring) {
                coords_.push_back({p.x, p.y, 0.0});
            }
        }
        Tessellation state;
        state.out = &out;
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
    static const std::vector<double> tolerances = {0.0, 40.0, 120.0, 300.0, 700.0, 1500.0};
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

void triangulate_even_odd(const std::vector<geo::Ring>& rings, std::vector<MapVertex>& out) {
    thread_local Tessellator tessellator;
    tessellator.run(rings, out);
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
    levels_.resize(lod_tolerances_m().size());
    built_ = std::make_unique<std::once_flag[]>(levels_.size());
}

const LodLevel& PolygonSet::level(std::size_t index) const {
    static const LodLevel nothing;
    if (index >= levels_.size()) {
        return nothing;
    }
    std::call_once(built_[index], [&] {
        auto built = std::make_unique<LodLevel>();
        built->tolerance_m = lod_tolerances_m()[index];
        const double tolerance = built->tolerance_m / metres_per_unit_; // in the CRS's units
        std::vector<geo::Ring> simplified;
        for (const auto& ring : rings_) {
            geo::Ring ring_simplified = simplify_ring(ring, tolerance);
            // Rings smaller than the tolerance vanish at this level.
            const geo::Box ring_box = bounds_of({ring_simplified});
            if (ring_simplified.size() < 3 ||
                (tolerance > 0 && std::max(ring_box.max_x - ring_box.min_x,
                                           ring_box.max_y - ring_box.min_y) < tolerance)) {
                continue;
            }
            built->vertex_count += ring_simplified.size();
            append_outline(ring_simplified, built->outlines);
            simplified.push_back(std::move(ring_simplified));
        }
        std::vector<std::vector<geo::Ring>> piece_rings;
        split_into_pieces(std::move(simplified), box_, 0, built->fills, piece_rings);
        triangulate_pieces(built->fills, piece_rings);
        levels_[index] = std::move(built);
    });
    return *levels_[index];
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
