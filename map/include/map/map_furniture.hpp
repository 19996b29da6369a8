// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Where the map's own furniture goes (scale bar, north arrow, inset locator) and what it shows:
// a pure layout from the frame, used for drawing and as label obstacles alike.

#include "map/label_placer.hpp"
#include "map/map_frame.hpp"

#include <string>
#include <utility>
#include <vector>

namespace kuril {

struct ScaleBarLayout {
    double metres = 0; ///< the length it stands for
    double length_px = 0;
    geo::Point start;  ///< left end of the bar, screen pixels
    std::string label; ///< "50 km"
    ScreenRect rect;   ///< bar and label
};

struct NorthArrowLayout {
    bool shown = false; ///< only where the projection turns north away from up
    double angle = 0;   ///< radians, clockwise from up
    geo::Point base;    ///< screen pixels
    ScreenRect rect;
};

struct InsetLayout {
    bool shown = false; ///< not when the whole region is on screen already
    ScreenRect rect;    ///< the locator's frame in screen pixels
};

struct MapFurnitureLayout {
    ScaleBarLayout scale_bar;
    NorthArrowLayout north_arrow;
    InsetLayout inset;
    /// The areas they cover (for label placement and clicks).
    std::vector<ScreenRect> rects() const;
};

/// Lays out the scale bar (true geodesic scale at the view's centre, above the bottom band),
/// the north arrow and the inset (below the top band) of a frame. `reserved_top` and
/// `reserved_bottom` are the pixels the composer keeps for its bands (title, timeline, footer).
MapFurnitureLayout layout_map_furniture(const MapFrame& frame, double reserved_top,
                                        double reserved_bottom);

/// A nice scale-bar length in metres (1, 2 or 5 times a power of ten) no longer than `max_px`
/// pixels, and its width in pixels, for a true scale.
std::pair<double, double> nice_scale_bar(double true_metres_per_pixel, double max_px);

/// "850 m", "3.5 km", "120 km".
std::string format_distance(double metres);
/// As `lang` ("en", "ja", "ru") writes it: "3,5 км".
std::string format_distance(double metres, std::string_view lang);

} // namespace kuril
