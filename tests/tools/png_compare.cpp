// SPDX-License-Identifier: GPL-3.0-or-later
// Compares a rendered image with its reference, in the manner of MapLibre's render tests: a
// pixel differs when any channel (RGBA) differs by more than a threshold; the comparison passes
// when the fraction of differing pixels is at most the allowed fraction. On failure it writes a
// diff image: differing pixels red over a faded copy of the expected image.
//
//   kuril-png-compare EXPECTED ACTUAL DIFF THRESHOLD ALLOWED
//
// THRESHOLD is 0-255, ALLOWED a fraction 0-1. Exit status: 0 = pass, 1 = too many pixels
// differ (DIFF written), 2 = an image cannot be read or the sizes differ.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <png.h>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

struct Image {
    unsigned width = 0;
    unsigned height = 0;
    std::vector<png_byte> rgba;
};

Image read_png(const std::string& path) {
    png_image image{};
    image.version = PNG_IMAGE_VERSION;
    if (!png_image_begin_read_from_file(&image, path.c_str())) {
        throw std::runtime_error(path + ": cannot read PNG (" + image.message + ")");
    }
    image.format = PNG_FORMAT_RGBA;
    Image out;
    out.width = image.width;
    out.height = image.height;
    out.rgba.resize(PNG_IMAGE_SIZE(image));
    if (!png_image_finish_read(&image, nullptr, out.rgba.data(), 0, nullptr)) {
        const std::string message = image.message;
        png_image_free(&image);
        throw std::runtime_error(path + ": cannot decode PNG (" + message + ")");
    }
    return out;
}

void write_png(const std::string& path, const Image& picture) {
    png_image image{};
    image.version = PNG_IMAGE_VERSION;
    image.width = picture.width;
    image.height = picture.height;
    image.format = PNG_FORMAT_RGBA;
    if (!png_image_write_to_file(&image, path.c_str(), 0, picture.rgba.data(), 0, nullptr)) {
        throw std::runtime_error(path + ": cannot write PNG (" + image.message + ")");
    }
}

double parse_number(const char* text, const char* what, double low, double high) {
    char* end = nullptr;
    const double value = std::strtod(text, &end);
    if (end == text || *end != '\0' || !(value >= low && value <= high)) {
        char range[64];
        std::snprintf(range, sizeof range, "%g to %g", low, high);
        throw std::runtime_error(std::string(what) + " '" + text + "': expected a number from " +
                                 range);
    }
    return value;
}

} // namespace

int main(int argc, char** argv) {
    if (argc != 6) {
        std::fprintf(
            stderr,
            "usage: kuril-png-compare EXPECTED ACTUAL DIFF THRESHOLD(0-255) ALLOWED(0-1)\n");
        return 2;
    }
    try {
        const std::string expected_path = argv[1];
        const std::string actual_path = argv[2];
        const std::string diff_path = argv[3];
        const double threshold = parse_number(argv[4], "threshold", 0, 255);
        const double allowed = parse_number(argv[5], "allowed fraction", 0, 1);

        const Image expected = read_png(expected_path);
        const Image actual = read_png(actual_path);
        if (expected.width != actual.width || expected.height != actual.height) {
            std::fprintf(stderr, "size differs: expected %ux%u (%s), actual %ux%u (%s)\n",
                         expected.width, expected.height, expected_path.c_str(), actual.width,
                         actual.height, actual_path.c_str());
            return 2;
        }

        Image diff = expected;
        std::size_t differing = 0;
        int largest = 0;
        const std::size_t pixels = std::size_t{expected.width} * expected.height;
        for (std::size_t i = 0; i < pixels; ++i) {
            int worst = 0;
            for (std::size_t c = 0; c < 4; ++c) {
                worst = std::max(
                    worst, std::abs(int{expected.rgba[i * 4 + c]} - int{actual.rgba[i * 4 + c]}));
            }
            largest = std::max(largest, worst);
            png_byte* out = &diff.rgba[i * 4];
            if (worst > threshold) {
                ++differing;
                out[0] = 255;
                out[1] = 0;
                out[2] = 0;
            } else {
                // Faded three quarters of the way to white, so the red stands out.
                for (std::size_t c = 0; c < 3; ++c) {
                    out[c] = static_cast<png_byte>(255 - (255 - out[c]) / 4);
                }
            }
            out[3] = 255;
        }
        const double fraction =
            pixels == 0 ? 0.0 : static_cast<double>(differing) / static_cast<double>(pixels);
        const bool pass = fraction <= allowed;
        std::printf("%s: %zu of %zu pixels (%.4f%%) differ by more than %g (largest difference "
                    "%d); allowed %.4f%%\n",
                    pass ? "pass" : "FAIL", differing, pixels, fraction * 100, threshold, largest,
                    allowed * 100);
        if (pass) {
            return 0;
        }
        write_png(diff_path, diff);
        std::printf("expected: %s\nactual:   %s\ndiff:     %s\n", expected_path.c_str(),
                    actual_path.c_str(), diff_path.c_str());
        return 1;
    } catch (const std::exception& error) {
        std::fprintf(stderr, "kuril-png-compare: %s\n", error.what());
        return 2;
    }
}
