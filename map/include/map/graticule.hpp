// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "geo/projection.hpp"
#include "map/map_view.hpp"

#include <string>
#include <vector>

namespace kuril {

/// Meridians and parallels of a view, traced through the projection in screen pixels, and their
/// labels where they cross the top edge (meridians) and the left edge (parallels).
struct Graticule {
    double step_deg = 5;
    std::vector<std::vector<geo::Point>> meridians; ///< screen pixels
    std::vector<std::vector<geo::Point>> parallels; ///< screen pixels
    struct Label {
        geo::Point at; ///< on the edge: (x, 2) for a meridian, (2, y) for a parallel
        std::string text;
        bool meridian = true;
    };
    std::vector<Label> labels;
};

/// The spacing for a view: the finest of 5°, 2°, 1°, 30′ ... 1.2′ that keeps lines at least
/// 110 UI pixels apart.
double graticule_step(double metres_per_pixel, double ui_scale);

/// "145°E", "43°30′N".
std::string graticule_label(double value, bool is_lon);

/// The graticule lines of the visible part of the view (sampled along its edges, extended one
/// step beyond so lines reach the edges), within lon 120-175, lat 30-65.
Graticule build_graticule(const geo::Projection& projection, const MapView& view, double ui_scale);

} // namespace kuril
