// SPDX-License-Identifier: GPL-3.0-or-later
#include "render/fonts.hpp"

#include "geo/error.hpp"
#include "i18n/translate.hpp"

#include <SFML/Graphics/Font.hpp>
#include <fontconfig/fontconfig.h>

namespace kuril {
namespace {

using i18n::N_;

/// The file fontconfig picks for a family name, if it really is that family.
bool match_family(const char* wanted, FontFile& found) {
    FcPattern* pattern = FcNameParse(reinterpret_cast<const FcChar8*>(wanted));
    if (pattern == nullptr) {
        return false;
    }
    FcConfigSubstitute(nullptr, pattern, FcMatchPattern);
    FcDefaultSubstitute(pattern);
    FcResult result = FcResultNoMatch;
    FcPattern* match = FcFontMatch(nullptr, pattern, &result);
    FcPatternDestroy(pattern);
    if (match == nullptr) {
        return false;
    }
    bool ok = false;
    FcChar8* family = nullptr;
    FcChar8* file = nullptr;
    if (FcPatternGetString(match, FC_FAMILY, 0, &family) == FcResultMatch &&
        FcPatternGetString(match, FC_FILE, 0, &file) == FcResultMatch) {
        const std::string family_name = reinterpret_cast<const char*>(family);
        // fontconfig always answers something; accept only the family asked for.
        if (family_name.find(wanted) != std::string::npos) {
            found.family = family_name;
            found.path = reinterpret_cast<const char*>(file);
            ok = true;
        }
    }
    FcPatternDestroy(match);
    return ok;
}

} // namespace

FontFile find_map_font() {
    FontFile found;
    for (const char* family : {"Noto Sans CJK JP", "VL PGothic"}) {
        if (match_family(family, found)) {
            return found;
        }
    }
    throw geo::InputError(N_("no font covering Latin, Cyrillic and Japanese found through "
                             "fontconfig; install fonts-noto-cjk or fonts-vlgothic"));
}

void load_map_font(sf::Font& font) {
    const FontFile file = find_map_font();
    if (!font.loadFromFile(file.path.string())) {
        throw geo::InputError(N_("{file}: SFML cannot load this font"),
                              {{"file", file.path.string()}});
    }
}

} // namespace kuril
