// SPDX-License-Identifier: GPL-3.0-or-later
// Framebuffer functions (OpenGL 3.0) come straight from libGL, as Mesa exports them.
#define GL_GLEXT_PROTOTYPES 1

#include "export/readback.hpp"

#include "geo/error.hpp"

#include <GL/gl.h>
#include <GL/glext.h>
#include <cstring>
#include <string>

namespace kuril {

sf::RenderTexture& ExportCanvas::texture(const ExportLayout& layout) {
    if (!texture_ || width_ != layout.tile_width || height_ != layout.tile_height) {
        release_stencil();
        texture_.reset();
        auto texture = std::make_unique<sf::RenderTexture>();
        const auto w = static_cast<GLsizei>(layout.tile_width);
        const auto h = static_cast<GLsizei>(layout.tile_height);
        // Fills need a stencil buffer but no depth: SFML would attach a packed 32-bit
        // depth-stencil buffer; an 8-bit stencil-only one is a quarter of the memory to clear
        // and no read-modify-write of depth bits per stencil update.
        bool stencil_only =
            texture->create(layout.tile_width, layout.tile_height) && texture->setActive(true);
        if (stencil_only) {
            glGenRenderbuffers(1, &stencil_);
            glBindRenderbuffer(GL_RENDERBUFFER, stencil_);
            glRenderbufferStorage(GL_RENDERBUFFER, GL_STENCIL_INDEX8, w, h);
            glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_STENCIL_ATTACHMENT, GL_RENDERBUFFER,
                                      stencil_);
            GLint bits = 0;
            glGetIntegerv(GL_STENCIL_BITS, &bits);
            stencil_only =
                glCheckFramebufferStatus(GL_FRAMEBUFFER) == GL_FRAMEBUFFER_COMPLETE && bits == 8;
        }
        if (!stencil_only) {
            // The driver will not take it: let SFML attach its own depth-stencil buffer.
            if (stencil_ != 0) {
                glDeleteRenderbuffers(1, &stencil_);
                stencil_ = 0;
            }
            texture = std::make_unique<sf::RenderTexture>();
            sf::ContextSettings settings;
            settings.stencilBits = 8;
            if (!texture->create(layout.tile_width, layout.tile_height, settings)) {
                throw geo::InputError("cannot create a " + std::to_string(layout.tile_width) + "x" +
                                      std::to_string(layout.tile_height) +
                                      " render texture (too large for this OpenGL?)");
            }
        }
        texture_ = std::move(texture);
        width_ = layout.tile_width;
        height_ = layout.tile_height;
    }
    return *texture_;
}

ExportCanvas::ExportCanvas() = default;

ExportCanvas::~ExportCanvas() {
    release_stencil();
}

void ExportCanvas::release_stencil() {
    if (stencil_ != 0 && texture_ && texture_->setActive(true)) {
        glDeleteRenderbuffers(1, &stencil_);
    }
    stencil_ = 0;
}

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
