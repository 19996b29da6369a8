#pragma once

#include "geo/annotations.hpp"
#include "geo/geometry.hpp"
#include "map/map_scene.hpp"
#include "map/map_view.hpp"

#include <optional>
#include <string>

namespace kuril {

/// Where to look, as a user says it on the command line: a lon/lat box, an island to fit, or a
/// centre and a zoom (0 = the whole region, each step doubles the scale). Default: the whole
/// region.
struct ViewSpec {
    std::optional<geo::Box> bbox;     ///< lon/lat
    std::string island;               ///< island id
    std::optional<geo::Point> center; ///< lon/lat
    double zoom = 0.0;

    /// Parses "minlon,minlat,maxlon,maxlat" (throws geo::InputError saying what is wrong).
    static geo::Box parse_bbox(const std::string& text);
    /// Parses "lon,lat".
    static geo::Point parse_center(const std::string& text);
    /// The view a tour slide asks for.
    static ViewSpec from_slide(const geo::Slide& slide);

    /// Applies the spec to a view of the scene. Throws geo::InputError for an unknown island
    /// or a box outside the data.
    void apply(const MapScene& scene, MapView& view) const;
};

} // namespace kuril
