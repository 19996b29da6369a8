// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The off-screen render target exports draw on, and reading what was drawn back into rows.

#include "export/export_plan.hpp"
#include "imageio/pixel_buffer.hpp"

#include <SFML/Graphics/RenderTexture.hpp>
#include <memory>

namespace kuril {

/// The off-screen render target exports draw on, kept between exports of one size (tour
/// handouts) and created ahead of the data when the size is known (the CLI creates it while
/// the data loads on another core).
class ExportCanvas {
public:
    ExportCanvas();
    ~ExportCanvas();
    ExportCanvas(const ExportCanvas&) = delete;
    ExportCanvas& operator=(const ExportCanvas&) = delete;
    /// The render texture (colour only) for `layout`, created on first use.
    sf::RenderTexture& texture(const ExportLayout& layout);

private:
    std::unique_ptr<sf::RenderTexture> texture_;
    unsigned width_ = 0;
    unsigned height_ = 0;
};

/// Ends drawing on `texture` and waits until OpenGL is done, so that reading back does not
/// wait (and a profile tells drawing from reading).
void finish_drawing(sf::RenderTexture& texture);

/// Reads tiles just drawn (the top left `tile_width` x `rows` of the active render texture,
/// whose height is `texture_height`) into a band of the image `image_width` pixels wide.
class BandReader {
public:
    /// A tile as wide as the image is read straight into `band`, bottom row first (OpenGL's
    /// order): returns true. A narrower tile is read aside and copied in at column `x`, top row
    /// first: returns false.
    bool read(unsigned texture_height, unsigned x, unsigned tile_width, unsigned rows,
              unsigned image_width, PixelBuffer& band);

private:
    PixelBuffer tile_;
};

} // namespace kuril
