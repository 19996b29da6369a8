// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "map/map_frame.hpp"
#include "map/map_scene.hpp"
#include "map/map_state.hpp"
#include "viewer/ui_layout.hpp"

#include <SFML/Graphics.hpp>
#include <optional>
#include <string>

namespace kuril {

/// The panel at the right about the selected island or event (map/island_report's texts),
/// wrapped to the panel; the text is made again only when the selection, the date, the scale
/// or the width changes.
class InfoPanel {
public:
    InfoPanel(const MapScene& scene, const sf::Font& font) : scene_(scene), font_(font) {}

    /// None when nothing is selected. `scroll`: the UI state's, clamped to the content.
    /// `top_reserved`, `bottom_reserved`: the bands it keeps clear of (a slide's title band;
    /// the timeline or a slide's caption).
    std::optional<InfoPanelLayout> layout(const MapFrame& frame, float width, float height,
                                          float scale, float bottom_reserved, float scroll = 0,
                                          float top_reserved = 0);

private:
    const MapScene& scene_;
    const sf::Font& font_;
    std::string key_;
    std::string title_;
    std::string body_;
    std::vector<InfoPanelSource> sources_;
    float sources_top_ = 0;
    std::string sources_heading_;
    float content_height_ = 0;
};

/// Wraps text at any character to a width (for URLs, which have no spaces to break at).
std::string wrap_anywhere(const std::string& utf8_text, const sf::Font& font, unsigned size,
                          float max_width);

void draw_info_panel(sf::RenderTarget& target, const InfoPanelLayout& layout, float scale,
                     const sf::Font& font);

} // namespace kuril
