// SPDX-License-Identifier: GPL-3.0-or-later
#include "geo/geodesic.hpp"

#include <cmath>
#include <geodesic.h>

namespace geo {
namespace {

const geod_geodesic& wgs84() {
    static const geod_geodesic geodesic = [] {
        geod_geodesic g{};
        geod_init(&g, 6378137.0, 1.0 / 298.257223563);
        return g;
    }();
    return geodesic;
}

double ring_area_m2(const Ring& ring) {
    if (ring.size() < 3) {
        return 0.0;
    }
    geod_polygon polygon{};
    geod_polygon_init(&polygon, 0);
    for (const auto& p : ring) {
        geod_polygon_addpoint(&wgs84(), &polygon, p.y, p.x);
    }
    double area = 0.0;
    double perimeter = 0.0;
    // reverse = 0, sign = 1: signed area, counter-clockwise positive.
    geod_polygon_compute(&wgs84(), &polygon, 0, 1, &area, &perimeter);
    return std::fabs(area);
}

} // namespace

double geodesic_distance_m(Point from_lon_lat, Point to_lon_lat) {
    double distance = 0.0;
    double azimuth1 = 0.0;
    double azimuth2 = 0.0;
    geod_inverse(&wgs84(), from_lon_lat.y, from_lon_lat.x, to_lon_lat.y, to_lon_lat.x, &distance,
                 &azimuth1, &azimuth2);
    return distance;
}

double geodesic_azimuth_deg(Point from_lon_lat, Point to_lon_lat) {
    double distance = 0.0;
    double azimuth1 = 0.0;
    double azimuth2 = 0.0;
    geod_inverse(&wgs84(), from_lon_lat.y, from_lon_lat.x, to_lon_lat.y, to_lon_lat.x, &distance,
                 &azimuth1, &azimuth2);
    return azimuth1;
}

double geodesic_area_m2(const Polygon& polygon) {
    double area = 0.0;
    for (std::size_t i = 0; i < polygon.rings.size(); ++i) {
        const double ring = ring_area_m2(polygon.rings[i]);
        area += i == 0 ? ring : -ring;
    }
    return area;
}

double geodesic_area_km2(const std::vector<Polygon>& polygons) {
    double area = 0.0;
    for (const auto& polygon : polygons) {
        area += geodesic_area_m2(polygon);
    }
    return area / 1e6;
}

} // namespace geo
