// SPDX-License-Identifier: GPL-3.0-or-later
#include "messages.hpp"

#include "box.hpp"
#include "i18n/translate.hpp"
#include "render/style.hpp"
#include "render/text.hpp"

#include <algorithm>

namespace kuril {

std::vector<MessageLayout> layout_messages(const MapState& map, const UiState& ui, float width,
                                           float scale, const sf::Font& font) {
    const float s = scale;
    const unsigned size = scaled_size(14, s);
    const float wrap_width = std::min(900 * s, width * 0.5f);
    std::vector<MessageLayout> boxes;
    float y = 10 * s;
    auto add = [&](const std::string& message, sf::Color border, std::uint8_t alpha) {
        MessageLayout box;
        box.text = wrap_text(message, font, size, wrap_width);
        const auto b = ui_text(font, box.text, size).getLocalBounds();
        box.box = {(width - b.width) / 2 - 10, y, b.width + 20, b.height + b.top + 14 * s};
        box.border = border;
        box.alpha = alpha;
        y += box.box.height + 6 * s;
        boxes.push_back(std::move(box));
    };
    for (const auto& message : ui.messages) {
        add(message, sf::Color(213, 94, 0), 245);
    }
    if (ui.notice_alpha > 0 && !ui.notice.empty()) {
        add(ui.notice, style::accent,
            static_cast<std::uint8_t>(245 * std::min(1.0, ui.notice_alpha)));
    }
    if (ui.measuring) {
        const std::string_view lang = text_language_code(map.text_language);
        add(std::string(map.measure_points.size() < 2
                            ? i18n::tr(lang, "Measuring: click two points (Esc to stop)")
                            : i18n::tr(lang, "Measured: click again to start a new measurement")),
            style::accent, 235);
    }
    return boxes;
}

void draw_messages(sf::RenderTarget& target, const std::vector<MessageLayout>& messages,
                   float scale, const sf::Font& font) {
    for (const auto& message : messages) {
        sf::Color border = message.border;
        border.a = message.alpha;
        draw_box(target, message.box, sf::Color(255, 245, 230, message.alpha), border);
        sf::Color colour = style::text;
        colour.a = message.alpha;
        sf::Text text = ui_text(font, message.text, scaled_size(14, scale), colour);
        text.setPosition(message.box.left + 10, message.box.top + 5 * scale);
        target.draw(text);
    }
}

} // namespace kuril
