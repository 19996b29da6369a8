// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "imageio/pixel_buffer.hpp"

#include <cstddef>

namespace kuril {

/// Where an image goes band by band (PNG, GeoTIFF): rows of RGBA pixels in, a file out when
/// committed, nothing left behind otherwise. The sink owns the buffers' lifecycle: the caller
/// asks it for a buffer, fills it and hands it back with write_rows().
class RowSink {
public:
    virtual ~RowSink() = default;

    /// Whether bands may be handed over in any order; otherwise top to bottom.
    virtual bool takes_any_order() const = 0;
    /// Rows will come in buffers of `bytes` bytes: the sink may make them ready now, while the
    /// caller draws the first rows.
    virtual void prepare_buffers(std::size_t bytes) = 0;
    /// A buffer of at least `bytes` bytes for the next rows (may wait until the sink has room).
    virtual PixelBuffer spare_buffer(std::size_t bytes) = 0;
    /// `rows` rows of RGBA pixels (alpha dropped) from `first_row` on, `width * 4` bytes each,
    /// stored top to bottom or, with `bottom_up` (OpenGL's order), bottom to top.
    virtual void write_rows(unsigned first_row, PixelBuffer rgba, unsigned rows,
                            bool bottom_up) = 0;
    /// Finishes the file and syncs it to disk under its temporary name: what can fail (a full
    /// disk) fails here, before any output of an export is renamed into place.
    virtual void finish() = 0;
    /// Finishes the file (if not done yet) and puts it in place.
    virtual void commit() = 0;
};

} // namespace kuril
