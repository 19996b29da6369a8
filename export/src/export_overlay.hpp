#pragma once

// The export's furniture around the map, composed from render's shared components: the title
// band with the date stamp, the legend box, the caption (a slide's) and the credit footer, laid
// out for the full image before anything is drawn (private to export/). The bands come first
// (the map's view is fitted between them), the legend once the frame of that view is known.

#include "export/exporter.hpp"
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
          title_(options.title.empty() ? default_title(scene, options.view, state.date)
                                       : options.title),
          band_(font, title_, "Situation on " + state.date.long_text(), width_,
                title_metrics(scale_)) {
        const float s = scale_;
        const auto credit_size = static_cast<unsigned>(std::lround(11 * s));
        // The footer is the credit; without it a one-line licence credit stays, unless the
        // user asked for no credit at all.
        if (options.footer && options.credit) {
            // The image does not depend on its file's name: the same options, the same image.
            footer_.emplace(font,
                            credit_text(state.date, "the .sources.txt file beside this image"),
                            credit_size, width_, s);
        } else if (options.credit) {
            footer_.emplace(font, coastline_credit, credit_size, width_, s);
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
            legend_ = LegendBox(*font_, frame.legend, scale_, width_ * 0.6f);
            legend_items_ = frame.legend;
        }
    }

    float top_reserved() const { return band_.height(); }
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
        std::vector<ScreenRect> rects = {
            band_.rect(), {0, height_ - bottom_reserved(), width_, bottom_reserved()}};
        if (!legend_.empty()) {
            rects.push_back(legend_rect());
        }
        return rects;
    }

    void draw(sf::RenderTarget& target) const {
        const auto theme = FurnitureTheme::light();
        band_.draw(target, theme);
        if (!legend_.empty()) {
            legend_.draw(target, legend_rect());
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

    const sf::Font* font_;
    float scale_;
    float width_;
    float height_;
    std::string title_;
    TitleBand band_;
    std::optional<Footer> footer_;
    CaptionBand caption_;
    bool show_legend_ = true;
    LegendBox legend_;
    std::vector<LegendItem> legend_items_;
};

} // namespace kuril::detail
