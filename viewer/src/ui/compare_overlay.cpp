// SPDX-License-Identifier: GPL-3.0-or-later
#include "compare_overlay.hpp"

#include "box.hpp"
#include "i18n/translate.hpp"
#include "render/style.hpp"

#include <algorithm>
#include <cmath>

namespace kuril {

float compare_half_width(float width, float scale) {
    const float bar = std::max(2.f, std::round(4 * scale));
    return std::max(1.f, std::floor((width - bar) / 2));
}

CompareLayout layout_compare(const MapFrame& left, const MapFrame& right, const CompareView& view,
                             float width, float height, float scale, float top, float bottom,
                             const std::vector<sf::FloatRect>& panels, const sf::Font& font) {
    const float s = scale;
    CompareLayout layout;
    layout.swipe = view.mode == CompareMode::swipe;
    layout.heading_size = scaled_size(16, s);
    const float pad = 6 * s;
    const float box_height = static_cast<float>(layout.heading_size) * 1.45f + 2 * pad;
    layout.heading_height = box_height + 8 * s;
    const float map_height = height - top - bottom;
    const std::array<const MapFrame*, 2> frames{&left, &right};
    if (layout.swipe) {
        const float x = std::round(std::clamp(static_cast<float>(view.divider), 0.f, 1.f) * width);
        layout.halves[0].area = {0, 0, x, height};
        layout.halves[1].area = {x, 0, width - x, height};
        layout.halves[0].tile = layout.halves[0].area;
        layout.halves[1].tile = layout.halves[1].area;
        const float line = std::max(2.f, std::round(2 * s));
        layout.divider = {x - line / 2, top, line, map_height};
        const float grip = 28 * s;
        layout.handle = {x - grip / 2, top + map_height / 2 - grip / 2, grip, grip};
    } else {
        const float half = compare_half_width(width, s);
        layout.halves[0].area = {0, 0, half, height};
        layout.halves[1].area = {width - half, 0, half, height};
        layout.halves[0].tile = {0, 0, half, height};
        layout.halves[1].tile = {0, 0, half, height};
        layout.divider = {half, 0, width - 2 * half, height};
    }
    for (std::size_t side = 0; side < 2; ++side) {
        CompareHalfLayout& half = layout.halves[side];
        half.focused = (side == 1) == view.focus_right;
        const std::string_view lang = text_language_code(frames[side]->state.text_language);
        half.heading = i18n::format(i18n::tr(lang, "Situation on {date}"),
                                    {{"date", frames[side]->state.date.long_text(lang)}});
        const float text_width =
            ui_text(font, half.heading, layout.heading_size, style::text, sf::Text::Bold)
                .getLocalBounds()
                .width;
        const float box_width = text_width + 2 * pad + 2 * s;
        // Side by side: centred over the half. Swipe: against the divider, on its side, so
        // that each date sits over the map it names.
        float x = half.area.left + (half.area.width - box_width) / 2;
        if (layout.swipe) {
            x = side == 0 ? layout.divider.left - box_width - 8 * s
                          : layout.divider.left + layout.divider.width + 8 * s;
        }
        sf::FloatRect box{std::round(x), std::round(top + 6 * s), std::round(box_width),
                          std::round(box_height)};
        // Clear of a panel over the half: beside it when the half has room, else below it.
        for (const auto& panel : panels) {
            if (!box.intersects(panel)) {
                continue;
            }
            const float beside = panel.left + panel.width + 8 * s;
            if (beside + box.width <= half.area.left + half.area.width - 4 * s) {
                box.left = std::round(beside);
            } else {
                box.top = std::round(panel.top + panel.height + 6 * s);
            }
        }
        half.heading_box = box;
        half.legend =
            LegendBox(font, frames[side]->legend, s, std::max(40.f, half.area.width), lang);
        if (!half.legend.empty()) {
            // At the bottom right of each half side by side (the scale bar is at the left). In
            // a swipe, each at its own side of the window: the left one above the scale bar.
            const float margin = 10 * s;
            float lx = half.area.left + half.area.width - half.legend.width() - margin;
            float raise = 0;
            if (layout.swipe && side == 0) {
                lx = margin;
                raise = 56 * s;
            }
            half.legend_rect = {lx, height - bottom - half.legend.height() - margin - raise,
                                half.legend.width(), half.legend.height()};
        }
    }
    return layout;
}

void draw_compare(sf::RenderTarget& target, const CompareLayout& layout, float scale,
                  const sf::Font& font) {
    const float s = scale;
    const sf::Color bar(60, 60, 60);
    if (layout.swipe) {
        draw_box(target, layout.divider, bar, bar);
        sf::CircleShape grip(layout.handle.width / 2);
        grip.setPosition(layout.handle.left, layout.handle.top);
        grip.setFillColor(sf::Color::White);
        grip.setOutlineColor(bar);
        grip.setOutlineThickness(std::max(1.f, 2 * s));
        target.draw(grip);
        // Two arrowheads: the grip moves left and right.
        const float cx = layout.handle.left + layout.handle.width / 2;
        const float cy = layout.handle.top + layout.handle.height / 2;
        const float a = 5 * s;
        sf::VertexArray arrows(sf::Triangles, 6);
        arrows[0] = {{cx - 2 * a, cy}, bar};
        arrows[1] = {{cx - a / 2, cy - a}, bar};
        arrows[2] = {{cx - a / 2, cy + a}, bar};
        arrows[3] = {{cx + 2 * a, cy}, bar};
        arrows[4] = {{cx + a / 2, cy - a}, bar};
        arrows[5] = {{cx + a / 2, cy + a}, bar};
        target.draw(arrows);
    } else {
        draw_box(target, layout.divider, bar, bar);
    }
    for (const auto& half : layout.halves) {
        if (half.area.width <= 0) {
            continue;
        }
        if (half.focused && !layout.swipe) {
            // The half with focus (the one the timeline moves) is framed in the accent colour.
            const float t = std::max(2.f, std::round(3 * s));
            sf::RectangleShape frame({half.area.width - 2 * t, half.area.height - 2 * t});
            frame.setPosition(half.area.left + t, half.area.top + t);
            frame.setFillColor(sf::Color::Transparent);
            frame.setOutlineColor(style::accent);
            frame.setOutlineThickness(t);
            target.draw(frame);
        }
        const sf::FloatRect& box = half.heading_box;
        draw_box(target, box, style::panel, half.focused ? style::accent : style::panel_border);
        if (half.focused) {
            // A thicker accent border: this date is the one the timeline and [ ] change.
            sf::RectangleShape edge({box.width, box.height});
            edge.setPosition(box.left, box.top);
            edge.setFillColor(sf::Color::Transparent);
            edge.setOutlineColor(style::accent);
            edge.setOutlineThickness(std::max(2.f, std::round(2 * s)));
            target.draw(edge);
        }
        sf::Text text = ui_text(font, half.heading, layout.heading_size,
                                half.focused ? style::accent : style::text, sf::Text::Bold);
        const auto bounds = text.getLocalBounds();
        text.setPosition(std::round(box.left + (box.width - bounds.width) / 2 - bounds.left),
                         std::round(box.top + (box.height - bounds.height) / 2 - bounds.top));
        target.draw(text);
        if (!half.legend.empty()) {
            half.legend.draw(target, {half.legend_rect.left, half.legend_rect.top,
                                      half.legend_rect.width, half.legend_rect.height});
        }
    }
}

} // namespace kuril
