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

    /// Parses "minlon,minlat,maxlon,maxlat" (throws geo::InputError saying what is wrong).
    static geo::Box parse_bbox(const std::string& text);
    /// Parses "lon,lat".
    static geo::Point parse_center(const std::string& text);
    /// The view a tour slide asks for.
    static ViewSpec from_slide(const geo::Slide& slide);

    /// Refuses options that contradict each other, in one line naming them: --island with
    /// --bbox or --center, --bbox with --center, and --zoom (`zoom_given`) without --center.
    void check_options(bool zoom_given) const;

    /// The island's id as the data spells it, matched without regard to case ("Shikotan");
    /// throws geo::InputError with the known ids when there is none.
    static std::string island_id(const MapScene& scene, const std::string& typed);

    /// Applies the spec to a view of the scene, fitting a box or an island (and the whole
    /// region) into the view less `insets` (the panels and bands over the map). Throws
    /// geo::InputError for an unknown island or a box outside the data.
    void apply(const MapScene& scene, MapView& view, const ScreenInsets& insets = {}) const;
};

} // namespace kuril
