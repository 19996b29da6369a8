// SPDX-License-Identifier: GPL-3.0-or-later
#include "layers_panel.hpp"

#include "box.hpp"
#include "i18n/translate.hpp"
#include "render/legend.hpp"
#include "render/style.hpp"
#include "render/text.hpp"

#include <algorithm>
#include <array>

namespace kuril {
namespace {

using i18n::N_;
using i18n::NC_;

constexpr const char* export_label = N_("Export view (E):");
constexpr const char* pov_label = N_("Point of view (V):");
constexpr const char* layers_heading = N_("Layers (keys 1-9, Tab hides)");

/// The layers by what a person calls them, in the order of map::Layer.
constexpr std::array<const char*, layer_count> layer_words = {
    NC_("layer", "sea"),       NC_("layer", "land"),   NC_("layer", "lakes"),
    NC_("layer", "graticule"), NC_("layer", "status"), NC_("layer", "lines"),
    NC_("layer", "events"),    NC_("layer", "labels"), NC_("layer", "zones")};

std::string layer_row_text(Layer layer, std::string_view lang) {
    return std::to_string(static_cast<int>(layer) + 1) + "  " +
           std::string(i18n::trc(lang, "layer", layer_words.at(static_cast<std::size_t>(layer))));
}

} // namespace

namespace {

/// The panel at one text scale: layer rows in one column, or in two when `two_columns`.
LayersPanelLayout layout_at(const std::vector<LegendItem>& legend,
                            const std::vector<std::pair<std::string, std::string>>& povs, float s,
                            bool two_columns, const sf::Font& font, std::string_view lang) {
    const float left = 10 * s;
    const float top = 10 * s;
    const float row = 21 * s;
    const unsigned size = scaled_size(13, s);
    LayersPanelLayout layout;
    layout.row = row;
    layout.scale = s;
    // The legend of exactly what the frame shows, in words.
    layout.legend = legend;
    float width = 300 * s;
    // The headings and the layer rows in the interface's language, which may be longer.
    width = std::max(width, ui_text(font, std::string(i18n::tr(lang, layers_heading)), size,
                                    style::text, sf::Text::Bold)
                                    .getLocalBounds()
                                    .width +
                                16 * s);
    for (std::size_t i = 0; i < layer_count; ++i) {
        const float text =
            ui_text(font, layer_row_text(static_cast<Layer>(i), lang), size).getLocalBounds().width;
        width = std::max(width, (text + 40 * s) * (two_columns ? 2 : 1));
    }
    for (const auto& entry : layout.legend) {
        width = std::max(width, ui_text(font, entry.label, size).getLocalBounds().width + 56 * s);
    }
    // The point-of-view buttons in one row, each as wide as its label.
    float buttons_width = 16 * s;
    for (const auto& [id, label] : povs) {
        buttons_width += ui_text(font, label, size).getLocalBounds().width + 18 * s;
    }
    width = std::max(width, buttons_width);
    const std::size_t layer_rows = two_columns ? (layer_count + 1) / 2 : layer_count;
    const std::size_t pov_rows = povs.empty() ? 0 : 2;
    const float height =
        static_cast<float>(layer_rows + 3 + layout.legend.size() + pov_rows) * row + 20 * s;
    layout.rect = {left, top, width, height};
    for (std::size_t i = 0; i < layer_count; ++i) {
        const std::size_t r = two_columns ? i % layer_rows : i;
        const float x = two_columns && i >= layer_rows ? left + width / 2 : left;
        const float y = top + 6 * s + static_cast<float>(r + 1) * row;
        layout.rows.push_back(
            {static_cast<Layer>(i), {x, y, two_columns ? width / 2 : width, row}});
    }
    layout.legend_top = top + 6 * s + static_cast<float>(layer_rows + 1) * row + 4 * s;
    layout.export_top =
        layout.legend_top + static_cast<float>(layout.legend.size()) * row + row + 4 * s;
    if (!povs.empty()) {
        layout.pov_top = layout.export_top;
        float x = left + 8 * s;
        const float y = layout.pov_top + row;
        for (const auto& [id, label] : povs) {
            const float w = ui_text(font, label, size).getLocalBounds().width + 12 * s;
            layout.pov_buttons.push_back({id, label, {x, y, w, row - 2 * s}});
            x += w + 6 * s;
        }
        layout.export_top += 2 * row;
    }
    // The current view at 1, 2 or 4 times the window size (E: the last one clicked).
    float bx =
        left + 8 * s +
        ui_text(font, std::string(i18n::tr(lang, export_label)), size).getLocalBounds().width +
        10 * s;
    for (const int factor : {1, 2, 4}) {
        layout.export_buttons.push_back({factor, {bx, layout.export_top, 36 * s, row - 2 * s}});
        bx += 44 * s;
    }
    return layout;
}

} // namespace

LayersPanelLayout layout_layers_panel(const std::vector<LegendItem>& legend,
                                      const std::vector<std::pair<std::string, std::string>>& povs,
                                      float scale, const sf::Font& font, float max_width,
                                      float max_height, std::string_view lang) {
    // Never under the timeline nor wider than half the window: first the layer rows go into
    // two columns, then the text shrinks (to 60% of the UI scale at most).
    for (const bool two_columns : {false, true}) {
        const auto layout = layout_at(legend, povs, scale, two_columns, font, lang);
        if (layout.rect.top + layout.rect.height <= max_height && layout.rect.width <= max_width) {
            return layout;
        }
    }
    const auto natural = layout_at(legend, povs, scale, true, font, lang);
    const float fit =
        std::min((max_height - 10 * scale) / natural.rect.height, max_width / natural.rect.width);
    return layout_at(legend, povs, scale * std::clamp(fit, 0.6f, 1.0f), true, font, lang);
}

void draw_layers_panel(sf::RenderTarget& target, const LayersPanelLayout& layout,
                       const MapState& map, float /*ui_scale*/, const sf::Font& font) {
    const float s = layout.scale;
    const float left = layout.rect.left;
    const float top = layout.rect.top;
    const float row = layout.row;
    const unsigned size = scaled_size(13, s);
    const std::string_view lang = text_language_code(map.text_language);
    draw_box(target, layout.rect, style::panel);
    sf::Text text = ui_text(font, std::string(i18n::tr(lang, layers_heading)), size, style::text,
                            sf::Text::Bold);
    text.setPosition(left + 8 * s, top + 6 * s);
    target.draw(text);
    text.setStyle(sf::Text::Regular);
    for (const auto& [layer, rect] : layout.rows) {
        sf::RectangleShape box({12 * s, 12 * s});
        box.setPosition(rect.left + 10 * s, rect.top + 3 * s);
        box.setOutlineColor(sf::Color(80, 80, 80));
        box.setOutlineThickness(1);
        box.setFillColor(map.shows(layer) ? style::accent : sf::Color::White);
        target.draw(box);
        text.setString(utf8(layer_row_text(layer, lang)));
        text.setPosition(rect.left + 30 * s, rect.top);
        target.draw(text);
    }
    float y = layout.legend_top;
    if (!layout.legend.empty()) { // comparing, each half has its own legend instead
        sf::Text heading = ui_text(
            font,
            i18n::format(i18n::tr(lang, "Legend — {date}"), {{"date", map.date.long_text(lang)}}),
            size, style::text, sf::Text::Bold);
        heading.setPosition(left + 8 * s, y);
        target.draw(heading);
    }
    for (const auto& entry : layout.legend) {
        y += row;
        draw_legend_swatch(target, entry, {left + 10 * s, y + 2 * s, 26 * s, 14 * s}, s);
        sf::Text label = ui_text(font, entry.label, size);
        label.setPosition(left + 44 * s, y);
        target.draw(label);
    }
    if (!layout.pov_buttons.empty()) {
        text.setString(utf8(std::string(i18n::tr(lang, pov_label))));
        text.setPosition(left + 8 * s, layout.pov_top);
        target.draw(text);
        for (const auto& button : layout.pov_buttons) {
            // The one drawn is filled in the accent colour, its label white.
            const bool active = button.id == map.pov;
            draw_box(target, button.rect, active ? style::accent : sf::Color(235, 242, 248),
                     style::accent);
            text.setString(utf8(button.label));
            text.setFillColor(active ? sf::Color::White : style::text);
            text.setPosition(button.rect.left + 6 * s, button.rect.top);
            target.draw(text);
        }
        text.setFillColor(style::text);
    }
    text.setString(utf8(std::string(i18n::tr(lang, export_label))));
    text.setPosition(left + 8 * s, layout.export_top);
    target.draw(text);
    for (const auto& [factor, button] : layout.export_buttons) {
        draw_box(target, button, sf::Color(235, 242, 248), style::accent);
        text.setString(std::to_string(factor) + "x");
        text.setPosition(button.left + 8 * s, button.top);
        target.draw(text);
    }
}

} // namespace kuril
