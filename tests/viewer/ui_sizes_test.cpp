// SPDX-License-Identifier: GPL-3.0-or-later
// The window's UI at the four window sizes people use, laid out with the real font: nothing
// runs past an edge, nothing covers the timeline.
#include "drawing_fixture.hpp"
#include "geo/atlas.hpp"
#include "map/map_frame.hpp"
#include "map/timeline.hpp"
#include "viewer/viewer_ui.hpp"

#include <doctest/doctest.h>

namespace {

bool inside(const sf::FloatRect& r, float width, float height) {
    return r.left >= 0 && r.top >= 0 && r.left + r.width <= width + 0.5f &&
           r.top + r.height <= height + 0.5f;
}

} // namespace

TEST_CASE("[viewer-ui] panels, help and messages stay inside the window at every size") {
    test_drawing::ShippedScene shipped;
    const kuril::Timeline timeline(shipped.atlas->history->key_dates());
    kuril::ViewerUi ui(shipped.scene, timeline, shipped.font);
    struct Size {
        unsigned w;
        unsigned h;
        double scale;
    };
    for (const Size size : {Size{640, 400, 1.0}, Size{1280, 720, 1.0}, Size{1920, 1080, 1.5},
                            Size{3840, 2160, 3.0}}) {
        CAPTURE(size.w);
        kuril::MapState state;
        state.date = {1956, 10, 19};
        state.ui_scale = size.scale;
        state.selected_island = "etorofu";
        kuril::UiState ui_state;
        ui_state.show_help = true;
        ui_state.messages.push_back(
            "annotations.xml:9: <status> from: '2021-02-30' is not a date: February 2021 has 28 "
            "days, and this message is long enough to need wrapping in a small window");
        const kuril::MapView view(shipped.scene.world, size.w, size.h);
        const auto frame = kuril::build_frame(shipped.scene, state, view);
        const auto layout = ui.layout(frame, ui_state, nullptr);
        const auto w = static_cast<float>(size.w);
        const auto h = static_cast<float>(size.h);
        REQUIRE(layout.timeline);
        CHECK(inside(*layout.timeline, w, h));
        REQUIRE(layout.layers);
        CHECK(inside(layout.layers->rect, w, h));
        // The layers panel and its export buttons end above the timeline.
        CHECK(layout.layers->rect.top + layout.layers->rect.height <= layout.timeline->top);
        for (const auto& [factor, button] : layout.layers->export_buttons) {
            CHECK(button.top + button.height <= layout.timeline->top);
        }
        REQUIRE(layout.info);
        CHECK(inside(layout.info->rect, w, h));
        REQUIRE(layout.help);
        CHECK(inside(layout.help->box, w, h));
        for (const auto& message : layout.messages) {
            CHECK(inside(message.box, w, h));
        }
    }
}

TEST_CASE("[viewer-ui] H in a tour shows the presenter's keys, larger, inside the window") {
    test_drawing::ShippedScene shipped;
    const kuril::Timeline timeline(shipped.atlas->history->key_dates());
    kuril::ViewerUi ui(shipped.scene, timeline, shipped.font);
    for (const unsigned width : {1280U, 1920U}) {
        CAPTURE(width);
        const unsigned height = width * 9 / 16;
        kuril::MapState state;
        state.ui_scale = width / 1280.0;
        kuril::UiState ui_state;
        ui_state.show_help = true;
        const kuril::MapView view(shipped.scene.world, width, height);
        const auto frame = kuril::build_frame(shipped.scene, state, view);
        const auto map_help = ui.layout(frame, ui_state, nullptr).help;
        ui_state.presenting = true;
        const auto tour_help = ui.layout(frame, ui_state, nullptr).help;
        REQUIRE(map_help);
        REQUIRE(tour_help);
        CHECK(map_help->title == "Kuril Atlas: keys");
        CHECK(tour_help->title == "Presenter's keys (H: close)");
        CHECK(tour_help->keys.find("Right, Down, Page Down, Space") == 0);
        CHECK(tour_help->meanings.find("leave the tour (the first Esc asks)") != std::string::npos);
        CHECK(map_help->keys.find("Page Down") == std::string::npos);
        // Read from the back of a room: at least 3 % of the screen's height.
        CHECK(static_cast<double>(tour_help->size) >= 0.03 * height);
        CHECK(tour_help->size > map_help->size);
        CHECK(inside(tour_help->box, static_cast<float>(width), static_cast<float>(height)));
    }
}

