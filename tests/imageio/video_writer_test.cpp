// SPDX-License-Identifier: GPL-3.0-or-later
#include "geo/error.hpp"
#include "imageio/video_writer.hpp"
#include "test_paths.hpp"
#include "video_probe.hpp"

#include <doctest/doctest.h>
#include <filesystem>

namespace fs = std::filesystem;

namespace {

fs::path scratch(const std::string& name) {
    return test_paths::scratch("video_writer_" + name) / name;
}

/// Frame `index` of a test film: left half red, right half blue until frame 5, then green.
std::vector<std::uint8_t> test_frame(unsigned width, unsigned height, int index) {
    std::vector<std::uint8_t> rgba(std::size_t{width} * height * 4);
    for (unsigned y = 0; y < height; ++y) {
        for (unsigned x = 0; x < width; ++x) {
            std::uint8_t* p = rgba.data() + (std::size_t{y} * width + x) * 4;
            const bool left = x < width / 2;
            p[0] = left ? 220 : 0;
            p[1] = left ? 30 : (index < 5 ? 40 : 200);
            p[2] = left ? 30 : (index < 5 ? 210 : 40);
            p[3] = 255;
        }
    }
    return rgba;
}

int distance(std::uint32_t a, std::uint32_t b) {
    int total = 0;
    for (int shift : {16, 8, 0}) {
        total += std::abs(static_cast<int>(a >> shift & 255) - static_cast<int>(b >> shift & 255));
    }
    return total;
}

/// Writes ten 160x90 frames at 10 fps and reads them back.
test_video::Decoded round_trip(kuril::VideoFormat format, const std::string& name) {
    const fs::path out = scratch(name);
    kuril::VideoSettings settings{160, 90, 10, format};
    kuril::PaletteBuilder palette;
    for (int i : {0, 9}) {
        const auto frame = test_frame(160, 90, i);
        palette.add(frame.data(), 160 * 90);
    }
    kuril::VideoWriter writer(out, settings, palette.build());
    for (int i = 0; i < 10; ++i) {
        writer.write(test_frame(160, 90, i).data());
    }
    CHECK_FALSE(fs::exists(out)); // under its temporary name until committed
    writer.commit();
    REQUIRE(fs::exists(out));
    return test_video::decode(out, {0, 9});
}

} // namespace

TEST_CASE("[imageio] video formats by extension") {
    CHECK(kuril::video_format_for("a/film.webm") == kuril::VideoFormat::webm);
    CHECK(kuril::video_format_for("film.MP4") == kuril::VideoFormat::mp4);
    CHECK(kuril::video_format_for("film.gif") == kuril::VideoFormat::gif);
    CHECK_FALSE(kuril::video_format_for("film.avi"));
    CHECK_FALSE(kuril::video_format_for("film"));
}

TEST_CASE("[imageio] a WebM decodes as VP9 with every frame and its duration") {
    const auto film = round_trip(kuril::VideoFormat::webm, "film.webm");
    CHECK(film.codec == "vp9");
    CHECK(film.width == 160);
    CHECK(film.height == 90);
    CHECK(film.frames == 10);
    CHECK(film.duration == doctest::Approx(1.0).epsilon(0.02));
    CHECK(distance(film.pixel(0, 40, 45), 0xDC1E1E) < 40);
    CHECK(distance(film.pixel(0, 120, 45), 0x0028D2) < 40);
    CHECK(distance(film.pixel(9, 120, 45), 0x00C828) < 40);
}

TEST_CASE("[imageio] an MP4 decodes as H.264 with every frame and its duration") {
    const auto film = round_trip(kuril::VideoFormat::mp4, "film.mp4");
    CHECK(film.codec == "h264");
    CHECK(film.frames == 10);
    CHECK(film.duration == doctest::Approx(1.0).epsilon(0.02));
    CHECK(distance(film.pixel(9, 120, 45), 0x00C828) < 40);
}

TEST_CASE("[imageio] a GIF keeps one palette's exact colours, every frame and its duration") {
    const auto film = round_trip(kuril::VideoFormat::gif, "film.gif");
    CHECK(film.codec == "gif");
    CHECK(film.frames == 10);
    CHECK(film.duration == doctest::Approx(1.0).epsilon(0.02));
    // The palette holds the frames' colours (to 5 bits a channel, centred): no dithering.
    CHECK(distance(film.pixel(0, 40, 45), 0xDC1E1E) <= 12);
    CHECK(distance(film.pixel(0, 120, 45), 0x0028D2) <= 12);
    CHECK(distance(film.pixel(9, 120, 45), 0x00C828) <= 12);
}

TEST_CASE("[imageio] a palette has the colours it was given") {
    kuril::PaletteBuilder builder;
    const auto frame = test_frame(16, 4, 0);
    builder.add(frame.data(), 16 * 4);
    const auto palette = builder.build();
    REQUIRE(palette.size() == 2);
    CHECK((distance(palette[0], 0xDC1E1E) <= 12 || distance(palette[1], 0xDC1E1E) <= 12));
    CHECK((distance(palette[0], 0x0028D2) <= 12 || distance(palette[1], 0x0028D2) <= 12));
    CHECK(kuril::PaletteBuilder().build().size() == 1);
}

TEST_CASE("[imageio] a film not committed leaves nothing") {
    const fs::path out = scratch("abandoned.webm");
    {
        kuril::VideoWriter writer(out, {160, 90, 10, kuril::VideoFormat::webm});
        writer.write(test_frame(160, 90, 0).data());
    }
    CHECK_FALSE(fs::exists(out));
    for (const auto& entry : fs::directory_iterator(out.parent_path())) {
        CHECK(entry.path().filename().string().find("abandoned") == std::string::npos);
    }
}

TEST_CASE("[imageio] the encoder's refusals name the size") {
    const auto message = [](kuril::VideoFormat format, unsigned width, unsigned height) {
        try {
            kuril::check_video_settings("film", {width, height, 25, format});
        } catch (const geo::InputError& error) {
            return std::string(error.what());
        }
        return std::string();
    };
    CHECK(message(kuril::VideoFormat::webm, 161, 90) ==
          "--size 161x90: WebM (VP9) needs an even width and height (4:2:0 colour); try 160x90");
    CHECK(message(kuril::VideoFormat::mp4, 160, 91) ==
          "--size 160x91: MP4 (H.264) needs an even width and height (4:2:0 colour); try 160x90");
    CHECK(message(kuril::VideoFormat::gif, 161, 91).empty()); // a GIF takes any size
    CHECK(message(kuril::VideoFormat::webm, 160, 90).empty());
}
