// SPDX-License-Identifier: GPL-3.0-or-later
#include "timeline_bar.hpp"

#include "box.hpp"
#include "i18n/translate.hpp"
#include "render/style.hpp"
#include "render/text.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>

namespace kuril {

std::optional<sf::FloatRect> layout_timeline_bar(float width, float height, float scale,
                                                 const UiState& ui) {
    if (ui.presenting) {
        return std::nullopt;
    }
    const float bar = timeline_bar_height(scale);
    return sf::FloatRect{0, height - bar, width, bar};
}

sf::FloatRect layout_play_button(const sf::FloatRect& timeline, float scale) {
    // Above the axis's left end, clear of its ticks (26 px down, 6 px each way).
    const float side = 17 * scale;
    return {timeline.left + 20, timeline.top + 2 * scale, side, side};
}

std::string play_speed_text(double years_per_second, std::string_view lang) {
    std::ostringstream number;
    number << years_per_second;
    // TRANSLATORS: the speed of playing history, in years a second ("4 years/s").
    return i18n::format(years_per_second == 1 ? i18n::tr(lang, "{years} year/s")
                                              : i18n::tr(lang, "{years} years/s"),
                        {{"years", number.str()}});
}

StepCaptionLayout layout_step_caption(const sf::Font& font, const std::string& caption, float width,
                                      float bottom, float scale) {
    const float s = scale;
    const float margin = 8 * s; // from the window's edges
    const float pad = 12 * s;   // inside the box
    const float max_text = std::max(1.f, width - 2 * (margin + pad));
    StepCaptionLayout placed;
    placed.size = scaled_size(18, s);
    sf::FloatRect bounds;
    // Wrapped to the window; a word wider than the window (a long name in one script) makes
    // the text smaller rather than run past the edge.
    for (;;) {
        placed.wrapped = wrap_text(caption, font, placed.size, max_text);
        bounds = sf::Text(utf8(placed.wrapped), font, placed.size).getLocalBounds();
        if (bounds.width <= max_text || placed.size <= 8) {
            break;
        }
        --placed.size;
    }
    const float text_height = bounds.height + bounds.top;
    const float box_width = std::min(bounds.width + 2 * pad, width - 2 * margin);
    placed.box = {(width - box_width) / 2, bottom - text_height - 20 * s, box_width,
                  text_height + 14 * s};
    placed.box.top = std::max(placed.box.top, margin);
    placed.text_position = {placed.box.left + (box_width - bounds.width) / 2 - bounds.left,
                            placed.box.top + 5 * s};
    return placed;
}

void draw_timeline_bar(sf::RenderTarget& target, const UiLayout& layout, const Timeline& timeline,
                       const MapState& map, const UiState& ui, const sf::Font& font) {
    if (!layout.timeline) {
        return;
    }
    const sf::FloatRect rect = *layout.timeline;
    const float s = layout.scale;
    const float w = layout.width;
    const float h = layout.height;
    const float height = rect.height;
    draw_box(target, rect, style::panel);
    const float left = 20;
    const float width = w - 40;
    const float axis_y = h - height + 26 * s;
    sf::VertexArray lines(sf::Lines);
    lines.append({{left, axis_y}, style::panel_border});
    lines.append({{left + width, axis_y}, style::panel_border});
    for (const auto& date : timeline.key_dates()) {
        const float x = left + width * static_cast<float>(timeline.fraction_of(date));
        lines.append({{x, axis_y - 6 * s}, sf::Color(90, 90, 90)});
        lines.append({{x, axis_y + 6 * s}, sf::Color(90, 90, 90)});
    }
    target.draw(lines);
    sf::Text year_text = ui_text(font, "", scaled_size(11, s), sf::Color(80, 80, 80));
    const int step = width / s > 900 ? 10 : 25;
    for (int year = 1850; year <= timeline.last().year; year += step) {
        const float x =
            left + width * static_cast<float>(timeline.fraction_of(geo::Date{year, 1, 1}));
        year_text.setString(std::to_string(year));
        const auto b = year_text.getLocalBounds();
        year_text.setPosition(std::round(x - b.width / 2), std::round(axis_y + 9 * s));
        target.draw(year_text);
    }
    // The play button (a triangle, two bars while playing) and the speed beside it.
    float date_min_x = 4.f;
    if (layout.play_button) {
        const sf::FloatRect button = *layout.play_button;
        const bool playing = ui.playback.has_value();
        draw_box(target, button, playing ? style::accent : style::panel, style::panel_border);
        const sf::Color mark = playing ? sf::Color::White : style::text;
        const float inset = button.width * 0.28f;
        if (playing) {
            for (const float x : {button.left + inset, button.left + button.width * 0.58f}) {
                sf::RectangleShape bar({button.width * 0.14f, button.height - 2 * inset});
                bar.setPosition(x, button.top + inset);
                bar.setFillColor(mark);
                target.draw(bar);
            }
        } else {
            sf::ConvexShape triangle(3);
            triangle.setPoint(0, {button.left + inset, button.top + inset * 0.8f});
            triangle.setPoint(
                1, {button.left + button.width - inset * 0.8f, button.top + button.height / 2});
            triangle.setPoint(2, {button.left + inset, button.top + button.height - inset * 0.8f});
            triangle.setFillColor(mark);
            target.draw(triangle);
        }
        sf::Text speed =
            ui_text(font, layout.play_speed, scaled_size(11, s), sf::Color(80, 80, 80));
        const auto sb = speed.getLocalBounds();
        const float speed_x = button.left + button.width + 5 * s;
        speed.setPosition(std::round(speed_x),
                          std::round(button.top + (button.height - sb.height) / 2 - sb.top));
        target.draw(speed);
        date_min_x = speed_x + sb.width + 10 * s;
    }
    // The handle and the chosen date.
    const float hx = left + width * static_cast<float>(timeline.fraction_of(map.date));
    sf::RectangleShape handle({6 * s, 26 * s});
    handle.setOrigin(3 * s, 13 * s);
    handle.setPosition(hx, axis_y);
    handle.setFillColor(style::accent);
    target.draw(handle);
    sf::Text date_text = ui_text(font, map.date.long_text(text_language_code(map.text_language)),
                                 scaled_size(15, s), style::text, sf::Text::Bold);
    const auto b = date_text.getLocalBounds();
    const float tx =
        std::clamp(hx - b.width / 2, date_min_x, std::max(date_min_x, w - b.width - 4));
    date_text.setPosition(std::round(tx), std::round(h - height + 2 * s));
    // Keep the date readable over the ticks.
    draw_box(target, {tx - 4, h - height + 2 * s, b.width + 8, b.height + b.top + 4}, style::panel,
             sf::Color::Transparent);
    target.draw(date_text);
    // The caption of the last step, above the bar.
    if (ui.caption_alpha > 0 && !ui.caption.empty()) {
        const auto alpha = static_cast<sf::Uint8>(255 * std::min(1.0, ui.caption_alpha));
        sf::Color colour = style::text;
        colour.a = alpha;
        const StepCaptionLayout placed = layout_step_caption(font, ui.caption, w, h - height, s);
        sf::Color fill = style::panel;
        fill.a = static_cast<sf::Uint8>(fill.a * alpha / 255);
        sf::Color border = style::accent;
        border.a = alpha;
        draw_box(target, placed.box, fill, border);
        sf::Text caption = ui_text(font, placed.wrapped, placed.size, colour);
        caption.setPosition(std::round(placed.text_position.x), std::round(placed.text_position.y));
        target.draw(caption);
    }
    // The name of the key date under the pointer, above its tick, inside the window.
    if (layout.timeline_tip) {
        const auto& [tick_x, tip_text] = *layout.timeline_tip;
        const unsigned size = scaled_size(13, s);
        const std::string wrapped = wrap_text(tip_text, font, size, std::min(w - 20, 520 * s));
        sf::Text tip = ui_text(font, wrapped, size);
        const auto tip_bounds = tip.getLocalBounds();
        const float box_w = tip_bounds.width + 16 * s;
        const float box_h = tip_bounds.height + tip_bounds.top + 12 * s;
        const float box_x = std::clamp(tick_x - box_w / 2, 4.f, std::max(4.f, w - box_w - 4));
        const float box_y = rect.top - box_h - 4 * s;
        draw_box(target, {box_x, box_y, box_w, box_h}, style::panel, style::accent);
        tip.setPosition(std::round(box_x + 8 * s), std::round(box_y + 4 * s));
        target.draw(tip);
    }
}

} // namespace kuril
