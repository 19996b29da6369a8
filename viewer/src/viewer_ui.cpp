#include "viewer/viewer_ui.hpp"

#include "input_map.hpp"
#include "map/island_report.hpp"
#include "render/legend.hpp"
#include "render/style.hpp"
#include "render/text.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace kuril {
namespace {

void draw_box(sf::RenderTarget& target, sf::FloatRect rect, sf::Color fill,
              sf::Color outline = style::panel_border) {
    sf::RectangleShape shape({rect.width, rect.height});
    shape.setPosition(rect.left, rect.top);
    shape.setFillColor(fill);
    shape.setOutlineColor(outline);
    shape.setOutlineThickness(1);
    target.draw(shape);
}

} // namespace

ViewerUi::ViewerUi(const MapScene& scene, const Timeline& timeline, const sf::Font& font)
    : scene_(scene), timeline_(timeline), font_(font) {
    text_.setFont(font_);
}

void ViewerUi::layout_presentation(const MapView& view, const std::string& title,
                                   const std::string& caption) {
    const float w = static_cast<float>(view.width_px());
    const float h = static_cast<float>(view.height_px());
    // Laid out once per slide and window size, not every frame.
    std::string key = title;
    key.append("\n").append(caption).append("\n").append(std::to_string(w));
    key.append("x").append(std::to_string(h));
    if (key == slide_layout_key_) {
        return;
    }
    slide_layout_key_ = std::move(key);
    // Readable from the back of a room: captions at least 3.4% of the screen height.
    slide_caption_size_ = static_cast<unsigned>(std::lround(std::max(18.f, 0.034f * h)));
    slide_title_size_ = static_cast<unsigned>(std::lround(std::max(22.f, 0.048f * h)));
    slide_title_ = wrap_text(title, font_, slide_title_size_, w * 0.8f);
    slide_caption_ = wrap_text(caption, font_, slide_caption_size_, w * 0.9f);
    sf::Text t(utf8(slide_title_), font_, slide_title_size_);
    slide_title_height_ = t.getLocalBounds().height + t.getLocalBounds().top + 0.03f * h;
    sf::Text c(utf8(slide_caption_), font_, slide_caption_size_);
    slide_caption_height_ = slide_caption_.empty()
                                ? 0.03f * h
                                : c.getLocalBounds().height + c.getLocalBounds().top + 0.05f * h;
}

void ViewerUi::draw_presentation(sf::RenderTarget& target, const MapView& view, const MapState& map,
                                 std::size_t index, std::size_t count, const std::string& typed,
                                 bool projector) {
    const float w = static_cast<float>(view.width_px());
    const float h = static_cast<float>(view.height_px());
    target.setView(sf::View(sf::FloatRect(0, 0, w, h)));
    const sf::Color band = projector ? sf::Color::Black : sf::Color(255, 255, 255, 240);
    const sf::Color ink = projector ? sf::Color::White : style::text;
    draw_box(target, {0, 0, w, slide_title_height_}, band, style::panel_border);
    sf::Text title(utf8(slide_title_), font_, slide_title_size_);
    title.setStyle(sf::Text::Bold);
    title.setFillColor(ink);
    title.setPosition(std::round(0.02f * w), std::round(0.012f * h));
    target.draw(title);
    sf::Text stamp(utf8(map.date.long_text()), font_, slide_caption_size_);
    stamp.setFillColor(projector ? sf::Color(255, 220, 80) : style::accent);
    const auto sb = stamp.getLocalBounds();
    stamp.setPosition(std::round(w - sb.width - 0.02f * w), std::round(0.015f * h));
    target.draw(stamp);
    const float top = h - slide_caption_height_;
    draw_box(target, {0, top, w, slide_caption_height_}, band, style::panel_border);
    sf::Text caption(utf8(slide_caption_), font_, slide_caption_size_);
    caption.setFillColor(ink);
    caption.setPosition(std::round(0.05f * w), std::round(top + 0.015f * h));
    target.draw(caption);
    // Counter and a thin progress bar.
    const std::string counter = (typed.empty() ? "" : "go to " + typed + "…   ") +
                                std::to_string(index + 1) + " / " + std::to_string(count);
    sf::Text number(utf8(counter), font_, static_cast<unsigned>(std::lround(0.022f * h)));
    number.setFillColor(projector ? sf::Color(200, 200, 200) : sf::Color(90, 90, 90));
    const auto nb = number.getLocalBounds();
    number.setPosition(std::round(w - nb.width - 0.015f * w),
                       std::round(h - nb.height - nb.top - 0.012f * h));
    target.draw(number);
    const float bar = std::max(3.f, 0.006f * h);
    draw_box(target, {0, h - bar, w, bar},
             projector ? sf::Color(60, 60, 60) : sf::Color(220, 220, 220), sf::Color::Transparent);
    const float done =
        static_cast<float>(index + 1) / static_cast<float>(std::max<std::size_t>(count, 1));
    draw_box(target, {0, h - bar, w * done, bar},
             projector ? sf::Color(255, 220, 80) : style::accent, sf::Color::Transparent);
}

