// SPDX-License-Identifier: GPL-3.0-or-later
// The maritime zones of shapes/zones.shp (shapes/ZONES.md): measured against the shipped
// coastline with geodesic distance (geo/geodesic, Karney on WGS84), their dates, and the
// messages for bad attributes.
#include "geo/atlas.hpp"
#include "geo/error.hpp"
#include "geo/geodesic.hpp"
#include "geo/vector_source.hpp"
#include "geo/zones.hpp"
#include "test_paths.hpp"

#include <algorithm>
#include <cmath>
#include <doctest/doctest.h>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace {

constexpr double nautical_mile = 1852.0;

const std::vector<geo::ZoneLine>& shipped_zones() {
    static const std::vector<geo::ZoneLine> zones = [] {
        geo::LoadOptions options;
        options.expected = geo::GeometryKind::lines;
        return geo::zone_lines_from_layer(
            geo::load_vector_layer(test_paths::shipped() / "shapes" / "zones.shp", options));
    }();
    return zones;
}

// Every vertex of the shipped coastline (GSHHG full resolution near the islands: vertices about
// 100 m apart, so the nearest vertex is within a few hundred metres of the nearest coast).
struct Coast {
    std::vector<geo::Point> points;
    Coast() {
        geo::LoadOptions options;
        options.expected = geo::GeometryKind::polygons;
        const auto land =
            geo::load_vector_layer(test_paths::shipped() / "shapes" / "land.shp", options);
        for (const auto& feature : land.features) {
            for (const auto& polygon : feature.polygons) {
                for (const auto& ring : polygon.rings) {
                    points.insert(points.end(), ring.begin(), ring.end());
                }
            }
        }
    }

    // The geodesic distance in metres from a lon/lat point to the nearest coast vertex: the
    // candidates are the vertices whose great-circle (haversine, R = 6371 km) distance is within
    // 1% + 5 km of the smallest such distance (the sphere is within 0.5% of the ellipsoid);
    // each is measured on the ellipsoid.
    double distance_m(geo::Point p) const {
        const double rad = M_PI / 180.0;
        const double cos_p = std::cos(p.y * rad);
        const auto sphere = [&](geo::Point q) {
            const double dlat = (q.y - p.y) * rad;
            const double dlon = (q.x - p.x) * rad;
            const double a = std::sin(dlat / 2) * std::sin(dlat / 2) +
                             cos_p * std::cos(q.y * rad) * std::sin(dlon / 2) * std::sin(dlon / 2);
            return 2 * 6371000.0 * std::asin(std::sqrt(std::min(1.0, a)));
        };
        std::vector<double> approx(points.size());
        double best_approx = 1e300;
        for (std::size_t i = 0; i < points.size(); ++i) {
            approx[i] = sphere(points[i]);
            best_approx = std::min(best_approx, approx[i]);
        }
        double best = 1e300;
        for (std::size_t i = 0; i < points.size(); ++i) {
            if (approx[i] <= best_approx * 1.01 + 5000.0) {
                best = std::min(best, geo::geodesic_distance_m(p, points[i]));
            }
        }
        return best;
    }
};

const Coast& coast() {
    static const Coast c;
    return c;
}

// Points every `step_m` (about) along a lon/lat polyline, its vertices' interpolations.
std::vector<geo::Point> sample(const geo::LineString& line, double step_m) {
    std::vector<geo::Point> out;
    double carried = 0;
    for (std::size_t i = 0; i + 1 < line.size(); ++i) {
        const double length = geo::geodesic_distance_m(line[i], line[i + 1]);
        double at = step_m - carried;
        while (at <= length) {
            const double t = at / length;
            out.push_back({line[i].x + t * (line[i + 1].x - line[i].x),
                           line[i].y + t * (line[i + 1].y - line[i].y)});
            at += step_m;
        }
        carried = length - (at - step_m);
    }
    return out;
}

geo::Feature feature(std::map<std::string, std::string> attributes) {
    geo::Feature f;
    f.fid = 7;
    f.attributes = std::move(attributes);
    f.lines = {{{145.0, 43.0}, {145.1, 43.1}}};
    return f;
}

std::map<std::string, std::string> good_attributes() {
    return {{"id", "su-fishing-zone-1977"},
            {"part", "limit"},
            {"kind", "fishing_zone"},
            {"party", "RU"},
            {"valid_from", "1977-03-01"},
            {"valid_to", ""},
            {"label", "Soviet 200-nm fishing zone (1977, approx.)"},
            {"approx", "true"},
            {"source", "a b"}};
}

std::string message_for(std::map<std::string, std::string> attributes) {
    geo::VectorLayer layer;
    layer.source = "zones.shp";
    layer.features.push_back(feature(std::move(attributes)));
    try {
        geo::zone_lines_from_layer(layer);
    } catch (const geo::InputError& problem) {
        return problem.what();
    }
    return "no error";
}

} // namespace

TEST_CASE("[zones] the shipped zones: five, each with limit parts, approximate and sourced") {
    std::set<std::string> ids;
    std::set<std::string> with_limit;
    for (const auto& zone : shipped_zones()) {
        ids.insert(zone.id);
        CHECK(zone.approx);
        CHECK_FALSE(zone.sources.empty());
        CHECK(zone.label.find("approx.") != std::string::npos);
        CHECK((zone.part == "limit" || zone.part == "median"));
        if (zone.part == "limit" && !zone.geometry.empty()) {
            with_limit.insert(zone.id);
        }
    }
    const std::set<std::string> expected = {"su-territorial-sea", "jp-territorial-sea",
                                            "jp-territorial-sea-claim", "su-fishing-zone-1977",
                                            "jp-fishing-zone-1977"};
    CHECK(ids == expected);
    CHECK(with_limit == expected);
}

