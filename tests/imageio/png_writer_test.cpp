// SPDX-License-Identifier: GPL-3.0-or-later
// The PNG writer: images handed over in bands, in either row order, compressed on worker
// threads in independent segments, must decode exactly; failures leave no file behind.
#include "geo/error.hpp"
#include "imageio/png_writer.hpp"
#include "test_paths.hpp"

#include <algorithm>
#include <cstring>
#include <doctest/doctest.h>
#include <png.h>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

/// A pattern with runs, gradients and noise, so that segments really differ.
std::uint8_t channel(unsigned x, unsigned y, unsigned c) {
    if ((x / 37 + y / 23) % 3 == 0) {
        return static_cast<std::uint8_t>(40 + 70 * c); // flat areas, like sea and land
    }
    return static_cast<std::uint8_t>((x * 7 + y * 13 + c * 101 + (x * y) % 17) & 0xFF);
}

/// Writes a width x height image in bands of `band` rows.
void write_image(const fs::path& path, unsigned width, unsigned height, unsigned band,
                 bool bottom_up, const kuril::PngText& text = {}, bool reversed = false) {
    kuril::PngWriter writer(path, width, height, text);
    writer.prepare_buffers(std::size_t{width} * band * 4); // as an export does
    std::vector<unsigned> tops;
    for (unsigned top = 0; top < height; top += band) {
        tops.push_back(top);
    }
    if (reversed) {
        std::reverse(tops.begin(), tops.end());
    }
    for (const unsigned top : tops) {
        const unsigned rows = std::min(band, height - top);
        kuril::PixelBuffer pixels = writer.spare_buffer(std::size_t{width} * rows * 4);
        for (unsigned r = 0; r < rows; ++r) {
            const unsigned stored = bottom_up ? rows - 1 - r : r;
            std::uint8_t* row = pixels.data() + std::size_t{stored} * width * 4;
            for (unsigned x = 0; x < width; ++x) {
                for (unsigned c = 0; c < 3; ++c) {
                    row[x * 4 + c] = channel(x, top + r, c);
                }
                row[x * 4 + 3] = 255;
            }
        }
        writer.write_rows(top, std::move(pixels), rows, bottom_up);
    }
    writer.commit();
}

/// Decodes with libpng and counts pixels that differ from the pattern (-1: does not decode).
long differences(const fs::path& path, unsigned width, unsigned height) {
    png_image image{};
    image.version = PNG_IMAGE_VERSION;
    if (png_image_begin_read_from_file(&image, path.c_str()) == 0) {
        return -1;
    }
    image.format = PNG_FORMAT_RGB;
    std::vector<std::uint8_t> pixels(PNG_IMAGE_SIZE(image));
    if (png_image_finish_read(&image, nullptr, pixels.data(), 0, nullptr) == 0 ||
        image.width != width || image.height != height) {
        png_image_free(&image);
        return -1;
    }
    long different = 0;
    for (unsigned y = 0; y < height; ++y) {
        for (unsigned x = 0; x < width; ++x) {
            for (unsigned c = 0; c < 3; ++c) {
                different += pixels[(std::size_t{y} * width + x) * 3 + c] != channel(x, y, c);
            }
        }
    }
    return different;
}

/// The text chunks of a PNG, read with libpng's full API.
kuril::PngText text_chunks(const fs::path& path) {
    kuril::PngText result;
    std::FILE* file = std::fopen(path.c_str(), "rb");
    REQUIRE(file != nullptr);
    png_structp png = png_create_read_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
    png_infop info = png_create_info_struct(png);
    if (setjmp(png_jmpbuf(png)) == 0) {
        png_init_io(png, file);
        png_read_info(png, info);
        png_textp text = nullptr;
        const int count = png_get_text(png, info, &text, nullptr);
        for (int i = 0; i < count; ++i) {
            result.emplace_back(text[i].key, std::string(text[i].text, text[i].itxt_length));
        }
    }
    png_destroy_read_struct(&png, &info, nullptr);
    std::fclose(file);
    return result;
}

} // namespace

TEST_CASE("[viewer] png: bands in either row order decode to exactly the pixels written") {
    const fs::path dir = test_paths::scratch("png_bands");
    for (const bool bottom_up : {false, true}) {
        for (const unsigned band : {1u, 7u, 64u, 300u}) {
            CAPTURE(bottom_up);
            CAPTURE(band);
            const fs::path path = dir / ("map-" + std::to_string(band) + ".png");
            write_image(path, 257, 300, band, bottom_up);
            CHECK(differences(path, 257, 300) == 0);
        }
    }
    // Bands handed over bottom first: the stream is still assembled top to bottom.
    write_image(dir / "reversed.png", 257, 300, 64, true, {}, true);
    CHECK(differences(dir / "reversed.png", 257, 300) == 0);
    // One pixel, and an image wider than the deflate window.
    write_image(dir / "dot.png", 1, 1, 1, false);
    CHECK(differences(dir / "dot.png", 1, 1) == 0);
    write_image(dir / "wide.png", 20000, 3, 2, true);
    CHECK(differences(dir / "wide.png", 20000, 3) == 0);
}

TEST_CASE("[viewer] png: title and sources go into UTF-8 text chunks") {
    const fs::path dir = test_paths::scratch("png_text");
    write_image(dir / "map.png", 16, 16, 16, false,
                {{"Title", "Etorofu / Iturup / 択捉島 / Итуруп"}, {"Software", "Kuril Atlas"}});
    const auto text = text_chunks(dir / "map.png");
    REQUIRE(text.size() == 2);
    CHECK(text[0].first == "Title");
    CHECK(text[0].second == "Etorofu / Iturup / 択捉島 / Итуруп");
    CHECK(text[1].second == "Kuril Atlas");
}

TEST_CASE("[viewer] png: an unfinished image is refused and leaves no file") {
    const fs::path dir = test_paths::scratch("png_unfinished");
    {
        kuril::PngWriter writer(dir / "map.png", 10, 10);
        writer.write_rows(0, writer.spare_buffer(10 * 4 * 4), 4, false);
        CHECK_THROWS_WITH_AS(
            writer.commit(),
            ("internal: " + (dir / "map.png").string() + ": 4 of 10 rows written").c_str(),
            geo::InternalError);
        // Overlapping rows already handed over, or running past the last row.
        CHECK_THROWS_WITH_AS(
            writer.write_rows(2, writer.spare_buffer(10 * 4 * 3), 3, false),
            ("internal: " + (dir / "map.png").string() + ": rows 2 to 4 do not fit the image")
                .c_str(),
            geo::InternalError);
        CHECK_THROWS_WITH_AS(
            writer.write_rows(8, writer.spare_buffer(10 * 4 * 3), 3, false),
            ("internal: " + (dir / "map.png").string() + ": rows 8 to 10 do not fit the image")
                .c_str(),
            geo::InternalError);
    }
    CHECK(fs::is_empty(dir));
    {
        // Abandoned half way (an error while drawing): the temporary file goes too.
        kuril::PngWriter writer(dir / "map.png", 10, 10);
        writer.write_rows(5, writer.spare_buffer(10 * 4 * 5), 5, false);
    }
    CHECK(fs::is_empty(dir));
}
