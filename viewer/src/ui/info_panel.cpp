#include "info_panel.hpp"

#include "box.hpp"
#include "map/island_report.hpp"
#include "render/style.hpp"
#include "render/text.hpp"

#include <algorithm>

namespace kuril {

std::optional<InfoPanelLayout> InfoPanel::layout(const MapFrame& frame, float width, float height,
                                                 float scale, float timeline_height) {
    const MapState& map = frame.state;
    if (map.selected_island.empty() && map.selected_event.empty()) {
        key_.clear();
        return std::nullopt;
    }
    const float s = scale;
    const float panel_width = std::min(420 * s, width * 0.4f);
    const std::string key = map.selected_island + "|" + map.selected_event + "|" + map.date.iso() +
                            "|" + std::to_string(s) + "|" + std::to_string(panel_width);
    if (key != key_) {
        key_ = key;
        const auto& annotations = scene_.atlas->annotations;
        PanelReport report;
        if (const auto* island = annotations.island(map.selected_island)) {
            // The status the frame decided (for a region of the map), else the record's.
            const auto* status = frame.status_of(island->id);
            report = island_report(
                *scene_.atlas, *island,
                status != nullptr ? *status
                                  : scene_.atlas->history->island_status(island->id, map.date));
        }
        for (const auto& event : annotations.events) {
            if (event.id == map.selected_event) {
                report = event_report(annotations, event);
            }
        }
        body_ = wrap_text(report.body, font_, scaled_size(13, s), panel_width - 24 * s);
        title_ = wrap_text(report.title, font_, scaled_size(18, s), panel_width - 50 * s);
    }
    InfoPanelLayout layout;
    const float bottom = height - timeline_height - 20 * s;
    layout.rect = {width - panel_width - 10 * s, 10 * s, panel_width, bottom - 10 * s};
    layout.close = {layout.rect.left + layout.rect.width - 28 * s, layout.rect.top + 4 * s, 24 * s,
                    24 * s};
    layout.title = title_;
    layout.body = body_;
    const sf::Text title = ui_text(font_, title_, scaled_size(18, s), style::text, sf::Text::Bold);
    layout.body_top = layout.rect.top + 16 * s + title.getLocalBounds().height;
    return layout;
}

void draw_info_panel(sf::RenderTarget& target, const InfoPanelLayout& layout, float scale,
                     const sf::Font& font) {
    const float s = scale;
    const sf::FloatRect& rect = layout.rect;
    draw_box(target, rect, style::panel);
    sf::Text heading = ui_text(font, "×", scaled_size(18, s), style::text, sf::Text::Bold);
    heading.setPosition(layout.close.left + 5 * s, layout.close.top - 2 * s);
    target.draw(heading);
    heading.setString(utf8(layout.title));
    heading.setPosition(rect.left + 12 * s, rect.top + 8 * s);
    target.draw(heading);
    sf::Text body = ui_text(font, layout.body, scaled_size(13, s));
    body.setPosition(rect.left + 12 * s, layout.body_top);
    // Clip to the panel: a view whose viewport is the panel.
    const sf::View saved = target.getView();
    const float body_height = rect.top + rect.height - layout.body_top;
    sf::View clip(sf::FloatRect(rect.left, layout.body_top, rect.width, body_height));
    const sf::Vector2f full = saved.getSize();
    clip.setViewport(
        {rect.left / full.x, layout.body_top / full.y, rect.width / full.x, body_height / full.y});
    target.setView(clip);
    target.draw(body);
    target.setView(saved);
}

} // namespace kuril
