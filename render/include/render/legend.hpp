#pragma once

#include "map/map_frame.hpp"

#include <SFML/Graphics.hpp>
#include <vector>

namespace kuril {

/// Draws a legend item's swatch into `swatch` (pixels), symbols scaled by `scale`: the same
/// colours (render/style.hpp) and dashes (map/symbology.hpp) as the map.
void draw_legend_swatch(sf::RenderTarget& target, const LegendItem& item, sf::FloatRect swatch,
                        float scale);

/// The legend of the frame of `state` (whatever the view): what the map shows. Prefer reading
/// MapFrame::legend of the frame being drawn.
std::vector<LegendItem> legend_entries(const MapScene& scene, const MapState& state);

} // namespace kuril
