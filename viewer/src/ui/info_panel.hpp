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

    /// None when nothing is selected.
    std::optional<InfoPanelLayout> layout(const MapFrame& frame, float width, float height,
                                          float scale, float timeline_height);

private:
    const MapScene& scene_;
    const sf::Font& font_;
    std::string key_;
    std::string title_;
    std::string body_;
};

void draw_info_panel(sf::RenderTarget& target, const InfoPanelLayout& layout, float scale,
                     const sf::Font& font);

} // namespace kuril
