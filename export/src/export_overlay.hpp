#pragma once

// The export's title band, legend box, date stamp, caption and footer (private to export/).

#include "export/exporter.hpp"
#include "map/label_placer.hpp"
#include "render/legend.hpp"
#include "render/style.hpp"
#include "render/text.hpp"

#include <SFML/Graphics.hpp>
#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

namespace kuril::detail {

/// The title band, legend, date stamp and footer, laid out for the full image.
class ExportOverlay {
public:
    ExportOverlay(const MapScene& scene, const sf::Font& font, const ExportOptions& options,
                  const MapState& state, unsigned width, unsigned height)
        : font_(font), state_(state), width_(static_cast<float>(width)),
          height_(static_cast<float>(height)) {
        const float s = static_cast<float>(state.ui_scale);
        title_ =
            options.title.empty() ? default_title(scene, options.view, state.date) : options.title;
        title_size_ = static_cast<unsigned>(std::lround(28 * s));
        title_height_ = 48 * s;
        // What is shown, decided once: the legend and the sources do not depend on the view.
        const MapFrame frame = build_frame(scene, state, MapView(scene.world, width, height));
        if (options.legend) {
            legend_ = frame.legend;
        }
        if (options.footer) {
            std::string text = "Coastlines: GSHHG 2.3.7 © P. Wessel & W. H. F. Smith, LGPL-3. "
                               "Lines marked approx. are constructions, not official lines; "
                               "claims are shown as claims. Made with Kuril Atlas. Sources: ";
            const auto& ids = frame.sources;
            for (std::size_t i = 0; i < ids.size(); ++i) {
                const auto* source = scene.atlas->annotations.source(ids[i]);
                text += (i > 0 ? "; " : "") + ids[i];
                if (source != nullptr) {
                    text += " — " + source->title + " (" + source->publisher + ")";
                }
            }
            if (ids.empty()) {
                text += "none for the layers shown.";
            }
            footer_size_ = static_cast<unsigned>(std::lround(11 * s));
            footer_ = wrap_text(text, font_, footer_size_, width_ - 24 * s);
            footer_text_ = text;
            sf::Text measure(utf8(footer_), font_, footer_size_);
            footer_height_ =
                measure.getLocalBounds().height + measure.getLocalBounds().top + 16 * s;
        }
        if (!options.caption.empty()) {
            caption_size_ = static_cast<unsigned>(std::lround(std::max(20 * s, 0.034f * height_)));
            caption_ = wrap_text(options.caption, font_, caption_size_, width_ * 0.9f);
            sf::Text measure(utf8(caption_), font_, caption_size_);
            caption_height_ =
                measure.getLocalBounds().height + measure.getLocalBounds().top + 24 * s;
            footer_height_ += caption_height_;
        }
        legend_size_ = static_cast<unsigned>(std::lround(13 * s));
        row_ = 20 * s;
        legend_width_ = 0;
        for (const auto& entry : legend_) {
            sf::Text t(utf8(entry.label), font_, legend_size_);
            legend_width_ = std::max(legend_width_, t.getLocalBounds().width + 60 * s);
        }
        legend_width_ = std::min(legend_width_, width_ * 0.6f);
        legend_height_ =
            legend_.empty() ? 0 : (static_cast<float>(legend_.size()) + 1) * row_ + 14 * s;
    }

    float top_reserved() const { return title_height_; }
    const std::string& title() const { return title_; }
    const std::string& footer_text() const { return footer_text_; }
    float bottom_reserved() const { return footer_height_; }

    std::vector<ScreenRect> obstacles() const {
        std::vector<ScreenRect> rects = {{0, 0, width_, title_height_},
                                         {0, height_ - footer_height_, width_, footer_height_}};
        if (!legend_.empty()) {
            rects.push_back(legend_rect());
        }
        return rects;
    }

