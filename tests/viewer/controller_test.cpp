// SPDX-License-Identifier: GPL-3.0-or-later
#include "controller.hpp"
#include "geo/atlas.hpp"
#include "geo/projection.hpp"
#include "test_paths.hpp"

#include <doctest/doctest.h>

namespace {

using kuril::ViewerAction;
using kuril::WindowRequest;

struct Shipped {
    std::unique_ptr<geo::Atlas> atlas = geo::load_atlas(test_paths::shipped() / "annotations.xml");
    geo::Projection projection;
    kuril::MapScene scene{*atlas, projection};
    kuril::Timeline timeline{atlas->history->key_dates()};
};

const Shipped& shipped() {
    static const Shipped data;
    return data;
}

/// A controller over a fresh 1280x720 view of the shipped scene, on 19 October 1956.
struct Fixture {
    kuril::MapView view{shipped().scene.world, 1280, 720};
    kuril::ViewAnimator animator;
    kuril::MapState map;
    kuril::UiState ui;
    kuril::Controller controller{shipped().scene, shipped().timeline, view, animator, map, ui};
    /// A frame with no event markers (the events layer off).
    kuril::MapFrame no_markers = [this] {
        kuril::MapState state = map;
        state.visible[static_cast<std::size_t>(kuril::Layer::events)] = false;
        return kuril::build_frame(shipped().scene, state, view);
    }();

    Fixture() { map.date = {1956, 10, 19}; }
    WindowRequest apply(ViewerAction action, int value = 0) {
        return controller.apply({action, value});
    }
    /// Press and release without moving: a click.
    WindowRequest click(const kuril::UiLayout& layout, int x, int y) {
        const WindowRequest pressed = controller.press(layout, no_markers, x, y);
        const WindowRequest released = controller.release(layout, no_markers, x, y);
        return pressed.kind != WindowRequest::none ? pressed : released;
    }
    void finish_animation() {
        for (int i = 0; i < 100 && animator.update(view, 0.1); ++i) {
        }
    }
};

/// A layout with a timeline along the bottom and a layers panel at the top left.
kuril::UiLayout sample_layout() {
    kuril::UiLayout layout;
    layout.width = 1280;
    layout.height = 720;
    layout.timeline_height = 64;
    layout.timeline = sf::FloatRect{0, 656, 1280, 64};
    kuril::LayersPanelLayout layers;
    layers.rect = {10, 10, 300, 400};
    layers.rows.push_back({kuril::Layer::lakes, {10, 100, 300, 21}});
    layers.export_buttons.push_back({4, {100, 380, 36, 19}});
    layout.layers = layers;
    return layout;
}

} // namespace

TEST_CASE("[viewer] controller: zoom in and out about the centre, Home back to the region") {
    Fixture f;
    const double start = f.view.metres_per_pixel();
    const geo::Point centre = f.view.center();
    f.apply(ViewerAction::zoom_in);
    f.finish_animation();
    CHECK(f.view.metres_per_pixel() == doctest::Approx(start / 2));
    CHECK(f.view.center().x == doctest::Approx(centre.x).epsilon(1e-6));
    f.apply(ViewerAction::zoom_in);
    f.apply(ViewerAction::zoom_out); // before the first has finished: relative to its target
    f.finish_animation();
    CHECK(f.view.metres_per_pixel() == doctest::Approx(start / 2));
    f.apply(ViewerAction::pan_left);
    CHECK(f.view.center().x < centre.x);
    f.apply(ViewerAction::whole_region);
    f.finish_animation();
    CHECK(f.view.metres_per_pixel() == doctest::Approx(start));
    CHECK(f.view.center().x == doctest::Approx(centre.x));
}

