// SPDX-License-Identifier: GPL-3.0-or-later
#include "viewer/viewer_ui.hpp"

#include "map/names.hpp"
#include "ui/compare_overlay.hpp"
#include "ui/help_overlay.hpp"
#include "ui/info_panel.hpp"
#include "ui/layers_panel.hpp"
#include "ui/messages.hpp"
#include "ui/search_box.hpp"
#include "ui/slide_overlay.hpp"
#include "ui/timeline_bar.hpp"

namespace kuril {

ViewerUi::ViewerUi(const MapScene& scene, const Timeline& timeline, const sf::Font& font)
    : scene_(scene), timeline_(timeline), font_(font),
      info_panel_(std::make_unique<InfoPanel>(scene, font)),
      slide_overlay_(std::make_unique<SlideOverlay>(font)) {}

ViewerUi::~ViewerUi() = default;

UiLayout ViewerUi::layout(const MapFrame& frame, const UiState& ui, const geo::Slide* slide,
                          const MapFrame* other, float window_width) {
    const MapView& view = frame.view;
    const MapState& map = frame.state;
    const bool comparing = other != nullptr && ui.compare.mode != CompareMode::off;
    const std::string_view lang = text_language_code(map.text_language);
    UiLayout layout;
    layout.lang = lang;
    layout.scale = static_cast<float>(map.ui_scale);
    layout.width = window_width > 0 ? window_width : static_cast<float>(view.width_px());
    layout.height = static_cast<float>(view.height_px());
    layout.timeline_height = timeline_bar_height(layout.scale);
    layout.timeline = layout_timeline_bar(layout.width, layout.height, layout.scale, ui);
    if (layout.timeline) {
        layout.play_button = layout_play_button(*layout.timeline, layout.scale);
        layout.play_speed = play_speed_text(ui.play_speed, lang);
    }
    if (layout.timeline && ui.hover_key_date) {
        const geo::Date key = *ui.hover_key_date;
        const std::string name =
            key_date_name(scene_.atlas->annotations, *scene_.atlas->history, key, lang);
        const float x =
            layout.timeline->left + 20 +
            (layout.timeline->width - 40) * static_cast<float>(timeline_.fraction_of(key));
        layout.timeline_tip.emplace(x, key.long_text(lang) + (name.empty() ? "" : ": " + name));
    }
    if (ui.show_layers) {
        // The points of view of the annotations, by their short labels (never their ids).
        std::vector<std::pair<std::string, std::string>> povs;
        for (const auto& pov : scene_.atlas->annotations.points_of_view) {
            povs.emplace_back(pov.id, geo::text_in(pov.labels, lang));
        }
        // Comparing, each half has its own legend at its foot: the panel keeps the layer rows.
        layout.layers = layout_layers_panel(comparing ? std::vector<LegendItem>{} : frame.legend,
                                            povs, layout.scale, font_, layout.width * 0.5f,
                                            layout.height - layout.timeline_height - 6, lang);
    }
    if (slide != nullptr) {
        // Comparing, each half is headed with its date: the band has no date stamp.
        layout.slide = slide_overlay_->layout(slide->title_in(lang), slide->caption_in(lang),
                                              comparing ? std::string() : map.date.long_text(lang),
                                              layout.width, layout.height, layout.scale);
    }
    if (comparing) {
        const bool focus_right = ui.compare.focus_right;
        layout.compare = layout_compare(
            focus_right ? *other : frame, focus_right ? frame : *other, ui.compare, layout.width,
            layout.height, layout.scale, layout.slide ? layout.slide->title_height : 0.f,
            layout.slide ? layout.slide->caption_height : layout.timeline_height,
            layout.layers ? std::vector<sf::FloatRect>{layout.layers->rect}
                          : std::vector<sf::FloatRect>{},
            font_);
    }
    // The info panel keeps clear of the slide's bands in a tour, of the timeline otherwise.
    layout.info =
        info_panel_->layout(frame, layout.width, layout.height, layout.scale,
                            layout.slide ? layout.slide->caption_height : layout.timeline_height,
                            ui.info_scroll, layout.slide ? layout.slide->title_height : 0.f);
    layout.messages = layout_messages(map, ui, layout.width, layout.scale, font_);
    if (layout.compare) {
        // Under the halves' headings, which name the dates.
        for (auto& message : layout.messages) {
            message.box.top += layout.compare->heading_height;
        }
    }
    if (ui.show_help) {
        layout.help =
            layout_help(layout.width, layout.height, layout.scale, font_, ui.presenting, lang);
    }
    if (ui.search) {
        layout.search = layout_search(*ui.search, layout.width, layout.scale, font_, lang);
    }
    return layout;
}

void ViewerUi::draw(sf::RenderTarget& target, const UiLayout& layout, const MapState& map,
                    const UiState& ui) const {
    target.setView(sf::View(sf::FloatRect(0, 0, layout.width, layout.height)));
    if (layout.layers) {
        draw_layers_panel(target, *layout.layers, map, layout.scale, font_);
    }
    if (layout.info) {
        draw_info_panel(target, *layout.info, layout.scale, font_);
    }
    if (layout.compare) {
        draw_compare(target, *layout.compare, layout.scale, font_);
    }
    draw_timeline_bar(target, layout, timeline_, map, ui, font_);
    draw_messages(target, layout.messages, layout.scale, font_);
    if (layout.help) {
        draw_help(target, *layout.help, layout.scale, font_);
    }
    if (layout.search) {
        draw_search(target, *layout.search, layout.scale, font_);
    }
}

void ViewerUi::draw_slide(sf::RenderTarget& target, const UiLayout& layout, std::size_t index,
                          std::size_t count, const std::string& typed, bool projector) const {
    if (layout.slide) {
        draw_slide_overlay(target, *layout.slide, layout.width, layout.height,
                           {index, count, typed, projector, layout.lang}, font_);
    }
}

} // namespace kuril
