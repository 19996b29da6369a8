// SPDX-License-Identifier: GPL-3.0-or-later
#include "viewer/viewer_ui.hpp"

#include "map/map_furniture.hpp"
#include "map/names.hpp"
#include "map/presentation.hpp"
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
        // The bands are sized by the screen's height at the window's scale; only the map's
        // names and lines take a slide's larger scale (slide_ui_scale).
        const auto band_scale =
            std::min(layout.scale, static_cast<float>(window_ui_scale(layout.height)));
        layout.slide = slide_overlay_->layout(slide->title_in(lang), slide->caption_in(lang),
                                              comparing ? std::string() : map.date.long_text(lang),
                                              layout.width, layout.height, band_scale);
        // A compact legend of what this slide draws, its text at least 2.2 % of the screen's
        // height (smaller only to fit in 40 % of its width); comparing, each half has its own.
        if (slide->legend && !comparing && !frame.legend.empty()) {
            float legend_scale = std::max(band_scale, 0.022f * layout.height / 13.f);
            const float max_width = layout.width * 0.4f;
            LegendBox legend(font_, frame.legend, legend_scale, layout.width, lang);
            if (legend.width() > max_width) {
                legend_scale *= max_width / legend.width();
                legend = LegendBox(font_, frame.legend, legend_scale, max_width, lang);
            }
            // Under the title band (on the right, under the locator inset too), in the top
            // corner that hides fewer of the names the map wants to show (a disputed island's
            // counts five times), never over the map's own furniture.
            const float margin = 8 * legend_scale;
            const float top = layout.slide->title_height + margin;
            const MapFurnitureLayout furniture = layout_map_furniture(
                frame, layout.slide->title_height, layout.slide->caption_height);
            const float right_top =
                furniture.inset.shown
                    ? std::max(top, static_cast<float>(furniture.inset.rect.bottom()) + margin)
                    : top;
            const ScreenRect right{layout.width - legend.width() - margin, right_top,
                                   legend.width(), legend.height()};
            const ScreenRect left{margin, top, legend.width(), legend.height()};
            const auto hidden = [&](const ScreenRect& rect) {
                int count = 0;
                for (const auto& taken : furniture.rects()) {
                    if (taken.intersects(rect)) {
                        count += 1000;
                    }
                }
                if (rect.bottom() > layout.height - layout.slide->caption_height) {
                    count += 1000;
                }
                for (const auto& label : frame.labels) {
                    if (label.anchor.x >= rect.left && label.anchor.x <= rect.right() &&
                        label.anchor.y >= rect.top && label.anchor.y <= rect.bottom()) {
                        count += label.essential ? 5 : 1;
                    }
                }
                return count;
            };
            layout.slide->legend_rect = hidden(left) < hidden(right) ? left : right;
            layout.slide->legend = std::move(legend);
        }
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
    } else if (ui.layer_prompt) {
        layout.search =
            layout_layer_prompt(*ui.layer_prompt, layout.width, layout.scale, font_, lang);
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
        if (layout.slide->legend) {
            layout.slide->legend->draw(target, layout.slide->legend_rect);
        }
    }
}

} // namespace kuril