TEST_CASE("[viewer] controller: a date step highlights and captions what changed") {
    Fixture f;
    f.map.date = {1945, 1, 1};
    f.apply(ViewerAction::next_date);
    const geo::Date step = shipped().timeline.next_key_date({1945, 1, 1});
    CHECK(f.map.date == step);
    CHECK(f.map.highlight_strength == 1.0);
    CHECK_FALSE(f.ui.caption.empty());
    CHECK(f.ui.caption_alpha > 0);
    f.apply(ViewerAction::previous_date);
    CHECK(f.map.date == shipped().timeline.previous_key_date(step));
    // Dragging the timeline moves the date without a caption.
    f.ui.caption_alpha = 0;
    f.controller.set_date({1980, 5, 5}, false);
    CHECK(f.map.date == geo::Date{1980, 5, 5});
    CHECK(f.ui.caption_alpha == 0);
}

TEST_CASE("[viewer] controller: layers, the layers panel, help and the label language") {
    Fixture f;
    CHECK(f.map.shows(kuril::Layer::lakes));
    f.apply(ViewerAction::toggle_layer, 2);
    CHECK_FALSE(f.map.shows(kuril::Layer::lakes));
    f.apply(ViewerAction::toggle_layer, 2);
    CHECK(f.map.shows(kuril::Layer::lakes));
    f.apply(ViewerAction::toggle_layers_panel);
    CHECK_FALSE(f.ui.show_layers);
    f.apply(ViewerAction::toggle_help);
    CHECK(f.ui.show_help);
    f.map.language = kuril::LabelLanguage::ja_ru;
    f.apply(ViewerAction::cycle_language); // the last wraps round to the first
    CHECK(f.map.language == kuril::LabelLanguage::en);
    CHECK(f.ui.notice == "Labels: en");
    CHECK(f.ui.notice_alpha > 0);
}

TEST_CASE("[viewer] controller: measuring takes two clicks, a third starts again; Esc stops") {
    Fixture f;
    const kuril::UiLayout layout = sample_layout();
    f.apply(ViewerAction::toggle_measure);
    CHECK(f.ui.measuring);
    f.click(layout, 600, 300);
    f.click(layout, 700, 350);
    REQUIRE(f.map.measure_points.size() == 2);
    CHECK(f.map.measure_points[1].x == doctest::Approx(f.view.screen_to_map({700, 350}).x));
    f.click(layout, 800, 400);
    CHECK(f.map.measure_points.size() == 1);
    f.apply(ViewerAction::close);
    CHECK_FALSE(f.ui.measuring);
    CHECK(f.map.measure_points.empty());
}

TEST_CASE("[viewer] controller: Esc closes help, then the selection, then the messages") {
    Fixture f;
    f.ui.show_help = true;
    f.map.selected_island = "etorofu";
    f.ui.messages.push_back("a problem");
    CHECK(f.controller.has_something_to_close());
    f.apply(ViewerAction::close);
    CHECK_FALSE(f.ui.show_help);
    CHECK(f.map.selected_island == "etorofu");
    f.apply(ViewerAction::close);
    CHECK(f.map.selected_island.empty());
    CHECK_FALSE(f.controller.has_something_to_close());
    CHECK(f.ui.messages.size() == 1);
    f.apply(ViewerAction::close);
    CHECK(f.ui.messages.empty());
}

TEST_CASE("[viewer] controller: clicks go to the layout's rows and buttons, then the map") {
    Fixture f;
    const kuril::UiLayout layout = sample_layout();
    f.click(layout, 50, 105); // the lakes row
    CHECK_FALSE(f.map.shows(kuril::Layer::lakes));
    const WindowRequest export_request = f.click(layout, 110, 385);
    CHECK(export_request.kind == WindowRequest::export_view);
    CHECK(export_request.factor == 4);
    // E exports at the factor last clicked.
    CHECK(f.apply(ViewerAction::export_view).factor == 4);
    f.click(layout, 640, 690); // the middle of the timeline
    CHECK(f.map.date == shipped().timeline.date_at(layout.timeline_fraction(640)));
    // An island on the map selects it; empty sea clears the selection, or, with nothing
    // selected, is the click a tour takes for "next".
    const auto* etorofu = shipped().scene.atlas->annotations.island("etorofu");
    const geo::Point on_island =
        f.view.map_to_screen(shipped().projection.forward(etorofu->anchor));
    f.click(layout, static_cast<int>(on_island.x), static_cast<int>(on_island.y));
    CHECK(f.map.selected_island == "etorofu");
    const geo::Point sea = f.view.map_to_screen(shipped().projection.forward({152.0, 42.5}));
    CHECK(f.click(layout, static_cast<int>(sea.x), static_cast<int>(sea.y)).kind ==
          WindowRequest::none);
    CHECK(f.map.selected_island.empty());
    CHECK(f.click(layout, static_cast<int>(sea.x), static_cast<int>(sea.y)).kind ==
          WindowRequest::empty_map_click);
}

