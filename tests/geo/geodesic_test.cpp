// SPDX-License-Identifier: GPL-3.0-or-later
#include "geo/geodesic.hpp"
#include "geo/islands.hpp"
#include "geo/vector_source.hpp"
#include "test_paths.hpp"

#include <cmath>
#include <doctest/doctest.h>
#include <string>

namespace {

struct DistanceTruth {
    const char* what;
    geo::Point from;
    geo::Point to;
    double metres;    ///< PROJ 9.1.1 `geod +ellps=WGS84 -I -F %.7f`
    double tolerance; ///< metres
};

// Each row: two points from ../shared/reference/kuril-facts.md and PROJ's own `geod` answer.
constexpr DistanceTruth distance_truths[] = {
    {"Cape Nosappu to Kaigara lighthouse",
     {145.8172, 43.3853},
     {145.858, 43.397},
     3552.0784967,
     0.001},
    {"Notsuke lighthouse to Keramui",
     {145.3475, 43.5636},
     {145.5418, 43.6524},
     18531.0394037,
     0.001},
    {"Rakkibetsu (Etorofu) to Van-der-Lind (Urup)",
     {148.893, 45.509},
     {149.399, 45.578},
     40254.6762080,
     0.001},
    {"Cape Nosappu to Kurilsk", {145.8172, 43.3853}, {147.886, 45.227}, 262905.6783193, 0.001},
};

struct AreaTruth {
    const char* island;
    double official_km2; ///< Japan's figure (hoppou.go.jp; Habomai: the Russian 99.94 / MOFA)
    double tolerance;    ///< fraction of the official figure
};

constexpr AreaTruth area_truths[] = {
    {"etorofu", 3166.6, 0.05},
    {"kunashiri", 1489.3, 0.05},
    {"shikotan", 247.7, 0.05},
    {"habomai", 99.9, 0.10},
};

} // namespace

TEST_CASE("[geo] geodesic distances match PROJ's geod to 1 mm") {
    for (const auto& truth : distance_truths) {
        CAPTURE(truth.what);
        CHECK(std::fabs(geo::geodesic_distance_m(truth.from, truth.to) - truth.metres) <=
              truth.tolerance);
    }
}

TEST_CASE("[geo] geodesic polygon areas subtract holes") {
    const geo::Ring outer = {{147, 43}, {149, 43}, {149, 45}, {147, 45}};
    const geo::Ring hole = {{147.5, 43.5}, {147.5, 44.5}, {148.5, 44.5}, {148.5, 43.5}};
    const double outer_only = geo::geodesic_area_m2(geo::Polygon{{outer}});
    const double hole_only = geo::geodesic_area_m2(geo::Polygon{{hole}});
    const double holed = geo::geodesic_area_m2(geo::Polygon{{outer, hole}});
    CHECK(holed == doctest::Approx(outer_only - hole_only).epsilon(1e-12));
    // A 2°x2° cell at 44° N is about 222.4 km x 160.1 km.
    CHECK(outer_only / 1e6 == doctest::Approx(35'600).epsilon(0.01));
    // Orientation does not matter.
    geo::Ring reversed(outer.rbegin(), outer.rend());
    CHECK(geo::geodesic_area_m2(geo::Polygon{{reversed}}) == doctest::Approx(outer_only));
}

TEST_CASE("[geo] the shipped islands' areas are close to the official figures") {
    geo::LoadOptions options;
    options.expected = geo::GeometryKind::polygons;
    const auto land =
        geo::load_vector_layer(test_paths::shipped() / "shapes" / "land.shp", options);
    const auto islands = geo::polygons_by_island(land);
    for (const auto& truth : area_truths) {
        CAPTURE(truth.island);
        const auto it = islands.find(truth.island);
        REQUIRE(it != islands.end());
        const double area = geo::geodesic_area_km2(it->second);
        CHECK(std::fabs(area - truth.official_km2) <= truth.tolerance * truth.official_km2);
    }
    // Habomai is a group: all its islets, Kaigara the nearest to Hokkaido among them.
    CHECK(islands.at("habomai").size() >= 10);
}
