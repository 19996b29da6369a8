// SPDX-License-Identifier: GPL-3.0-or-later
#include "viewer/ui_layout.hpp"

#include <doctest/doctest.h>

namespace {

bool has_rect(const std::vector<kuril::ScreenRect>& rects, sf::FloatRect rect) {
    for (const auto& r : rects) {
        if (r.left == rect.left && r.top == rect.top && r.width == rect.width &&
            r.height == rect.height) {
            return true;
        }
    }
    return false;
}

kuril::UiLayout exploring() {
    kuril::UiLayout layout;
    layout.scale = 1;
    layout.width = 1280;
    layout.height = 720;
    layout.timeline_height = 64;
    layout.timeline = sf::FloatRect{0, 656, 1280, 64};
    return layout;
}

} // namespace

TEST_CASE("[viewer] ui_layout: the map keeps out of this frame's panels and timeline") {
    kuril::UiLayout layout = exploring();
    auto rects = layout.obstacles();
    REQUIRE(rects.size() == 1);
    CHECK(rects[0].top == doctest::Approx(720 - 64 - 30)); // room for the step caption
    layout.layers = kuril::LayersPanelLayout{};
    layout.layers->rect = {10, 10, 300, 400};
    layout.info = kuril::InfoPanelLayout{};
    layout.info->rect = {850, 10, 420, 626};
    rects = layout.obstacles();
    CHECK(rects.size() == 3);
    CHECK(has_rect(rects, layout.layers->rect));
    CHECK(has_rect(rects, layout.info->rect));
}

TEST_CASE("[viewer] ui_layout: a tour keeps the map out of the slide's bands") {
    kuril::UiLayout layout = exploring();
    layout.timeline.reset();
    layout.slide = kuril::SlideLayout{};
    layout.slide->title_height = 60;
    layout.slide->caption_height = 100;
    const auto rects = layout.obstacles();
    REQUIRE(rects.size() == 2);
    CHECK(has_rect(rects, {0, 0, 1280, 60}));
    CHECK(has_rect(rects, {0, 720 - 100 - 30, 1280, 130}));
    CHECK_FALSE(layout.timeline_contains(640, 700));
}

TEST_CASE("[viewer] ui_layout: hit tests") {
    kuril::UiLayout layout = exploring();
    CHECK(layout.timeline_contains(5, 700));
    CHECK(layout.timeline_fraction(20) == 0.0);
    CHECK(layout.timeline_fraction(640) == doctest::Approx(0.5));
    CHECK(layout.timeline_fraction(1279) == 1.0);
    CHECK_FALSE(layout.panel_contains(100, 100));
    CHECK_FALSE(layout.close_contains(1250, 20));
    layout.info = kuril::InfoPanelLayout{};
    layout.info->rect = {850, 10, 420, 626};
    layout.info->close = {1242, 14, 24, 24};
    CHECK(layout.panel_contains(900, 100));
    CHECK(layout.close_contains(1250, 20));
    layout.layers = kuril::LayersPanelLayout{};
    layout.layers->rect = {10, 10, 300, 400};
    layout.layers->rows.push_back({kuril::Layer::lines, {10, 150, 300, 21}});
    layout.layers->export_buttons.push_back({2, {150, 380, 36, 19}});
    CHECK(layout.panel_contains(100, 100));
    CHECK(layout.layer_row_at(100, 160) == kuril::Layer::lines);
    CHECK_FALSE(layout.layer_row_at(100, 100).has_value());
    CHECK(layout.export_button_at(160, 385) == 2);
    CHECK_FALSE(layout.export_button_at(100, 385).has_value());
}

TEST_CASE("[viewer] ui_layout: the info panel's sources are hit where they are scrolled to") {
    kuril::InfoPanelLayout info;
    info.rect = {850, 10, 420, 626};
    info.body_top = 60;
    info.body_bottom = 600;
    info.sources.push_back({"1. A", "https://a", "https://a", 100, 36});
    info.sources.push_back({"2. B", "https://b", "https://b", 900, 36});
    CHECK(info.source_at(900, 60 + 110) == std::size_t{0});
    CHECK_FALSE(info.source_at(900, 60 + 90).has_value());
    CHECK_FALSE(info.source_at(800, 60 + 110).has_value()); // beside the panel
    CHECK(info.first_visible_source() == std::size_t{0});
    info.scroll = 400; // the first scrolled out of view above, the second in view
    CHECK_FALSE(info.source_at(900, 60 + 110 - 400).has_value()); // above the scrolled area
    CHECK(info.source_at(900, 60 + 910 - 400) == std::size_t{1});
    CHECK(info.first_visible_source() == std::size_t{1});
    info.scroll = 200; // neither in view: the first
    CHECK(info.first_visible_source() == std::size_t{0});
    kuril::UiLayout layout;
    CHECK_FALSE(layout.info_contains(900, 100));
    layout.info = info;
    CHECK(layout.info_contains(900, 100));
    CHECK_FALSE(layout.info_contains(100, 100));
}
