#pragma once

#include "map/map_scene.hpp"
#include "map/map_state.hpp"

#include <SFML/Graphics.hpp>
#include <string>
#include <vector>

namespace kuril {

/// One line of a legend: a swatch and what it means, in words.
struct LegendEntry {
    sf::Color colour;
    std::string label;
    enum Kind { fill, hatch, stripes, solid, dashed } kind;
};

/// Exactly what the map shows on that date with those layers: the fills, stripes and hatching
/// in use, and each line in force with its kind.
std::vector<LegendEntry> legend_entries(const MapScene& scene, const MapState& state);

/// Draws an entry's swatch into `swatch` (pixels), symbols scaled by `scale`.
void draw_legend_swatch(sf::RenderTarget& target, const LegendEntry& entry, sf::FloatRect swatch,
                        float scale);

} // namespace kuril