TEST_CASE("[viewer-ui] in a tour the info panel opens below the slide's title band") {
    test_drawing::ShippedScene shipped;
    const kuril::Timeline timeline(shipped.atlas->history->key_dates());
    kuril::ViewerUi ui(shipped.scene, timeline, shipped.font);
    const geo::Tour* tour = shipped.atlas->annotations.tour("default");
    REQUIRE(tour != nullptr);
    const geo::Slide& slide = tour->slides.at(6);
    kuril::MapState state;
    state.date = slide.date;
    state.selected_island = "kunashiri";
    kuril::UiState ui_state;
    ui_state.presenting = true;
    const kuril::MapView view(shipped.scene.world, 1280, 720);
    const auto layout = ui.layout(kuril::build_frame(shipped.scene, state, view), ui_state, &slide);
    REQUIRE(layout.slide);
    REQUIRE(layout.info);
    CHECK(layout.info->rect.top >= layout.slide->title_height);
    CHECK(layout.info->rect.top + layout.info->rect.height <= 720 - layout.slide->caption_height);
}

TEST_CASE("[viewer-ui] pointing at a key date's tick names what happened that day") {
    test_drawing::ShippedScene shipped;
    const kuril::Timeline timeline(shipped.atlas->history->key_dates());
    kuril::ViewerUi ui(shipped.scene, timeline, shipped.font);
    kuril::MapState state;
    state.date = {1960, 1, 1};
    kuril::UiState ui_state;
    ui_state.hover_key_date = geo::Date{1956, 10, 19};
    const kuril::MapView view(shipped.scene.world, 1280, 720);
    const auto layout =
        ui.layout(kuril::build_frame(shipped.scene, state, view), ui_state, nullptr);
    REQUIRE(layout.timeline_tip);
    CHECK(layout.timeline_tip->second.rfind("19 October 1956: ", 0) == 0);
    CHECK(layout.timeline_tip->second.find("Joint Declaration") != std::string::npos);
    CHECK(layout.timeline_tip->first > layout.timeline->left);
    CHECK(layout.timeline_tip->first < layout.timeline->left + layout.timeline->width);
    // Nothing pointed at, no name.
    ui_state.hover_key_date.reset();
    CHECK_FALSE(ui.layout(kuril::build_frame(shipped.scene, state, view), ui_state, nullptr)
                    .timeline_tip.has_value());
}

