// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "geo/date.hpp"
#include "map/map_frame.hpp"
#include "map/map_scene.hpp"
#include "map/map_state.hpp"
#include "viewer/ui_state.hpp"

#include <memory>
#include <stop_token>
#include <vector>

namespace kuril {

/// The polygon sets of the user's layers, held: the viewer may add or remove layers while a
/// second thread builds these sets' levels.
std::vector<std::shared_ptr<const PolygonSet>> user_layer_shapes(const MapScene& scene);

/// After the first frame: builds the levels of detail it did not need (the scene's, and those
/// of `user_shapes`, taken with user_layer_shapes on the scene's thread), so that zooming later
/// does not pay for them; until `stop` is requested. The viewer runs it on a second thread.
void prepare_remaining_levels(const MapScene& scene,
                              const std::vector<std::shared_ptr<const PolygonSet>>& user_shapes,
                              std::stop_token stop = {});

/// A step along the timeline from `before` to `after`: highlights the lines and islands that
/// changed (fading from full strength) and captions the step over the timeline.
void show_step(const MapScene& scene, geo::Date before, geo::Date after, MapState& map,
               UiState& ui);
/// The same from the frames of the two dates, when the caller has them already.
void show_step(const MapFrame& before, const MapFrame& after, MapState& map, UiState& ui);

} // namespace kuril
