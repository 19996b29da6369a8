// SPDX-License-Identifier: GPL-3.0-or-later
// Legend swatches and the credit footer, drawn off-screen and checked pixel by pixel.
#include "drawing_fixture.hpp"
#include "id_pattern.hpp"
#include "map/symbology.hpp"
#include "render/furniture.hpp"
#include "render/legend.hpp"
#include "render/style.hpp"

#include <SFML/Graphics.hpp>
#include <doctest/doctest.h>

namespace {

using test_drawing::near;

/// A swatch drawn alone on white, read back.
sf::Image swatch_image(const kuril::LegendItem& item, float scale, unsigned width = 60,
                       unsigned height = 30) {
    sf::RenderTexture target;
    REQUIRE(target.create(width, height));
    target.clear(sf::Color::White);
    kuril::draw_legend_swatch(target, item,
                              {0, 0, static_cast<float>(width), static_cast<float>(height)}, scale);
    target.display();
    return target.getTexture().copyToImage();
}

/// `top` blended over `bottom` by its alpha, as OpenGL does.
sf::Color over(sf::Color top, sf::Color bottom) {
    auto mix = [&](sf::Uint8 t, sf::Uint8 b) {
        return static_cast<sf::Uint8>((t * top.a + b * (255 - top.a)) / 255);
    };
    return {mix(top.r, bottom.r), mix(top.g, bottom.g), mix(top.b, bottom.b)};
}

} // namespace

TEST_CASE("[render] legend: the hatch swatch is the map's diagonal hatch over the holder's fill") {
    test_drawing::ShippedScene fixture; // a display and the font
    kuril::LegendItem item;
    item.swatch = kuril::LegendItem::Swatch::hatch;
    item.party = geo::Party::JP;
    item.under = geo::Party::RU;
    const sf::Image image = swatch_image(item, 1);
    const sf::Color filled = over(kuril::style::party_fill(geo::Party::RU), kuril::style::land);
    const sf::Color hatched = over(kuril::style::party_hatch(geo::Party::JP), filled);
    std::size_t fill_pixels = 0;
    std::size_t hatch_pixels = 0;
    std::size_t diagonal_breaks = 0;
    for (unsigned y = 1; y < 29; ++y) {
        for (unsigned x = 1; x < 59; ++x) {
            const sf::Color c = image.getPixel(x, y);
            fill_pixels += near(c, filled, 8) ? 1 : 0;
            if (near(c, hatched, 8)) {
                ++hatch_pixels;
                // Lines run from upper right to lower left, as the map's pattern (x + y const).
                diagonal_breaks += near(image.getPixel(x + 1, y - 1), hatched, 8) ? 0 : 1;
            }
            // Nothing but the fill and the hatch: no white between vertical bars.
            CHECK_MESSAGE((near(c, filled, 8) || near(c, hatched, 8)), "at ", x, ",", y);
        }
    }
    CHECK(fill_pixels > 58 * 28 / 2);
    // The map's pattern: 2 pixels of every 10 along a row.
    CHECK(hatch_pixels > 58 * 28 / 10);
    CHECK(hatch_pixels < 58 * 28 * 3 / 10);
    CHECK(diagonal_breaks < hatch_pixels / 10);
}

TEST_CASE("[render] legend: line swatches have the map's dash pattern, colour and width") {
    test_drawing::ShippedScene fixture;
    kuril::LegendItem item;
    item.swatch = kuril::LegendItem::Swatch::line;
    item.line = kuril::line_symbol(geo::LineKind::line_of_control, true);
    item.line_width = 2.5f;
    const float scale = 2;
    const sf::Image image = swatch_image(item, scale, 120, 30);
    const sf::Color colour = kuril::style::control_line;
    // Runs of line colour along the middle row: dash (14), dot (3), dash... in UI pixels.
    std::vector<unsigned> runs;
    unsigned run = 0;
    for (unsigned x = 0; x < 120; ++x) {
        if (near(image.getPixel(x, 15), colour, 40)) {
            ++run;
        } else if (run > 0) {
            runs.push_back(run);
            run = 0;
        }
    }
    REQUIRE(runs.size() >= 3);
    CHECK(runs[0] == doctest::Approx(14 * scale).epsilon(0.15));
    CHECK(runs[1] == doctest::Approx(3 * scale).epsilon(0.4));
    CHECK(runs[2] == doctest::Approx(14 * scale).epsilon(0.15));
    // The line's width: 2.5 UI pixels at scale 2 is 5 pixels high.
    unsigned high = 0;
    for (unsigned y = 0; y < 30; ++y) {
        high += near(image.getPixel(5, y), colour, 40) ? 1 : 0;
    }
    CHECK(high == doctest::Approx(5).epsilon(0.25));
}

