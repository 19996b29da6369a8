// SPDX-License-Identifier: GPL-3.0-or-later
// The step caption over the timeline wraps to the window: nothing runs past an edge.
#include "render/fonts.hpp"
#include "ui/timeline_bar.hpp"

#include <SFML/Graphics.hpp>
#include <cstdlib>
#include <doctest/doctest.h>

TEST_CASE("[viewer] timeline: a long step caption wraps inside the window at every size") {
    REQUIRE_MESSAGE(std::getenv("DISPLAY") != nullptr, "measuring text needs an X display");
    sf::Font font;
    kuril::load_map_font(font);
    // The longest kind of caption: many islands and lines, and a long word (one script).
    const std::string caption =
        "1855: Treaty of Shimoda — Etorofu, Kunashiri, Shikotan, Habomai Islands, Hokkaido → "
        "Japan; Urup, Simushir, Paramushir, Shumshu → Russian Empire; South Sakhalin, North "
        "Sakhalin → Japan + Russian Empire; Treaty of Shimoda border (1855, approx.) comes into "
        "force; 日露和親条約の国境線（1855年、概略）";
    struct Size {
        float width, height, scale;
    };
    for (const Size size :
         {Size{640, 400, 1}, Size{1280, 720, 1}, Size{1920, 1080, 1}, Size{3840, 2160, 2}}) {
        CAPTURE(size.width);
        const float bottom = size.height - kuril::timeline_bar_height(size.scale);
        const auto placed =
            kuril::layout_step_caption(font, caption, size.width, bottom, size.scale);
        CHECK(placed.box.left >= 0);
        CHECK(placed.box.left + placed.box.width <= size.width);
        CHECK(placed.box.top >= 0);
        CHECK(placed.box.top + placed.box.height <= bottom);
        // The text itself, as drawn, lies inside the box.
        sf::Text text(sf::String::fromUtf8(placed.wrapped.begin(), placed.wrapped.end()), font,
                      placed.size);
        text.setPosition(placed.text_position);
        const auto bounds = text.getGlobalBounds();
        CHECK(bounds.left >= placed.box.left);
        CHECK(bounds.left + bounds.width <= placed.box.left + placed.box.width);
        CHECK(bounds.top >= placed.box.top);
        CHECK(bounds.top + bounds.height <= placed.box.top + placed.box.height);
        // Wrapped (more than one line) at the small sizes, and never shrunk below legibility.
        if (size.width <= 1280) {
            CHECK(placed.wrapped.find('\n') != std::string::npos);
        }
        CHECK(static_cast<float>(placed.size) >= 12 * size.scale);
    }
    // A short caption stays on one line at its normal size, centred.
    const auto short_caption =
        kuril::layout_step_caption(font, "2026: no change in status", 1280, 656, 1);
    CHECK(short_caption.wrapped.find('\n') == std::string::npos);
    CHECK(short_caption.size == 18);
    CHECK(short_caption.box.left + short_caption.box.width / 2 == doctest::Approx(640));
}
