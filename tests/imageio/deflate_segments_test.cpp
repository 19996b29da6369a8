// SPDX-License-Identifier: GPL-3.0-or-later
// Segments deflated on their own, put end to end behind a zlib header with the combined
// Adler-32, must inflate (with zlib) to exactly the rows given.
#include "imageio/deflate_segments.hpp"

#include <doctest/doctest.h>
#include <string>
#include <vector>
#include <zlib.h>

namespace {

/// Rows with runs and noise, so that segments really compress and differ.
std::vector<std::uint8_t> pattern(unsigned rows, std::size_t row_bytes) {
    std::vector<std::uint8_t> bytes(rows * row_bytes);
    std::uint32_t noise = 12345;
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        noise = noise * 1103515245u + 12345u;
        bytes[i] = (i / 61) % 3 == 0 ? std::uint8_t{40} : static_cast<std::uint8_t>(noise >> 24);
    }
    return bytes;
}

/// The zlib stream of `segments` cut at `cuts` (first rows), deflated in order.
std::vector<std::uint8_t> zlib_stream(const std::vector<std::uint8_t>& rows_data,
                                      std::size_t row_bytes, const std::vector<unsigned>& cuts,
                                      unsigned rows) {
    kuril::DeflateScratch scratch;
    std::vector<std::uint8_t> stream = {0x78, 0x01};
    uLong adler = adler32(0, nullptr, 0);
    for (std::size_t i = 0; i < cuts.size(); ++i) {
        const unsigned first = cuts[i];
        const unsigned end = i + 1 < cuts.size() ? cuts[i + 1] : rows;
        const auto segment = kuril::deflate_segment(
            end - first, row_bytes,
            [&](unsigned index, std::uint8_t* out) {
                std::copy_n(rows_data.data() + (first + index) * row_bytes, row_bytes, out);
            },
            i + 1 == cuts.size(), scratch);
        CHECK(segment.length == (end - first) * row_bytes);
        CHECK(segment.adler == adler32(1, rows_data.data() + first * row_bytes,
                                       static_cast<uInt>((end - first) * row_bytes)));
        stream.insert(stream.end(), segment.bytes.begin(), segment.bytes.end());
        adler = adler32_combine(adler, segment.adler, static_cast<z_off_t>(segment.length));
    }
    for (const int shift : {24, 16, 8, 0}) {
        stream.push_back(static_cast<std::uint8_t>(adler >> shift));
    }
    return stream;
}

} // namespace

TEST_CASE("[imageio] deflate segments: concatenated, they inflate to the rows given") {
    const std::size_t row_bytes = 3 * 1000 + 1;
    const unsigned rows = 400;
    const auto data = pattern(rows, row_bytes);
    for (const auto& cuts :
         std::vector<std::vector<unsigned>>{{0}, {0, 1}, {0, 100, 200, 300}, {0, 7, 8, 250, 399}}) {
        CAPTURE(cuts.size());
        const auto stream = zlib_stream(data, row_bytes, cuts, rows);
        std::vector<std::uint8_t> inflated(data.size() + 16);
        uLongf size = static_cast<uLongf>(inflated.size());
        // uncompress checks the header and the Adler-32 trailer as well as the data.
        REQUIRE(uncompress(inflated.data(), &size, stream.data(),
                           static_cast<uLong>(stream.size())) == Z_OK);
        CHECK(size == data.size());
        inflated.resize(size);
        CHECK(inflated == data);
        CHECK(stream.size() < data.size()); // it did compress
    }
}

TEST_CASE("[imageio] deflate segments: rows larger than the fill chunk, and one byte rows") {
    for (const std::size_t row_bytes : {std::size_t{1}, std::size_t{300001}}) {
        CAPTURE(row_bytes);
        const unsigned rows = row_bytes == 1 ? 3 : 2;
        const auto data = pattern(rows, row_bytes);
        const auto stream = zlib_stream(data, row_bytes, {0, 1}, rows);
        std::vector<std::uint8_t> inflated(data.size());
        uLongf size = static_cast<uLongf>(inflated.size());
        REQUIRE(uncompress(inflated.data(), &size, stream.data(),
                           static_cast<uLong>(stream.size())) == Z_OK);
        CHECK(inflated == data);
    }
}