TEST_CASE("[viewer-ui] compare: at every size each half's heading and legend stay in the half, "
          "clear of the layers panel, the timeline and each other") {
    test_drawing::ShippedScene shipped;
    const kuril::Timeline timeline(shipped.atlas->history->key_dates());
    kuril::ViewerUi ui(shipped.scene, timeline, shipped.font);
    struct Size {
        unsigned w;
        unsigned h;
        double scale;
    };
    for (const bool swipe : {false, true}) {
        for (const Size size :
             {Size{1280, 720, 1.0}, Size{1920, 1080, 1.5}, Size{3840, 2160, 2.4}}) {
            CAPTURE(swipe);
            CAPTURE(size.w);
            kuril::UiState ui_state;
            ui_state.compare.mode =
                swipe ? kuril::CompareMode::swipe : kuril::CompareMode::side_by_side;
            ui_state.compare.other.date = {1950, 1, 1};
            ui_state.compare.other.ui_scale = size.scale;
            kuril::MapState state;
            state.date = {1944, 1, 1};
            state.ui_scale = size.scale;
            const auto w = static_cast<float>(size.w);
            const auto h = static_cast<float>(size.h);
            // Side by side each frame's view is a half's size; the layout is the window's.
            const double view_width = swipe ? w : (w - 4 * size.scale) / 2;
            const kuril::MapView view(shipped.scene.world, view_width, size.h);
            const auto left = kuril::build_frame(shipped.scene, state, view);
            const auto right = kuril::build_frame(shipped.scene, ui_state.compare.other, view);
            const auto layout = ui.layout(left, ui_state, nullptr, &right, w);
            REQUIRE(layout.compare);
            REQUIRE(layout.timeline);
            REQUIRE(layout.layers);
            CHECK(layout.width == w);
            const kuril::CompareLayout& compare = *layout.compare;
            CHECK(compare.halves[0].focused);
            CHECK_FALSE(compare.halves[1].focused);
            CHECK(compare.halves[0].heading == "Situation on 1 January 1944");
            CHECK(compare.halves[1].heading == "Situation on 1 January 1950");
            for (std::size_t side = 0; side < 2; ++side) {
                CAPTURE(side);
                const kuril::CompareHalfLayout& half = compare.halves[side];
                CHECK(inside(half.heading_box, w, h));
                CHECK_FALSE(half.heading_box.intersects(layout.layers->rect));
                CHECK_FALSE(half.legend.empty());
                CHECK(inside(half.legend_rect, w, h));
                CHECK(half.legend_rect.top + half.legend_rect.height <= layout.timeline->top);
                if (!swipe) {
                    // Side by side, everything of a half is inside it.
                    const sf::FloatRect& area = half.area;
                    CHECK(half.heading_box.left >= area.left);
                    CHECK(half.heading_box.left + half.heading_box.width <= area.left + area.width);
                    CHECK(half.legend_rect.left >= area.left);
                    CHECK(half.legend_rect.left + half.legend_rect.width <= area.left + area.width);
                }
            }
            CHECK_FALSE(compare.halves[0].heading_box.intersects(compare.halves[1].heading_box));
            CHECK_FALSE(compare.halves[0].legend_rect.intersects(compare.halves[1].legend_rect));
            // Side by side the two areas and the bar fill the window.
            if (!swipe) {
                CHECK(compare.halves[0].area.width == compare.halves[1].area.width);
                CHECK(compare.halves[1].area.left + compare.halves[1].area.width == w);
                CHECK(compare.divider.left == compare.halves[0].area.width);
            }
        }
    }
}

TEST_CASE("[viewer-ui] in Japanese and Russian the panels and help fit too, in their words") {
    test_drawing::ShippedScene shipped;
    const kuril::Timeline timeline(shipped.atlas->history->key_dates());
    kuril::ViewerUi ui(shipped.scene, timeline, shipped.font);
    struct Case {
        kuril::TextLanguage language;
        const char* help_title;
        const char* sources_heading;
    };
    for (const Case c : {Case{kuril::TextLanguage::ja, "Kuril Atlas：キー操作", "出典"},
                         Case{kuril::TextLanguage::ru, "Kuril Atlas: клавиши", "Источники"}}) {
        for (const unsigned width : {1280U, 3840U}) {
            CAPTURE(width);
            const unsigned height = width * 9 / 16;
            kuril::MapState state;
            state.date = {1956, 10, 19};
            state.ui_scale = width / 1280.0;
            state.selected_island = "etorofu";
            state.text_language = c.language;
            kuril::UiState ui_state;
            ui_state.show_help = true;
            const kuril::MapView view(shipped.scene.world, width, height);
            const auto frame = kuril::build_frame(shipped.scene, state, view);
            const auto layout = ui.layout(frame, ui_state, nullptr);
            const auto w = static_cast<float>(width);
            const auto h = static_cast<float>(height);
            REQUIRE(layout.help);
            CHECK(layout.help->title == c.help_title);
            CHECK(inside(layout.help->box, w, h));
            REQUIRE(layout.layers);
            CHECK(inside(layout.layers->rect, w, h));
            CHECK(layout.layers->rect.top + layout.layers->rect.height <= layout.timeline->top);
            REQUIRE(layout.info);
            CHECK(inside(layout.info->rect, w, h));
            CHECK(layout.info->sources_heading.find(c.sources_heading) == 0);
            // No English word of the key table is left.
            CHECK(layout.help->meanings.find("whole region") == std::string::npos);
        }
    }
}
