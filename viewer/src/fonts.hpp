#pragma once

#include <filesystem>
#include <string>

namespace kuril {

struct FontFile {
    std::filesystem::path path;
    std::string family;
};

/// Finds, through fontconfig, a font that covers Latin, Cyrillic and Japanese: Noto Sans CJK JP
/// first, VL PGothic as the fallback. Throws geo::InputError naming the packages to install.
FontFile find_map_font();

} // namespace kuril
