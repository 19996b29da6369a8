#include "map/label_placer.hpp"

#include <algorithm>

namespace kuril {

std::vector<PlacedLabel> place_labels(std::vector<LabelRequest> requests, double viewport_width,
                                      double viewport_height,
                                      const std::vector<ScreenRect>& obstacles, double gap) {
    std::stable_sort(
        requests.begin(), requests.end(),
        [](const LabelRequest& a, const LabelRequest& b) { return a.priority > b.priority; });
    std::vector<PlacedLabel> placed;
    for (const auto& request : requests) {
        const double w = request.width;
        const double h = request.height;
        const double x = request.anchor_x;
        const double y = request.anchor_y;
        const double offset = 6.0;
        const ScreenRect candidates[] = {
            {x - w / 2, y - h / 2, w, h},      // centred on the anchor
            {x + offset, y - h / 2, w, h},     // right
            {x - offset - w, y - h / 2, w, h}, // left
            {x - w / 2, y - offset - h, w, h}, // above
            {x - w / 2, y + offset, w, h},     // below
        };
        for (const auto& rect : candidates) {
            if (rect.left < 0 || rect.top < 0 || rect.left + rect.width > viewport_width ||
                rect.top + rect.height > viewport_height) {
                continue;
            }
            const bool clashes =
                std::any_of(
                    placed.begin(), placed.end(),
                    [&](const PlacedLabel& other) { return rect.intersects(other.rect, gap); }) ||
                std::any_of(obstacles.begin(), obstacles.end(),
                            [&](const ScreenRect& obstacle) { return rect.intersects(obstacle); });
            if (!clashes) {
                placed.push_back({request.id, rect});
                break;
            }
        }
    }
    return placed;
}

} // namespace kuril
