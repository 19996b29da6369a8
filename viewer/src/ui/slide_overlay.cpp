// SPDX-License-Identifier: GPL-3.0-or-later
#include "slide_overlay.hpp"

#include "box.hpp"
#include "i18n/translate.hpp"
#include "render/furniture.hpp"
#include "render/style.hpp"
#include "render/text.hpp"

#include <algorithm>
#include <cmath>

namespace kuril {

const SlideLayout& SlideOverlay::layout(const std::string& title, const std::string& caption,
                                        const std::string& stamp, float width, float height,
                                        float scale) {
    const float w = width;
    const float h = height;
    std::string key = title;
    key.append("\n").append(caption).append("\n").append(stamp).append("\n");
    key.append(std::to_string(w)).append("x").append(std::to_string(h));
    key.append("@").append(std::to_string(scale));
    if (key == key_) {
        return layout_;
    }
    key_ = std::move(key);
    // The same rule as a handout's slide: readable from the back of a room.
    const unsigned caption_size = slide_caption_size(h, scale);
    TitleBand::Metrics metrics;
    metrics.title_size = slide_title_size(h, scale);
    metrics.stamp_size = caption_size;
    metrics.title_wrap = w * 0.8f;
    metrics.pad_bottom = 0.03f * h;
    metrics.title_x = 0.02f * w;
    metrics.title_y = 0.012f * h;
    metrics.stamp_right = 0.02f * w;
    metrics.stamp_y = 0.015f * h;
    layout_.title_band.emplace(font_, title, stamp, w, metrics);
    layout_.caption_band =
        CaptionBand(font_, caption, caption_size, w, 0.015f * h, 0.05f * h, 0.03f * h);
    layout_.title_height = layout_.title_band->height();
    layout_.caption_height = layout_.caption_band.height();
    return layout_;
}

void draw_slide_overlay(sf::RenderTarget& target, const SlideLayout& layout, float width,
                        float height, const SlideProgress& progress, const sf::Font& font) {
    const float w = width;
    const float h = height;
    const bool projector = progress.projector;
    target.setView(sf::View(sf::FloatRect(0, 0, w, h)));
    const FurnitureTheme theme = FurnitureTheme::slide(projector);
    if (layout.title_band) {
        layout.title_band->draw(target, theme);
    }
    const float top = h - layout.caption_height;
    draw_band(target, {0, top, w, layout.caption_height}, theme.band, theme.border);
    layout.caption_band.draw_text(target, top, theme);
    // Counter and a thin progress bar.
    const std::string counter =
        (progress.typed.empty() ? std::string()
                                : i18n::format(i18n::tr(progress.lang, "go to {slide}…"),
                                               {{"slide", progress.typed}}) +
                                      "   ") +
        std::to_string(progress.index + 1) + " / " + std::to_string(progress.count);
    sf::Text number(utf8(counter), font, static_cast<unsigned>(std::lround(0.022f * h)));
    number.setFillColor(projector ? sf::Color(200, 200, 200) : sf::Color(90, 90, 90));
    const auto nb = number.getLocalBounds();
    number.setPosition(std::round(w - nb.width - 0.015f * w),
                       std::round(h - nb.height - nb.top - 0.012f * h));
    target.draw(number);
    const float bar = std::max(3.f, 0.006f * h);
    draw_box(target, {0, h - bar, w, bar},
             projector ? sf::Color(60, 60, 60) : sf::Color(220, 220, 220), sf::Color::Transparent);
    const float done = static_cast<float>(progress.index + 1) /
                       static_cast<float>(std::max<std::size_t>(progress.count, 1));
    draw_box(target, {0, h - bar, w * done, bar},
             projector ? sf::Color(255, 220, 80) : style::accent, sf::Color::Transparent);
}

} // namespace kuril