std::vector<ScreenRect> ViewerUi::obstacles(const MapView& view, const MapState& map,
                                            const UiState& ui) const {
    std::vector<ScreenRect> rects;
    const float s = ui_(map);
    const float h = static_cast<float>(view.height_px());
    if (ui.presenting) {
        rects.push_back({0, 0, view.width_px(), slide_title_height_});
        rects.push_back({0, h - slide_caption_height_ - 30 * s, view.width_px(),
                         slide_caption_height_ + 30 * s});
    } else {
        rects.push_back(
            {0, h - timeline_height(map) - 30 * s, view.width_px(), timeline_height(map) + 30 * s});
    }
    if (ui.show_layers) {
        rects.push_back(
            {layers_rect_.left, layers_rect_.top, layers_rect_.width, layers_rect_.height});
    }
    if (!map.selected_island.empty() || !map.selected_event.empty()) {
        rects.push_back({panel_rect_.left, panel_rect_.top, panel_rect_.width, panel_rect_.height});
    }
    return rects;
}

std::optional<Layer> ViewerUi::layer_row_at(float x, float y) const {
    for (const auto& [layer, rect] : layer_rows_) {
        if (rect.contains(x, y)) {
            return layer;
        }
    }
    return std::nullopt;
}

std::optional<int> ViewerUi::export_button_at(float x, float y) const {
    for (const auto& [factor, rect] : export_buttons_) {
        if (rect.contains(x, y)) {
            return factor;
        }
    }
    return std::nullopt;
}

bool ViewerUi::timeline_contains(float x, float y) const {
    return timeline_rect_.contains(x, y);
}

double ViewerUi::timeline_fraction(float x) const {
    const float inner_left = timeline_rect_.left + 20;
    const float inner_width = timeline_rect_.width - 40;
    return std::clamp(static_cast<double>((x - inner_left) / inner_width), 0.0, 1.0);
}

bool ViewerUi::panel_contains(float x, float y) const {
    return (!panel_key_.empty() && panel_rect_.contains(x, y)) || layers_rect_.contains(x, y);
}

bool ViewerUi::close_contains(float x, float y) const {
    return !panel_key_.empty() && close_rect_.contains(x, y);
}

void ViewerUi::draw(sf::RenderTarget& target, const MapView& view, const MapState& map,
                    const UiState& ui) {
    target.setView(sf::View(sf::FloatRect(0, 0, static_cast<float>(view.width_px()),
                                          static_cast<float>(view.height_px()))));
    layer_rows_.clear();
    export_buttons_.clear();
    layers_rect_ = {};
    if (ui.show_layers) {
        draw_layers(target, map);
    }
    draw_side_panel(target, view, map);
    if (!ui.presenting) {
        draw_timeline(target, view, map, ui);
    }
    draw_messages(target, view, map, ui);
    if (ui.show_help) {
        draw_help(target, view, map);
    }
}

