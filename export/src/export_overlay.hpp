// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The export's furniture around the map, composed from render's shared components: the title
// band with the date stamp, the legend box, the caption (a slide's) and the credit footer, laid
// out for the full image before anything is drawn (private to export/). The bands come first
// (the map's view is fitted between them), the legend once the frame of that view is known.

#include "export/exporter.hpp"
#include "i18n/translate.hpp"
#include "map/label_placer.hpp"
#include "map/map_frame.hpp"
#include "render/furniture.hpp"

#include <SFML/Graphics.hpp>
#include <cmath>
#include <optional>
#include <string>
#include <vector>

namespace kuril::detail {

class ExportOverlay {
public:
    ExportOverlay(const MapScene& scene, const sf::Font& font, const ExportOptions& options,
                  const MapState& state, unsigned width, unsigned height)
        : font_(&font), scale_(static_cast<float>(state.ui_scale)),
          width_(static_cast<float>(width)), height_(static_cast<float>(height)),
          title_(export_title(scene, options)),
          // A compare image's dates head its halves, not the title band.
          band_(font, title_,
                options.compare ? std::string()
                                : i18n::format(i18n::tr(text_language_code(options.text_language),
                                                        "Situation on {date}"),
                                               {{"date", state.date.long_text(text_language_code(
                                                             options.text_language))}}),
                width_, title_metrics(scale_)) {
        const float s = scale_;
        const auto credit_size = static_cast<unsigned>(std::lround(11 * s));
        if (options.compare) {
            const auto columns = compare_columns(width, state.ui_scale);
            for (std::size_t side = 0; side < 2; ++side) {
                halves_.push_back(
                    {columns[side],
                     TitleBand(font, compare_half_heading(scene, options, side), "",
                               static_cast<float>(columns[side].width), heading_metrics(s)),
                     {},
                     {}});
            }
        }
        // The footer is the credit; without it a one-line licence credit stays, unless the
        // user asked for no credit at all.
        if (options.footer && options.credit) {
            // The image does not depend on its file's name: the same options, the same image.
            footer_.emplace(
                font,
                credit_text_for(situation_text(options),
                                std::string(i18n::tr(text_language_code(options.text_language),
                                                     "the .sources.txt file beside this image")),
                                text_language_code(options.text_language)),
                credit_size, width_, s);
        } else if (options.credit) {
            footer_.emplace(
                font,
                std::string(i18n::tr(text_language_code(options.text_language), coastline_credit)),
                credit_size, width_, s);
        }
        if (!options.caption.empty()) {
            caption_ = CaptionBand(font, options.caption, slide_caption_size(height_, s), width_,
                                   8 * s, 24 * s);
        }
        show_legend_ = options.legend;
    }

    /// The legend of what the frame draws in the map area; the frame needs the view, which is
    /// fitted between the bands laid out above.
    void set_frame(const MapFrame& frame) {
        if (show_legend_) {
            legend_ = LegendBox(*font_, frame.legend, scale_, width_ * 0.6f,
                                text_language_code(frame.state.text_language));
            legend_items_ = frame.legend;
        }
    }
    /// A compare image: the legend of each half's frame (left, right), in its half.
    void set_half_frame(std::size_t side, const MapFrame& frame) {
        if (show_legend_) {
            Half& half = halves_.at(side);
            half.legend =
                LegendBox(*font_, frame.legend, scale_, static_cast<float>(half.columns.width),
                          text_language_code(frame.state.text_language));
            half.legend_items = frame.legend;
        }
    }
    /// The legend rows of a half of a compare image (empty without a legend).
    const std::vector<LegendItem>& half_legend_items(std::size_t side) const {
        return halves_.at(side).legend_items;
    }

    /// The title band and, in a compare image, the halves' headings below it.
    float top_reserved() const {
        return band_.height() + (halves_.empty() ? 0.f : halves_[0].heading.height());
    }
    const std::string& title() const { return title_; }
    std::string footer_text() const { return footer_ ? footer_->text() : std::string(); }
    /// Where the legend box goes, if there is one (set_frame first).
    std::optional<ScreenRect> legend_area() const {
        return legend_.empty() ? std::nullopt : std::optional<ScreenRect>(legend_rect());
    }
    /// The legend box's rows (empty without a legend).
    const std::vector<LegendItem>& legend_items() const { return legend_items_; }
    const std::optional<Footer>& footer() const { return footer_; }
    float bottom_reserved() const {
        return (footer_ ? footer_->height() : 0.f) + caption_.height();
    }

