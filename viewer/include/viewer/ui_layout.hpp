#pragma once

#include "map/label_placer.hpp"
#include "map/map_state.hpp"
#include "map/map_view.hpp"
#include "render/furniture.hpp"
#include "render/legend.hpp"

#include <SFML/Graphics/Color.hpp>
#include <SFML/Graphics/Rect.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace kuril {

/// The layers panel: a row per layer, the legend of what is shown, the export buttons.
struct LayersPanelLayout {
    sf::FloatRect rect;
    float row = 0; ///< row height
    std::vector<std::pair<Layer, sf::FloatRect>> rows;
    std::vector<LegendItem> legend;
    float export_top = 0;
    std::vector<std::pair<int, sf::FloatRect>> export_buttons; ///< by factor: 1, 2, 4
};

/// The info panel of the selected island or event, its text wrapped to the panel.
struct InfoPanelLayout {
    sf::FloatRect rect;
    sf::FloatRect close;
    std::string title;
    std::string body;
    float body_top = 0;
};

/// A tour slide's title band (top) and caption band (bottom), their text wrapped.
struct SlideLayout {
    float title_height = 0;   ///< the title band's height
    float caption_height = 0; ///< the caption band's height
    /// The bands themselves: render's shared furniture, as a handout draws them.
    std::optional<TitleBand> title_band;
    CaptionBand caption_band;
};

/// An error or notice box at the top, its text wrapped.
struct MessageLayout {
    sf::FloatRect box;
    std::string text;
    sf::Color border;
    std::uint8_t alpha = 255;
};

struct HelpLayout {
    sf::FloatRect box;
    std::string body;
};

/// Where everything over the map goes in one frame, laid out before the map is drawn: the map
/// keeps its labels out of it, clicks are tested against it and the widgets draw into it.
struct UiLayout {
    float scale = 1;
    float width = 0;
    float height = 0;
    float timeline_height = 0;
    std::optional<sf::FloatRect> timeline; ///< absent in a tour
    std::optional<LayersPanelLayout> layers;
    std::optional<InfoPanelLayout> info;
    std::optional<SlideLayout> slide;
    std::vector<MessageLayout> messages;
    std::optional<HelpLayout> help;

    /// Screen areas the map's labels keep out of.
    std::vector<ScreenRect> obstacles() const;
    /// How far the panels, timeline and slide bands reach in from each edge: a fit (Home,
    /// --island, --bbox) shows its area in the rest.
    ScreenInsets map_insets() const;
    std::optional<Layer> layer_row_at(float x, float y) const;
    /// The export button (1, 2 or 4 times the window size) under a point, if any.
    std::optional<int> export_button_at(float x, float y) const;
    bool timeline_contains(float x, float y) const;
    /// Where along the timeline's axis a point lies, 0 to 1.
    double timeline_fraction(float x) const;
    /// Over the layers or info panel (clicks there do not reach the map).
    bool panel_contains(float x, float y) const;
    bool close_contains(float x, float y) const;
};

} // namespace kuril
