// SPDX-License-Identifier: GPL-3.0-or-later
// History played into films and frames off-screen under Xvfb, read back with libavformat (the
// films) and SFML (the PNGs).
#include "drawing_fixture.hpp"
#include "export/animation.hpp"
#include "geo/error.hpp"
#include "map/timeline.hpp"
#include "render/style.hpp"
#include "test_paths.hpp"
#include "video_probe.hpp"

#include <SFML/Graphics.hpp>
#include <doctest/doctest.h>
#include <fstream>
#include <sstream>

namespace fs = std::filesystem;

namespace {

using test_drawing::near;

/// A small film around Etorofu, Soviet forces landed there on 28 August 1945: its fill turns
/// from Japan's to Russia's on that key date.
kuril::AnimationOptions etorofu_film(const fs::path& out) {
    kuril::AnimationOptions o;
    o.map.width = 320;
    o.map.height = 180;
    o.map.scale = 0.4;
    o.map.view.bbox = geo::Box{147.2, 44.4, 148.9, 45.6};
    o.map.legend = false; // at this size the legend would cover the island
    o.map.footer = false;
    o.from = {1945, 8, 20};
    o.to = {1945, 9, 10};
    o.fps = 5;
    o.playback.years_per_second = 0.1; // 36.5 days a second
    o.playback.hold_seconds = 0.4;
    o.playback.fade_seconds = 0.4;
    o.playback.caption_linger_seconds = 0.4;
    o.out = out;
    return o;
}

kuril::PlaybackPlan plan_of(const kuril::MapScene& scene, const kuril::AnimationOptions& o) {
    const kuril::Timeline timeline(scene.atlas->history->key_dates());
    return kuril::PlaybackPlan(timeline.key_dates(), o.from, o.to, o.playback);
}

/// Pixels of an image near a colour.
std::size_t count_near(const sf::Image& image, sf::Color colour, int tolerance) {
    std::size_t count = 0;
    for (unsigned y = 0; y < image.getSize().y; ++y) {
        for (unsigned x = 0; x < image.getSize().x; ++x) {
            count += near(image.getPixel(x, y), colour, tolerance) ? 1 : 0;
        }
    }
    return count;
}

/// The frames (0-based) last before and first held on `date`.
std::pair<std::size_t, std::size_t> frames_around(const kuril::PlaybackPlan& plan, geo::Date date,
                                                  int fps) {
    std::size_t before = 0;
    std::size_t held = 0;
    for (std::size_t i = 0; i < plan.frame_count(fps); ++i) {
        const auto sample = plan.at(plan.frame_time(i, fps));
        if (sample.date < date) {
            before = i;
        }
        if (sample.date == date && sample.mix == 1.0 && held == 0) {
            held = i;
        }
    }
    return {before, held};
}

} // namespace

TEST_CASE("[export] --frames writes one PNG per frame; Etorofu turns from Japan's fill to "
          "Russia's on 28 August 1945") {
    test_drawing::ShippedScene s;
    const fs::path folder = test_paths::scratch("animation_frames");
    auto options = etorofu_film(folder);
    options.frames = true;
    kuril::ExportCanvas canvas;
    std::size_t reported = 0;
    const auto result = kuril::export_animation(
        s.scene, s.font, options, canvas, [&](std::size_t done, std::size_t) { reported = done; });
    const auto plan = plan_of(s.scene, options);
    CHECK(result.frames == plan.frame_count(options.fps));
    CHECK(reported == result.frames);
    CHECK(result.drawn < result.frames); // held frames reuse their drawing
    std::size_t files = 0;
    for (const auto& entry : fs::directory_iterator(folder)) {
        files += entry.path().extension() == ".png" ? 1 : 0;
        CHECK(entry.path().filename().string().rfind(".kuril-frames", 0) != 0); // staging gone
    }
    CHECK(files == result.frames);
    CHECK(fs::exists(folder / kuril::frame_file_name(result.frames - 1)));
    CHECK_FALSE(fs::exists(folder / kuril::frame_file_name(result.frames)));
    CHECK(fs::exists(folder / "sources.txt"));

    const auto [before, held] = frames_around(plan, {1945, 8, 28}, options.fps);
    REQUIRE(held > before);
    sf::Image first;
    sf::Image after;
    REQUIRE(first.loadFromFile((folder / kuril::frame_file_name(before)).string()));
    REQUIRE(after.loadFromFile((folder / kuril::frame_file_name(held)).string()));
    const sf::Color jp = kuril::style::party_fill(geo::Party::JP);
    const sf::Color ru = kuril::style::party_fill(geo::Party::RU);
    CHECK(count_near(first, jp, 8) > 500);
    CHECK(count_near(first, ru, 8) < 50);
    CHECK(count_near(after, ru, 8) > 500);
    CHECK(count_near(after, jp, 8) < count_near(first, jp, 8) / 4);
}

