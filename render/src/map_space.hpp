// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Map space (projected metres, y down) and the screen, for the renderer's own files: private
// to render/.

#include "map/map_view.hpp"
#include "map/polygon_set.hpp"

#include <SFML/Graphics.hpp>
#include <optional>
#include <vector>

namespace kuril::detail {

/// The visible area in map space (y down), grown a little: the view's, or only the tile's
/// (each tile of an export draws only the geometry that reaches it).
geo::Box visible_map_box(const MapView& view, const std::optional<sf::FloatRect>& tile);

/// The view's whole image in screen pixels: what a line must reach to be drawn.
sf::FloatRect on_screen(const MapView& view);

/// Appends a level's outlines that meet `visible` as polylines `width` pixels wide (screen
/// space): consecutive segments that share an end are one chain, and the parts of a chain
/// that cannot reach the screen add nothing.
void append_level_outlines(std::vector<sf::Vertex>& out, const LodLevel& level, const MapView& view,
                           const geo::Box& visible, float width, sf::Color colour);

} // namespace kuril::detail
