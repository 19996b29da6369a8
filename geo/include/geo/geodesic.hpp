// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "geo/geometry.hpp"

#include <vector>

namespace geo {

/// Distance in metres between two lon/lat points on the WGS84 ellipsoid (Karney's algorithm,
/// through PROJ's geodesic API).
double geodesic_distance_m(Point from_lon_lat, Point to_lon_lat);

/// The initial bearing in degrees (clockwise from north, -180 to 180) of the geodesic from one
/// lon/lat point to another on the WGS84 ellipsoid.
double geodesic_azimuth_deg(Point from_lon_lat, Point to_lon_lat);

/// Area in m² of a lon/lat polygon on the WGS84 ellipsoid, holes subtracted.
double geodesic_area_m2(const Polygon& polygon);

double geodesic_area_km2(const std::vector<Polygon>& polygons);

} // namespace geo
