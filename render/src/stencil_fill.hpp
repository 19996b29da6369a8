#pragma once

// Even-odd polygon fills through the stencil buffer (no triangulation), private to render/.

#include <SFML/Graphics.hpp>
#include <vector>

namespace kuril::detail {

/// A white diagonal-line pattern; drawn tinted, it hatches a claimant's colour over a fill.
sf::Texture make_pattern(unsigned size, unsigned thickness);

/// Even-odd fill: the `fan` triangles (drawn through fan_view) mark the stencil, then `cover`
/// (through cover_view) paints where it is marked and clears it. The target needs a stencil
/// buffer.
void stencil_fill(sf::RenderTarget& target, const sf::View& fan_view,
                  const std::vector<sf::Vertex>& fan, const sf::View& cover_view,
                  const std::vector<sf::Vertex>& cover, const sf::Texture* pattern);

} // namespace kuril::detail
