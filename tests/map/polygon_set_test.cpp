// SPDX-License-Identifier: GPL-3.0-or-later
#include "geo/atlas.hpp"
#include "geo/error.hpp"
#include "geo/projection.hpp"
#include "map/map_furniture.hpp"
#include "map/map_scene.hpp"
#include "map/polygon_set.hpp"
#include "test_paths.hpp"

#include <algorithm>
#include <cmath>
#include <doctest/doctest.h>
#include <limits>
#include <map>
#include <string>
#include <thread>
#include <utility>

namespace {

/// Signed area of one triangle (map space).
double triangle_area(const kuril::MapVertex& a, const kuril::MapVertex& b,
                     const kuril::MapVertex& c) {
    return 0.5 * ((static_cast<double>(b.x) - a.x) * (static_cast<double>(c.y) - a.y) -
                  (static_cast<double>(c.x) - a.x) * (static_cast<double>(b.y) - a.y));
}

/// The area the triangles cover, each counted once (unsigned): equal to the even-odd area only
/// if no two overlap.
double triangles_area(const std::vector<kuril::MapVertex>& triangles) {
    double area = 0;
    for (std::size_t i = 0; i + 2 < triangles.size(); i += 3) {
        area += std::fabs(triangle_area(triangles[i], triangles[i + 1], triangles[i + 2]));
    }
    return area;
}

/// How many of the triangles contain p (map space, y down).
int coverage(const std::vector<kuril::MapVertex>& triangles, geo::Point p) {
    const kuril::MapVertex q{static_cast<float>(p.x), static_cast<float>(p.y)};
    int count = 0;
    for (std::size_t i = 0; i + 2 < triangles.size(); i += 3) {
        const double d1 = triangle_area(triangles[i], triangles[i + 1], q);
        const double d2 = triangle_area(triangles[i + 1], triangles[i + 2], q);
        const double d3 = triangle_area(triangles[i + 2], triangles[i], q);
        const bool negative = d1 < 0 || d2 < 0 || d3 < 0;
        const bool positive = d1 > 0 || d2 > 0 || d3 > 0;
        count += negative && positive ? 0 : 1;
    }
    return count;
}

/// Even-odd area of rings that do not cross (outer rings and the holes inside them): the area
/// each point is covered by an odd number of rings, from nested ring areas.
double shoelace(const geo::Ring& ring) {
    double area = 0;
    for (std::size_t i = 0; i < ring.size(); ++i) {
        const auto& p = ring[i];
        const auto& q = ring[(i + 1) % ring.size()];
        area += p.x * q.y - q.x * p.y;
    }
    return std::fabs(area) / 2;
}

/// One fixture in the manner of earcut.hpp's: rings, the triangles expected, the even-odd area
/// and how far the triangles' area may deviate from it (relative).
struct TriangulationFixture {
    std::string name;
    std::vector<geo::Ring> rings;
    std::size_t triangles;
    double area;
    double deviation;
};

/// Distance from p to the segment a-b.
double segment_distance(geo::Point p, geo::Point a, geo::Point b) {
    const double dx = b.x - a.x;
    const double dy = b.y - a.y;
    const double length2 = dx * dx + dy * dy;
    const double t =
        length2 == 0 ? 0 : std::clamp(((p.x - a.x) * dx + (p.y - a.y) * dy) / length2, 0.0, 1.0);
    return std::hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

/// The largest distance from a vertex of `ring` to the closed outline `outline`.
double farthest_from(const geo::Ring& ring, const geo::Ring& outline) {
    double farthest = 0;
    for (const auto& p : ring) {
        double nearest = std::numeric_limits<double>::infinity();
        for (std::size_t i = 0; i < outline.size(); ++i) {
            nearest = std::min(nearest,
                               segment_distance(p, outline[i], outline[(i + 1) % outline.size()]));
        }
        farthest = std::max(farthest, nearest);
    }
    return farthest;
}

/// Whether every point of `part` is a point of `whole`, in the same order.
bool is_subsequence(const geo::Ring& part, const geo::Ring& whole) {
    std::size_t next = 0;
    for (const auto& p : part) {
        while (next < whole.size() && (whole[next].x != p.x || whole[next].y != p.y)) {
            ++next;
        }
        if (next == whole.size()) {
            return false;
        }
        ++next;
    }
    return true;
}

} // namespace

TEST_CASE("[viewer] clipping a ring to a box keeps the area inside") {
    const geo::Ring square = {{0, 0}, {10, 0}, {10, 10}, {0, 10}};
    const auto clipped = kuril::clip_ring(square, {5, -5, 20, 5});
    double area = 0;
    for (std::size_t i = 0; i < clipped.size(); ++i) {
        const auto& p = clipped[i];
        const auto& q = clipped[(i + 1) % clipped.size()];
        area += p.x * q.y - q.x * p.y;
    }
    CHECK(std::fabs(area) / 2 == doctest::Approx(25));
    CHECK(kuril::clip_ring(square, {20, 20, 30, 30}).empty());
}

TEST_CASE("[viewer] simplification keeps the shape within the tolerance") {
    geo::Ring circle;
    for (int i = 0; i < 1000; ++i) {
        const double a = 6.283185307 * i / 1000;
        circle.push_back({1000 * std::cos(a), 1000 * std::sin(a)});
    }
    // A jagged coast: a star with 7 deep notches and small noise, so that the simplifier must
    // keep the tips and the notches, not just the extent.
    geo::Ring star;
    for (int i = 0; i < 1400; ++i) {
        const double a = 6.283185307 * i / 1400;
        const double radius = (i % 200 < 100 ? 500 + 5 * (i % 200) : 500 + 5 * (200 - i % 200)) +
                              3 * std::sin(i * 1.7);
        star.push_back({radius * std::cos(a), radius * std::sin(a)});
    }
    for (const auto& [name, ring] :
         {std::pair{std::string("circle"), &circle}, std::pair{std::string("star"), &star}}) {
        for (const double tolerance : {1.0, 5.0, 40.0}) {
            CAPTURE(name);
            CAPTURE(tolerance);
            const auto simplified = kuril::simplify_ring(*ring, tolerance);
            REQUIRE(simplified.size() >= 4);
            CHECK(simplified.size() < ring->size());
            // The simplified outline keeps only original vertices, in their order, so it lies on
            // the original outline...
            CHECK(is_subsequence(simplified, *ring));
            // ...and no original vertex is farther than the tolerance from it.
            CHECK(farthest_from(*ring, simplified) <= tolerance);
        }
    }
    // Four points of the circle (a square) are far from most of it: the check above fails.
    const geo::Ring square = {circle[0], circle[250], circle[500], circle[750]};
    CHECK(farthest_from(circle, square) > 250);
    // It does simplify: a 5 m tolerance on a 1 km circle needs a few dozen points, not 1000.
    CHECK(kuril::simplify_ring(circle, 5).size() < 100);
    CHECK(kuril::simplify_ring(star, 40).size() < 100);
    CHECK(kuril::simplify_ring(circle, 0).size() == 1000);
}

TEST_CASE("[map] simplify_line: an open line keeps its ends, and the points left out stay "
          "within the tolerance") {
    // A straight line sampled 150 times, each point off it by float rounding (a meridian of a
    // conic projection, as the graticule draws it): its two ends.
    std::vector<geo::Point> straight;
    for (int i = 0; i < 150; ++i) {
        const double t = i / 149.0;
        straight.push_back({100 + 900 * t + (i % 3 - 1) * 1e-5, 20 + 600 * t});
    }
    const auto ends = kuril::simplify_line(straight, 0.005);
    REQUIRE(ends.size() == 2);
    CHECK(ends.front() == straight.front());
    CHECK(ends.back() == straight.back());
    // An arc (a parallel): fewer points, the ends and only original points kept, in order, and
    // none left out farther than the tolerance from what is kept.
    std::vector<geo::Point> arc;
    for (int i = 0; i < 150; ++i) {
        const double a = 1.0 * i / 149.0;
        arc.push_back({1000 * std::cos(a), 1000 * std::sin(a)});
    }
    for (const double tolerance : {0.1, 1.0}) {
        CAPTURE(tolerance);
        const auto kept = kuril::simplify_line(arc, tolerance);
        CHECK(kept.size() < arc.size());
        CHECK(kept.front() == arc.front());
        CHECK(kept.back() == arc.back());
        CHECK(is_subsequence(kept, arc));
        CHECK(farthest_from(arc, kept) <= tolerance);
    }
    // Nothing is left out with no tolerance, nor from a line with a point beyond a projection's
    // horizon.
    CHECK(kuril::simplify_line(arc, 0).size() == arc.size());
    straight[70].x = std::numeric_limits<double>::infinity();
    CHECK(kuril::simplify_line(straight, 0.005).size() == straight.size());
}

TEST_CASE("[viewer] levels of detail cut into pieces cover the polygon exactly once") {
    // A big square with a hole, enough vertices to be cut into many pieces.
    geo::Ring outer;
    geo::Ring hole;
    for (int i = 0; i < 2000; ++i) {
        const double t = i / 2000.0;
        outer.push_back(i < 500    ? geo::Point{t * 4 * 100'000, 0}
                        : i < 1000 ? geo::Point{100'000, (t - 0.25) * 4 * 100'000}
                        : i < 1500 ? geo::Point{(0.75 - t) * 4 * 100'000, 100'000}
                                   : geo::Point{0, (1 - t) * 4 * 100'000});
    }
    hole = {{40'000, 40'000}, {40'000, 60'000}, {60'000, 60'000}, {60'000, 40'000}};
    const auto set = kuril::build_polygon_set({geo::Polygon{{outer, hole}}});
    REQUIRE(set.level_count() == kuril::lod_tolerances_m().size());
    const auto& finest = set.level(0);
    CHECK(finest.fills.size() > 4);
    double area = 0;
    for (const auto& piece : finest.fills) {
        area += triangles_area(piece.triangles);
    }
    // Covered area = outer - hole, with no triangle overlapping another.
    CHECK(area == doctest::Approx(1e10 - 4e8).epsilon(1e-6));
    // Each point is covered once inside, never in the hole or outside.
    for (const auto& [point, expected] :
         {std::pair{geo::Point{10'000, -10'000}, 1}, std::pair{geo::Point{50'000, -50'000}, 0},
          std::pair{geo::Point{70'010, -30'020}, 1}, std::pair{geo::Point{150'000, -50'000}, 0}}) {
        int covered = 0;
        for (const auto& piece : finest.fills) {
            covered += coverage(piece.triangles, point);
        }
        CAPTURE(point.x);
        CAPTURE(point.y);
        CHECK(covered == expected);
    }
    CHECK(&set.level_for(1.0) == &set.level(0));
    CHECK(&set.level_for(1e6) == &set.level(set.level_count() - 1));
}

TEST_CASE("[map] levels asked for from two threads at once are each built once, as alone") {
    // The viewer builds the remaining levels on a second thread while frames ask for them.
    geo::Ring ring;
    for (int i = 0; i < 20'000; ++i) {
        const double a = i * 2 * 3.14159265358979 / 20'000;
        const double r = 100'000 * (1 + 0.2 * std::sin(37 * a) + 0.05 * std::sin(411 * a));
        ring.push_back({r * std::cos(a), r * std::sin(a)});
    }
    const auto alone = kuril::build_polygon_set({geo::Polygon{{ring}}});
    const auto shared = kuril::build_polygon_set({geo::Polygon{{ring}}});
    std::vector<const kuril::LodLevel*> seen(shared.level_count());
    {
        std::jthread other([&](std::stop_token stop) { shared.prepare_all(stop); });
        for (std::size_t i = shared.level_count(); i-- > 0;) {
            seen[i] = &shared.level(i);
        }
    }
    for (std::size_t i = 0; i < shared.level_count(); ++i) {
        CAPTURE(i);
        CHECK(seen[i] == &shared.level(i)); // the one built, kept
        CHECK(shared.level(i).vertex_count == alone.level(i).vertex_count);
        REQUIRE(shared.level(i).fills.size() == alone.level(i).fills.size());
        for (std::size_t k = 0; k < alone.level(i).fills.size(); ++k) {
            CHECK(shared.level(i).fills[k].triangles.size() ==
                  alone.level(i).fills[k].triangles.size());
        }
    }
}

TEST_CASE("[map] a level's fills and outlines are built apart, each when first asked for") {
    // The status layer fills the land outside the regions: a first frame then needs the land's
    // outlines and not its fills.
    geo::Ring ring;
    for (int i = 0; i < 2'000; ++i) {
        const double a = i * 2 * 3.14159265358979 / 2'000;
        const double r = 100'000 * (1 + 0.2 * std::sin(37 * a));
        ring.push_back({r * std::cos(a), r * std::sin(a)});
    }
    const auto set = kuril::build_polygon_set({geo::Polygon{{ring}}});
    const auto whole = kuril::build_polygon_set({geo::Polygon{{ring}}});
    const kuril::LodLevel& outlined = set.outlines(2);
    CHECK(!outlined.outlines.empty());
    CHECK(outlined.vertex_count == whole.level(2).vertex_count);
    CHECK(outlined.fills.empty()); // not asked for yet
    CHECK(set.fills(3).outlines.empty());
    CHECK(!set.fills(3).fills.empty());
    // Asked for later, the other part is the same as built together.
    CHECK(&set.fills(2) == &outlined);
    CHECK(set.fills(2).fills.size() == whole.level(2).fills.size());
    CHECK(set.outlines(3).outlines.size() == whole.level(3).outlines.size());
    CHECK(set.level_for(1e9).tolerance_m == kuril::lod_tolerances_m().back());
}

TEST_CASE("[map] triangulation fixtures: holes, degenerate, self-touching and crossing rings") {
    const geo::Ring square = {{0, 0}, {10, 0}, {10, 10}, {0, 10}};
    const geo::Ring hole = {{4, 4}, {4, 6}, {6, 6}, {6, 4}};
    const std::vector<TriangulationFixture> fixtures = {
        {"square", {square}, 2, 100, 0},
        {"square with a hole", {square, hole}, 8, 96, 0},
        // The hole given with the outer ring's orientation: even-odd does not care.
        {"hole in the same orientation", {square, {{4, 4}, {6, 4}, {6, 6}, {4, 6}}}, 8, 96, 0},
        // Collinear and repeated vertices add no area.
        {"collinear and repeated vertices",
         {{{0, 0}, {5, 0}, {5, 0}, {10, 0}, {10, 5}, {10, 10}, {0, 10}, {0, 10}}},
         0,
         100,
         0},
        // Two squares meeting at one corner, as one ring that touches itself.
        {"self-touching ring",
         {{{0, 0}, {1, 0}, {1, 1}, {2, 1}, {2, 2}, {1, 2}, {1, 1}, {0, 1}}},
         4,
         2,
         0},
        // A bow tie: the crossing is split and both lobes filled.
        {"bow tie", {{{0, 0}, {2, 2}, {2, 0}, {0, 2}}}, 2, 2, 0},
        // Overlapping squares: even-odd leaves the overlap empty.
        {"overlapping rings",
         {{{0, 0}, {2, 0}, {2, 2}, {0, 2}}, {{1, 1}, {3, 1}, {3, 3}, {1, 3}}},
         0,
         6,
         0},
        // What clipping to a box leaves: two parts joined by a zero-width edge along the box.
        {"zero-width connection",
         {{{0, 0}, {4, 0}, {4, 1}, {1, 1}, {1, 3}, {4, 3}, {4, 4}, {0, 4}, {0, 3}, {0, 1}}},
         0,
         10,
         0},
        {"spike out and back",
         {{{0, 0}, {4, 0}, {4, 2}, {8, 2}, {4, 2}, {4, 4}, {0, 4}}},
         0,
         16,
         0},
        {"fewer than three points", {{{0, 0}, {1, 1}}}, 0, 0, 0},
    };
    for (const auto& fixture : fixtures) {
        CAPTURE(fixture.name);
        std::vector<kuril::MapVertex> triangles;
        kuril::triangulate_even_odd(fixture.rings, triangles);
        CHECK(triangles.size() % 3 == 0);
        if (fixture.triangles != 0) {
            CHECK(triangles.size() / 3 == fixture.triangles);
        }
        const double area = triangles_area(triangles);
        if (fixture.area == 0) {
            CHECK(area == 0);
        } else {
            CHECK(std::fabs(area - fixture.area) / fixture.area <= fixture.deviation + 1e-9);
        }
    }
}

TEST_CASE("[map] triangulated land covers each point once, as the even-odd rule says") {
    // A jagged island with two lakes, at every level of detail: sampled points are covered by as
    // many triangles as the even-odd rule over the level's rings says (1 or 0), and the area
    // matches the rings' within the simplification.
    geo::Ring coast;
    for (int i = 0; i < 3000; ++i) {
        const double a = 6.283185307 * i / 3000;
        const double radius = 50'000 + 8'000 * std::sin(7 * a) + 1'500 * std::sin(53 * a);
        coast.push_back({radius * std::cos(a), radius * std::sin(a)});
    }
    const geo::Ring lake_a = {{-10'000, -5'000}, {-2'000, -5'000}, {-2'000, 5'000}};
    const geo::Ring lake_b = {
        {10'000, 10'000}, {20'000, 10'000}, {20'000, 20'000}, {10'000, 20'000}};
    const auto set = kuril::build_polygon_set({geo::Polygon{{coast, lake_a, lake_b}}});
    const double expected = shoelace(coast) - shoelace(lake_a) - shoelace(lake_b);
    for (std::size_t index = 0; index < set.level_count(); ++index) {
        CAPTURE(index);
        const auto& level = set.level(index);
        double area = 0;
        for (const auto& piece : level.fills) {
            area += triangles_area(piece.triangles);
        }
        // Simplification moves the coast by at most its tolerance.
        const double tolerance = kuril::lod_tolerances_m()[index];
        CHECK(std::fabs(area - expected) <= 2 * 3.2 * 62'000 * tolerance + 1e-6 * expected);
        if (index != 0) {
            continue;
        }
        int wrong = 0;
        for (int gx = -60; gx <= 60; gx += 3) {
            for (int gy = -60; gy <= 60; gy += 3) {
                const geo::Point p{gx * 1'000.0 + 137, gy * 1'000.0 + 71};
                const bool inside =
                    kuril::polygon_contains(geo::Polygon{{coast, lake_a, lake_b}}, p);
                int covered = 0;
                for (const auto& piece : level.fills) {
                    covered += coverage(piece.triangles, {p.x, -p.y});
                }
                wrong += covered == (inside ? 1 : 0) ? 0 : 1;
            }
        }
        CHECK(wrong == 0);
    }
}

namespace {

/// Shared edges of a triangulation where the far vertex of one triangle lies inside the other's
/// circumcircle (by more than rounding): the edges a Delaunay triangulation has none of.
int delaunay_violations(const std::vector<kuril::MapVertex>& triangles, int* shared_edges) {
    using Key = std::pair<float, float>;
    const auto key = [](kuril::MapVertex v) {
        return Key{v.x, v.y};
    };
    std::map<std::pair<Key, Key>, std::vector<std::size_t>> on_edge;
    for (std::size_t t = 0; t + 2 < triangles.size(); t += 3) {
        for (std::size_t k = 0; k < 3; ++k) {
            on_edge[std::minmax(key(triangles[t + k]), key(triangles[t + (k + 1) % 3]))].push_back(
                t);
        }
    }
    int violations = 0;
    *shared_edges = 0;
    for (const auto& [edge, on] : on_edge) {
        if (on.size() != 2) {
            continue;
        }
        ++*shared_edges;
        kuril::MapVertex far{};
        for (std::size_t k = 0; k < 3; ++k) {
            const Key v = key(triangles[on[1] + k]);
            if (v != edge.first && v != edge.second) {
                far = triangles[on[1] + k];
            }
        }
        const auto& a = triangles[on[0]];
        const auto& b = triangles[on[0] + 1];
        const auto& c = triangles[on[0] + 2];
        const double ax = double{a.x} - far.x, ay = double{a.y} - far.y;
        const double bx = double{b.x} - far.x, by = double{b.y} - far.y;
        const double cx = double{c.x} - far.x, cy = double{c.y} - far.y;
        double det = (ax * ax + ay * ay) * (bx * cy - cx * by) -
                     (bx * bx + by * by) * (ax * cy - cx * ay) +
                     (cx * cx + cy * cy) * (ax * by - bx * ay);
        if (triangle_area(a, b, c) < 0) {
            det = -det; // the test's sign is for a triangle turning left
        }
        const double scale = ax * ax + ay * ay + bx * bx + by * by + cx * cx + cy * cy;
        violations += det > 1e-9 * scale * scale ? 1 : 0;
    }
    return violations;
}

/// The sum over the triangles of their longest edge: smaller for better-shaped triangles.
double longest_edges(const std::vector<kuril::MapVertex>& triangles) {
    double sum = 0;
    for (std::size_t t = 0; t + 2 < triangles.size(); t += 3) {
        double longest = 0;
        for (std::size_t k = 0; k < 3; ++k) {
            const auto& a = triangles[t + k];
            const auto& b = triangles[t + (k + 1) % 3];
            longest = std::max(longest, std::hypot(double{a.x} - b.x, double{a.y} - b.y));
        }
        sum += longest;
    }
    return sum;
}

} // namespace

TEST_CASE("[map] Delaunay flips keep the area and coverage and leave no edge to flip") {
    SUBCASE("a fan over a convex polygon: slivers from one vertex") {
        std::vector<kuril::MapVertex> ring;
        for (int i = 0; i < 64; ++i) {
            const double a = 6.283185307 * i / 64;
            ring.push_back(
                {static_cast<float>(1000 * std::cos(a)), static_cast<float>(400 * std::sin(a))});
        }
        std::vector<kuril::MapVertex> fan;
        for (std::size_t i = 1; i + 1 < ring.size(); ++i) {
            fan.insert(fan.end(), {ring[0], ring[i], ring[i + 1]});
        }
        int shared = 0;
        CHECK(delaunay_violations(fan, &shared) > 15);
        std::vector<kuril::MapVertex> flipped = fan;
        kuril::make_delaunay(flipped);
        CHECK(flipped.size() == fan.size());
        CHECK(delaunay_violations(flipped, &shared) == 0);
        CHECK(shared == 61); // a triangulation of a 64-gon: 61 inner edges
        CHECK(triangles_area(flipped) == doctest::Approx(triangles_area(fan)).epsilon(1e-9));
        CHECK(longest_edges(flipped) < 0.7 * longest_edges(fan));
        for (int gx = -50; gx <= 50; ++gx) {
            for (int gy = -20; gy <= 20; ++gy) {
                const geo::Point p{gx * 21.0 + 0.3, gy * 21.0 + 0.7};
                CHECK(coverage(flipped, p) == coverage(fan, p));
            }
        }
    }
    SUBCASE("triangulated land with a lake: Delaunay, each point covered as the rings say") {
        geo::Ring coast;
        for (int i = 0; i < 400; ++i) {
            const double a = 6.283185307 * i / 400;
            const double radius = 40'000 + 9'000 * std::sin(5 * a) + 2'000 * std::sin(37 * a);
            coast.push_back({radius * std::cos(a), 0.6 * radius * std::sin(a)});
        }
        const geo::Ring lake = {{-5'000, -3'000}, {6'000, -2'000}, {4'000, 5'000}, {-6'000, 3'000}};
        std::vector<kuril::MapVertex> triangles;
        kuril::triangulate_even_odd({coast, lake}, triangles);
        int shared = 0;
        CHECK(delaunay_violations(triangles, &shared) == 0);
        CHECK(shared > 300);
        const double expected = shoelace(coast) - shoelace(lake);
        CHECK(triangles_area(triangles) == doctest::Approx(expected).epsilon(1e-6));
        for (int gx = -50; gx <= 50; gx += 2) {
            for (int gy = -30; gy <= 30; gy += 2) {
                const geo::Point p{gx * 1'000.0 + 137, gy * 1'000.0 + 71};
                const bool inside = kuril::polygon_contains(geo::Polygon{{coast, lake}}, p);
                CHECK(coverage(triangles, {p.x, -p.y}) == (inside ? 1 : 0));
            }
        }
    }
    SUBCASE("triangles with no area go; nothing else changes") {
        std::vector<kuril::MapVertex> triangles = {{0, 0},  {10, 0}, {0, 10},  {0, 0}, {5, 0},
                                                   {10, 0}, {10, 0}, {10, 10}, {0, 10}};
        kuril::make_delaunay(triangles);
        CHECK(triangles.size() == 6);
        CHECK(triangles_area(triangles) == doctest::Approx(100));
    }
}

TEST_CASE("[viewer] point in polygon respects holes") {
    const geo::Polygon polygon{
        {{{0, 0}, {10, 0}, {10, 10}, {0, 10}}, {{4, 4}, {6, 4}, {6, 6}, {4, 6}}}};
    CHECK(kuril::polygon_contains(polygon, {2, 2}));
    CHECK(!kuril::polygon_contains(polygon, {5, 5}));
    CHECK(!kuril::polygon_contains(polygon, {11, 5}));
}

TEST_CASE("[map] the strip index of a polygon answers as polygon_contains, point for point") {
    // A jagged coast of 4,000 vertices with two lakes, one touching another's edge, and a
    // vertex beyond a projection's horizon (left out by both).
    geo::Ring coast;
    for (int i = 0; i < 4000; ++i) {
        const double a = 2 * 3.141592653589793 * i / 4000;
        const double radius = 50'000 + 9'000 * std::sin(37 * a) + 3'000 * std::cos(113 * a);
        coast.push_back({radius * std::cos(a), radius * std::sin(a)});
    }
    coast.insert(coast.begin() + 100, geo::Point{std::numeric_limits<double>::infinity(), 0});
    const geo::Ring lake_a = {{-10'000, -5'000}, {-2'000, -5'000}, {-2'000, 5'000}};
    const geo::Ring lake_b = {{-2'000, 5'000}, {8'000, 5'000}, {8'000, 15'000}, {-2'000, 15'000}};
    const geo::Polygon polygon{{coast, lake_a, lake_b}};
    const kuril::PolygonIndex index(polygon);
    int inside = 0;
    int differ = 0;
    // Points on a fine grid, including on the lakes' edges and vertices, and outside the box.
    for (int gx = -700; gx <= 700; gx += 7) {
        for (int gy = -700; gy <= 700; gy += 5) {
            const geo::Point p{gx * 100.0, gy * 100.0};
            const bool expected = kuril::polygon_contains(polygon, p);
            inside += expected ? 1 : 0;
            differ += index.contains(p) == expected ? 0 : 1;
        }
    }
    CHECK(differ == 0);
    CHECK(inside > 10'000);                    // the test saw land, lakes and sea
    CHECK_FALSE(index.contains({0, 10'000}));  // in lake b
    CHECK(index.contains({-20'000, -25'000})); // on land
    CHECK_FALSE(kuril::PolygonIndex().contains({0, 0}));
}

// A projection's horizon (orthographic) gives inf for what lies behind it: such vertices are
// dropped, never looped on.
TEST_CASE("[map] clipping and simplification drop non-finite vertices") {
    const double inf = std::numeric_limits<double>::infinity();
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const geo::Ring ring{{0, 0}, {10, 0}, {inf, inf}, {10, 10}, {nan, 5}, {0, 10}};
    const geo::Ring clipped = kuril::clip_ring(ring, {-1, -1, 20, 20});
    CHECK(clipped.size() == 4);
    for (const auto& p : clipped) {
        CHECK(kuril::is_finite(p));
    }
    const geo::Ring simplified = kuril::simplify_ring(ring, 1.0);
    CHECK(simplified.size() == 4);
    for (const auto& p : simplified) {
        CHECK(kuril::is_finite(p));
    }
    CHECK(kuril::clip_ring(geo::Ring{{inf, 0}, {-inf, 1}, {nan, nan}}, {0, 0, 1, 1}).empty());
}

TEST_CASE("[map] a polygon set of rings partly beyond the horizon builds what is finite") {
    const double inf = std::numeric_limits<double>::infinity();
    // Many vertices so that the pieces are split (a box with inf sides would split forever).
    geo::Ring visible;
    for (int i = 0; i < 400; ++i) {
        const double angle = 2 * 3.14159265358979 * i / 400;
        visible.push_back({1000 * std::cos(angle), 1000 * std::sin(angle)});
    }
    geo::Ring behind(300, geo::Point{inf, -inf});
    geo::Ring mixed = visible;
    mixed[10] = {inf, inf};
    const kuril::PolygonSet set(std::vector<geo::Ring>{visible, behind, mixed});
    const auto& level = set.level(0);
    CHECK(level.vertex_count == 400 + 399);
    CHECK(!level.fills.empty());
    for (const auto& piece : level.fills) {
        CHECK(std::isfinite(piece.bounds.min_x));
        CHECK(std::isfinite(piece.bounds.max_y));
    }
    const kuril::PolygonSet nothing(std::vector<geo::Ring>{behind});
    CHECK(nothing.empty());
    CHECK(nothing.level(0).fills.empty());
}

TEST_CASE("[map] scene: the land outside the regions leaves out whole islands and cut parts") {
    const auto atlas = geo::load_atlas(test_paths::shipped() / "annotations.xml");
    const geo::Projection projection;
    const kuril::MapScene scene(*atlas, projection);
    REQUIRE(scene.has_land_outside_regions);
    for (const auto& region : scene.regions) {
        CAPTURE(region.island->id);
        CHECK(region.cut_from_land);
    }
    // How many fill triangles of the finest level hold the point (lon/lat).
    const auto covered = [&](const kuril::PolygonSet& set, geo::Point lon_lat) {
        const geo::Point p = projection.forward(lon_lat);
        int count = 0;
        for (const auto& piece : set.level(0).fills) {
            count += coverage(piece.triangles, {p.x, -p.y});
        }
        return count;
    };
    const struct {
        std::string name;
        geo::Point lon_lat;
        int land;    // in the whole land
        int outside; // in the land outside the regions
    } probes[] = {
        {"Shikotan (a region of its own)", {146.71, 43.785}, 1, 0},
        {"an islet by Kaigara (of the Habomai group)", {145.87355, 43.38959}, 1, 0},
        {"central Hokkaido", {142.8, 43.4}, 1, 0},
        {"South Sakhalin (a band of Sakhalin)", {142.3, 47.5}, 1, 0},
        {"North Sakhalin (the other band)", {143.0324, 50.1608}, 1, 0},
        {"the Russian mainland (Russia's part of the landmass)", {136.5, 52.5}, 1, 0},
        {"China (in no region)", {127.5, 44.0}, 1, 1},
        {"the Sea of Okhotsk", {148.0, 50.0}, 0, 0},
    };
    for (const auto& probe : probes) {
        CAPTURE(probe.name);
        CHECK(covered(scene.land, probe.lon_lat) == probe.land);
        CHECK(covered(scene.land_outside_regions, probe.lon_lat) == probe.outside);
    }
}

// The scene keeps what is in front of a CRS's horizon, and says when nothing is.
TEST_CASE("[map] scene: a CRS with the data beyond its horizon is one line; a partial one draws") {
    const auto atlas = geo::load_atlas(test_paths::shipped() / "annotations.xml");
    const geo::Projection behind("+proj=ortho +lat_0=-45 +lon_0=-33 +type=crs");
    CHECK_THROWS_WITH_AS(kuril::MapScene(*atlas, behind),
                         doctest::Contains("nothing of the data is visible in this CRS"),
                         geo::InputError);
    // Horizon along 150 E: Hokkaido in front, the northern Kurils behind.
    const geo::Projection limb("+proj=ortho +lat_0=0 +lon_0=60 +type=crs");
    const kuril::MapScene scene(*atlas, limb);
    CHECK(std::isfinite(scene.world.min_x));
    CHECK(scene.world.min_x < scene.world.max_x);
    CHECK(!scene.land.empty());
    CHECK(!scene.land.level(0).fills.empty());
    for (const auto& label : scene.labels) {
        CHECK(kuril::is_finite(label.position));
    }
    for (const auto& line : scene.lines) {
        for (const auto& part : line.projected) {
            for (const auto& p : part) {
                CHECK(kuril::is_finite(p));
            }
        }
    }
    bool paramushir = false;
    for (const auto& label : scene.labels) {
        paramushir = paramushir || label.id == "paramushir";
    }
    CHECK(!paramushir); // beyond the horizon
    // The view's centre is beyond the horizon: the scale bar is measured where the map is.
    const kuril::MapView whole(scene.world, 1280, 720);
    const auto furniture =
        kuril::layout_map_furniture(kuril::build_frame(scene, {}, whole), 48, 100);
    CHECK(std::isfinite(furniture.scale_bar.metres));
    CHECK(furniture.scale_bar.label.find("nan") == std::string::npos);
}

TEST_CASE("[map] levels of detail in a geographic CRS: tolerances in metres, rings in degrees") {
    // A 1 x 1 degree island with a jagged coast, in degrees (EPSG:4326 as the display CRS).
    geo::Ring coast;
    for (int i = 0; i < 400; ++i) {
        const double a = 6.283185307 * i / 400;
        const double r = 0.5 + 0.01 * std::sin(37 * a);
        coast.push_back({146 + r * std::cos(a), 44 + r * std::sin(a)});
    }
    constexpr double metres_per_degree = 111'320.0;
    const auto set = kuril::build_polygon_set({geo::Polygon{{coast}}}, metres_per_degree);
    // 0.01 degree a pixel is about 1.1 km a pixel: the 700 m level, not full resolution.
    CHECK(&set.level_for(0.01) == &set.level(4));
    CHECK(&set.level_for(1e-5) == &set.level(0));
    // The coarsest level (1.5 km, the inset's) keeps the island: 1.5 km is 0.013 degree, not
    // 1500 degrees.
    const auto& coarsest = set.level(set.level_count() - 1);
    REQUIRE_FALSE(coarsest.fills.empty());
    double area = 0;
    for (const auto& piece : coarsest.fills) {
        area += triangles_area(piece.triangles);
    }
    CHECK(area == doctest::Approx(3.14159 * 0.25).epsilon(0.05));
    CHECK(coarsest.vertex_count < 400);
    // In metres (the default) the same numbers would drop the whole island at 1500 "degrees".
    const auto as_metres = kuril::build_polygon_set({geo::Polygon{{coast}}});
    CHECK(as_metres.level(as_metres.level_count() - 1).fills.empty());
}
