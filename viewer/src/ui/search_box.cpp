// SPDX-License-Identifier: GPL-3.0-or-later
#include "search_box.hpp"

#include "box.hpp"
#include "i18n/translate.hpp"
#include "map/island_report.hpp"
#include "render/style.hpp"

#include <algorithm>

namespace kuril {

namespace {

/// The box at the top centre, wide enough for the query and every row (at least 420 UI pixels,
/// at most the window less a margin), one row under the query for each of `rows`.
void place_box(SearchLayout& layout, const sf::Font& font, float width, float s) {
    layout.row_height = font.getLineSpacing(layout.size) + 4 * s;
    float text_width = ui_text(font, layout.query, layout.size).getLocalBounds().width;
    for (const auto& row : layout.rows) {
        text_width = std::max(text_width, ui_text(font, row, layout.size).getLocalBounds().width);
    }
    const float box_width = std::min(std::max(420 * s, text_width + 30 * s), width - 20 * s);
    layout.rows_top = 10 * s + 8 * s + layout.row_height + 6 * s;
    const float box_height = layout.rows_top - 10 * s +
                             layout.row_height * static_cast<float>(layout.rows.size()) + 8 * s;
    layout.box = {(width - box_width) / 2, 10 * s, box_width, box_height};
}

} // namespace

SearchLayout layout_search(const NameSearch& search, float width, float scale, const sf::Font& font,
                           std::string_view lang) {
    const float s = scale;
    SearchLayout layout;
    layout.size = scaled_size(15, s);
    layout.query = i18n::format(i18n::tr(lang, "Find: {query}"), {{"query", search.query}}) + "|";
    for (const auto& match : search.matches) {
        layout.rows.push_back(match.text + " — " + std::string(kind_word(match.what, lang)));
    }
    if (layout.rows.empty()) {
        layout.rows.push_back(
            search.query.empty()
                ? std::string(i18n::tr(lang, "Type a name in English, Japanese or Russian"))
                : i18n::format(i18n::tr(lang, "No island or place has a name with \"{query}\""),
                               {{"query", search.query}}));
    }
    layout.chosen = search.matches.empty() ? layout.rows.size() : search.chosen;
    place_box(layout, font, width, s);
    return layout;
}

SearchLayout layout_layer_prompt(const LayerPrompt& prompt, float width, float scale,
                                 const sf::Font& font, std::string_view lang) {
    const float s = scale;
    SearchLayout layout;
    layout.size = scaled_size(15, s);
    layout.query = i18n::format(i18n::tr(lang, "Add layer: {path}"), {{"path", prompt.path}}) + "|";
    layout.rows = prompt.candidates;
    if (layout.rows.empty()) {
        layout.rows.emplace_back(
            i18n::tr(lang, "Type the path of a vector file (GeoJSON, GeoPackage, shapefile...)"));
        layout.rows.emplace_back(
            i18n::tr(lang, "Tab completes file names, Enter adds the layer, Esc cancels"));
    }
    layout.chosen = layout.rows.size(); // nothing chosen: the rows are offers or hints
    place_box(layout, font, width, s);
    return layout;
}

void draw_search(sf::RenderTarget& target, const SearchLayout& layout, float scale,
                 const sf::Font& font) {
    const float s = scale;
    draw_box(target, layout.box, sf::Color(255, 255, 255, 245), style::accent);
    sf::Text query = ui_text(font, layout.query, layout.size, style::text, sf::Text::Bold);
    query.setPosition(layout.box.left + 12 * s, layout.box.top + 8 * s);
    target.draw(query);
    for (std::size_t i = 0; i < layout.rows.size(); ++i) {
        const float y = layout.rows_top + layout.row_height * static_cast<float>(i);
        if (i == layout.chosen) {
            draw_box(
                target,
                {layout.box.left + 4 * s, y - 2 * s, layout.box.width - 8 * s, layout.row_height},
                sf::Color(220, 235, 248), sf::Color(220, 235, 248));
        }
        sf::Text row = ui_text(font, layout.rows[i], layout.size,
                               i == layout.chosen || layout.chosen < layout.rows.size()
                                   ? style::text
                                   : sf::Color(110, 110, 110));
        row.setPosition(layout.box.left + 12 * s, y);
        target.draw(row);
    }
}

} // namespace kuril
