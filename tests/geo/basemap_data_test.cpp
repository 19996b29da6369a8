// SPDX-License-Identifier: GPL-3.0-or-later
// Checks of the shipped basemap data (shapes/land.shp, countries.shp, borders.shp) that its
// recipes promise: islets tagged with their island, no seam or data-box edge where land does
// not continue, disputed islands left out of the country layer.
#include "geo/geometry.hpp"
#include "geo/vector_source.hpp"
#include "test_paths.hpp"

#include <algorithm>
#include <cmath>
#include <doctest/doctest.h>
#include <limits>
#include <numbers>
#include <set>
#include <string>
#include <vector>

namespace {

geo::VectorLayer load_shipped(const char* file, geo::GeometryKind kind) {
    geo::LoadOptions options;
    options.expected = kind;
    return geo::load_vector_layer(test_paths::shipped() / "shapes" / file, options);
}

/// Even-odd test over all rings, so a point in a hole is outside.
bool contains(const geo::Polygon& polygon, geo::Point p) {
    bool inside = false;
    for (const auto& ring : polygon.rings) {
        for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
            const auto& a = ring[i];
            const auto& b = ring[j];
            if ((a.y > p.y) != (b.y > p.y) && p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x) {
                inside = !inside;
            }
        }
    }
    return inside;
}

/// The features whose polygons contain p.
std::vector<const geo::Feature*> features_at(const geo::VectorLayer& layer, geo::Point p) {
    std::vector<const geo::Feature*> hits;
    for (const auto& feature : layer.features) {
        for (const auto& polygon : feature.polygons) {
            if (contains(polygon, p)) {
                hits.push_back(&feature);
                break;
            }
        }
    }
    return hits;
}

/// Shortest distance in km from p to a polygon's outline (local equirectangular metric).
double outline_distance_km(const geo::Polygon& polygon, geo::Point p) {
    const double kx = 111.32 * std::cos(p.y * std::numbers::pi / 180.0);
    const double ky = 110.57;
    double best = std::numeric_limits<double>::infinity();
    for (const auto& ring : polygon.rings) {
        for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
            const double ax = (ring[j].x - p.x) * kx;
            const double ay = (ring[j].y - p.y) * ky;
            const double bx = (ring[i].x - p.x) * kx;
            const double by = (ring[i].y - p.y) * ky;
            const double dx = bx - ax;
            const double dy = by - ay;
            const double len2 = dx * dx + dy * dy;
            const double t = len2 > 0.0 ? std::clamp(-(ax * dx + ay * dy) / len2, 0.0, 1.0) : 0.0;
            best = std::min(best, std::hypot(ax + t * dx, ay + t * dy));
        }
    }
    return best;
}

struct Edge {
    geo::Point a;
    geo::Point b;
};

template <typename F>
void for_each_edge(const geo::VectorLayer& layer, F&& f) {
    for (const auto& feature : layer.features) {
        for (const auto& polygon : feature.polygons) {
            for (const auto& ring : polygon.rings) {
                for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
                    f(feature, Edge{ring[j], ring[i]});
                }
            }
        }
    }
}

} // namespace

TEST_CASE("[geo] shipped land: Kaigara and the islets beside Shikotan carry their island's id") {
    const auto land = load_shipped("land.shp", geo::GeometryKind::polygons);

    // The land nearest to Kaigara's lighthouse (GSHHG draws the rock ~1.5 km east of it).
    const geo::Point kaigara_lighthouse{145.858, 43.397};
    const geo::Feature* nearest = nullptr;
    double nearest_km = std::numeric_limits<double>::infinity();
    for (const auto& feature : land.features) {
        for (const auto& polygon : feature.polygons) {
            const double d = outline_distance_km(polygon, kaigara_lighthouse);
            if (d < nearest_km) {
                nearest_km = d;
                nearest = &feature;
            }
        }
    }
    REQUIRE(nearest != nullptr);
    CHECK(nearest_km < 3.0);
    CHECK(nearest->attribute("island") == "habomai");

    // Shikotan itself (Malokurilskoye) and four islets off its south and east coasts, each its
    // own polygon (points inside them from GEOS PointOnSurface).
    const auto shikotan = features_at(land, {146.832, 43.871});
    REQUIRE(shikotan.size() == 1);
    CHECK(shikotan[0]->attribute("island") == "shikotan");
    for (const geo::Point islet : std::vector<geo::Point>{{146.79997, 43.75418},
                                                          {146.85183, 43.79207},
                                                          {146.84249, 43.80124},
                                                          {146.91239, 43.82061}}) {
        CAPTURE(islet.x);
        CAPTURE(islet.y);
        const auto hits = features_at(land, islet);
        REQUIRE(hits.size() == 1);
        CHECK(hits[0] != shikotan[0]);
        CHECK(hits[0]->attribute("island") == "shikotan");
    }
}

