// SPDX-License-Identifier: GPL-3.0-or-later
#include "box.hpp"

#include "render/furniture.hpp"
#include "render/text.hpp"

#include <cmath>

namespace kuril {

void draw_box(sf::RenderTarget& target, sf::FloatRect rect, sf::Color fill, sf::Color outline) {
    draw_band(target, rect, fill, outline);
}

sf::Text ui_text(const sf::Font& font, const std::string& utf8_text, unsigned size,
                 sf::Color colour, sf::Uint32 text_style) {
    sf::Text text(utf8(utf8_text), font, size);
    text.setFillColor(colour);
    text.setStyle(text_style);
    return text;
}

unsigned scaled_size(float size, float scale) {
    return static_cast<unsigned>(std::lround(size * scale));
}

} // namespace kuril
