// SPDX-License-Identifier: GPL-3.0-or-later
#include "help_overlay.hpp"

#include "box.hpp"
#include "i18n/translate.hpp"
#include "input_map.hpp"
#include "render/style.hpp"

#include <algorithm>

namespace kuril {

HelpLayout layout_help(float width, float height, float scale, const sf::Font& font,
                       bool presenting, std::string_view lang) {
    const float s = scale;
    HelpLayout layout;
    layout.title = presenting ? i18n::tr(lang, "Presenter's keys (H: close)")
                              : i18n::tr(lang, "Kuril Atlas: keys");
    // Two columns measured in the (proportional) font, so every meaning starts at one x. The
    // key table's words are in the catalogues whole (scripts/po-lib.sh).
    for (const auto& row : presenting ? tour_keys() : map_keys()) {
        layout.keys.append(i18n::tr(lang, row.keys)).append("\n");
        layout.meanings.append(i18n::tr(lang, row.meaning)).append("\n");
    }
    // The text shrinks (down to 10 px) until both columns fit the window.
    unsigned size = scaled_size(presenting ? 30 : 16, s);
    float text_width = 0;
    float text_height = 0;
    for (;; --size) {
        const auto keys =
            ui_text(font, layout.keys, size, style::text, sf::Text::Bold).getLocalBounds();
        const auto meanings = ui_text(font, layout.meanings, size).getLocalBounds();
        layout.meaning_x = keys.width + 1.5f * static_cast<float>(size);
        text_width = layout.meaning_x + meanings.width;
        text_height = std::max(keys.height + keys.top, meanings.height + meanings.top);
        const float title_room = 28 * s + static_cast<float>(size) * 1.4f;
        if (size <= 10 ||
            (text_width + 40 * s <= width && text_height + title_room + 22 * s <= height)) {
            break;
        }
    }
    layout.size = size;
    const float box_width = std::min(text_width + 40 * s, width);
    const float box_height =
        std::min(text_height + 28 * s + static_cast<float>(size) * 1.4f + 22 * s, height);
    layout.box = {(width - box_width) / 2, (height - box_height) / 2, box_width, box_height};
    return layout;
}

void draw_help(sf::RenderTarget& target, const HelpLayout& layout, float scale,
               const sf::Font& font) {
    const float s = scale;
    draw_box(target, layout.box, sf::Color(255, 255, 255, 245), style::accent);
    sf::Text title = ui_text(font, layout.title, std::max(scaled_size(20, s), layout.size + 4),
                             style::text, sf::Text::Bold);
    title.setPosition(layout.box.left + 20 * s, layout.box.top + 12 * s);
    target.draw(title);
    sf::Text keys = ui_text(font, layout.keys, layout.size, style::text, sf::Text::Bold);
    const float text_top = layout.box.top + 28 * s + static_cast<float>(layout.size) * 1.4f;
    keys.setPosition(layout.box.left + 20 * s, text_top);
    target.draw(keys);
    sf::Text meanings = ui_text(font, layout.meanings, layout.size);
    meanings.setPosition(layout.box.left + 20 * s + layout.meaning_x, text_top);
    target.draw(meanings);
}

} // namespace kuril
