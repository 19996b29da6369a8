#pragma once

#include <string>
#include <vector>

namespace kuril {

/// A screen rectangle: left, top, width, height in pixels.
struct ScreenRect {
    double left = 0;
    double top = 0;
    double width = 0;
    double height = 0;
    bool intersects(const ScreenRect& other, double gap = 0.0) const {
        return left < other.left + other.width + gap && other.left < left + width + gap &&
               top < other.top + other.height + gap && other.top < top + height + gap;
    }
};

/// A label that wants a place: its anchor in pixels, its size, and how much it matters.
struct LabelRequest {
    double anchor_x = 0;
    double anchor_y = 0;
    double width = 0;
    double height = 0;
    int priority = 0; ///< higher first
    int id = 0;       ///< the caller's index
};

struct PlacedLabel {
    int id = 0;
    ScreenRect rect;
};

/// Places labels greedily by priority: each tries a few positions around its anchor (right,
/// left, above, below, centred) and takes the first that overlaps nothing already placed nor
/// any `obstacles`, and lies inside the viewport; labels that fit nowhere are hidden.
std::vector<PlacedLabel> place_labels(std::vector<LabelRequest> requests, double viewport_width,
                                      double viewport_height,
                                      const std::vector<ScreenRect>& obstacles = {},
                                      double gap = 3.0);

} // namespace kuril