TEST_CASE("[export] --animate writes a WebM that decodes with the plan's frames and duration, "
          "and the change on its key date") {
    test_drawing::ShippedScene s;
    const fs::path out = test_paths::scratch("animation_webm") / "etorofu.webm";
    auto options = etorofu_film(out);
    kuril::ExportCanvas canvas;
    const auto result = kuril::export_animation(s.scene, s.font, options, canvas);
    const auto plan = plan_of(s.scene, options);
    const std::size_t frames = plan.frame_count(options.fps);
    const auto [before, held] = frames_around(plan, {1945, 8, 28}, options.fps);
    const auto film = test_video::decode(out, {static_cast<int>(before), static_cast<int>(held)});
    CHECK(film.codec == "vp9");
    CHECK(film.width == 320);
    CHECK(film.height == 180);
    CHECK(film.frames == static_cast<int>(frames));
    CHECK(result.frames == frames);
    CHECK(film.duration ==
          doctest::Approx(static_cast<double>(frames) / options.fps).epsilon(0.01));
    // The film's frames are the PNGs' frames through 4:2:0 colour, which blends Russia's fill
    // with Japan's dark hatching over it: pixels are counted by hue, orange (Russia's fill) or
    // blue (Japan's fill).
    const auto count = [&](int index, bool orange) {
        std::size_t n = 0;
        for (int y = 0; y < film.height; ++y) {
            for (int x = 0; x < film.width; ++x) {
                const std::uint32_t p = film.pixel(index, x, y);
                const int r = static_cast<int>(p >> 16 & 255);
                const int b = static_cast<int>(p & 255);
                n += (orange ? r > b + 70 : b > r + 50) ? 1 : 0;
            }
        }
        return n;
    };
    CHECK(count(static_cast<int>(before), false) > 400);
    // (Before, only the event markers and the inset map are orange.)
    CHECK(count(static_cast<int>(before), true) < 150);
    CHECK(count(static_cast<int>(held), true) > 4 * count(static_cast<int>(before), true));
    CHECK(count(static_cast<int>(held), true) > 400);
    // Its sources are listed beside it, by title, never by id.
    std::ifstream sources(out.parent_path() / "etorofu.sources.txt");
    std::stringstream text;
    text << sources.rdbuf();
    CHECK(text.str().find("Sources of what is shown in etorofu.webm") == 0);
    CHECK(text.str().find("History played from 20 August 1945 to 10 September 1945") !=
          std::string::npos);
    CHECK(text.str().find("1. ") != std::string::npos);
}

TEST_CASE("[export] a GIF film decodes with one palette and the plan's frames") {
    test_drawing::ShippedScene s;
    const fs::path out = test_paths::scratch("animation_gif") / "etorofu.gif";
    auto options = etorofu_film(out);
    options.map.width = 160;
    options.map.height = 90;
    kuril::ExportCanvas canvas;
    kuril::export_animation(s.scene, s.font, options, canvas);
    const auto film = test_video::decode(out);
    CHECK(film.codec == "gif");
    CHECK(film.frames == static_cast<int>(plan_of(s.scene, options).frame_count(options.fps)));
}

TEST_CASE("[export] an animation refused before drawing leaves nothing") {
    test_drawing::ShippedScene s;
    const fs::path folder = test_paths::scratch("animation_refused");
    kuril::ExportCanvas canvas;
    auto options = etorofu_film(folder / "film.webm");
    options.from = {1950, 1, 1};
    options.to = {1940, 1, 1};
    CHECK_THROWS_WITH_AS(kuril::export_animation(s.scene, s.font, options, canvas),
                         "--animate 1950-01-01:1940-01-01: the range runs backwards; expected "
                         "FROM before TO",
                         geo::InputError);
    options = etorofu_film(folder / "film.webm");
    options.map.width = 321;
    CHECK_THROWS_WITH_AS(kuril::export_animation(s.scene, s.font, options, canvas),
                         "--size 321x180: WebM (VP9) needs an even width and height (4:2:0 "
                         "colour); try 320x180",
                         geo::InputError);
    CHECK(fs::is_empty(folder));
}