TEST_CASE("[viewer] controller: a drag pans the map and is no click") {
    Fixture f;
    const kuril::UiLayout layout = sample_layout();
    const geo::Point before = f.view.center();
    f.controller.press(layout, f.no_markers, 600, 300);
    f.controller.move(layout, 650, 300, true);
    f.controller.release(layout, f.no_markers, 650, 300);
    CHECK(f.view.center().x == doctest::Approx(before.x - 50 * f.view.metres_per_pixel()));
    CHECK(f.map.selected_island.empty());
    // A press on a panel does not drag the map.
    f.controller.press(layout, f.no_markers, 50, 300);
    f.controller.move(layout, 150, 300, true);
    f.controller.release(layout, f.no_markers, 150, 300);
    CHECK(f.view.center().x == doctest::Approx(before.x - 50 * f.view.metres_per_pixel()));
}

namespace {

/// sample_layout() with an info panel at the right: its scrolled area from y 60 to 600, 1000
/// pixels of content and two sources (the second at the end of the content).
kuril::UiLayout layout_with_panel() {
    kuril::UiLayout layout = sample_layout();
    kuril::InfoPanelLayout info;
    info.rect = {850, 10, 420, 626};
    info.close = {1240, 16, 24, 24};
    info.body_top = 60;
    info.body_bottom = 600;
    info.line_height = 18;
    info.content_height = 1000;
    info.max_scroll = 1000 - 540;
    info.sources.push_back({"1. A title — A publisher, 1992", "https://example.org/a",
                            "https://example.org/a", 100, 36});
    info.sources.push_back(
        {"2. Another — Someone, 2020", "https://example.org/b", "https://example.org/b", 940, 36});
    layout.info = info;
    return layout;
}

} // namespace

TEST_CASE("[viewer] controller: the wheel over the info panel scrolls it; elsewhere it zooms") {
    Fixture f;
    kuril::UiLayout layout = layout_with_panel();
    const double scale = f.view.metres_per_pixel();
    const geo::Point centre = f.view.center();
    f.controller.wheel(layout, 900, 300, -1); // one notch down: three lines
    f.finish_animation();
    CHECK(f.ui.info_scroll == doctest::Approx(54));
    CHECK(f.view.metres_per_pixel() == scale);
    CHECK(f.view.center().x == centre.x);
    CHECK(f.view.center().y == centre.y);
    // Clamped at both ends.
    layout.info->scroll = f.ui.info_scroll;
    f.controller.wheel(layout, 900, 300, 5);
    CHECK(f.ui.info_scroll == 0);
    f.controller.wheel(layout, 900, 300, -100);
    CHECK(f.ui.info_scroll == doctest::Approx(460));
    // Over the map the wheel zooms about the pointer, and the panel stays where it was.
    f.controller.wheel(layout, 400, 300, 1);
    f.finish_animation();
    CHECK(f.view.metres_per_pixel() == doctest::Approx(scale / 1.5));
    CHECK(f.ui.info_scroll == doctest::Approx(460));
}

