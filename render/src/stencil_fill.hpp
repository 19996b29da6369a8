// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Even-odd polygon fills through the stencil buffer (no triangulation), private to render/.

#include <SFML/Graphics.hpp>
#include <vector>

namespace kuril::detail {

/// A white diagonal-line pattern (lines rising to the right, `period_px` apart along x, each
/// `width_px` wide along x, anti-aliased), for drawing one texel per screen pixel: built at
/// the pixel scale it is drawn at, so it stays crisp at any export size. The period is
/// rounded to whole pixels so that the image tiles.
sf::Image make_pattern_image(float period_px, float width_px);
/// The same as a repeated texture; drawn tinted, it hatches a claimant's colour over a fill.
sf::Texture make_pattern(float period_px, float width_px);

/// Even-odd fill: the `fan` triangles (drawn through fan_view) mark the stencil, then `cover`
/// (through cover_view) paints where it is marked and clears it. The target needs a stencil
/// buffer.
void stencil_fill(sf::RenderTarget& target, const sf::View& fan_view,
                  const std::vector<sf::Vertex>& fan, const sf::View& cover_view,
                  const std::vector<sf::Vertex>& cover, const sf::Texture* pattern);

} // namespace kuril::detail
