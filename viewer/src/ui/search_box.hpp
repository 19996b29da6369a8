// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "viewer/ui_layout.hpp"
#include "viewer/ui_state.hpp"

#include <SFML/Graphics.hpp>

namespace kuril {

/// The search box (/) at the top centre: the typed name and the islands and places it finds,
/// the chosen one marked.
SearchLayout layout_search(const NameSearch& search, float width, float scale, const sf::Font& font,
                           std::string_view lang);

/// The layer prompt (O) in the same box: the typed path, then what Tab offered or a hint.
SearchLayout layout_layer_prompt(const LayerPrompt& prompt, float width, float scale,
                                 const sf::Font& font, std::string_view lang);

void draw_search(sf::RenderTarget& target, const SearchLayout& layout, float scale,
                 const sf::Font& font);

} // namespace kuril