TEST_CASE("[zones] every limit point is within 1 nautical mile of 12 or 200 nm from the coast "
          "(geodesic); median points are no farther than the breadth") {
    std::size_t measured = 0;
    for (const auto& zone : shipped_zones()) {
        const double breadth = zone.breadth_nm() * nautical_mile;
        // 12 nm: every 4 km; 200 nm: every 40 km (each point is measured against every coast
        // vertex).
        const double step = zone.kind == geo::ZoneKind::territorial_sea ? 4000.0 : 40000.0;
        double worst = 0;
        geo::Point worst_at{0, 0};
        for (const auto& line : zone.geometry) {
            for (const auto& p : sample(line, step)) {
                const double d = coast().distance_m(p);
                ++measured;
                if (zone.part == "limit") {
                    if (std::abs(d - breadth) > worst) {
                        worst = std::abs(d - breadth);
                        worst_at = p;
                    }
                    if (std::abs(d - breadth) > nautical_mile) {
                        FAIL_CHECK(zone.id << " (limit) at " << p.x << "," << p.y << ": "
                                           << d / nautical_mile << " nm from the coast");
                    }
                } else if (d > breadth + nautical_mile) {
                    FAIL_CHECK(zone.id << " (median) at " << p.x << "," << p.y << ": "
                                       << d / nautical_mile << " nm from the coast");
                }
            }
        }
        if (zone.part == "limit") {
            MESSAGE(zone.id << ": worst offset " << worst << " m from " << zone.breadth_nm()
                            << " nm, at " << worst_at.x << "," << worst_at.y);
        }
    }
    CHECK(measured > 500);
}

TEST_CASE("[zones] in force on their dates") {
    const auto ids_on = [](geo::Date date) {
        std::set<std::string> ids;
        for (const auto* zone : geo::zones_in_force(shipped_zones(), date)) {
            ids.insert(zone->id);
        }
        return ids;
    };
    CHECK(ids_on({1945, 9, 4}).empty());
    CHECK(ids_on({1977, 2, 28}) == std::set<std::string>{"su-territorial-sea"});
    CHECK(ids_on({1977, 3, 1}) ==
          std::set<std::string>{"su-territorial-sea", "su-fishing-zone-1977"});
    CHECK(ids_on({1977, 6, 30}).count("jp-fishing-zone-1977") == 0);
    CHECK(ids_on({1977, 7, 1}) == std::set<std::string>{"su-territorial-sea", "jp-territorial-sea",
                                                        "jp-territorial-sea-claim",
                                                        "su-fishing-zone-1977",
                                                        "jp-fishing-zone-1977"});
    CHECK(ids_on({1996, 7, 19}).count("jp-fishing-zone-1977") == 1);
    CHECK(ids_on({1996, 7, 20}).count("jp-fishing-zone-1977") == 0);
}

TEST_CASE("[zones] the shipped atlas loads the zones layer, and each zone has a <zone> entry") {
    const auto atlas = geo::load_atlas(test_paths::shipped() / "annotations.xml");
    CHECK(atlas->errors.empty());
    REQUIRE(atlas->zones.size() == shipped_zones().size());
    for (const auto& zone : atlas->zones) {
        const geo::LineInfo* info = atlas->annotations.zone_info(zone.id);
        REQUIRE_MESSAGE(info != nullptr, zone.id);
        for (const char* lang : {"en", "ja", "ru"}) {
            CHECK_MESSAGE(info->name(lang) != nullptr, zone.id << " " << lang);
            CHECK_MESSAGE(info->texts.count(lang) == 1, zone.id << " " << lang);
        }
        for (const auto& id : zone.sources) {
            CHECK_MESSAGE(atlas->annotations.source(id) != nullptr, id);
        }
    }
}

TEST_CASE("[zones] bad attributes are reported with the file, the feature and what was expected") {
    CHECK(message_for(good_attributes()) == "no error");
    auto bad_kind = good_attributes();
    bad_kind["kind"] = "economic_zone";
    CHECK(message_for(bad_kind) ==
          "zones.shp: feature 7 (su-fishing-zone-1977): kind 'economic_zone' is not one of "
          "territorial_sea, fishing_zone");
    auto bad_party = good_attributes();
    bad_party["party"] = "SU";
    CHECK(message_for(bad_party) ==
          "zones.shp: feature 7 (su-fishing-zone-1977): party 'SU' is not one of JP, RU");
    auto no_label = good_attributes();
    no_label["label"] = "";
    CHECK(message_for(no_label) == "zones.shp: feature 7: attribute 'label' is missing or empty");
    auto bad_approx = good_attributes();
    bad_approx["approx"] = "yes";
    CHECK(message_for(bad_approx) ==
          "zones.shp: feature 7 (su-fishing-zone-1977): approx 'yes' is not true or false");
    auto backwards = good_attributes();
    backwards["valid_to"] = "1977-01-01";
    CHECK(message_for(backwards) == "zones.shp: feature 7 (su-fishing-zone-1977): valid_to "
                                    "1977-01-01 is not after valid_from 1977-03-01");
}
