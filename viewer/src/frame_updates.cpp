#include "viewer/frame_updates.hpp"

#include "geo/step_summary.hpp"

namespace kuril {

void prepare_remaining_levels(const MapScene& scene) {
    scene.land.prepare_all();
    scene.lakes.prepare_all();
    for (const auto& region : scene.regions) {
        region.shapes.prepare_all();
    }
}

void show_step(const MapScene& scene, geo::Date before, geo::Date after, MapState& map,
               UiState& ui) {
    const auto summary =
        summarize_step(scene.atlas->annotations, *scene.atlas->history, before, after);
    map.highlighted_lines = summary.changed_lines;
    map.highlighted_islands = summary.changed_islands;
    map.highlight_strength = 1.0;
    ui.caption = summary.caption;
    ui.caption_alpha = 1.5;
}

} // namespace kuril