void ViewerUi::draw_timeline(sf::RenderTarget& target, const MapView& view, const MapState& map,
                             const UiState& ui) {
    const float s = ui_(map);
    const float w = static_cast<float>(view.width_px());
    const float h = static_cast<float>(view.height_px());
    const float height = timeline_height(map);
    timeline_rect_ = {0, h - height, w, height};
    draw_box(target, timeline_rect_, style::panel);
    const float left = 20;
    const float width = w - 40;
    const float axis_y = h - height + 26 * s;
    sf::VertexArray lines(sf::Lines);
    lines.append({{left, axis_y}, style::panel_border});
    lines.append({{left + width, axis_y}, style::panel_border});
    for (const auto& date : timeline_.key_dates()) {
        const float x = left + width * static_cast<float>(timeline_.fraction_of(date));
        lines.append({{x, axis_y - 6 * s}, sf::Color(90, 90, 90)});
        lines.append({{x, axis_y + 6 * s}, sf::Color(90, 90, 90)});
    }
    target.draw(lines);
    const unsigned small = static_cast<unsigned>(std::lround(11 * s));
    text_.setCharacterSize(small);
    text_.setFillColor(sf::Color(80, 80, 80));
    text_.setOutlineThickness(0);
    text_.setStyle(sf::Text::Regular);
    const int step = width / s > 900 ? 10 : 25;
    for (int year = 1850; year <= timeline_.last().year; year += step) {
        const float x =
            left + width * static_cast<float>(timeline_.fraction_of(geo::Date{year, 1, 1}));
        text_.setString(std::to_string(year));
        const auto b = text_.getLocalBounds();
        text_.setPosition(std::round(x - b.width / 2), std::round(axis_y + 9 * s));
        target.draw(text_);
    }
    // The handle and the chosen date.
    const float hx = left + width * static_cast<float>(timeline_.fraction_of(map.date));
    sf::RectangleShape handle({6 * s, 26 * s});
    handle.setOrigin(3 * s, 13 * s);
    handle.setPosition(hx, axis_y);
    handle.setFillColor(style::accent);
    target.draw(handle);
    text_.setCharacterSize(static_cast<unsigned>(std::lround(15 * s)));
    text_.setFillColor(style::text);
    text_.setStyle(sf::Text::Bold);
    text_.setString(utf8(map.date.long_text()));
    const auto b = text_.getLocalBounds();
    const float tx = std::clamp(hx - b.width / 2, 4.f, w - b.width - 4);
    text_.setPosition(std::round(tx), std::round(h - height + 2 * s));
    // Keep the date readable over the ticks.
    draw_box(target, {tx - 4, h - height + 2 * s, b.width + 8, b.height + b.top + 4}, style::panel,
             sf::Color::Transparent);
    target.draw(text_);
    text_.setStyle(sf::Text::Regular);
    // The caption of the last step, above the bar.
    if (ui.caption_alpha > 0 && !ui.caption.empty()) {
        text_.setCharacterSize(static_cast<unsigned>(std::lround(18 * s)));
        text_.setString(utf8(ui.caption));
        const auto cb = text_.getLocalBounds();
        const auto alpha = static_cast<sf::Uint8>(255 * std::min(1.0, ui.caption_alpha));
        sf::FloatRect box{(w - cb.width) / 2 - 12, h - height - cb.height - cb.top - 20 * s,
                          cb.width + 24, cb.height + cb.top + 14 * s};
        sf::Color fill = style::panel;
        fill.a = static_cast<sf::Uint8>(fill.a * alpha / 255);
        sf::Color border = style::accent;
        border.a = alpha;
        draw_box(target, box, fill, border);
        sf::Color colour = style::text;
        colour.a = alpha;
        text_.setFillColor(colour);
        text_.setPosition(std::round(box.left + 12), std::round(box.top + 5 * s));
        target.draw(text_);
    }
}

