// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The vector backend: replays what the GL path drew (vector_capture.hpp) with cairo into a PDF
// or SVG, polygons as paths at the level of detail of the image's pixel size, text as real
// text in the map's own font file (searchable, copyable), at the positions SFML gave it.

#include "render/vector_capture.hpp"

#include <filesystem>
#include <memory>
#include <optional>
#include <string>

namespace kuril {

enum class PageFormat { pdf, svg };

/// The vector format an output's name asks for (".pdf", ".svg", any case), if any.
std::optional<PageFormat> page_format_of(const std::filesystem::path& path);

/// A vector document written to a file (the caller's temporary file: see AtomicFile), page by
/// page (an SVG has one page). Sizes in points (1/72 inch).
class VectorDocument {
public:
    /// `font_file`: the map's font (find_map_font), the one SFML measured the text with.
    VectorDocument(PageFormat format, const std::filesystem::path& file, double width_pt,
                   double height_pt, const std::filesystem::path& font_file,
                   const std::string& title = {});
    ~VectorDocument();
    VectorDocument(const VectorDocument&) = delete;
    VectorDocument& operator=(const VectorDocument&) = delete;

    /// Draws a captured image of `width_px` x `height_px` pixels with its top left corner at
    /// (x_pt, y_pt), `pt_per_px` points per pixel, clipped to its area. `font` is the SFML font
    /// the capture's texts were laid out with (its advances place the glyphs).
    void draw(const VectorCapture& capture, const sf::Font& font, double width_px, double height_px,
              double x_pt, double y_pt, double pt_per_px);
    /// Draws UTF-8 text wrapped to `max_width_pt`, its top left at (x_pt, y_pt), `size_pt`
    /// points, laid out with `font` as the map's texts are (the same wrapping and advances).
    /// Returns its height in points.
    double text(const sf::Font& font, const std::string& utf8_text, unsigned size_pt, double x_pt,
                double y_pt, double max_width_pt, bool bold = false,
                sf::Color colour = sf::Color(30, 30, 30));
    /// The height `text` would take, in points, without drawing.
    static double text_height(const sf::Font& font, const std::string& utf8_text, unsigned size_pt,
                              double max_width_pt);
    /// Ends the page; the next draw starts a new one (PDF only).
    void next_page();
    /// Finishes the file; throws geo::InputError naming it when cairo could not write it.
    void finish();

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

} // namespace kuril
