// SPDX-License-Identifier: GPL-3.0-or-later
// The info panel laid out and drawn from the shipped data: it scrolls, its URLs wrap inside it,
// its close button is drawn.
#include "drawing_fixture.hpp"
#include "map/map_frame.hpp"
#include "render/style.hpp"
#include "render/text.hpp"
#include "ui/info_panel.hpp"

#include <SFML/Graphics.hpp>
#include <algorithm>
#include <doctest/doctest.h>

namespace {

struct Panel : test_drawing::ShippedScene {
    kuril::MapView view{scene.world, 1280, 720};
    kuril::InfoPanel panel{scene, font};

    std::optional<kuril::InfoPanelLayout> layout_of(const std::string& island, float scroll) {
        kuril::MapState state;
        state.date = {2020, 1, 1};
        state.selected_island = island;
        const kuril::MapFrame frame = kuril::build_frame(scene, state, view);
        return panel.layout(frame, 1280, 720, 1.0f, 64, scroll);
    }
};

float widest_line(const std::string& text, const sf::Font& font, unsigned size) {
    float widest = 0;
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t end = std::min(text.find('\n', start), text.size());
        const sf::Text line(kuril::utf8(text.substr(start, end - start)), font, size);
        widest = std::max(widest, line.getLocalBounds().width);
        start = end + 1;
    }
    return widest;
}

} // namespace

TEST_CASE("[viewer] info panel: Etorofu's panel scrolls, lists its sources, wraps its URLs") {
    Panel p;
    const auto layout = p.layout_of("etorofu", 0);
    REQUIRE(layout.has_value());
    // More than fits at 1280x720: it scrolls, and the scroll is clamped to the content.
    CHECK(layout->max_scroll > 0);
    CHECK(layout->content_height > layout->body_bottom - layout->body_top);
    CHECK(p.layout_of("etorofu", 1e6f)->scroll == layout->max_scroll);
    CHECK(p.layout_of("etorofu", -50)->scroll == 0);
    // The sources, in words, each with its URL wrapped inside the panel.
    REQUIRE(layout->sources.size() >= 5);
    const float text_right = layout->rect.width - 12 - 10; // left margin, scroll bar
    for (const auto& source : layout->sources) {
        CAPTURE(source.text);
        CHECK(source.text.find("mofa-hoppo") == std::string::npos);
        // A URL, or a book's ISBN in the text.
        CHECK((!source.url.empty() || source.text.find("ISBN ") != std::string::npos));
        CHECK(widest_line(source.text, p.font, 13) <= text_right - 12 + 1);
        CHECK(widest_line(source.wrapped_url, p.font, 13) <= text_right - 12 - 12 + 1);
        std::string unwrapped = source.wrapped_url;
        std::erase(unwrapped, '\n');
        CHECK(unwrapped == source.url);
    }
    // The last source ends inside the content: scrolled to the end, it is in view.
    const auto& last = layout->sources.back();
    CHECK(last.top + last.height <= layout->content_height + 1);
    const auto at_end = p.layout_of("etorofu", 1e6f);
    CHECK(at_end->first_visible_source().has_value());
    CHECK(at_end->source_at(layout->rect.left + 40,
                            at_end->body_top + last.top + 2 - at_end->scroll) ==
          layout->sources.size() - 1);
}

TEST_CASE("[viewer] info panel: drawn with its close cross and a scroll bar") {
    Panel p;
    const auto layout = p.layout_of("etorofu", 0);
    REQUIRE(layout.has_value());
    sf::RenderTexture target;
    REQUIRE(target.create(1280, 720));
    target.clear(sf::Color::Black);
    kuril::draw_info_panel(target, *layout, 1.0f, p.font);
    target.display();
    const sf::Image image = target.getTexture().copyToImage();
    auto dark = [](sf::Color c) {
        return c.r < 90 && c.g < 90 && c.b < 90;
    };
    // The cross: its centre is dark, the button's corners are light.
    const sf::FloatRect& close = layout->close;
    const auto cx = static_cast<unsigned>(close.left + close.width / 2);
    const auto cy = static_cast<unsigned>(close.top + close.height / 2);
    CHECK(dark(image.getPixel(cx, cy)));
    CHECK_FALSE(dark(image.getPixel(static_cast<unsigned>(close.left + 3), cy)));
    // The scroll bar's thumb at the top of its track, at the panel's right edge.
    const auto bar_x = static_cast<unsigned>(layout->rect.left + layout->rect.width - 6);
    const sf::Color thumb = image.getPixel(bar_x, static_cast<unsigned>(layout->body_top + 4));
    CHECK(thumb.r < 150);
    const sf::Color track = image.getPixel(bar_x, static_cast<unsigned>(layout->body_bottom - 4));
    CHECK(track.r > 200);
    // Nothing is drawn beside the panel.
    CHECK(image.getPixel(static_cast<unsigned>(layout->rect.left - 3), 300) == sf::Color::Black);
}

TEST_CASE("[viewer] info panel: a short panel is as tall as its text and does not scroll") {
    Panel p;
    // The shipped event whose panel has the least to say: its texts in every language and the
    // other titles are short, and it cites one or two sources.
    const geo::Event* shortest = nullptr;
    std::size_t shortest_length = 0;
    for (const auto& event : p.atlas->annotations.events) {
        std::size_t length = 0;
        for (const auto& [lang, text] : event.texts) {
            length += text.size();
        }
        for (const auto& [lang, title] : event.titles) {
            length += title.size();
        }
        if (event.sources.size() <= 2 && (shortest == nullptr || length < shortest_length)) {
            shortest = &event;
            shortest_length = length;
        }
    }
    REQUIRE(shortest != nullptr);
    CAPTURE(shortest->id);
    kuril::MapState state;
    state.date = shortest->first_day();
    state.selected_event = shortest->id;
    const kuril::MapFrame frame = kuril::build_frame(p.scene, state, p.view);
    const auto layout = p.panel.layout(frame, 1280, 720, 1.0f, 64, 100);
    REQUIRE(layout.has_value());
    CHECK(layout->max_scroll == 0);
    CHECK(layout->scroll == 0);
    CHECK(layout->rect.height < 720 - 64 - 20 - 10 - 100);
    CHECK(layout->body_bottom - layout->body_top >= layout->content_height);
    REQUIRE(layout->sources.size() == shortest->sources.size());
    const auto* first = p.atlas->annotations.source(shortest->sources.front());
    REQUIRE(first != nullptr);
    // The entry is wrapped to the panel's width: compare with its line breaks as spaces.
    std::string entry = layout->sources[0].text;
    std::replace(entry.begin(), entry.end(), '\n', ' ');
    CHECK(entry.rfind("1. " + first->title, 0) == 0);
}