TEST_CASE("[viewer] controller: C or a click on a source copies its URL, with a notice") {
    Fixture f;
    kuril::UiLayout layout = layout_with_panel();
    // C: the first source in view (at scroll 0, the first).
    WindowRequest copied = f.controller.apply({ViewerAction::copy_source_url}, &layout);
    CHECK(copied.kind == WindowRequest::copy_to_clipboard);
    CHECK(copied.text == "https://example.org/a");
    CHECK(f.ui.notice == "Copied https://example.org/a");
    // Scrolled to the end, the second is the first in view.
    layout.info->scroll = layout.info->max_scroll;
    copied = f.controller.apply({ViewerAction::copy_source_url}, &layout);
    CHECK(copied.text == "https://example.org/b");
    // A click on a source line copies that one (content y = 600 - 60 + 460 = ... the second).
    copied = f.click(layout, 900, 60 + 950 - 460);
    CHECK(copied.kind == WindowRequest::copy_to_clipboard);
    CHECK(copied.text == "https://example.org/b");
    // Elsewhere in the panel: nothing.
    CHECK(f.click(layout, 900, 300).kind == WindowRequest::none);
    // No panel: nothing to copy, and a notice that says why.
    layout.info.reset();
    CHECK(f.controller.apply({ViewerAction::copy_source_url}, &layout).kind == WindowRequest::none);
    CHECK(f.ui.notice.rfind("Nothing to copy", 0) == 0);
    CHECK(f.controller.apply({ViewerAction::copy_source_url}).kind == WindowRequest::none);
}

TEST_CASE("[viewer] controller: a new selection opens its panel at the top") {
    Fixture f;
    const kuril::UiLayout layout = sample_layout();
    f.ui.info_scroll = 200;
    const auto* etorofu = shipped().scene.atlas->annotations.island("etorofu");
    const geo::Point on_island =
        f.view.map_to_screen(shipped().projection.forward(etorofu->anchor));
    f.click(layout, static_cast<int>(on_island.x), static_cast<int>(on_island.y));
    CHECK(f.map.selected_island == "etorofu");
    CHECK(f.ui.info_scroll == 0);
    f.ui.info_scroll = 120;
    f.click(layout, static_cast<int>(on_island.x), static_cast<int>(on_island.y));
    CHECK(f.ui.info_scroll == 120); // the same island: where the reader was
    f.apply(ViewerAction::close);
    CHECK(f.ui.info_scroll == 0);
}

TEST_CASE("[viewer] controller: a click near a key date's tick lands on the key date") {
    Fixture f;
    const kuril::UiLayout layout = sample_layout();
    // A key date with no other within years of it (the Tokyo Declaration), so that the nearest
    // tick is its own.
    const geo::Date key{1993, 10, 13};
    const auto& timeline = shipped().timeline;
    REQUIRE(std::find(timeline.key_dates().begin(), timeline.key_dates().end(), key) !=
            timeline.key_dates().end());
    const float axis_left = layout.timeline->left + 20;
    const float axis_width = layout.timeline->width - 40;
    const float tick = axis_left + axis_width * static_cast<float>(timeline.fraction_of(key));
    // Three pixels beside the tick: the key date, not the day under the pointer.
    f.click(layout, static_cast<int>(tick + 3), 690);
    CHECK(f.map.date == key);
    CHECK(timeline.date_at(layout.timeline_fraction(tick + 3)) != key);
    // Far from any tick: the day under the pointer.
    const float between =
        axis_left + axis_width * static_cast<float>(timeline.fraction_of(geo::Date{1880, 6, 1}));
    f.click(layout, static_cast<int>(between), 690);
    CHECK(f.map.date == timeline.date_at(layout.timeline_fraction(
                            static_cast<float>(static_cast<int>(between)))));
}

TEST_CASE("[viewer] controller: pointing at a key date's tick names it, elsewhere nothing") {
    Fixture f;
    const kuril::UiLayout layout = sample_layout();
    const geo::Date key{1993, 10, 13}; // no other key date within years of it
    const auto& timeline = shipped().timeline;
    const float tick =
        layout.timeline->left + 20 +
        (layout.timeline->width - 40) * static_cast<float>(timeline.fraction_of(key));
    f.controller.move(layout, static_cast<int>(tick + 2), 690, false);
    REQUIRE(f.ui.hover_key_date.has_value());
    CHECK(*f.ui.hover_key_date == key);
    f.controller.move(layout, 640, 300, false); // over the map
    CHECK_FALSE(f.ui.hover_key_date.has_value());
}

