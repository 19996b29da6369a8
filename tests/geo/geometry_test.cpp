// SPDX-License-Identifier: GPL-3.0-or-later
#include "geo/geometry.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <doctest/doctest.h>

namespace {

geo::Ring square(double x0, double y0, double x1, double y1) {
    return {{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}};
}

/// Shoelace area of a ring, unsigned.
double ring_area(const geo::Ring& ring) {
    double twice = 0;
    for (std::size_t i = 0; i < ring.size(); ++i) {
        const geo::Point a = ring[i];
        const geo::Point b = ring[(i + 1) % ring.size()];
        twice += a.x * b.y - b.x * a.y;
    }
    return std::abs(twice) / 2;
}

/// Outer rings minus holes.
double area(const std::vector<geo::Polygon>& polygons) {
    double total = 0;
    for (const auto& polygon : polygons) {
        for (std::size_t i = 0; i < polygon.rings.size(); ++i) {
            total += (i == 0 ? 1 : -1) * ring_area(polygon.rings[i]);
        }
    }
    return total;
}

geo::Box bounds(const std::vector<geo::Polygon>& polygons) {
    geo::Box box{1e9, 1e9, -1e9, -1e9};
    for (const auto& polygon : polygons) {
        for (const auto& ring : polygon.rings) {
            for (const auto& p : ring) {
                box = {std::min(box.min_x, p.x), std::min(box.min_y, p.y), std::max(box.max_x, p.x),
                       std::max(box.max_y, p.y)};
            }
        }
    }
    return box;
}

} // namespace

TEST_CASE("[geo] geometry: a square clipped to a latitude band keeps the part inside") {
    const std::vector<geo::Polygon> input{{{square(140, 45, 144, 55)}}};
    const auto clipped = geo::clip_to_latitude_band(input, -90, 50);
    REQUIRE(clipped.size() == 1);
    CHECK(clipped[0].rings.size() == 1);
    CHECK(area(clipped) == doctest::Approx(4 * 5));
    const geo::Box box = bounds(clipped);
    CHECK(box.min_x == doctest::Approx(140));
    CHECK(box.max_x == doctest::Approx(144));
    CHECK(box.min_y == doctest::Approx(45));
    CHECK(box.max_y == doctest::Approx(50));
    // Rings come back open, as geo keeps them.
    CHECK(!(clipped[0].rings[0].front() == clipped[0].rings[0].back()));

    const auto north = geo::clip_to_latitude_band(input, 50, 90);
    CHECK(area(north) == doctest::Approx(4 * 5));
    CHECK(bounds(north).min_y == doctest::Approx(50));
    CHECK(area(geo::clip_to_latitude_band(input, 47, 48)) == doctest::Approx(4 * 1));
}

TEST_CASE("[geo] geometry: a hole stays a hole when clipped") {
    // 10x10 square with a 2x2 hole from 44 to 46; the band cuts through the hole.
    const std::vector<geo::Polygon> input{{{square(140, 40, 150, 50), square(144, 44, 146, 46)}}};
    const auto whole = geo::clip_to_latitude_band(input, 30, 60);
    REQUIRE(whole.size() == 1);
    CHECK(whole[0].rings.size() == 2);
    CHECK(area(whole) == doctest::Approx(100 - 4));

    // Cut at 45: the hole is opened to the band's edge, so the part below is one ring with
    // a notch, of area 10x5 - 2x1.
    const auto south = geo::clip_to_latitude_band(input, -90, 45);
    CHECK(area(south) == doctest::Approx(50 - 2));
    CHECK(bounds(south).max_y == doctest::Approx(45));

    // A band wholly inside the hole's latitudes still leaves the land either side of it.
    const auto strip = geo::clip_to_latitude_band(input, 44.5, 45.5);
    CHECK(area(strip) == doctest::Approx(10 * 1 - 2 * 1));
    CHECK(strip.size() == 2); // west and east of the hole
}

