// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "map/map_frame.hpp"

#include <SFML/Graphics.hpp>

namespace kuril {

/// Draws a legend item's swatch into `swatch` (pixels), symbols scaled by `scale`: the same
/// colours (render/style.hpp) and dashes (map/symbology.hpp) as the map.
void draw_legend_swatch(sf::RenderTarget& target, const LegendItem& item, sf::FloatRect swatch,
                        float scale);

} // namespace kuril
