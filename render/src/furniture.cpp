// SPDX-License-Identifier: GPL-3.0-or-later
#include "render/furniture.hpp"

#include "i18n/translate.hpp"
#include "render/legend.hpp"
#include "render/style.hpp"
#include "render/text.hpp"
#include "render/vector_capture.hpp"

#include <algorithm>
#include <cmath>

namespace kuril {

FurnitureTheme FurnitureTheme::slide(bool projector) {
    if (projector) {
        return {sf::Color::Black, sf::Color::White, sf::Color(255, 220, 80), style::panel_border};
    }
    return {sf::Color(255, 255, 255, 240), style::text, style::accent, style::panel_border};
}

TextBlock::TextBlock(const sf::Font& font, const std::string& utf8_text, unsigned size,
                     float max_width, bool bold)
    : font_(&font), size_(size) {
    // Bold glyphs are wider: wrap to a width that leaves them room.
    const float wrap_width = bold ? max_width * 0.92f : max_width;
    wrapped_ = max_width > 0 ? wrap_text(utf8_text, font, size, wrap_width) : utf8_text;
    sf::Text measure(utf8(wrapped_), font, size);
    if (bold) {
        measure.setStyle(sf::Text::Bold);
    }
    const auto bounds = measure.getLocalBounds();
    width_ = bounds.width;
    height_ = bounds.height + bounds.top;
}

void TextBlock::draw(sf::RenderTarget& target, float x, float y, sf::Color colour,
                     bool bold) const {
    if (font_ == nullptr || wrapped_.empty()) {
        return;
    }
    sf::Text text(utf8(wrapped_), *font_, size_);
    if (bold) {
        text.setStyle(sf::Text::Bold);
    }
    text.setFillColor(colour);
    text.setPosition(std::round(x), std::round(y));
    draw_recorded(target, text);
}

void draw_band(sf::RenderTarget& target, sf::FloatRect rect, sf::Color fill, sf::Color border) {
    sf::RectangleShape shape({rect.width, rect.height});
    shape.setPosition(rect.left, rect.top);
    shape.setFillColor(fill);
    shape.setOutlineColor(border);
    shape.setOutlineThickness(1);
    draw_recorded(target, shape);
}

TitleBand::TitleBand(const sf::Font& font, const std::string& title, const std::string& stamp,
                     float width, const Metrics& metrics)
    : stamp_(font, stamp, metrics.stamp_size, 0), metrics_(metrics), width_(width) {
    // The title never runs into the date stamp: it shrinks (to 60%), then wraps, in the room
    // the stamp leaves.
    const float gap = 0.5f * static_cast<float>(metrics.stamp_size);
    const float room =
        std::max(1.f, width - metrics.title_x - stamp_.width() - metrics.stamp_right - gap);
    const float wrap = metrics.title_wrap > 0 ? std::min(metrics.title_wrap, room) : 0.f;
    title_ = TextBlock(font, title, metrics.title_size, wrap, true);
    if (wrap == 0 && title_.width() > room) {
        const auto smallest = static_cast<unsigned>(std::lround(0.6 * metrics.title_size));
        const auto fitting = static_cast<unsigned>(static_cast<float>(metrics.title_size) * room /
                                                   std::max(1.f, title_.width()));
        const unsigned size = std::max(smallest, fitting);
        title_ = TextBlock(font, title, size, size == smallest ? room : 0.f, true);
    }
    height_ = std::max(metrics.min_height, title_.height() + metrics.pad_bottom);
}

void TitleBand::draw(sf::RenderTarget& target, const FurnitureTheme& theme) const {
    draw_band(target, {0, 0, width_, height_}, theme.band, theme.border);
    title_.draw(target, metrics_.title_x, metrics_.title_y, theme.ink, true);
    // The stamp's own bounds, not its line box, meet the right margin.
    stamp_.draw(target, width_ - stamp_.width() - metrics_.stamp_right, metrics_.stamp_y,
                theme.stamp);
}

CaptionBand::CaptionBand(const sf::Font& font, const std::string& caption, unsigned size,
                         float width, float pad_top, float pad_total, float min_height)
    : text_(font, caption, size, width * 0.9f), width_(width), pad_top_(pad_top) {
    height_ = text_.empty() ? min_height : text_.height() + pad_total;
}

void CaptionBand::draw_text(sf::RenderTarget& target, float top,
                            const FurnitureTheme& theme) const {
    text_.draw(target, width_ * 0.05f, top + pad_top_, theme.ink);
}

Footer::Footer(const sf::Font& font, std::string text, unsigned size, float width, float scale)
    : text_(std::move(text)),
      block_(font, text_, std::max(size, min_credit_size), width - 24 * scale) {
    height_ = block_.height() + 16 * scale;
}

void Footer::draw_text(sf::RenderTarget& target, float top, float scale) const {
    block_.draw(target, 12 * scale, top + 6 * scale, sf::Color(60, 60, 60));
}

std::string credit_text(geo::Date date, const std::string& where_sources_are,
                        std::string_view lang) {
    return credit_text_for(
        i18n::format(i18n::tr(lang, "Situation on {date}"), {{"date", date.long_text(lang)}}),
        where_sources_are, lang);
}

std::string credit_text_for(const std::string& situation, const std::string& where_sources_are,
                            std::string_view lang) {
    return i18n::format(
        i18n::tr(lang,
                 "{credit} — approx. = constructed line — {situation} — Sources: see {where}"),
        {{"credit", i18n::tr(lang, coastline_credit)},
         {"situation", situation},
         {"where", where_sources_are}});
}

LegendBox::LegendBox(const sf::Font& font, std::vector<LegendItem> items, float scale,
                     float max_width, std::string_view lang)
    : font_(&font), items_(std::move(items)), heading_(i18n::tr(lang, "Legend")), scale_(scale) {
    // No smaller than the credit: below 11 px words run together ("alsoclaimed").
    size_ = std::max(min_credit_size, static_cast<unsigned>(std::lround(13 * scale)));
    row_ = std::max(20 * scale, 1.5f * static_cast<float>(size_));
    for (const auto& item : items_) {
        const sf::Text t(utf8(item.label), font, size_);
        width_ = std::max(width_, t.getLocalBounds().width + 60 * scale);
    }
    width_ = std::min(width_, max_width);
    // A row longer than the box wraps under its own text (a long point-of-view note, or any
    // row in a longer language) rather than running past the box's edge.
    const float line = font.getLineSpacing(size_);
    height_ = items_.empty() ? 0 : row_ + 14 * scale;
    for (const auto& item : items_) {
        wrapped_.push_back(wrap_text(item.label, font, size_, width_ - 56 * scale));
        const auto lines = std::count(wrapped_.back().begin(), wrapped_.back().end(), '\n');
        extra_.push_back(static_cast<float>(lines) * line);
        height_ += row_ + extra_.back();
    }
}

ScreenRect LegendBox::place(float right, float bottom, float margin) const {
    return {right - width_ - margin, bottom - height_ - margin, width_, height_};
}

void LegendBox::draw(sf::RenderTarget& target, const ScreenRect& rect) const {
    if (items_.empty()) {
        return;
    }
    const float s = scale_;
    const auto left = static_cast<float>(rect.left);
    const auto top = static_cast<float>(rect.top);
    draw_band(target, {left, top, static_cast<float>(rect.width), static_cast<float>(rect.height)},
              sf::Color(255, 255, 255, 235), style::panel_border);
    sf::Text heading(utf8(heading_), *font_, size_);
    heading.setStyle(sf::Text::Bold);
    heading.setFillColor(style::text);
    heading.setPosition(std::round(left + 8 * s), std::round(top + 6 * s));
    draw_recorded(target, heading);
    float y = top + 6 * s;
    for (std::size_t i = 0; i < items_.size(); ++i) {
        y += row_ + (i > 0 ? extra_[i - 1] : 0.f);
        draw_legend_swatch(target, items_[i], {left + 10 * s, y + 2 * s, 30 * s, 14 * s}, s);
        sf::Text label(utf8(wrapped_[i]), *font_, size_);
        label.setFillColor(style::text);
        label.setPosition(std::round(left + 48 * s), std::round(y));
        draw_recorded(target, label);
    }
}

unsigned slide_caption_size(float height, float scale) {
    return static_cast<unsigned>(std::lround(std::max(18.f * scale, 0.034f * height)));
}

unsigned slide_title_size(float height, float scale) {
    return static_cast<unsigned>(std::lround(std::max(22.f * scale, 0.048f * height)));
}

} // namespace kuril