TEST_CASE("[geo] geometry: a polygon the band cuts in two comes out as two polygons") {
    // A U open to the north: two arms 140-142 and 146-148 joined below 42.
    const std::vector<geo::Polygon> input{{{{{140, 40},
                                             {148, 40},
                                             {148, 50},
                                             {146, 50},
                                             {146, 42},
                                             {142, 42},
                                             {142, 50},
                                             {140, 50}}}}};
    const auto arms = geo::clip_to_latitude_band(input, 45, 90);
    CHECK(arms.size() == 2);
    CHECK(area(arms) == doctest::Approx(2 * (2 * 5)));
}

TEST_CASE("[geo] geometry: a band outside the polygons or touching only their edge is empty") {
    const std::vector<geo::Polygon> input{{{square(140, 45, 144, 50)}}};
    CHECK(geo::clip_to_latitude_band(input, 60, 70).empty());
    CHECK(geo::clip_to_latitude_band(input, 50, 60).empty()); // shares only the edge at 50
    CHECK(geo::clip_to_latitude_band(input, 48, 48).empty()); // no band at all
    CHECK(geo::clip_to_latitude_band({}, -90, 90).empty());
    // A degenerate polygon (two points) is ignored.
    CHECK(geo::clip_to_latitude_band({{{{{140, 45}, {141, 46}}}}}, -90, 90).empty());
}

namespace {

geo::Ring reversed(geo::Ring ring) {
    std::reverse(ring.begin(), ring.end());
    return ring;
}

geo::Polygon with_holes(const geo::Ring& shell, const std::vector<geo::Ring>& holes) {
    geo::Polygon polygon;
    polygon.rings.push_back(shell);
    for (const auto& hole : holes) {
        polygon.rings.push_back(reversed(hole));
    }
    return polygon;
}

} // namespace

namespace {

/// A sample of polygons checked both ways: how many GEOS finds valid, how many the quick check
/// shows valid; one shown valid but invalid to GEOS fails the test.
struct ValidityTally {
    int valid = 0;
    int shown = 0;
    void add(const std::vector<geo::Polygon>& polygons, int trial) {
        const bool certain = geo::certainly_valid(polygons);
        const bool geos = geo::geos_valid(polygons);
        valid += geos ? 1 : 0;
        shown += certain ? 1 : 0;
        if (certain && !geos) {
            CAPTURE(trial);
            CHECK_MESSAGE(false, "shown valid but invalid to GEOS");
        }
    }
};

} // namespace

TEST_CASE("[geo] geometry: the indexed validity check shows valid polygons valid") {
    CHECK(geo::certainly_valid({with_holes(square(0, 0, 10, 10), {})}));
    // Many holes, apart and inside the shell, either orientation.
    std::vector<geo::Ring> holes;
    for (int i = 0; i < 9; ++i) {
        for (int j = 0; j < 9; ++j) {
            holes.push_back(square(0.5 + i, 0.5 + j, 0.9 + i, 0.9 + j));
        }
    }
    CHECK(geo::certainly_valid({with_holes(square(0, 0, 10, 10), holes)}));
    CHECK(geo::certainly_valid({with_holes(reversed(square(0, 0, 10, 10)), holes)}));
}

TEST_CASE("[geo] geometry: the indexed validity check never shows an invalid polygon valid") {
    const geo::Ring shell = square(0, 0, 10, 10);
    // A bow tie crosses itself.
    CHECK(!geo::certainly_valid({geo::Polygon{{{{0, 0}, {10, 10}, {10, 0}, {0, 10}}}}}));
    // A ring without area, and one of two points.
    CHECK(!geo::certainly_valid({geo::Polygon{{{{0, 0}, {5, 5}, {10, 10}}}}}));
    CHECK(!geo::certainly_valid({geo::Polygon{{{{0, 0}, {5, 5}}}}}));
    // A hole outside its shell, one crossing it, one inside another, two crossing each other,
    // two touching at a vertex (the interior would be split or pinched).
    CHECK(!geo::certainly_valid({with_holes(shell, {square(20, 20, 21, 21)})}));
    CHECK(!geo::certainly_valid({with_holes(shell, {square(9, 4, 11, 6)})}));
    CHECK(!geo::certainly_valid({with_holes(shell, {square(2, 2, 8, 8), square(4, 4, 5, 5)})}));
    CHECK(!geo::certainly_valid({with_holes(shell, {square(2, 2, 5, 5), square(4, 4, 7, 7)})}));
    CHECK(!geo::certainly_valid({with_holes(shell, {square(2, 2, 4, 4), square(4, 4, 6, 6)})}));
    // A hole touching the shell at a vertex.
    CHECK(!geo::certainly_valid({with_holes(shell, {geo::Ring{{0, 5}, {3, 4}, {3, 6}}})}));
    // Two polygons in one feature: GEOS decides whether they keep apart.
    CHECK(!geo::certainly_valid({with_holes(shell, {}), with_holes(square(20, 20, 30, 30), {})}));
}

