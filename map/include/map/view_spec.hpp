// SPDX-License-Identifier: GPL-3.0-or-later
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
/// region. A centre without a zoom is allowed: the whole region's scale about that centre.
struct ViewSpec {
    std::optional<geo::Box> bbox;     ///< lon/lat
    std::string island;               ///< island id
    std::optional<geo::Point> center; ///< lon/lat
    double zoom = 0.0;

    /// The largest zoom: 2^20 times the whole region's scale (about a millimetre a pixel).
    static constexpr double max_zoom = 20.0;

    /// Parses "minlon,minlat,maxlon,maxlat" (throws geo::InputError saying what is wrong).
    static geo::Box parse_bbox(const std::string& text);
    /// Parses "lon,lat" (finite, the longitude within ±180 and the latitude within ±90).
    static geo::Point parse_center(const std::string& text);
    /// Parses a --zoom: a finite number from 0 to max_zoom.
    static double parse_zoom(const std::string& text);
    /// The view a tour slide asks for.
    static ViewSpec from_slide(const geo::Slide& slide);

    /// Refuses options that contradict each other, in one line naming them: --island with
    /// --bbox or --center, --bbox with --center, and --zoom (`zoom_given`) without --center.
    /// Also checks the values (check_values).
    void check_options(bool zoom_given) const;

    /// Refuses values out of range, whoever set them (the command line or a tour slide): a
    /// box or centre not finite or beyond ±180/±90, a box with min not less than max, a zoom
    /// not finite or outside 0 to max_zoom. apply() checks them first.
    void check_values() const;
    /// The island's id as the data spells it, matched without regard to case ("Shikotan");
    /// throws geo::InputError with the nearest ids ("did you mean etorofu?") or, when none is
    /// near, all the known ids.
    static std::string island_id(const MapScene& scene, const std::string& typed);

    /// Applies the spec to a view of the scene, fitting a box or an island (and the whole
    /// region) into the view less `insets` (the panels and bands over the map). Throws
    /// geo::InputError for an unknown island or a box outside the data.
    void apply(const MapScene& scene, MapView& view, const ScreenInsets& insets = {}) const;
};

} // namespace kuril
