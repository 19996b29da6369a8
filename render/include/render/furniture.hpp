// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Map furniture shared by the viewer, slides and exports (QGIS's map decorations): each piece
// has a pure layout, computed before anything is drawn (so label obstacles and hit tests use the
// same rectangles the drawing does), and a draw.

#include "i18n/translate.hpp"
#include "map/label_placer.hpp"
#include "map/map_frame.hpp"

#include <SFML/Graphics.hpp>
#include <string>
#include <vector>

namespace kuril {

/// Colours of the bands: light (screen, print) or the projector theme (dark bands, light ink).
struct FurnitureTheme {
    sf::Color band{255, 255, 255, 235};
    sf::Color ink{30, 30, 30};
    sf::Color stamp{30, 30, 30};
    sf::Color border{150, 150, 150};
    static FurnitureTheme light() { return {}; }
    static FurnitureTheme slide(bool projector);
};

/// Text wrapped to a width and measured with a font: what every band lays out.
class TextBlock {
public:
    TextBlock() = default;
    /// `bold`: measured as drawn in bold (wrapping does not allow for it).
    TextBlock(const sf::Font& font, const std::string& utf8_text, unsigned size, float max_width,
              bool bold = false);
    bool empty() const { return wrapped_.empty(); }
    const std::string& wrapped() const { return wrapped_; }
    unsigned size() const { return size_; }
    float width() const { return width_; }
    float height() const { return height_; } ///< to the bottom of the last line's glyphs
    void draw(sf::RenderTarget& target, float x, float y, sf::Color colour,
              bool bold = false) const;

private:
    const sf::Font* font_ = nullptr;
    std::string wrapped_;
    unsigned size_ = 12;
    float width_ = 0;
    float height_ = 0;
};

/// The title band across the top: the title on the left, a date stamp on the right.
class TitleBand {
public:
    struct Metrics {
        unsigned title_size = 28;
        unsigned stamp_size = 16;
        float title_wrap = 0; ///< wrap width for the title; 0: one line
        float min_height = 0; ///< the band is at least this high
        float pad_bottom = 0; ///< below the title's text
        float title_x = 12;   ///< title position in the band
        float title_y = 6;
        float stamp_right = 14; ///< stamp inset from the right edge
        float stamp_y = 14;
    };
    TitleBand(const sf::Font& font, const std::string& title, const std::string& stamp, float width,
              const Metrics& metrics);
    float height() const { return height_; }
    ScreenRect rect() const { return {0, 0, width_, height_}; }
    void draw(sf::RenderTarget& target, const FurnitureTheme& theme) const;

private:
    TextBlock title_;
    TextBlock stamp_;
    Metrics metrics_;
    float width_ = 0;
    float height_ = 0;
};

/// A caption band (a slide's text), readable from the back of a room.
class CaptionBand {
public:
    CaptionBand() = default;
    /// `size`: see slide_caption_size; padding in pixels above and below the text.
    CaptionBand(const sf::Font& font, const std::string& caption, unsigned size, float width,
                float pad_top, float pad_total, float min_height = 0);
    float height() const { return height_; }
    bool empty() const { return text_.empty(); }
    /// Draws the caption text with its top edge at `top` (the band's box is drawn by the
    /// composer, as a caption may share its box with a footer).
    void draw_text(sf::RenderTarget& target, float top, const FurnitureTheme& theme) const;

private:
    TextBlock text_;
    float width_ = 0;
    float pad_top_ = 0;
    float height_ = 0;
};

/// The credit at the foot of an image, in small print (wrapped to the width).
class Footer {
public:
    Footer() = default;
    /// `size` is raised to min_credit_size: smaller, punctuation fades out of the attribution.
    Footer(const sf::Font& font, std::string text, unsigned size, float width, float scale);
    float height() const { return height_; }
    const std::string& text() const { return text_; } ///< unwrapped
    const std::string& wrapped() const { return block_.wrapped(); }
    unsigned size() const { return block_.size(); }
    float text_width() const { return block_.width(); }
    void draw_text(sf::RenderTarget& target, float top, float scale) const;

private:
    std::string text_;
    TextBlock block_;
    float height_ = 0;
};

/// The smallest credit text, in pixels: below it the attribution's full stops and colons
/// (one pixel or less at 8 px) fade out of the image.
inline constexpr unsigned min_credit_size = 11;

/// GSHHG's attribution, which its licence asks for, punctuation intact, and the country
/// borders' source (DCW as packaged for GMT): every image keeps it unless the user asks for no
/// credit at all.
inline constexpr const char* coastline_credit = i18n::N_(
    "Coastlines: GSHHG 2.3.7 © P. Wessel & W. H. F. Smith, LGPL-3; borders: DCW-GMT, LGPL-3");

/// The footer's credit, one or two lines: the coastline attribution, what "approx." means, the
/// date shown and where the sources are listed, e.g. "... — approx. = constructed line —
/// Situation on 19 October 1956 — Sources: see map.sources.txt".
/// In the interface language `lang` ("en", "ja", "ru").
std::string credit_text(geo::Date date, const std::string& where_sources_are,
                        std::string_view lang = "en");
/// The same with what is shown said in words ("Situation on 19 October 1956", or a compare
/// image's two dates).
std::string credit_text_for(const std::string& situation, const std::string& where_sources_are,
                            std::string_view lang = "en");

/// The legend box: a heading and one row per item with its swatch.
class LegendBox {
public:
    LegendBox() = default;
    /// `lang`: the interface language of the heading.
    LegendBox(const sf::Font& font, std::vector<LegendItem> items, float scale, float max_width,
              std::string_view lang = "en");
    bool empty() const { return items_.empty(); }
    float width() const { return width_; }
    float height() const { return height_; }
    /// Placed with its bottom-right corner `margin` above and left of (right, bottom).
    ScreenRect place(float right, float bottom, float margin) const;
    void draw(sf::RenderTarget& target, const ScreenRect& rect) const;

private:
    const sf::Font* font_ = nullptr;
    std::vector<LegendItem> items_;
    std::vector<std::string> wrapped_; ///< each item's label, wrapped to the box
    std::vector<float> extra_;         ///< each item's height beyond one row (wrapped lines)
    std::string heading_ = "Legend";
    float scale_ = 1;
    unsigned size_ = 13;
    float row_ = 20;
    float width_ = 0;
    float height_ = 0;
};

/// One rule for the text of slides, on screen and in handouts: captions at least 3.4% of the
/// height (readable from the back of a room), titles at least 4.8%.
unsigned slide_caption_size(float height, float scale);
unsigned slide_title_size(float height, float scale);

/// A filled box with a one-pixel border.
void draw_band(sf::RenderTarget& target, sf::FloatRect rect, sf::Color fill, sf::Color border);

} // namespace kuril
