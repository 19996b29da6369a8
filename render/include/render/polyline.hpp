// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <SFML/Graphics/Rect.hpp>
#include <SFML/Graphics/Vertex.hpp>
#include <optional>
#include <vector>

namespace kuril {

/// Appends a polyline of `width` pixels as triangles, dashed by `pattern` (on, off, on, off...
/// in pixels; empty = solid). With `visible`, the segments that cannot reach that rectangle
/// add nothing (the dashes keep their places: a zone's limit zoomed into runs for millions of
/// pixels, almost all of them off the screen).
void append_polyline(std::vector<sf::Vertex>& out, const std::vector<sf::Vector2f>& points,
                     float width, sf::Color color, const std::vector<float>& pattern = {},
                     const std::optional<sf::FloatRect>& visible = std::nullopt);

/// Appends an event marker as the map draws it: a white ring around a disc of `fill`.
void append_marker(std::vector<sf::Vertex>& out, sf::Vector2f at, float radius, sf::Color fill);

/// Appends an arrowhead of `fill` cased in white, its tip at `tip`, pointing along the unit
/// vector `direction`: `length` from base to tip and `width` across the base.
void append_arrowhead(std::vector<sf::Vertex>& out, sf::Vector2f tip, sf::Vector2f direction,
                      float length, float width, sf::Color fill);

} // namespace kuril