void ViewerUi::draw_layers(sf::RenderTarget& target, const MapState& map) {
    const float s = ui_(map);
    const float left = 10 * s;
    const float top = 10 * s;
    float width = 300 * s;
    const float row = 21 * s;
    const unsigned size = static_cast<unsigned>(std::lround(13 * s));
    // The legend of exactly what is shown, in words.
    const std::vector<LegendEntry> legend = legend_entries(scene_, map);
    const float height = static_cast<float>(layer_count + 3 + legend.size()) * row + 20 * s;
    text_.setCharacterSize(size);
    for (const auto& entry : legend) {
        text_.setString(utf8(entry.label));
        width = std::max(width, text_.getLocalBounds().width + 56 * s);
    }
    layers_rect_ = {left, top, width, height};
    draw_box(target, layers_rect_, style::panel);
    text_.setOutlineThickness(0);
    text_.setCharacterSize(size);
    text_.setStyle(sf::Text::Bold);
    text_.setFillColor(style::text);
    text_.setString("Layers (keys 1-8, Tab hides)");
    text_.setPosition(left + 8 * s, top + 6 * s);
    target.draw(text_);
    text_.setStyle(sf::Text::Regular);
    for (std::size_t i = 0; i < layer_count; ++i) {
        const auto layer = static_cast<Layer>(i);
        const float y = top + 6 * s + static_cast<float>(i + 1) * row;
        sf::RectangleShape box({12 * s, 12 * s});
        box.setPosition(left + 10 * s, y + 3 * s);
        box.setOutlineColor(sf::Color(80, 80, 80));
        box.setOutlineThickness(1);
        box.setFillColor(map.shows(layer) ? style::accent : sf::Color::White);
        target.draw(box);
        text_.setString(std::to_string(i + 1) + "  " + std::string(layer_name(layer)));
        text_.setPosition(left + 30 * s, y);
        target.draw(text_);
        layer_rows_.push_back({layer, {left, y, width, row}});
    }
    float y = top + 6 * s + (layer_count + 1) * row + 4 * s;
    text_.setStyle(sf::Text::Bold);
    text_.setString(utf8("Legend — " + map.date.long_text()));
    text_.setPosition(left + 8 * s, y);
    target.draw(text_);
    text_.setStyle(sf::Text::Regular);
    for (const auto& entry : legend) {
        y += row;
        draw_legend_swatch(target, entry, {left + 10 * s, y + 2 * s, 26 * s, 14 * s}, s);
        text_.setString(utf8(entry.label));
        text_.setPosition(left + 44 * s, y);
        target.draw(text_);
    }
    // Export buttons: the current view at 1, 2 or 4 times the window size (E: the last one).
    y += row + 4 * s;
    text_.setString("Export view (E):");
    text_.setPosition(left + 8 * s, y);
    target.draw(text_);
    float bx = left + 8 * s + text_.getLocalBounds().width + 10 * s;
    for (const int factor : {1, 2, 4}) {
        const sf::FloatRect button{bx, y, 36 * s, row - 2 * s};
        draw_box(target, button, sf::Color(235, 242, 248), style::accent);
        text_.setString(std::to_string(factor) + "x");
        text_.setPosition(bx + 8 * s, y);
        target.draw(text_);
        export_buttons_.push_back({factor, button});
        bx += 44 * s;
    }
}

void ViewerUi::draw_side_panel(sf::RenderTarget& target, const MapView& view, const MapState& map) {
    const float s = ui_(map);
    const std::string key = map.selected_island + "|" + map.selected_event + "|" + map.date.iso() +
                            "|" + std::to_string(s);
    if (map.selected_island.empty() && map.selected_event.empty()) {
        panel_key_.clear();
        return;
    }
    const float width = std::min(420 * s, static_cast<float>(view.width_px()) * 0.4f);
    const unsigned size = static_cast<unsigned>(std::lround(13 * s));
    if (key != panel_key_) {
        panel_key_ = key;
        const auto& annotations = scene_.atlas->annotations;
        PanelReport report;
        if (const auto* island = annotations.island(map.selected_island)) {
            report = island_report(*scene_.atlas, *island, map.date);
        }
        for (const auto& event : annotations.events) {
            if (event.id == map.selected_event) {
                report = event_report(annotations, event);
            }
        }
        const std::string& body = report.body;
        panel_title_ = report.title;
        panel_body_ = wrap_text(body, font_, size, width - 24 * s);
        panel_title_ = wrap_text(panel_title_, font_, static_cast<unsigned>(std::lround(18 * s)),
                                 width - 50 * s);
    }
    const float h = static_cast<float>(view.height_px()) - timeline_height(map) - 20 * s;
    panel_rect_ = {static_cast<float>(view.width_px()) - width - 10 * s, 10 * s, width, h - 10 * s};
    draw_box(target, panel_rect_, style::panel);
    close_rect_ = {panel_rect_.left + panel_rect_.width - 28 * s, panel_rect_.top + 4 * s, 24 * s,
                   24 * s};
    text_.setOutlineThickness(0);
    text_.setFillColor(style::text);
    text_.setCharacterSize(static_cast<unsigned>(std::lround(18 * s)));
    text_.setStyle(sf::Text::Bold);
    text_.setString("×");
    text_.setPosition(close_rect_.left + 5 * s, close_rect_.top - 2 * s);
    target.draw(text_);
    text_.setString(utf8(panel_title_));
    text_.setPosition(panel_rect_.left + 12 * s, panel_rect_.top + 8 * s);
    target.draw(text_);
    const float body_top = panel_rect_.top + 16 * s + text_.getLocalBounds().height;
    text_.setStyle(sf::Text::Regular);
    text_.setCharacterSize(size);
    text_.setString(utf8(panel_body_));
    text_.setPosition(panel_rect_.left + 12 * s, body_top);
    // Clip to the panel: a view whose viewport is the panel.
    const sf::View saved = target.getView();
    sf::View clip(sf::FloatRect(panel_rect_.left, body_top, panel_rect_.width,
                                panel_rect_.top + panel_rect_.height - body_top));
    const sf::Vector2f full = saved.getSize();
    clip.setViewport({panel_rect_.left / full.x, body_top / full.y, panel_rect_.width / full.x,
                      (panel_rect_.top + panel_rect_.height - body_top) / full.y});
    target.setView(clip);
    target.draw(text_);
    target.setView(saved);
}

