// SPDX-License-Identifier: GPL-3.0-or-later
#include "imageio/deflate_segments.hpp"

#include "geo/error.hpp"

#include <algorithm>
#include <isa-l/igzip_lib.h>
#include <string>

namespace kuril {
namespace {

/// Feeds `size` bytes to a raw deflate stream of ISA-L's igzip, appending its output to `out`
/// from `used` on (growing it as needed). With `sync`, the segment ends on a byte boundary
/// without a final block (zlib's Z_SYNC_FLUSH), so that the next segment can follow; with
/// `end`, it ends the whole stream with a final block.
void deflate_into(isal_zstream& z, const std::uint8_t* data, std::size_t size, bool sync, bool end,
                  std::vector<std::uint8_t>& out, std::size_t& used) {
    z.next_in = const_cast<std::uint8_t*>(data);
    z.avail_in = static_cast<std::uint32_t>(size);
    z.flush = sync ? SYNC_FLUSH : NO_FLUSH;
    z.end_of_stream = end ? 1 : 0;
    while (true) {
        if (out.size() - used < (64 << 10)) {
            out.resize(std::max<std::size_t>(out.size() * 2, used + (std::size_t{1} << 20)));
        }
        z.next_out = out.data() + used;
        z.avail_out = static_cast<std::uint32_t>(out.size() - used);
        const std::uint32_t before = z.avail_in;
        const int result = isal_deflate(&z);
        const bool wrote = out.size() - z.avail_out > used;
        used = out.size() - z.avail_out;
        if (result != COMP_OK) {
            throw geo::InternalError("igzip failed to deflate the image (error " +
                                     std::to_string(result) + ")");
        }
        // igzip returns when its input is used up or its output is full; a flush or the end
        // is complete once a call leaves room in the output.
        const bool done = end    ? z.internal_state.state == ZSTATE_END
                          : sync ? z.avail_in == 0 && z.avail_out > 0
                                 : z.avail_in == 0;
        if (done) {
            return;
        }
        if (z.avail_out > 0 && z.avail_in == before && !wrote) {
            throw geo::InternalError("igzip made no progress deflating the image"); // never spin
        }
    }
}

} // namespace

DeflatedSegment deflate_segment(unsigned rows, std::size_t row_bytes, const RowFiller& fill,
                                bool last, DeflateScratch& scratch) {
    const std::size_t chunk_rows = std::max<std::size_t>(1, (256 << 10) / row_bytes);
    if (scratch.rows.size() < row_bytes * chunk_rows) {
        scratch.rows.resize(row_bytes * chunk_rows);
    }
    if (scratch.level.size() < ISAL_DEF_LVL1_DEFAULT) {
        scratch.level.resize(ISAL_DEF_LVL1_DEFAULT);
    }
    isal_zstream z;
    isal_deflate_init(&z);
    z.level = 1;
    z.level_buf = scratch.level.data();
    z.level_buf_size = static_cast<std::uint32_t>(scratch.level.size());
    z.gzip_flag = IGZIP_DEFLATE; // raw deflate: the zlib wrapper is the caller's
    std::size_t used = 0;
    DeflatedSegment segment;
    std::uint32_t adler = 1;
    for (unsigned done = 0; done < rows;) {
        const auto count = static_cast<unsigned>(std::min<std::size_t>(chunk_rows, rows - done));
        for (unsigned r = 0; r < count; ++r) {
            fill(done + r, scratch.rows.data() + r * row_bytes);
        }
        done += count;
        const std::size_t bytes = count * row_bytes;
        adler = isal_adler32(adler, scratch.rows.data(), bytes);
        const bool segment_done = done == rows;
        deflate_into(z, scratch.rows.data(), bytes, segment_done && !last, segment_done && last,
                     scratch.output, used);
    }
    if (rows == 0 && last) {
        deflate_into(z, nullptr, 0, false, true, scratch.output, used);
    }
    segment.bytes.assign(scratch.output.begin(),
                         scratch.output.begin() + static_cast<std::ptrdiff_t>(used));
    segment.adler = adler;
    segment.length = static_cast<std::uint64_t>(rows) * row_bytes;
    return segment;
}

} // namespace kuril
