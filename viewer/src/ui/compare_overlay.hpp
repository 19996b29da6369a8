// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "map/map_frame.hpp"
#include "viewer/ui_layout.hpp"
#include "viewer/ui_state.hpp"

#include <SFML/Graphics.hpp>

namespace kuril {

/// The width of each half of a side-by-side view in a window `width` pixels wide: the two
/// halves and the bar between them fill it.
float compare_half_width(float width, float scale);

/// The compare view's layout (S): the halves' areas in the window and the part of the shared
/// view each shows, a heading with its date at the top of each (the one with focus marked), a
/// legend at the bottom of each, and the bar or the swipe divider between them. `left` and
/// `right` are the halves' frames; `top` and `bottom` what is kept clear above and below the
/// map (a slide's title band; the timeline or a slide's caption). The headings keep clear of
/// `panels` (the layers panel).
CompareLayout layout_compare(const MapFrame& left, const MapFrame& right, const CompareView& view,
                             float width, float height, float scale, float top, float bottom,
                             const std::vector<sf::FloatRect>& panels, const sf::Font& font);

void draw_compare(sf::RenderTarget& target, const CompareLayout& layout, float scale,
                  const sf::Font& font);

} // namespace kuril