TEST_CASE("[viewer] controller: G, a typed date and Enter go to that date") {
    Fixture f;
    using K = sf::Keyboard;
    const auto type = [&](std::initializer_list<K::Key> keys) {
        for (const auto key : keys) {
            CHECK(f.controller.type_date_key(key));
        }
    };
    CHECK_FALSE(f.controller.type_date_key(K::Num1)); // not typing: the key table's
    f.apply(ViewerAction::go_to_date);
    REQUIRE(f.ui.typed_date.has_value());
    type({K::Num1, K::Num8, K::Num5, K::Num5, K::Hyphen, K::Num0, K::Num2, K::Hyphen, K::Num0,
          K::Num7});
    CHECK_MESSAGE(f.ui.notice.find("1855-02-07") != std::string::npos, f.ui.notice);
    type({K::Enter});
    CHECK(f.map.date == geo::Date{1855, 2, 7});
    CHECK_FALSE(f.ui.typed_date.has_value());
    CHECK_FALSE(f.ui.caption.empty()); // a step: what changed is named
    // A year alone is its first day; past the timeline's end goes to its end, with a notice.
    f.apply(ViewerAction::go_to_date);
    type({K::Num2, K::Num0, K::Num9, K::Num9, K::Enter});
    CHECK(f.map.date == shipped().timeline.last());
    CHECK(f.ui.notice.find("outside the timeline") != std::string::npos);
    // Not a date: the date stays, the notice says why.
    f.apply(ViewerAction::go_to_date);
    type({K::Num1, K::Num9, K::Num4, K::Num5, K::Hyphen, K::Num1, K::Num3, K::Enter});
    CHECK(f.map.date == shipped().timeline.last());
    CHECK(f.ui.notice.find("there is no month 13") != std::string::npos);
    // Esc cancels; Backspace takes back a digit.
    f.apply(ViewerAction::go_to_date);
    type({K::Num1, K::Num9, K::BackSpace, K::Escape});
    CHECK_FALSE(f.ui.typed_date.has_value());
    CHECK(f.map.date == shipped().timeline.last());
}

TEST_CASE("[viewer] controller: V cycles the points of view, saying which by its title") {
    Fixture f;
    CHECK(f.map.pov == "defacto");
    f.apply(ViewerAction::cycle_pov);
    CHECK(f.map.pov == "jp");
    CHECK(f.ui.notice == "Point of view: As drawn by Japan's government");
    f.apply(ViewerAction::cycle_pov);
    CHECK(f.map.pov == "ru");
    f.apply(ViewerAction::cycle_pov);
    CHECK(f.map.pov == "neutral");
    f.apply(ViewerAction::cycle_pov);
    CHECK(f.map.pov == "defacto");
    const auto command = kuril::map_command(sf::Keyboard::V);
    REQUIRE(command);
    CHECK(command->action == ViewerAction::cycle_pov);
}

TEST_CASE("[viewer] controller: a click on a point-of-view button draws that one") {
    Fixture f;
    kuril::UiLayout layout = sample_layout();
    layout.layers->pov_buttons.push_back({"ru", "Russia's maps", {120, 340, 90, 19}});
    f.click(layout, 150, 350);
    CHECK(f.map.pov == "ru");
    CHECK(f.ui.notice == "Point of view: As drawn by Russia's government");
    f.click(layout, 60, 350); // beside the button: the panel, nothing changes
    CHECK(f.map.pov == "ru");
}

namespace {

/// sample_layout() with a compare view over it: side by side (halves 638 wide, a 4-pixel bar)
/// or a swipe with its divider in the middle.
kuril::UiLayout compare_layout(bool swipe) {
    kuril::UiLayout layout = sample_layout();
    kuril::CompareLayout compare;
    compare.swipe = swipe;
    if (swipe) {
        compare.halves[0].area = compare.halves[0].tile = {0, 0, 640, 720};
        compare.halves[1].area = compare.halves[1].tile = {640, 0, 640, 720};
        compare.divider = {639, 0, 2, 656};
        compare.handle = {626, 314, 28, 28};
    } else {
        compare.halves[0].area = {0, 0, 638, 720};
        compare.halves[1].area = {642, 0, 638, 720};
        compare.halves[0].tile = compare.halves[1].tile = {0, 0, 638, 720};
        compare.divider = {638, 0, 4, 720};
    }
    layout.compare = compare;
    return layout;
}

} // namespace

