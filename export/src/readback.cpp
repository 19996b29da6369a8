// SPDX-License-Identifier: GPL-3.0-or-later
// Framebuffer functions (OpenGL 3.0) come straight from libGL, as Mesa exports them.
#define GL_GLEXT_PROTOTYPES 1

#include "export/readback.hpp"

#include "geo/error.hpp"
#include "i18n/translate.hpp"

#include <GL/gl.h>
#include <GL/glext.h>
#include <cstring>
#include <string>

using i18n::N_;

namespace kuril {

sf::RenderTexture& ExportCanvas::texture(const ExportLayout& layout) {
    if (!texture_ || width_ != layout.tile_width || height_ != layout.tile_height) {
        texture_.reset();
        // Colour only: fills are triangulated (one pass, no stencil) and nothing uses depth,
        // so there is no depth or stencil buffer to allocate and clear.
        auto texture = std::make_unique<sf::RenderTexture>();
        if (!texture->create(layout.tile_width, layout.tile_height)) {
            throw geo::InputError(
                N_("cannot create a {width}x{height} render texture (too large for this OpenGL?)"),
                {{"width", std::to_string(layout.tile_width)},
                 {"height", std::to_string(layout.tile_height)}});
        }
        texture_ = std::move(texture);
        width_ = layout.tile_width;
        height_ = layout.tile_height;
    }
    return *texture_;
}

ExportCanvas::ExportCanvas() = default;

ExportCanvas::~ExportCanvas() = default;

void finish_drawing(sf::RenderTexture& texture) {
    texture.display();
    texture.setActive(true);
    glFinish();
}

bool BandReader::read(unsigned texture_height, unsigned x, unsigned tile_width, unsigned rows,
                      unsigned image_width, PixelBuffer& band) {
    // OpenGL counts rows from the bottom: the top `rows` rows start there.
    const auto first_gl_row = static_cast<GLint>(texture_height - rows);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    if (tile_width == image_width) {
        glReadPixels(0, first_gl_row, static_cast<GLsizei>(tile_width), static_cast<GLsizei>(rows),
                     GL_RGBA, GL_UNSIGNED_BYTE, band.data());
        return true;
    }
    const std::size_t tile_bytes = static_cast<std::size_t>(tile_width) * rows * 4;
    if (tile_.size() < tile_bytes) {
        tile_ = PixelBuffer(tile_bytes);
    }
    glReadPixels(0, first_gl_row, static_cast<GLsizei>(tile_width), static_cast<GLsizei>(rows),
                 GL_RGBA, GL_UNSIGNED_BYTE, tile_.data());
    for (unsigned row = 0; row < rows; ++row) {
        const std::uint8_t* from =
            tile_.data() + static_cast<std::size_t>(rows - 1 - row) * tile_width * 4;
        std::uint8_t* to = band.data() + (static_cast<std::size_t>(row) * image_width + x) * 4;
        std::memcpy(to, from, static_cast<std::size_t>(tile_width) * 4);
    }
    return false;
}

} // namespace kuril
