// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "geo/date.hpp"
#include "geo/geometry.hpp"

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kuril {

/// The map's layers, in drawing order.
enum class Layer { sea, land, lakes, graticule, status, lines, events, labels, zones };
inline constexpr std::size_t layer_count = 9;
/// The layers shown unless asked otherwise: all but the maritime zones.
inline constexpr std::array<bool, layer_count> default_layers{true, true, true, true, true,
                                                              true, true, true, false};
std::string_view layer_name(Layer layer);
std::optional<Layer> layer_from_name(std::string_view name);
/// The layers a slide shows: those named (unknown names ignored), or all when none are.
std::array<bool, layer_count> layers_from_names(const std::vector<std::string>& names);
/// The visible layers as a comma-separated list of names ("none" when none is visible).
std::string layer_list(const std::array<bool, layer_count>& visible);
/// The layers of such a list (unknown names ignored; "none" and an empty list show none).
std::array<bool, layer_count> layers_from_list(std::string_view list);

/// Label languages: one or two at once.
enum class LabelLanguage { en, ja, ru, en_ja, en_ru, ja_ru };
inline constexpr std::size_t language_count = 6;
std::string_view language_code(LabelLanguage language); ///< "en", "en+ja", ...
std::optional<LabelLanguage> language_from_code(std::string_view code);

/// The language of what a person reads: slide titles, captions and notes, event and status
/// texts, line names in the legend. English where a text has no translation. Independent of the
/// map labels' language (LabelLanguage).
enum class TextLanguage { en, ja, ru };
inline constexpr std::size_t text_language_count = 3;
std::string_view text_language_code(TextLanguage language); ///< "en", "ja", "ru"
std::optional<TextLanguage> text_language_from_code(std::string_view code);

/// The point of view drawn unless another is asked for: who administers, claims hatched.
inline constexpr std::string_view default_pov = "defacto";

/// Whether `name` is a theme (view and present --theme, settings.ini's theme): "default" or
/// "projector".
inline bool is_theme_name(std::string_view name) {
    return name == "default" || name == "projector";
}

/// What the map shows besides the view itself: the date, the layers, the language, and the
/// transient highlights of a timeline step.
struct MapState {
    geo::Date date = geo::Date::today();
    std::array<bool, layer_count> visible = default_layers;
    LabelLanguage language = LabelLanguage::en_ru;
    TextLanguage text_language = TextLanguage::en;
    std::vector<std::string> highlighted_lines;   ///< line ids that just changed
    std::vector<std::string> highlighted_islands; ///< island ids whose status just changed
    double highlight_strength = 0.0;              ///< 1 just after a step, fading to 0
    std::string selected_island;
    std::string selected_event;
    std::string selected_place; ///< a place of <places> whose panel is open
    /// A feature of a user layer whose panel is open: indexes in MapScene::user_layers and in
    /// that layer's features.
    std::optional<std::pair<std::size_t, std::size_t>> selected_user_feature;
    std::vector<geo::Point> measure_points; ///< north-up map metres; 0, 1 or 2
    double ui_scale = 1.0;                  ///< text and symbol size factor
    double reserved_bottom_px = 0;          ///< kept clear at the bottom (timeline, footer)
    double reserved_top_px = 0;             ///< kept clear at the top (title band)
    bool high_contrast = false;             ///< projector theme: darker lines, stronger fills
    /// The point of view (<points_of_view> in annotations.xml): "defacto", "jp", "ru",
    /// "neutral"; it changes how statuses and lines are drawn, never what they are. An id the
    /// annotations do not define draws as "defacto" (the commands refuse one first).
    std::string pov = std::string(default_pov);

    bool shows(Layer layer) const { return visible[static_cast<std::size_t>(layer)]; }
    void toggle(Layer layer) {
        visible[static_cast<std::size_t>(layer)] = !visible[static_cast<std::size_t>(layer)];
    }
    /// Whether an island, an event, a place or a user feature is selected (its panel open).
    bool has_selection() const {
        return !selected_island.empty() || !selected_event.empty() || !selected_place.empty() ||
               selected_user_feature.has_value();
    }
    /// Selects nothing: no island, event, place or user feature.
    void clear_selection() {
        selected_island.clear();
        selected_event.clear();
        selected_place.clear();
        selected_user_feature.reset();
    }
};

} // namespace kuril