void ViewerUi::draw_help(sf::RenderTarget& target, const MapView& view, const MapState& map) {
    const float s = ui_(map);
    std::string body;
    for (const auto& line : help_lines()) {
        body += line + "\n";
    }
    text_.setCharacterSize(static_cast<unsigned>(std::lround(16 * s)));
    text_.setString(utf8(body));
    text_.setStyle(sf::Text::Regular);
    text_.setOutlineThickness(0);
    text_.setFillColor(style::text);
    const auto b = text_.getLocalBounds();
    const sf::FloatRect box{static_cast<float>(view.width_px() - b.width) / 2 - 20 * s,
                            static_cast<float>(view.height_px() - b.height) / 2 - 50 * s,
                            b.width + 40 * s, b.height + 70 * s};
    draw_box(target, box, sf::Color(255, 255, 255, 245), style::accent);
    sf::Text title("Kuril Atlas: keys", font_, static_cast<unsigned>(std::lround(20 * s)));
    title.setStyle(sf::Text::Bold);
    title.setFillColor(style::text);
    title.setPosition(box.left + 20 * s, box.top + 12 * s);
    target.draw(title);
    text_.setPosition(box.left + 20 * s, box.top + 48 * s);
    target.draw(text_);
}

void ViewerUi::draw_messages(sf::RenderTarget& target, const MapView& view, const MapState& map,
                             const UiState& ui) {
    const float s = ui_(map);
    float y = 10 * s;
    const float width = std::min(900 * s, static_cast<float>(view.width_px()) * 0.5f);
    text_.setCharacterSize(static_cast<unsigned>(std::lround(14 * s)));
    text_.setOutlineThickness(0);
    text_.setStyle(sf::Text::Regular);
    auto show = [&](const std::string& message, sf::Color border, sf::Uint8 alpha) {
        text_.setString(utf8(wrap_text(message, font_, text_.getCharacterSize(), width)));
        const auto b = text_.getLocalBounds();
        const sf::FloatRect box{(static_cast<float>(view.width_px()) - b.width) / 2 - 10, y,
                                b.width + 20, b.height + b.top + 14 * s};
        sf::Color fill(255, 245, 230, alpha);
        border.a = alpha;
        draw_box(target, box, fill, border);
        sf::Color colour = style::text;
        colour.a = alpha;
        text_.setFillColor(colour);
        text_.setPosition(box.left + 10, box.top + 5 * s);
        target.draw(text_);
        y += box.height + 6 * s;
    };
    for (const auto& message : ui.messages) {
        show(message, sf::Color(213, 94, 0), 245);
    }
    if (ui.notice_alpha > 0 && !ui.notice.empty()) {
        show(ui.notice, style::accent,
             static_cast<sf::Uint8>(245 * std::min(1.0, ui.notice_alpha)));
    }
    if (ui.measuring) {
        show(map.measure_points.size() < 2 ? "Measuring: click two points (Esc to stop)"
                                           : "Measured: click again to start a new measurement",
             style::accent, 235);
    }
}

} // namespace kuril
