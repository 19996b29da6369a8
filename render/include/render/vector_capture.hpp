// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What the GL path draws, recorded as it draws it, for a vector backend (vector_output.hpp):
// the polygon sets filled and outlined, the screen-space shapes (lines, markers, furniture) and
// every text with its font size, style, halo and position. The backend replays the record with
// cairo, so the PDF or SVG shows what the PNG shows, decided once (by the MapFrame) and laid out
// once (labels placed with the GL path's own font metrics). Recording is off unless a
// VectorCapture is active on this thread; the draw calls then cost one test each.

#include "map/map_furniture.hpp"
#include "map/map_view.hpp"
#include "map/polygon_set.hpp"

#include <SFML/Graphics.hpp>
#include <variant>
#include <vector>

namespace kuril {

/// A polygon set filled (even-odd, at the level of detail of the view's scale) in one colour,
/// plain or with a pattern of diagonal bands (period and band width in pixels).
struct CapturedFill {
    std::vector<const PolygonSet*> sets;
    MapView view;
    sf::Color colour;
    float pattern_period = 0; ///< 0: a plain fill
    float pattern_width = 0;
    sf::Vector2f offset; ///< the view's pixels in the image (a compare image's right half)
};

/// A polygon set's outline (coast, lake shore), one pixel wide.
struct CapturedOutline {
    const PolygonSet* set = nullptr;
    MapView view;
    sf::Color colour;
    sf::Vector2f offset;
};

/// Triangles in image pixels (thick lines, markers, swatches), coloured per vertex.
struct CapturedTriangles {
    std::vector<sf::Vertex> vertices;
};

/// Line segments (pairs of vertices) one pixel wide, in image pixels.
struct CapturedLines {
    std::vector<sf::Vertex> vertices;
};

/// A rectangle with a border drawn outside it (sf::RectangleShape), in image pixels.
struct CapturedRect {
    sf::FloatRect rect;
    sf::Color fill;
    sf::Color border;
    float border_width = 0;
};

/// A text as SFML draws it: its string, size, style and colours, and the transform from the
/// text's own space (origin at the top left of its first line's em box) to image pixels.
struct CapturedText {
    sf::String string;
    unsigned size = 12;
    sf::Uint32 style = sf::Text::Regular;
    float letter_spacing = 1;
    float line_spacing = 1;
    sf::Color fill;
    sf::Color outline;
    float outline_thickness = 0;
    sf::Transform transform;
};

/// The inset locator: its frame, the world's land in it and the box of what the map shows.
struct CapturedInset {
    InsetLayout layout;
    geo::Box world;
    geo::Box shown;
    const PolygonSet* land = nullptr;
    sf::Vector2f offset;
};

/// From here on, drawing is cut to this rectangle of the image (a draw's area: one half of a
/// compare image), until the next clip.
struct CapturedClip {
    sf::FloatRect area;
};

using CapturedItem = std::variant<CapturedFill, CapturedOutline, CapturedTriangles, CapturedLines,
                                  CapturedRect, CapturedText, CapturedInset, CapturedClip>;

/// The record of one image's drawing, recording on this thread from start() to stop() (or its
/// destruction); one records at a time.
class VectorCapture {
public:
    VectorCapture() = default;
    ~VectorCapture();
    VectorCapture(const VectorCapture&) = delete;
    VectorCapture& operator=(const VectorCapture&) = delete;

    /// Starts recording (what was recorded before is dropped). Throws std::logic_error when
    /// another capture records on this thread.
    void start();
    /// Ends recording; what was recorded stays.
    void stop();
    const std::vector<CapturedItem>& items() const { return items_; }
    /// The recording one, if any, on this thread.
    static VectorCapture* active();
    /// Records an item drawn on `target` with its current view: a clip first when the view's
    /// area differs from the last item's.
    void add(CapturedItem item, const sf::RenderTarget& target);

private:
    std::vector<CapturedItem> items_;
    sf::FloatRect clip_;
    bool active_ = false;
};

/// The transform from a target's current view (its world coordinates) to its pixels.
sf::Transform view_to_pixels(const sf::RenderTarget& target);

/// Recording helpers: each does nothing unless a capture is recording. Positions are mapped
/// through the target's current view to its pixels (the image's, in a one-pass export).
void capture_fill(const std::vector<const PolygonSet*>& sets, const MapView& view, sf::Color colour,
                  float pattern_period, float pattern_width, const sf::RenderTarget& target);
void capture_outline(const PolygonSet& set, const MapView& view, sf::Color colour,
                     const sf::RenderTarget& target);
void capture_triangles(const sf::Vertex* vertices, std::size_t count,
                       const sf::RenderTarget& target);
void capture_lines(const sf::Vertex* vertices, std::size_t count, const sf::RenderTarget& target);
void capture_rect(const sf::RectangleShape& shape, const sf::RenderTarget& target);
void capture_text(const sf::Text& text, const sf::RenderTarget& target);
void capture_inset(const InsetLayout& layout, const geo::Box& world, const geo::Box& shown,
                   const PolygonSet& land, const sf::RenderTarget& target);

/// Draws on `target` and records what was drawn when a capture is recording: the way render/
/// draws vertices (sf::Triangles or sf::Lines), text and boxes, so that a PDF or SVG gets
/// everything the image gets.
void draw_recorded(sf::RenderTarget& target, const std::vector<sf::Vertex>& vertices,
                   sf::PrimitiveType type);
void draw_recorded(sf::RenderTarget& target, const sf::Text& text);
void draw_recorded(sf::RenderTarget& target, const sf::RectangleShape& shape);

} // namespace kuril