    void draw(sf::RenderTarget& target) {
        const float s = static_cast<float>(state_.ui_scale);
        // Title band with the date stamp on the right.
        box(target, {0, 0, width_, title_height_}, sf::Color(255, 255, 255, 235));
        sf::Text title(utf8(title_), font_, title_size_);
        title.setStyle(sf::Text::Bold);
        title.setFillColor(style::text);
        title.setPosition(std::round(12 * s), std::round(6 * s));
        target.draw(title);
        sf::Text stamp(utf8("Situation on " + state_.date.long_text()), font_,
                       static_cast<unsigned>(std::lround(16 * s)));
        stamp.setFillColor(style::text);
        const auto sb = stamp.getLocalBounds();
        stamp.setPosition(std::round(width_ - sb.width - 14 * s), std::round(14 * s));
        target.draw(stamp);
        if (!legend_.empty()) {
            draw_legend(target);
        }
        if (footer_height_ > 0) {
            box(target, {0, height_ - footer_height_, width_, footer_height_},
                sf::Color(255, 255, 255, 235));
            if (caption_height_ > 0) {
                sf::Text caption(utf8(caption_), font_, caption_size_);
                caption.setFillColor(style::text);
                caption.setPosition(std::round(width_ * 0.05f),
                                    std::round(height_ - footer_height_ + 8 * s));
                target.draw(caption);
            }
            sf::Text footer(utf8(footer_), font_, footer_size_);
            footer.setFillColor(sf::Color(60, 60, 60));
            footer.setPosition(std::round(12 * s),
                               std::round(height_ - footer_height_ + caption_height_ + 6 * s));
            target.draw(footer);
        }
    }

private:
    ScreenRect legend_rect() const {
        const float s = static_cast<float>(state_.ui_scale);
        return {width_ - legend_width_ - 12 * s, height_ - footer_height_ - legend_height_ - 12 * s,
                legend_width_, legend_height_};
    }

    static void box(sf::RenderTarget& target, sf::FloatRect rect, sf::Color fill) {
        sf::RectangleShape shape({rect.width, rect.height});
        shape.setPosition(rect.left, rect.top);
        shape.setFillColor(fill);
        shape.setOutlineColor(style::panel_border);
        shape.setOutlineThickness(1);
        target.draw(shape);
    }

    void draw_legend(sf::RenderTarget& target) {
        const float s = static_cast<float>(state_.ui_scale);
        const ScreenRect r = legend_rect();
        const auto left = static_cast<float>(r.left);
        const auto top = static_cast<float>(r.top);
        box(target, {left, top, static_cast<float>(r.width), static_cast<float>(r.height)},
            sf::Color(255, 255, 255, 235));
        sf::Text heading("Legend", font_, legend_size_);
        heading.setStyle(sf::Text::Bold);
        heading.setFillColor(style::text);
        heading.setPosition(std::round(left + 8 * s), std::round(top + 6 * s));
        target.draw(heading);
        float y = top + 6 * s;
        for (const auto& entry : legend_) {
            y += row_;
            const sf::FloatRect swatch{left + 10 * s, y + 2 * s, 30 * s, 14 * s};
            draw_legend_swatch(target, entry, swatch, s);
            sf::Text label(utf8(entry.label), font_, legend_size_);
            label.setFillColor(style::text);
            label.setPosition(std::round(left + 48 * s), std::round(y));
            target.draw(label);
        }
    }

    const sf::Font& font_;
    const MapState& state_;
    float width_;
    float height_;
    std::string title_;
    unsigned title_size_ = 28;
    float title_height_ = 0;
    std::vector<LegendItem> legend_;
    unsigned legend_size_ = 13;
    float row_ = 20;
    float legend_width_ = 0;
    float legend_height_ = 0;
    std::string footer_;
    std::string footer_text_; ///< unwrapped
    unsigned footer_size_ = 11;
    float footer_height_ = 0;
    std::string caption_;
    unsigned caption_size_ = 20;
    float caption_height_ = 0;
};

} // namespace kuril::detail
