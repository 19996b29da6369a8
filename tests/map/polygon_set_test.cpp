#include "map/polygon_set.hpp"

#include <cmath>
#include <doctest/doctest.h>

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
    const auto simplified = kuril::simplify_ring(circle, 5);
    CHECK(simplified.size() < 100);
    CHECK(simplified.size() >= 4);
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
