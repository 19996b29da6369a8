// SPDX-License-Identifier: GPL-3.0-or-later
#include "viewer/frame_updates.hpp"

#include "map/map_frame.hpp"
#include "map/step_summary.hpp"

namespace kuril {

std::vector<std::shared_ptr<const PolygonSet>> user_layer_shapes(const MapScene& scene) {
    std::vector<std::shared_ptr<const PolygonSet>> shapes;
    for (const auto& layer : scene.user_layers) {
        for (const auto& feature : layer.features) {
            if (feature.shapes) {
                shapes.push_back(feature.shapes);
            }
        }
    }
    return shapes;
}

void prepare_remaining_levels(const MapScene& scene,
                              const std::vector<std::shared_ptr<const PolygonSet>>& user_shapes,
                              std::stop_token stop) {
    scene.land.prepare_all(stop);
    scene.lakes.prepare_all(stop);
    scene.land_outside_regions.prepare_all(stop);
    for (const auto& region : scene.regions) {
        region.shapes.prepare_all(stop);
    }
    for (const auto& shapes : user_shapes) {
        shapes->prepare_all(stop);
    }
}

void show_step(const MapScene& scene, geo::Date before, geo::Date after, MapState& map,
               UiState& ui) {
    // The caption compares what the frames of the two dates decide (the view does not matter).
    const MapView view(scene.world, 1, 1);
    MapState from = map;
    from.date = before;
    MapState to = map;
    to.date = after;
    show_step(build_frame(scene, from, view), build_frame(scene, to, view), map, ui);
}

void show_step(const MapFrame& before, const MapFrame& after, MapState& map, UiState& ui) {
    const auto summary = summarize_step(before, after);
    map.highlighted_lines = summary.changed_lines;
    map.highlighted_islands = summary.changed_islands;
    map.highlight_strength = 1.0;
    ui.caption = summary.caption;
    ui.caption_alpha = 1.5;
}

} // namespace kuril
