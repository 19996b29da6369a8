// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "viewer/ui_layout.hpp"

#include <SFML/Graphics.hpp>

namespace kuril {

/// The keys, from the one key table (input_map), in a box at the centre. During a tour
/// (`presenting`), the presenter's keys, large enough to read from the back of a room; in the
/// interface language `lang`.
HelpLayout layout_help(float width, float height, float scale, const sf::Font& font,
                       bool presenting, std::string_view lang);

void draw_help(sf::RenderTarget& target, const HelpLayout& layout, float scale,
               const sf::Font& font);

} // namespace kuril
