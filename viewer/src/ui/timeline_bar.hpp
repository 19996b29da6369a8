// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "map/map_state.hpp"
#include "map/timeline.hpp"
#include "viewer/ui_layout.hpp"
#include "viewer/ui_state.hpp"

#include <SFML/Graphics.hpp>
#include <string>

namespace kuril {

/// The timeline's height at a UI scale.
inline float timeline_bar_height(float scale) {
    return 64 * scale;
}

/// The play button at the top left of the timeline's rectangle (left of the date).
sf::FloatRect layout_play_button(const sf::FloatRect& timeline, float scale);
/// The speed as written beside the play button: "4 years/s", "0.5 years/s".
std::string play_speed_text(double years_per_second, std::string_view lang);

/// The timeline along the bottom: its rectangle, or none in a tour (the caption is there).
std::optional<sf::FloatRect> layout_timeline_bar(float width, float height, float scale,
                                                 const UiState& ui);

/// The caption of the last step, above the timeline: wrapped to the window (shrunk when a word
/// is wider than the window), never past an edge.
struct StepCaptionLayout {
    std::string wrapped;
    unsigned size = 18;
    sf::FloatRect box;          ///< the framed box, padding included
    sf::Vector2f text_position; ///< of the text's origin
};
StepCaptionLayout layout_step_caption(const sf::Font& font, const std::string& caption, float width,
                                      float bottom, float scale);

/// The axis with its key dates and years, the handle at the map's date, and the caption of
/// the last step above the bar while it fades.
void draw_timeline_bar(sf::RenderTarget& target, const UiLayout& layout, const Timeline& timeline,
                       const MapState& map, const UiState& ui, const sf::Font& font);

} // namespace kuril
