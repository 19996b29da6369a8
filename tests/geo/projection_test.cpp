// SPDX-License-Identifier: GPL-3.0-or-later
#include "geo/error.hpp"
#include "geo/geodesic.hpp"
#include "geo/projection.hpp"

#include <cmath>
#include <doctest/doctest.h>
#include <future>
#include <vector>

namespace {

struct ProjectionTruth {
    const char* what;
    geo::Point lon_lat;
    geo::Point expected; ///< PROJ 9.1.1 cs2cs with the default CRS's PROJ string
    double tolerance;    ///< metres
};

constexpr ProjectionTruth default_crs_truths[] = {
    {"origin of the projection", {147.0, 46.0}, {0.0, 0.0}, 0.001},
    {"Yuzhno-Kurilsk", {145.856, 44.031}, {-91620.4087, -217834.7512}, 0.001},
    {"Kurilsk", {147.886, 45.227}, {69468.9991, -85376.1637}, 0.001},
};

} // namespace

TEST_CASE("[geo] the default display CRS maps known places to cs2cs's answer") {
    const geo::Projection projection;
    CHECK(projection.target_name().find("Lambert") != std::string::npos);
    for (const auto& truth : default_crs_truths) {
        CAPTURE(truth.what);
        const geo::Point xy = projection.forward(truth.lon_lat);
        CHECK(std::fabs(xy.x - truth.expected.x) <= truth.tolerance);
        CHECK(std::fabs(xy.y - truth.expected.y) <= truth.tolerance);
    }
}

TEST_CASE("[geo] projection round trips stay within 1 mm") {
    for (const char* crs : {geo::default_display_crs, "EPSG:3857", "EPSG:32655",
                            "+proj=stere +lat_0=90 +lon_0=147 +datum=WGS84 +type=crs"}) {
        CAPTURE(crs);
        const geo::Projection projection(crs);
        for (double lon = 139.0; lon <= 158.0; lon += 1.9) {
            for (double lat = 41.0; lat <= 55.0; lat += 1.4) {
                const geo::Point there = projection.forward({lon, lat});
                const geo::Point back = projection.inverse(there);
                CHECK(geo::geodesic_distance_m({lon, lat}, back) < 0.001);
            }
        }
    }
}

TEST_CASE("[geo] projecting many points at once equals one at a time") {
    const geo::Projection projection;
    std::vector<geo::Point> points = {{145.0, 43.0}, {150.0, 46.0}, {156.5, 50.8}};
    const auto copy = points;
    projection.forward_in_place(points);
    for (std::size_t i = 0; i < points.size(); ++i) {
        const auto one = projection.forward(copy[i]);
        CHECK(points[i].x == doctest::Approx(one.x));
        CHECK(points[i].y == doctest::Approx(one.y));
    }
}

TEST_CASE("[geo] a clone projects as the original does, on another thread at the same time") {
    for (const char* crs : {geo::default_display_crs, "EPSG:4326", "EPSG:32655"}) {
        CAPTURE(crs);
        const geo::Projection projection(crs);
        const geo::Projection copy = projection.clone();
        CHECK(copy.definition() == projection.definition());
        CHECK(copy.target_name() == projection.target_name());
        CHECK(copy.metres_per_unit() == projection.metres_per_unit());
        CHECK(copy.axis_mapping() == projection.axis_mapping());
        std::vector<geo::Point> mine;
        for (double lon = 139.0; lon <= 158.0; lon += 0.37) {
            for (double lat = 41.0; lat <= 55.0; lat += 0.29) {
                mine.push_back({lon, lat});
            }
        }
        std::vector<geo::Point> theirs = mine;
        const auto expected = [&] {
            std::vector<geo::Point> one_by_one;
            for (const auto& p : mine) {
                one_by_one.push_back(projection.forward(p));
            }
            return one_by_one;
        }();
        auto other = std::async(std::launch::async, [&] { copy.forward_in_place(theirs); });
        projection.forward_in_place(mine);
        other.get();
        CHECK(mine == expected);
        CHECK(theirs == expected);
        CHECK(copy.inverse(expected[7]).x == doctest::Approx(projection.inverse(expected[7]).x));
    }
}

TEST_CASE("[geo] a CRS PROJ does not know is an input error that names it") {
    CHECK_THROWS_AS(geo::Projection("EPSG:999999"), geo::InputError);
    try {
        geo::Projection bad("+proj=nonsense");
        FAIL("no exception");
    } catch (const geo::InputError& error) {
        CHECK(std::string(error.what()).find("CRS '+proj=nonsense'") == 0);
    }
    const geo::Projection projection;
    CHECK(projection.target_wkt_esri().find("Lambert_Conformal_Conic") != std::string::npos);
}
