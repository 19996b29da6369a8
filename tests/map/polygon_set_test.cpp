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
#include <string>
#include <utility>

namespace {

/// Signed area of the fan triangles: the even-odd fill's net area.
double fan_area(const std::vector<kuril::MapVertex>& fans) {
    double area = 0;
    for (std::size_t i = 0; i + 2 < fans.size(); i += 3) {
        const auto& a = fans[i];
        const auto& b = fans[i + 1];
        const auto& c = fans[i + 2];
        area += 0.5 * ((b.x - a.x) * (c.y - a.y) - (c.x - a.x) * (b.y - a.y));
    }
    return area;
}

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
        area += fan_area(piece.fan_triangles);
    }
    // Net covered area = outer - hole (orientation may be either way).
    CHECK(std::fabs(area) == doctest::Approx(1e10 - 4e8).epsilon(1e-6));
    CHECK(&set.level_for(1.0) == &set.level(0));
    CHECK(&set.level_for(1e6) == &set.level(set.level_count() - 1));
}

TEST_CASE("[viewer] point in polygon respects holes") {
    const geo::Polygon polygon{
        {{{0, 0}, {10, 0}, {10, 10}, {0, 10}}, {{4, 4}, {6, 4}, {6, 6}, {4, 6}}}};
    CHECK(kuril::polygon_contains(polygon, {2, 2}));
    CHECK(!kuril::polygon_contains(polygon, {5, 5}));
    CHECK(!kuril::polygon_contains(polygon, {11, 5}));
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