    std::vector<ScreenRect> obstacles() const {
        // The title band and, in a compare image, the halves' headings under it.
        std::vector<ScreenRect> rects = {
            {0, 0, width_, top_reserved()},
            {0, height_ - bottom_reserved(), width_, bottom_reserved()}};
        if (!legend_.empty()) {
            rects.push_back(legend_rect());
        }
        for (const auto& half : halves_) {
            if (!half.legend.empty()) {
                rects.push_back(half_legend_rect(half));
            }
        }
        return rects;
    }

    void draw(sf::RenderTarget& target) const {
        const auto theme = FurnitureTheme::light();
        band_.draw(target, theme);
        if (!legend_.empty()) {
            legend_.draw(target, legend_rect());
        }
        if (!halves_.empty()) {
            draw_halves(target, theme);
        }
        const float bottom = bottom_reserved();
        if (bottom > 0) {
            const float top = height_ - bottom;
            draw_band(target, {0, top, width_, bottom}, theme.band, theme.border);
            caption_.draw_text(target, top, theme);
            if (footer_) {
                footer_->draw_text(target, top + caption_.height(), scale_);
            }
        }
    }

private:
    static TitleBand::Metrics title_metrics(float s) {
        TitleBand::Metrics m;
        m.title_size = static_cast<unsigned>(std::lround(28 * s));
        m.stamp_size = static_cast<unsigned>(std::lround(16 * s));
        m.min_height = 48 * s;
        m.title_x = 12 * s;
        m.title_y = 6 * s;
        m.stamp_right = 14 * s;
        m.stamp_y = 14 * s;
        return m;
    }
    ScreenRect legend_rect() const {
        return legend_.place(width_, height_ - bottom_reserved(), 12 * scale_);
    }

    /// A half of a compare image: its columns, its heading under the title band, its legend.
    struct Half {
        HalfColumns columns;
        TitleBand heading;
        LegendBox legend;
        std::vector<LegendItem> legend_items;
    };
    static TitleBand::Metrics heading_metrics(float s) {
        TitleBand::Metrics m = title_metrics(s);
        m.title_size = static_cast<unsigned>(std::lround(20 * s));
        m.min_height = 34 * s;
        m.title_y = 5 * s;
        return m;
    }
    ScreenRect half_legend_rect(const Half& half) const {
        return half.legend.place(static_cast<float>(half.columns.left + half.columns.width),
                                 height_ - bottom_reserved(), 12 * scale_);
    }
    /// The headings (each drawn in its half: the view is moved by the half's left edge), the
    /// legends and the divider between the halves, from the headings to the footer.
    void draw_halves(sf::RenderTarget& target, const FurnitureTheme& theme) const {
        const sf::View whole = target.getView();
        for (const auto& half : halves_) {
            sf::View moved = whole;
            moved.move(-static_cast<float>(half.columns.left), -band_.height());
            target.setView(moved);
            half.heading.draw(target, theme);
            target.setView(whole);
            if (!half.legend.empty()) {
                half.legend.draw(target, half_legend_rect(half));
            }
        }
        const auto left = static_cast<float>(halves_[0].columns.width);
        const auto right = static_cast<float>(halves_[1].columns.left);
        const float top = band_.height();
        const float bottom = height_ - bottom_reserved();
        sf::RectangleShape divider({right - left, std::max(0.f, bottom - top)});
        divider.setPosition(left, top);
        divider.setFillColor(sf::Color(60, 60, 60));
        target.draw(divider);
    }

    const sf::Font* font_;
    float scale_;
    float width_;
    float height_;
    std::string title_;
    TitleBand band_;
    std::optional<Footer> footer_;
    CaptionBand caption_;
    bool show_legend_ = true;
    std::vector<Half> halves_; ///< a compare image's, left and right; empty for one map
    LegendBox legend_;
    std::vector<LegendItem> legend_items_;
};

} // namespace kuril::detail