TEST_CASE("[viewer] controller: S cycles compare side by side, swipe, off; the other half starts "
          "at the next key date; the layers panel is hidden meanwhile") {
    Fixture f;
    CHECK(f.ui.compare.mode == kuril::CompareMode::off);
    f.apply(ViewerAction::cycle_compare);
    CHECK(f.ui.compare.mode == kuril::CompareMode::side_by_side);
    CHECK(f.map.date == geo::Date{1956, 10, 19});
    CHECK(f.ui.compare.other.date == shipped().timeline.next_key_date({1956, 10, 19}));
    CHECK(f.ui.compare.other.date != f.map.date);
    CHECK_FALSE(f.ui.compare.focus_right);
    CHECK_FALSE(f.ui.show_layers); // each half has its own legend; Tab shows the panel
    f.apply(ViewerAction::cycle_compare);
    CHECK(f.ui.compare.mode == kuril::CompareMode::swipe);
    f.apply(ViewerAction::cycle_compare);
    CHECK(f.ui.compare.mode == kuril::CompareMode::off);
    CHECK(f.map.date == geo::Date{1956, 10, 19});
    CHECK(f.ui.show_layers);
}

TEST_CASE("[viewer] controller: side by side, dragging one half pans both; the wheel zooms about "
          "the point under the cursor in either half") {
    Fixture f;
    f.controller.set_compare(kuril::CompareMode::side_by_side, geo::Date{1950, 1, 1});
    f.map.date = {1944, 1, 1};
    f.view.resize(638, 720); // the viewer's view is a half's size side by side
    const kuril::UiLayout layout = compare_layout(false);
    // Both halves draw the one view: a map point's pixel in the view is the same in each half.
    const geo::Point before = f.view.screen_to_map({900.0 - 642, 300});
    f.controller.press(layout, f.no_markers, 900, 300);
    f.controller.move(layout, 950, 330, true);
    f.controller.release(layout, f.no_markers, 950, 330);
    // The point followed the pointer: 50 right, 30 down, in the right half and so in the left.
    const geo::Point after = f.view.map_to_screen(before);
    CHECK(after.x == doctest::Approx(950.0 - 642));
    CHECK(after.y == doctest::Approx(330));
    // Each half kept its own date; the press gave the right half the focus.
    CHECK(f.ui.compare.focus_right);
    CHECK(f.map.date == geo::Date{1950, 1, 1});
    CHECK(f.ui.compare.other.date == geo::Date{1944, 1, 1});
    // The wheel over the left half zooms about the point under the cursor there.
    const geo::Point under = f.view.screen_to_map({200, 500});
    const double scale = f.view.metres_per_pixel();
    f.controller.wheel(layout, 200, 500, 1);
    f.finish_animation();
    CHECK(f.view.metres_per_pixel() < scale * 0.8);
    const geo::Point still = f.view.map_to_screen(under);
    CHECK(still.x == doctest::Approx(200).epsilon(1e-3));
    CHECK(still.y == doctest::Approx(500).epsilon(1e-3));
}

TEST_CASE("[viewer] controller: the other half of a comparison starts with nothing selected, "
          "a user feature neither") {
    Fixture f;
    f.map.selected_island = "iturup";
    f.map.selected_user_feature = std::pair<std::size_t, std::size_t>{0, 0};
    f.controller.set_compare(kuril::CompareMode::side_by_side, geo::Date{1950, 1, 1});
    CHECK_FALSE(f.ui.compare.other.has_selection());
    CHECK_FALSE(f.ui.compare.other.selected_user_feature.has_value());
    // This half keeps its selection.
    CHECK(f.map.has_selection());
}