TEST_CASE("[geo] geometry: a small ring shown valid without GEOS is valid to GEOS") {
    // Rings of 3 to 12 vertices on a 5x5 grid: touching, collinear, repeated and crossing
    // vertices are common. Whatever certainly_valid shows valid, GEOS must find valid; and
    // small simple rings (a triangle, a square, a notched square) are shown valid.
    std::uint32_t seed = 12345;
    const auto next = [&seed] {
        seed = seed * 1664525u + 1013904223u;
        return seed >> 8;
    };
    ValidityTally tally;
    for (int trial = 0; trial < 20'000; ++trial) {
        geo::Ring ring;
        const std::size_t n = 3 + next() % 10;
        for (std::size_t i = 0; i < n; ++i) {
            ring.push_back({static_cast<double>(next() % 5), static_cast<double>(next() % 5)});
        }
        tally.add({geo::Polygon{{ring}}}, trial);
    }
    CHECK(tally.valid > 1000); // the sample holds valid rings enough to show something
    CHECK(tally.shown > tally.valid / 2);
    CHECK(geo::certainly_valid({geo::Polygon{{{{0, 0}, {4, 0}, {0, 3}}}}}));
    CHECK(geo::certainly_valid({geo::Polygon{{square(0, 0, 1, 1)}}}));
    CHECK(geo::certainly_valid(
        {geo::Polygon{{{{0, 0}, {4, 0}, {4, 4}, {2, 4}, {2, 2}, {1, 2}, {1, 4}, {0, 4}}}}}));
    // A ring touching itself at a vertex, and one with a spike back along an edge.
    CHECK(
        !geo::certainly_valid({geo::Polygon{{{{0, 0}, {4, 0}, {2, 2}, {4, 4}, {0, 4}, {2, 2}}}}}));
    CHECK(!geo::certainly_valid({geo::Polygon{{{{0, 0}, {4, 0}, {6, 0}, {4, 0}, {4, 4}}}}}));
}

TEST_CASE("[geo] geometry: a large polygon shown valid by the grid test is valid to GEOS") {
    // Star-shaped rings of 40 to 400 vertices (angles in order, radii random) with holes, on an
    // integer grid so that vertices on other edges, straight runs and touches are common; some
    // get two vertices swapped (a crossing) or a hole placed at random. Whatever
    // certainly_valid shows valid, GEOS must find valid; most valid ones are shown valid.
    std::uint32_t seed = 987654;
    const auto next = [&seed] {
        seed = seed * 1664525u + 1013904223u;
        return seed >> 8;
    };
    const auto star = [&](double cx, double cy, double radius, std::size_t n) {
        geo::Ring ring;
        for (std::size_t i = 0; i < n; ++i) {
            const double angle =
                6.283185307179586 * static_cast<double>(i) / static_cast<double>(n);
            const double r = radius * (0.6 + 0.4 * static_cast<double>(next() % 1000) / 1000.0);
            const geo::Point p{std::round(cx + r * std::cos(angle)),
                               std::round(cy + r * std::sin(angle))};
            if (ring.empty() || !(ring.back() == p)) {
                ring.push_back(p);
            }
        }
        return ring;
    };
    ValidityTally tally;
    for (int trial = 0; trial < 600; ++trial) {
        const std::size_t n = 40 + next() % 360;
        geo::Polygon polygon{{star(0, 0, 1000, n)}};
        if (next() % 4 == 0) {
            const std::size_t i = next() % (polygon.rings[0].size() - 2);
            std::swap(polygon.rings[0][i], polygon.rings[0][i + 1 + next() % 2]);
        }
        const std::size_t holes = next() % 6;
        for (std::size_t h = 0; h < holes; ++h) {
            const double spread = next() % 3 == 0 ? 1400.0 : 700.0;
            const double cx = static_cast<double>(next() % 2000) / 2000.0 * spread - spread / 2;
            const double cy = static_cast<double>(next() % 2000) / 2000.0 * spread - spread / 2;
            geo::Ring hole = star(cx, cy, 20.0 + next() % 200, 8 + next() % 40);
            std::reverse(hole.begin(), hole.end());
            polygon.rings.push_back(std::move(hole));
        }
        tally.add({polygon}, trial);
    }
    CAPTURE(tally.valid);
    CAPTURE(tally.shown);
    CHECK(tally.valid > 100);
    CHECK(tally.valid < 550); // invalid ones enough to test the other way
    CHECK(tally.shown > tally.valid * 9 / 10);
}