TEST_CASE("[render] legend: the implied line's swatch is grey dash-dot-dot, no party's colour") {
    test_drawing::ShippedScene fixture;
    kuril::LegendItem item;
    item.swatch = kuril::LegendItem::Swatch::line;
    item.line = kuril::line_symbol(geo::LineKind::implied, true);
    item.line_width = 2.5f;
    const float scale = 2;
    const sf::Image image = swatch_image(item, scale, 120, 30);
    const sf::Color colour = kuril::style::implied_line;
    CHECK(colour.r == colour.g);
    CHECK(colour.g == colour.b); // neutral: neither Japan's blue nor Russia's orange
    for (const auto role : {kuril::LineRole::treaty, kuril::LineRole::proposal,
                            kuril::LineRole::claim, kuril::LineRole::line_of_control}) {
        CHECK_FALSE(near(kuril::style::line_colour(role), colour, 40));
    }
    // Runs of line colour along the middle row: dash (10), dot (2), dot (2), dash (10).
    std::vector<unsigned> runs;
    unsigned run = 0;
    for (unsigned x = 0; x < 120; ++x) {
        if (near(image.getPixel(x, 15), colour, 40)) {
            ++run;
        } else if (run > 0) {
            runs.push_back(run);
            run = 0;
        }
    }
    REQUIRE(runs.size() >= 4);
    CHECK(runs[0] == doctest::Approx(10 * scale).epsilon(0.2));
    CHECK(runs[1] == doctest::Approx(2 * scale).epsilon(0.5));
    CHECK(runs[2] == doctest::Approx(2 * scale).epsilon(0.5));
    CHECK(runs[3] == doctest::Approx(10 * scale).epsilon(0.2));
}

TEST_CASE("[render] legend: the event swatch is the map's marker") {
    test_drawing::ShippedScene fixture;
    kuril::LegendItem item;
    item.swatch = kuril::LegendItem::Swatch::event;
    const sf::Image image = swatch_image(item, 1);
    CHECK(near(image.getPixel(30, 15), kuril::style::event_marker));
    CHECK(near(image.getPixel(30 + 3, 15), kuril::style::event_marker));
    CHECK(near(image.getPixel(30 + 12, 15), sf::Color::White));
}

TEST_CASE("[render] credit: legible at 800x450, punctuation and all") {
    test_drawing::ShippedScene fixture;
    // An 800x450 export's scale is 0.75: 11 * 0.75 would be 8 px, where the full stops of
    // "2.3.7" and "P." fade to nothing.
    const float scale = 0.75f;
    const std::string text = kuril::credit_text({1956, 10, 19}, "map.sources.txt");
    CHECK(text.find("Coastlines: GSHHG 2.3.7 © P. Wessel & W. H. F. Smith, LGPL-3") == 0);
    CHECK(text.find("approx. = constructed line") != std::string::npos);
    CHECK(text.find("19 October 1956") != std::string::npos);
    CHECK(text.find("Sources: see map.sources.txt") != std::string::npos);
    CHECK(test_ids::find_id(text, test_ids::internal_ids(fixture.atlas->annotations)).empty());
    const kuril::Footer footer(fixture.font, text, static_cast<unsigned>(11 * scale), 800, scale);
    CHECK(footer.size() >= kuril::min_credit_size);
    CHECK(footer.text_width() <= 800 - 24 * scale);
    // One or two lines, and nothing lost in wrapping.
    std::string unwrapped = footer.wrapped();
    const auto breaks = std::count(unwrapped.begin(), unwrapped.end(), '\n');
    CHECK(breaks <= 1);
    std::replace(unwrapped.begin(), unwrapped.end(), '\n', ' ');
    CHECK(unwrapped == text);

    // The full stops leave ink: "2.3.7" drawn differs from "2 3 7" drawn.
    auto draw = [&](const std::string& s) {
        sf::RenderTexture target;
        REQUIRE(target.create(200, 40));
        target.clear(sf::Color::White);
        const kuril::Footer f(fixture.font, s, static_cast<unsigned>(11 * scale), 200, scale);
        f.draw_text(target, 0, scale);
        target.display();
        return target.getTexture().copyToImage();
    };
    const sf::Image dotted = draw("GSHHG 2.3.7 P. Wessel");
    const sf::Image spaced = draw("GSHHG 2 3 7 P  Wessel");
    std::size_t dark = 0;
    for (unsigned y = 0; y < 40; ++y) {
        for (unsigned x = 0; x < 200; ++x) {
            const sf::Color a = dotted.getPixel(x, y);
            const sf::Color b = spaced.getPixel(x, y);
            dark += (a.r < 150 && b.r > 200) ? 1 : 0;
        }
    }
    CHECK(dark >= 3); // one dark pixel at least for each full stop
}
