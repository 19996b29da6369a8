// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "imageio/row_sink.hpp"

#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace kuril {

/// Keywords and UTF-8 text stored in the PNG's iTXt chunks (Title, Software, Copyright...).
using PngText = std::vector<std::pair<std::string, std::string>>;

/// Writes an RGB PNG into an AtomicFile: commit() puts it in place, and a writer destroyed
/// without commit() leaves nothing, so a failed export never leaves a partial image.
///
/// libpng writes the file (signature, IHDR, iTXt, IDAT, IEND chunks and their CRCs). The image
/// data is one zlib stream at fast settings (no row filter, level 1 of ISA-L's igzip, a
/// deflate encoder several times faster than zlib's for the same size) made of independent
/// segments (deflate_segment) that worker threads deflate while the caller renders the next
/// rows; the stream's Adler-32 is combined from the segments' checksums.
class PngWriter final : public RowSink {
public:
    /// `dpi` > 0: recorded in a pHYs chunk (pixels per metre), as printers and editors read it.
    PngWriter(const std::filesystem::path& target, unsigned width, unsigned height,
              const PngText& text = {}, double dpi = 0);
    ~PngWriter() override;
    PngWriter(const PngWriter&) = delete;
    PngWriter& operator=(const PngWriter&) = delete;

    /// Hands over `rows` rows of RGBA pixels (alpha dropped) from `first_row` on, `width * 4`
    /// bytes each, stored top to bottom or, with `bottom_up` (OpenGL's order), bottom to top.
    /// Bands may come in any order (the costliest first, say). Returns at once; the rows are
    /// converted and compressed on worker threads. Throws geo::InternalError for rows that
    /// overlap rows already handed over or lie outside the image.
    void write_rows(unsigned first_row, PixelBuffer rgba, unsigned rows, bool bottom_up) override;
    /// Bands in any order.
    bool takes_any_order() const override { return true; }
    /// Has the workers make two buffers of `bytes` bytes for spare_buffer() now (one to fill,
    /// one being compressed), touching their memory while the caller draws the first rows (so
    /// that reading rows back into them does not stop for page faults).
    void prepare_buffers(std::size_t bytes) override;
    /// A buffer of at least `bytes` bytes for the next rows: one the workers are done with or
    /// have prepared, or a new one. Waits while the workers hold two bands (bounds the memory
    /// used).
    PixelBuffer spare_buffer(std::size_t bytes) override;
    /// Waits for the workers, writes the image data and the end of the file, flushes it to
    /// disk and renames it into place. Throws geo::InternalError when rows are missing or a
    /// compression thread failed, geo::InputError when the disk refuses.
    void finish() override;
    void commit() override;

private:
    struct State;
    std::unique_ptr<State> state_;
};

} // namespace kuril
