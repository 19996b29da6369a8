// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "map/label_placer.hpp"
#include "map/map_state.hpp"
#include "map/map_view.hpp"
#include "render/furniture.hpp"
#include "render/legend.hpp"

#include <SFML/Graphics/Color.hpp>
#include <SFML/Graphics/Rect.hpp>
#include <array>
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
    float scale = 1;      ///< the text scale it was laid out at (smaller in a small window)
    float legend_top = 0; ///< the legend's heading
    float export_top = 0;
    std::vector<std::pair<int, sf::FloatRect>> export_buttons; ///< by factor: 1, 2, 4
    float pov_top = 0;                                         ///< the "Point of view" heading
    /// One button per point of view: its id (never shown) and its short label.
    struct PovButton {
        std::string id;
        std::string label;
        sf::FloatRect rect;
    };
    std::vector<PovButton> pov_buttons;
};

/// One cited source in the info panel: its words and URL, wrapped, where it sits in the
/// scrolled content.
struct InfoPanelSource {
    std::string text; ///< "1. Title — Publisher, 1992", wrapped
    std::string url;  ///< as copied
    std::string wrapped_url;
    float top = 0;    ///< from the content's top, before scrolling
    float height = 0; ///< text and URL
};

/// The info panel of the selected island or event, its text wrapped to the panel. The body and
/// the sources scroll under the title; `scroll` is how far (clamped to 0..max_scroll).
struct InfoPanelLayout {
    sf::FloatRect rect;
    sf::FloatRect close;
    std::string title;
    std::string body;
    float body_top = 0;          ///< where the scrolled area starts (screen y)
    float body_bottom = 0;       ///< where it ends
    float line_height = 0;       ///< of the body text
    float sources_top = 0;       ///< the "Sources" heading, from the content's top
    std::string sources_heading; ///< its words, in the interface's language
    std::vector<InfoPanelSource> sources;
    float content_height = 0; ///< body and sources
    float scroll = 0;
    float max_scroll = 0;

    /// The cited source drawn under a screen point (as scrolled), if any.
    std::optional<std::size_t> source_at(float x, float y) const;
    /// The first source at least partly in view (the first one when none is), if any: what
    /// the copy key copies.
    std::optional<std::size_t> first_visible_source() const;
};

/// A tour slide's title band (top) and caption band (bottom), their text wrapped.
struct SlideLayout {
    float title_height = 0;   ///< the title band's height
    float caption_height = 0; ///< the caption band's height
    /// The bands themselves: render's shared furniture, as a handout draws them.
    std::optional<TitleBand> title_band;
    CaptionBand caption_band;
    /// The compact legend of what the slide's map draws (unless the slide says legend="off"),
    /// at the top right under the title band, and where it is.
    std::optional<LegendBox> legend;
    ScreenRect legend_rect;
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
    std::string title;    ///< "Kuril Atlas: keys", or the presenter's
    std::string keys;     ///< one row per line: the keys column
    std::string meanings; ///< the same rows: what they do
    float meaning_x = 0;  ///< where the second column starts, from the box's text margin
    unsigned size = 16;   ///< text size that fits the window
};

/// The search box at the top centre: the typed text, then a row per match.
struct SearchLayout {
    sf::FloatRect box;
    std::string query; ///< as shown, with a caret
    std::vector<std::string> rows;
    std::size_t chosen = 0;
    float row_height = 0;
    float rows_top = 0; ///< y of the first row
    unsigned size = 15;
};

/// One half of a compare view: where it is drawn and what of the shared view it shows there.
struct CompareHalfLayout {
    sf::FloatRect area; ///< window pixels it is drawn in
    /// The pixels of the shared view shown there: the whole view side by side (the view is a
    /// half's size), the part on its side of the divider in a swipe.
    sf::FloatRect tile;
    bool focused = false;
    std::string heading; ///< its date, in words (never an id)
    sf::FloatRect heading_box;
    LegendBox legend; ///< what it shows on its date
    sf::FloatRect legend_rect;
};

/// The compare view's halves (left, right), their headings and legends, and the divider.
struct CompareLayout {
    bool swipe = false;
    std::array<CompareHalfLayout, 2> halves;
    sf::FloatRect divider; ///< the bar between the halves, or the swipe's line
    sf::FloatRect handle;  ///< swipe: the grip on the line
    unsigned heading_size = 16;
    float heading_height = 0; ///< kept clear at the top of the map for the headings

    /// The half whose map is under a point: 0 left, 1 right, none over the divider's bar.
    std::optional<std::size_t> half_at(float x, float y) const;
    /// Over the swipe divider (a few pixels either side of the line, or its grip).
    bool divider_contains(float x, float y) const;
};

/// Where everything over the map goes in one frame, laid out before the map is drawn: the map
/// keeps its labels out of it, clicks are tested against it and the widgets draw into it.
struct UiLayout {
    std::string_view lang = "en"; ///< the interface's language (a static code)
    float scale = 1;
    float width = 0;
    float height = 0;
    float timeline_height = 0;
    std::optional<sf::FloatRect> timeline; ///< absent in a tour
    /// The play button at the timeline's top left, and the speed written beside it.
    std::optional<sf::FloatRect> play_button;
    std::string play_speed;
    /// The name of the key date under the pointer, shown above its tick: x of the tick, text.
    std::optional<std::pair<float, std::string>> timeline_tip;
    std::optional<LayersPanelLayout> layers;
    std::optional<InfoPanelLayout> info;
    std::optional<SlideLayout> slide;
    std::vector<MessageLayout> messages;
    std::optional<HelpLayout> help;
    std::optional<SearchLayout> search;
    std::optional<CompareLayout> compare; ///< two halves (S)

    /// Screen areas the map's labels keep out of.
    std::vector<ScreenRect> obstacles() const;
    /// How far the panels, timeline and slide bands reach in from each edge: a fit (Home,
    /// --island, --bbox) shows its area in the rest.
    ScreenInsets map_insets() const;
    std::optional<Layer> layer_row_at(float x, float y) const;
    /// The point of view whose button is under a point: its id, if any.
    std::optional<std::string> pov_button_at(float x, float y) const;
    /// The export button (1, 2 or 4 times the window size) under a point, if any.
    std::optional<int> export_button_at(float x, float y) const;
    bool timeline_contains(float x, float y) const;
    bool play_button_contains(float x, float y) const;
    /// Where along the timeline's axis a point lies, 0 to 1.
    double timeline_fraction(float x) const;
    /// Over the layers or info panel (clicks there do not reach the map).
    bool panel_contains(float x, float y) const;
    bool close_contains(float x, float y) const;
    /// Over the info panel (the wheel scrolls it there).
    bool info_contains(float x, float y) const;
};

} // namespace kuril
