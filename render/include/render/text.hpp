// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <SFML/Graphics/Font.hpp>
#include <SFML/System/String.hpp>
#include <cstdint>
#include <functional>
#include <string>

namespace kuril {

/// UTF-8 to SFML's string type.
sf::String utf8(const std::string& text);

/// Wraps UTF-8 text greedily to `max_width`, measuring each code point with `advance`. Breaks
/// before spaces (dropping the space at the start of a new line) and between CJK characters
/// (Japanese has no spaces), never before a closing mark (、。」）) nor after an opening one
/// (「（); keeps Latin and Cyrillic words whole and existing line breaks. A word wider than the
/// width stays whole on its own line.
std::string wrap_text(const std::string& utf8_text,
                      const std::function<float(std::uint32_t)>& advance, float max_width);

/// Wraps UTF-8 text to a width in pixels, measured with a font at a character size.
std::string wrap_text(const std::string& utf8_text, const sf::Font& font, unsigned size,
                      float max_width);

} // namespace kuril
