// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "map/map_state.hpp"
#include "viewer/ui_layout.hpp"
#include "viewer/ui_state.hpp"

#include <SFML/Graphics.hpp>
#include <vector>

namespace kuril {

/// The boxes at the top centre, one under another: errors (until dismissed), the fading
/// notice, and the measuring hint.
std::vector<MessageLayout> layout_messages(const MapState& map, const UiState& ui, float width,
                                           float scale, const sf::Font& font);

void draw_messages(sf::RenderTarget& target, const std::vector<MessageLayout>& messages,
                   float scale, const sf::Font& font);

} // namespace kuril