TEST_CASE("[viewer] controller: the timeline moves the half with focus; a click gives it focus") {
    Fixture f;
    f.map.date = {1944, 1, 1};
    f.controller.set_compare(kuril::CompareMode::side_by_side, geo::Date{1950, 1, 1});
    f.view.resize(638, 720);
    const kuril::UiLayout layout = compare_layout(false);
    f.apply(ViewerAction::next_date);
    const geo::Date left_moved = f.map.date;
    CHECK(left_moved > geo::Date{1944, 1, 1});
    CHECK(f.ui.compare.other.date == geo::Date{1950, 1, 1});
    // A click on the right half only gives it the focus: no island is selected by it.
    f.click(layout, 1000, 200);
    CHECK(f.ui.compare.focus_right);
    CHECK(f.map.selected_island.empty());
    f.apply(ViewerAction::next_date);
    CHECK(f.map.date == shipped().timeline.next_key_date({1950, 1, 1}));
    CHECK(f.ui.compare.other.date == left_moved);
    // Off: the half with focus stays.
    f.controller.set_compare(kuril::CompareMode::off);
    CHECK(f.map.date == shipped().timeline.next_key_date({1950, 1, 1}));
}

TEST_CASE("[viewer] controller: in a swipe, dragging the divider moves it and pans nothing") {
    Fixture f;
    f.controller.set_compare(kuril::CompareMode::swipe, geo::Date{1950, 1, 1});
    const kuril::UiLayout layout = compare_layout(true);
    const geo::Point centre = f.view.center();
    f.controller.press(layout, f.no_markers, 641, 500);
    f.controller.move(layout, 960, 520, true);
    f.controller.release(layout, f.no_markers, 960, 520);
    CHECK(f.ui.compare.divider == doctest::Approx(960.0 / 1280));
    CHECK(f.view.center().x == centre.x);
    CHECK(f.view.center().y == centre.y);
    // Elsewhere a drag pans, as without a divider.
    f.controller.press(layout, f.no_markers, 300, 500);
    f.controller.move(layout, 340, 500, true);
    f.controller.release(layout, f.no_markers, 340, 500);
    CHECK(f.view.center().x < centre.x);
}

TEST_CASE("[viewer] P plays history: the date runs, each key date is captioned as it passes, "
          "P pauses") {
    Fixture f;
    f.map.date = f.map.date.today();
    f.apply(ViewerAction::toggle_play);
    REQUIRE(f.ui.playback);
    CHECK(f.map.date == geo::Date{1855, 1, 1}); // at today, the whole story
    CHECK(f.ui.notice.find("Playing history at 4 years a second") == 0);
    // The first key date after 1855-01-01 is the Treaty of Shimoda (7 February 1855).
    const geo::Date first = shipped().timeline.next_key_date({1855, 1, 1});
    const double reach = f.ui.playback->plan.stop_start(0);
    CHECK(f.controller.advance_playback(reach / 2));
    CHECK(f.map.date > geo::Date{1855, 1, 1});
    CHECK(f.map.date < first);
    CHECK(f.ui.caption.empty());
    f.controller.advance_playback(reach / 2 + 0.1);
    CHECK(f.map.date == first);
    CHECK_FALSE(f.ui.caption.empty());
    CHECK(f.ui.caption.rfind("1855", 0) == 0);
    CHECK(f.ui.caption_alpha > 0);
    f.apply(ViewerAction::toggle_play);
    CHECK_FALSE(f.ui.playback);
    CHECK_FALSE(f.controller.advance_playback(1.0));
    CHECK(f.map.date == first);
}