TEST_CASE("[geo] shipped land: one polygon per landmass, edges on the data box only where land "
          "continues") {
    const auto land = load_shipped("land.shp", geo::GeometryKind::polygons);

    // Honshu is whole (it used to be cut at 41 N into three pieces), and so is Eurasia's
    // coast from Korea to Chukotka, Kamchatka included.
    std::size_t honshu_big = 0;
    for (const auto& feature : land.features) {
        if (feature.attribute("island") == "honshu" && geo::vertex_count(feature.polygons) > 5000) {
            ++honshu_big;
        }
    }
    CHECK(honshu_big == 1);
    const auto korea = features_at(land, {127.0, 38.5});     // the Korean peninsula
    const auto kamchatka = features_at(land, {158.6, 53.1}); // Petropavlovsk-Kamchatsky
    const auto primorye = features_at(land, {136.5, 46.5});  // the Sikhote-Alin
    REQUIRE(korea.size() == 1);
    REQUIRE(kamchatka.size() == 1);
    REQUIRE(primorye.size() == 1);
    CHECK(korea[0] == primorye[0]);
    CHECK(kamchatka[0] == primorye[0]);
    CHECK(primorye[0]->attribute("island") == "mainland");

    // Zone edges (where the resolutions meet) leave only short steps where two resolutions put
    // the coast at slightly different places, never a long straight seam.
    const std::set<double> zone_lons{126.0, 139.0, 158.0, 170.0};
    const std::set<double> zone_lats{33.0, 41.0, 55.0, 62.0};
    double seam_km = 0.0;
    double longest_km = 0.0;
    std::size_t east_edges = 0;
    for_each_edge(land, [&](const geo::Feature& feature, const Edge& e) {
        double km = 0.0;
        if (e.a.x == e.b.x && zone_lons.contains(e.a.x)) {
            km = std::fabs(e.b.y - e.a.y) * 110.57;
        } else if (e.a.y == e.b.y && zone_lats.contains(e.a.y)) {
            km = std::fabs(e.b.x - e.a.x) * 111.32 * std::cos(e.a.y * std::numbers::pi / 180.0);
        }
        seam_km += km;
        longest_km = std::max(longest_km, km);
        // On the data box: nothing on 180 E; on 120 E and 65 N only Eurasia.
        if (e.a.x == 180.0 && e.b.x == 180.0) {
            ++east_edges;
        }
        if ((e.a.x == 120.0 && e.b.x == 120.0) || (e.a.y == 65.0 && e.b.y == 65.0)) {
            CHECK(feature.attribute("island") == "mainland");
        }
    });
    CHECK(east_edges == 0);
    CHECK(longest_km < 2.0);
    CHECK(seam_km < 25.0);
}

TEST_CASE("[geo] shipped countries and borders: DCW countries without the disputed islands") {
    const auto countries = load_shipped("countries.shp", geo::GeometryKind::polygons);
    std::set<std::string> isos;
    for (const auto& feature : countries.features) {
        isos.insert(feature.attribute("iso"));
    }
    CHECK(isos == std::set<std::string>{"CN", "JP", "KP", "KR", "RU", "US"});

    CHECK(features_at(countries, {131.95, 43.8}).at(0)->attribute("iso") == "RU"); // Ussuriysk
    CHECK(features_at(countries, {126.6, 45.75}).at(0)->attribute("iso") == "CN"); // Harbin
    // DCW puts these in one country; their sovereignty is disputed, so the layer leaves them
    // out: Kurilsk, Yuzhno-Kurilsk, Malokurilskoye, the Liancourt Rocks (Takeshima/Dokdo).
    for (const geo::Point p : std::vector<geo::Point>{
             {147.886, 45.227}, {145.856, 44.031}, {146.832, 43.871}, {131.867, 37.242}}) {
        CAPTURE(p.x);
        CHECK(features_at(countries, p).empty());
    }

    const auto borders = load_shipped("borders.shp", geo::GeometryKind::lines);
    std::set<std::string> between;
    for (const auto& feature : borders.features) {
        between.insert(feature.attribute("between"));
        CHECK(geo::vertex_count(feature.lines) >= 2);
    }
    CHECK(between == std::set<std::string>{"CN-KP", "CN-RU", "KP-KR", "KP-RU"});
}
