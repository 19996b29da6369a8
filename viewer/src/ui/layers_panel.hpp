// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "map/map_scene.hpp"
#include "map/map_state.hpp"
#include "viewer/ui_layout.hpp"

#include <SFML/Graphics.hpp>

namespace kuril {

/// The layers panel at the top left: a row per layer, the legend of exactly what the map
/// shows on its date, and the export buttons, sized to the longest legend line.
/// The layers panel at the top left, fitted above `max_height` (the timeline's top) and within
/// `max_width`: layer rows in two columns and smaller text when the window is small.
/// `lang`: the interface language of its words. `povs`: the points of view (id, short label), one
/// button each under the legend.
LayersPanelLayout layout_layers_panel(const std::vector<LegendItem>& legend,
                                      const std::vector<std::pair<std::string, std::string>>& povs,
                                      float scale, const sf::Font& font, float max_width,
                                      float max_height, std::string_view lang);

void draw_layers_panel(sf::RenderTarget& target, const LayersPanelLayout& layout,
                       const MapState& map, float scale, const sf::Font& font);

} // namespace kuril
