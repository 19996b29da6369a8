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