TEST_CASE("[viewer] playing starts from the map's date, changes speed on , and ., stops at a "
          "date chosen and at the end") {
    Fixture f; // 19 October 1956
    f.apply(ViewerAction::toggle_play);
    REQUIRE(f.ui.playback);
    CHECK(f.ui.playback->plan.from() == geo::Date{1956, 10, 19});
    CHECK(f.ui.playback->plan.to() == shipped().timeline.last());
    f.apply(ViewerAction::play_faster);
    CHECK(f.ui.play_speed == 8);
    REQUIRE(f.ui.playback);
    CHECK(f.ui.playback->plan.settings().years_per_second == 8);
    f.apply(ViewerAction::play_slower);
    f.apply(ViewerAction::play_slower);
    CHECK(f.ui.play_speed == 2);
    CHECK(f.ui.notice == "Playing speed: 2 years a second");
    f.controller.advance_playback(1.0);
    CHECK(f.map.date > geo::Date{1956, 10, 19});
    f.apply(ViewerAction::next_date); // a date chosen: playing stops
    CHECK_FALSE(f.ui.playback);

    f.apply(ViewerAction::toggle_play);
    REQUIRE(f.ui.playback);
    const double duration = f.ui.playback->plan.duration();
    f.controller.advance_playback(duration + 1);
    CHECK(f.map.date == shipped().timeline.last());
    CHECK_FALSE(f.ui.playback);
}

TEST_CASE("[viewer] the play button on the timeline plays and pauses") {
    Fixture f;
    kuril::UiLayout layout = sample_layout();
    layout.play_button = sf::FloatRect{20, 658, 17, 17};
    f.click(layout, 28, 666);
    CHECK(f.ui.playback);
    f.click(layout, 28, 666);
    CHECK_FALSE(f.ui.playback);
    CHECK(f.map.date == geo::Date{1956, 10, 19}); // the click did not move the date
}

TEST_CASE("[viewer] in a tour, which has no timeline, P and the speed keys do nothing") {
    Fixture f;
    f.ui.presenting = true;
    f.apply(ViewerAction::toggle_play);
    CHECK_FALSE(f.ui.playback);
    f.apply(ViewerAction::play_faster);
    CHECK(f.ui.play_speed == 4);
    CHECK(f.map.date == geo::Date{1956, 10, 19});
}

TEST_CASE("[viewer] controller: O opens the layer prompt; typed, Tab, Enter asks for the file") {
    Fixture f;
    f.apply(ViewerAction::add_layer);
    REQUIRE(f.ui.layer_prompt);
    // The 'o' of the key that opened it is not typed; what follows is.
    CHECK(f.controller.layer_prompt_text(U'o'));
    for (const char32_t c : std::u32string(U"/tmp/my layer.geojson")) {
        f.controller.layer_prompt_text(c);
    }
    CHECK(f.ui.layer_prompt->path == "/tmp/my layer.geojson");
    // Backspace deletes; keys of the map do nothing while it is open (Tab completes instead).
    REQUIRE(f.controller.layer_prompt_key(sf::Keyboard::BackSpace));
    CHECK(f.ui.layer_prompt->path == "/tmp/my layer.geojso");
    REQUIRE(f.controller.layer_prompt_key(sf::Keyboard::Q));
    CHECK(f.ui.layer_prompt);
    f.controller.layer_prompt_text(U'n');
    const auto request = f.controller.layer_prompt_key(sf::Keyboard::Enter);
    REQUIRE(request);
    CHECK(request->kind == WindowRequest::add_layer);
    CHECK(request->text == "/tmp/my layer.geojson");
    CHECK_FALSE(f.ui.layer_prompt);
    CHECK_FALSE(f.controller.layer_prompt_key(sf::Keyboard::Enter)); // closed: the map's keys
    // Esc closes it without asking for anything.
    f.apply(ViewerAction::add_layer);
    const auto cancelled = f.controller.layer_prompt_key(sf::Keyboard::Escape);
    REQUIRE(cancelled);
    CHECK(cancelled->kind == WindowRequest::none);
    CHECK_FALSE(f.ui.layer_prompt);
}

TEST_CASE("[viewer] controller: Delete without a feature of a user layer selected says how") {
    Fixture f;
    CHECK(f.apply(ViewerAction::remove_layer).kind == WindowRequest::none);
    CHECK(f.ui.notice == "No layer of yours to remove (O adds one)");
    f.map.selected_user_feature = {{2, 5}};
    const auto request = f.apply(ViewerAction::remove_layer);
    CHECK(request.kind == WindowRequest::remove_layer);
    CHECK(request.factor == 2);
}
