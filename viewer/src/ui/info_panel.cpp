// SPDX-License-Identifier: GPL-3.0-or-later
#include "info_panel.hpp"

#include "box.hpp"
#include "i18n/translate.hpp"
#include "map/island_report.hpp"
#include "map/user_layer.hpp"
#include "render/polyline.hpp"
#include "render/style.hpp"
#include "render/text.hpp"

#include <algorithm>
#include <cmath>

namespace kuril {
namespace {

constexpr float body_size = 13;
constexpr float title_size = 18;

float line_count(const std::string& text) {
    return static_cast<float>(1 + std::count(text.begin(), text.end(), '\n'));
}

} // namespace

std::string wrap_anywhere(const std::string& utf8_text, const sf::Font& font, unsigned size,
                          float max_width) {
    // URLs have no spaces to break at: break at any character instead of running past the edge.
    const sf::String text = utf8(utf8_text);
    sf::String out;
    float width = 0;
    for (std::size_t i = 0; i < text.getSize(); ++i) {
        const float advance = font.getGlyph(text[i], size, false).advance;
        if (width > 0 && width + advance > max_width) {
            out += U'\n';
            width = 0;
        }
        out += text[i];
        width += advance;
    }
    const auto bytes = out.toUtf8();
    return {bytes.begin(), bytes.end()};
}

std::optional<InfoPanelLayout> InfoPanel::layout(const MapFrame& frame, float width, float height,
                                                 float scale, float bottom_reserved, float scroll,
                                                 float top_reserved) {
    const MapState& map = frame.state;
    // A user feature's indexes may be stale for a frame after its layer was removed.
    const bool user_feature =
        map.selected_user_feature && map.selected_user_feature->first < scene_.user_layers.size() &&
        map.selected_user_feature->second <
            scene_.user_layers[map.selected_user_feature->first].features.size();
    if (map.selected_island.empty() && map.selected_event.empty() && map.selected_place.empty() &&
        !user_feature) {
        key_.clear();
        return std::nullopt;
    }
    const float s = scale;
    const float panel_width = std::min(420 * s, width * 0.4f);
    const float text_width = panel_width - 24 * s - 10 * s; // margins and the scroll bar
    const unsigned size = scaled_size(body_size, s);
    const float line = font_.getLineSpacing(size);
    const std::string_view lang = text_language_code(map.text_language);
    const std::string key = map.selected_island + "|" + map.selected_event + "|" +
                            map.selected_place + "|" + map.date.iso() + "|" + std::string(lang) +
                            "|" + std::to_string(s) + "|" + std::to_string(panel_width) + "|" +
                            (user_feature ? std::to_string(map.selected_user_feature->first) + ":" +
                                                std::to_string(map.selected_user_feature->second)
                                          : std::string()) +
                            "|" + std::to_string(scene_.user_layers.size());
    if (key != key_) {
        key_ = key;
        const auto& annotations = scene_.atlas->annotations;
        PanelReport report;
        if (const auto* island = annotations.island(map.selected_island)) {
            // The status the frame decided (for a region of the map), else the record's.
            const auto* status = frame.status_of(island->id);
            report = island_report(*scene_.atlas, *island,
                                   status != nullptr
                                       ? *status
                                       : scene_.atlas->history->island_status(island->id, map.date),
                                   lang);
        }
        for (const auto& event : annotations.events) {
            if (event.id == map.selected_event) {
                report = event_report(annotations, event, lang);
            }
        }
        if (const auto* place = annotations.place(map.selected_place)) {
            report = place_report(annotations, *place, map.date, lang);
        }
        if (user_feature) {
            const auto& layer = scene_.user_layers[map.selected_user_feature->first];
            report =
                user_feature_report(layer, layer.features[map.selected_user_feature->second], lang);
        }
        body_ = wrap_text(report.body, font_, size, text_width);
        title_ = wrap_text(report.title, font_, scaled_size(title_size, s), panel_width - 50 * s);
        sources_.clear();
        float y = line_count(body_) * line + line; // a blank line, then the heading
        sources_top_ = y;
        sources_heading_ = wrap_text(
            std::string(i18n::tr(lang, "Sources (click one, or press C, to copy its URL)")), font_,
            size, text_width - 10 * s);
        y += line * (line_count(sources_heading_) + 0.3f);
        for (std::size_t i = 0; i < report.sources.size(); ++i) {
            InfoPanelSource source;
            source.text = wrap_text(std::to_string(i + 1) + ". " + report.sources[i].text, font_,
                                    size, text_width);
            source.url = report.sources[i].url;
            source.wrapped_url = source.url.empty()
                                     ? ""
                                     : wrap_anywhere(source.url, font_, size, text_width - 12 * s);
            source.top = y;
            source.height = (line_count(source.text) +
                             (source.url.empty() ? 0 : line_count(source.wrapped_url))) *
                            line;
            y += source.height + line * 0.4f;
            sources_.push_back(std::move(source));
        }
        content_height_ = report.sources.empty() ? line_count(body_) * line : y;
    }
    InfoPanelLayout layout;
    // Between the bands the layout keeps (a slide's title band, the timeline or a caption).
    const float top = top_reserved + 10 * s;
    const float bottom = height - bottom_reserved - 20 * s;
    layout.rect = {width - panel_width - 10 * s, top, panel_width, bottom - top};
    layout.close = {layout.rect.left + layout.rect.width - 30 * s, layout.rect.top + 6 * s, 24 * s,
                    24 * s};
    layout.title = title_;
    layout.body = body_;
    layout.sources = sources_;
    layout.sources_top = sources_top_;
    layout.sources_heading = sources_heading_;
    layout.line_height = line;
    layout.content_height = content_height_;
    const sf::Text title =
        ui_text(font_, title_, scaled_size(title_size, s), style::text, sf::Text::Bold);
    layout.body_top = std::round(layout.rect.top + 16 * s + title.getLocalBounds().height);
    // As tall as its content, at most down to the timeline; beyond that it scrolls.
    layout.rect.height =
        std::min(layout.rect.height, layout.body_top - layout.rect.top + content_height_ + 16 * s);
    layout.body_bottom = layout.rect.top + layout.rect.height - 8 * s;
    layout.max_scroll =
        std::max(0.f, layout.content_height - (layout.body_bottom - layout.body_top));
    layout.scroll = std::clamp(scroll, 0.f, layout.max_scroll);
    return layout;
}

void draw_info_panel(sf::RenderTarget& target, const InfoPanelLayout& layout, float scale,
                     const sf::Font& font) {
    const float s = scale;
    const sf::FloatRect& rect = layout.rect;
    draw_box(target, rect, style::panel);
    // The close button: a drawn cross in a box (no glyph to be missing from a font).
    const sf::FloatRect& close = layout.close;
    draw_box(target, close, sf::Color(245, 245, 245));
    std::vector<sf::Vertex> cross;
    const float inset = 7 * s;
    const sf::Vector2f a{close.left + inset, close.top + inset};
    const sf::Vector2f b{close.left + close.width - inset, close.top + close.height - inset};
    append_polyline(cross, {a, b}, 2 * s, style::text);
    append_polyline(cross, {{a.x, b.y}, {b.x, a.y}}, 2 * s, style::text);
    target.draw(cross.data(), cross.size(), sf::Triangles);

    sf::Text heading =
        ui_text(font, layout.title, scaled_size(title_size, s), style::text, sf::Text::Bold);
    heading.setPosition(rect.left + 12 * s, rect.top + 8 * s);
    target.draw(heading);

    // The scrolled content, clipped to the panel below the title: a view whose viewport is
    // that area.
    const sf::View saved = target.getView();
    const float body_height = layout.body_bottom - layout.body_top;
    if (body_height <= 0) {
        return;
    }
    sf::View clip(
        sf::FloatRect(rect.left, layout.body_top + layout.scroll, rect.width, body_height));
    const sf::Vector2f full = saved.getSize();
    clip.setViewport(
        {rect.left / full.x, layout.body_top / full.y, rect.width / full.x, body_height / full.y});
    target.setView(clip);
    const float left = rect.left + 12 * s;
    const unsigned size = scaled_size(body_size, s);
    sf::Text body = ui_text(font, layout.body, size);
    body.setPosition(left, layout.body_top);
    target.draw(body);
    if (!layout.sources.empty()) {
        sf::Text sources = ui_text(font, layout.sources_heading, size, style::text, sf::Text::Bold);
        sources.setPosition(left, layout.body_top + layout.sources_top);
        target.draw(sources);
    }
    for (const auto& source : layout.sources) {
        const float top = layout.body_top + source.top;
        sf::Text words = ui_text(font, source.text, size);
        words.setPosition(left, top);
        target.draw(words);
        if (!source.wrapped_url.empty()) {
            sf::Text url = ui_text(font, source.wrapped_url, size, style::accent);
            url.setPosition(left + 12 * s, top + line_count(source.text) * layout.line_height);
            target.draw(url);
        }
    }
    target.setView(saved);
    // A scroll bar when the content is taller than the panel: where you are, and how much more.
    if (layout.max_scroll > 0) {
        const float track_x = rect.left + rect.width - 8 * s;
        draw_box(target, {track_x, layout.body_top, 4 * s, body_height}, sf::Color(225, 225, 225),
                 sf::Color(225, 225, 225));
        const float thumb = std::max(16 * s, body_height * body_height / layout.content_height);
        const float thumb_top =
            layout.body_top + (body_height - thumb) * layout.scroll / layout.max_scroll;
        draw_box(target, {track_x, thumb_top, 4 * s, thumb}, sf::Color(120, 120, 120),
                 sf::Color(120, 120, 120));
    }
}

} // namespace kuril
