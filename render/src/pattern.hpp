// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The pattern that hatches and stripes fills, private to render/.

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

} // namespace kuril::detail
