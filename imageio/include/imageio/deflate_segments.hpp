// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <vector>

namespace kuril {

/// One piece of a zlib stream cut into independently deflated segments, the way pigz splits
/// a stream: raw deflate data that ends on a byte boundary (a sync flush) unless it ends the
/// stream (a final block), with the Adler-32 and length of the bytes it holds, so that the
/// stream's checksum can be combined from the segments' (zlib's adler32_combine).
struct DeflatedSegment {
    std::vector<std::uint8_t> bytes;
    std::uint32_t adler = 1;  ///< Adler-32 of the uncompressed bytes
    std::uint64_t length = 0; ///< uncompressed bytes
};

/// Buffers a worker keeps from one segment to the next.
struct DeflateScratch {
    std::vector<std::uint8_t> rows;   ///< a few rows, filled just before igzip reads them
    std::vector<std::uint8_t> output; ///< grows to the largest segment
    std::vector<std::uint8_t> level;  ///< igzip's level 1 state
};

/// Writes row `index` (0 to rows - 1) of a segment into `out`, `row_bytes` bytes.
using RowFiller = std::function<void(unsigned index, std::uint8_t* out)>;

/// Deflates `rows` rows of `row_bytes` bytes each, filled a few at a time (so they are still
/// in the cache when read) by `fill`, with ISA-L's igzip at level 1. With `last`, the segment
/// ends the stream. Throws geo::InternalError when igzip fails.
DeflatedSegment deflate_segment(unsigned rows, std::size_t row_bytes, const RowFiller& fill,
                                bool last, DeflateScratch& scratch);

} // namespace kuril
