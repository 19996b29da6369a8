// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "geo/geometry.hpp"

#include <memory>
#include <span>
#include <string>

namespace geo {

/// The default display CRS: Lambert conformal conic fitted to the southern Kurils and
/// Hokkaido (standard parallels 43° and 50° N, origin 46° N 147° E), on WGS84, in metres.
inline constexpr const char* default_display_crs =
    "+proj=lcc +lat_1=43 +lat_2=50 +lat_0=46 +lon_0=147 +x_0=0 +y_0=0 +datum=WGS84 +units=m "
    "+no_defs +type=crs";

/// A transformation from WGS84 lon/lat to a display CRS (any PROJ string, WKT or "EPSG:n").
/// Axis order is always x = easting/longitude, y = northing/latitude.
class Projection {
public:
    explicit Projection(const std::string& target_crs = default_display_crs);
    ~Projection();
    Projection(Projection&&) noexcept;
    Projection& operator=(Projection&&) noexcept;
    Projection(const Projection&) = delete;
    Projection& operator=(const Projection&) = delete;

    /// The same transformation for another thread (a Projection serves one thread at a
    /// time): copied into a PROJ context of its own, without a second search of PROJ's
    /// database (about 0.1 ms instead of 4 to 10).
    Projection clone() const;

    const std::string& definition() const { return definition_; }
    /// The target CRS as ESRI WKT (for .prj files), made on the first call (safe from any
    /// thread) and kept.
    std::string target_wkt_esri() const;
    std::string target_name() const;
    /// The target CRS as WKT2 (for GDAL's .aux.xml side files).
    std::string target_wkt() const;

    /// Metres per unit of the target CRS's coordinates: 1 for metres, 0.3048 for feet, and
    /// for degrees (EPSG:4326) a degree of a great circle, about 111 km.
    double metres_per_unit() const;
    /// How an image's x (east) and y (north) map onto the target CRS's axes, as GDAL writes
    /// dataAxisToSRSAxisMapping: "1,2" for an easting-first CRS, "2,1" for one whose axes run
    /// latitude or northing first (EPSG:4326), then ",3" for a third axis.
    const std::string& axis_mapping() const;

    Point forward(Point lon_lat) const;
    Point inverse(Point xy) const;
    /// Projects in place; faster than one point at a time.
    void forward_in_place(std::span<Point> points) const;

private:
    struct Empty {};
    explicit Projection(Empty); // for clone()
    struct State;
    std::unique_ptr<State> state_;
    std::string definition_;
};

} // namespace geo

#include "geo/vector_source.hpp"

namespace geo {

/// A copy of a lon/lat layer with every coordinate projected.
VectorLayer project_layer(const VectorLayer& layer, const Projection& projection);

} // namespace geo
