// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <filesystem>
#include <string>

namespace sf {
class Font;
}

namespace kuril {

struct FontFile {
    std::filesystem::path path;
    std::string family;
};

/// Finds, through fontconfig, a font that covers Latin, Cyrillic and Japanese: Noto Sans CJK JP
/// first, VL PGothic as the fallback. Throws geo::InputError naming the packages to install.
FontFile find_map_font();

/// Finds the map font and loads it into `font`. Throws geo::InputError when there is none or
/// SFML cannot read it.
void load_map_font(sf::Font& font);

} // namespace kuril
