// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "render/style.hpp"

#include <SFML/Graphics.hpp>

namespace kuril {

/// A filled rectangle with a one-pixel border: every panel and button of the viewer.
void draw_box(sf::RenderTarget& target, sf::FloatRect rect, sf::Color fill,
              sf::Color outline = style::panel_border);

/// A text of the viewer's font: UTF-8, at a size, in a colour and style.
sf::Text ui_text(const sf::Font& font, const std::string& utf8_text, unsigned size,
                 sf::Color colour = style::text, sf::Uint32 text_style = sf::Text::Regular);

/// A size in pixels times the UI scale, rounded to a character size.
unsigned scaled_size(float size, float scale);

} // namespace kuril
