#include "slide_overlay.hpp"

#include "box.hpp"
#include "render/style.hpp"
#include "render/text.hpp"

#include <algorithm>
#include <cmath>

namespace kuril {

const SlideLayout& SlideOverlay::layout(const std::string& title, const std::string& caption,
                                        float width, float height) {
    const float w = width;
    const float h = height;
    std::string key = title;
    key.append("\n").append(caption).append("\n").append(std::to_string(w));
    key.append("x").append(std::to_string(h));
    if (key == key_) {
        return layout_;
    }
    key_ = std::move(key);
    // Readable from the back of a room: captions at least 3.4% of the screen height.
    layout_.caption_size = static_cast<unsigned>(std::lround(std::max(18.f, 0.034f * h)));
    layout_.title_size = static_cast<unsigned>(std::lround(std::max(22.f, 0.048f * h)));
    layout_.title = wrap_text(title, font_, layout_.title_size, w * 0.8f);
    layout_.caption = wrap_text(caption, font_, layout_.caption_size, w * 0.9f);
    sf::Text t(utf8(layout_.title), font_, layout_.title_size);
    layout_.title_height = t.getLocalBounds().height + t.getLocalBounds().top + 0.03f * h;
    sf::Text c(utf8(layout_.caption), font_, layout_.caption_size);
    layout_.caption_height = layout_.caption.empty()
                                 ? 0.03f * h
                                 : c.getLocalBounds().height + c.getLocalBounds().top + 0.05f * h;
    return layout_;
}

void draw_slide_overlay(sf::RenderTarget& target, const SlideLayout& layout, float width,
                        float height, const MapState& map, const SlideProgress& progress,
                        const sf::Font& font) {
    const float w = width;
    const float h = height;
    const bool projector = progress.projector;
    target.setView(sf::View(sf::FloatRect(0, 0, w, h)));
    const sf::Color band = projector ? sf::Color::Black : sf::Color(255, 255, 255, 240);
    const sf::Color ink = projector ? sf::Color::White : style::text;
    draw_box(target, {0, 0, w, layout.title_height}, band, style::panel_border);
    sf::Text title(utf8(layout.title), font, layout.title_size);
    title.setStyle(sf::Text::Bold);
    title.setFillColor(ink);
    title.setPosition(std::round(0.02f * w), std::round(0.012f * h));
    target.draw(title);
    sf::Text stamp(utf8(map.date.long_text()), font, layout.caption_size);
    stamp.setFillColor(projector ? sf::Color(255, 220, 80) : style::accent);
    const auto sb = stamp.getLocalBounds();
    stamp.setPosition(std::round(w - sb.width - 0.02f * w), std::round(0.015f * h));
    target.draw(stamp);
    const float top = h - layout.caption_height;
    draw_box(target, {0, top, w, layout.caption_height}, band, style::panel_border);
    sf::Text caption(utf8(layout.caption), font, layout.caption_size);
    caption.setFillColor(ink);
    caption.setPosition(std::round(0.05f * w), std::round(top + 0.015f * h));
    target.draw(caption);
    // Counter and a thin progress bar.
    const std::string counter = (progress.typed.empty() ? "" : "go to " + progress.typed + "…   ") +
                                std::to_string(progress.index + 1) + " / " +
                                std::to_string(progress.count);
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