TEST_CASE("[geo] geometry: the grid test: straight runs are simple, touches and folds are not") {
    // A square whose sides run straight on through many vertices, some on a diagonal.
    geo::Ring ring;
    for (int i = 0; i < 100; ++i) {
        ring.push_back({static_cast<double>(i), 0.0});
    }
    for (int i = 0; i < 100; ++i) {
        ring.push_back({100.0 - i * 0.5, i * 0.5}); // the diagonal, exactly
    }
    ring.push_back({50.0, 50.0});
    ring.push_back({0.0, 50.0});
    CHECK(geo::certainly_valid({geo::Polygon{{ring}}}));
    // A vertex on another edge of the same ring (a pinch), and a spike back along an edge.
    geo::Ring pinched = ring;
    pinched.insert(pinched.begin() + 150, geo::Point{50.0, 0.0});
    CHECK(!geo::certainly_valid({geo::Polygon{{pinched}}}));
    CHECK(!geo::geos_valid({geo::Polygon{{pinched}}}));
    geo::Ring spike = ring;
    spike.insert(spike.begin() + 51, geo::Point{20.0, 0.0});
    CHECK(!geo::certainly_valid({geo::Polygon{{spike}}}));
    CHECK(!geo::geos_valid({geo::Polygon{{spike}}}));
    // A hole whose vertex lies on the shell's long bottom edge.
    const geo::Ring hole{{30.0, 0.0}, {35.0, 5.0}, {25.0, 5.0}};
    CHECK(!geo::certainly_valid({with_holes(ring, {hole})}));
    CHECK(geo::certainly_valid(
        {with_holes(ring, {geo::Ring{{30.0, 1.0}, {35.0, 5.0}, {25.0, 5.0}}})}));
}

TEST_CASE("[geo] geometry: polygons clipped to a mask keep what lies inside it") {
    // Mask: two boxes, one north of y 5 and one far east; a polygon across y 5 is cut, one
    // inside is kept whole, one outside dropped, one only touching the mask dropped.
    const std::vector<geo::Polygon> mask = {with_holes(square(0, 5, 10, 10), {}),
                                            with_holes(square(20, 0, 30, 10), {})};
    const std::vector<geo::Polygon> cut =
        geo::clip_to_polygons({with_holes(square(1, 1, 9, 9), {square(4, 6, 6, 8)})}, mask);
    CHECK(area(cut) == doctest::Approx(8 * 4 - 4));
    CHECK(bounds(cut).min_y == doctest::Approx(5));
    REQUIRE(cut.size() == 1);
    CHECK(cut.front().rings.size() == 2); // the hole stays a hole
    CHECK(area(geo::clip_to_polygons({with_holes(square(21, 1, 22, 2), {})}, mask)) ==
          doctest::Approx(1));
    CHECK(geo::clip_to_polygons({with_holes(square(12, 1, 14, 2), {})}, mask).empty());
    CHECK(geo::clip_to_polygons({with_holes(square(10, 6, 12, 7), {})}, mask).empty());
    CHECK(geo::clip_to_polygons({with_holes(square(1, 1, 2, 2), {})}, {}).empty());
}
