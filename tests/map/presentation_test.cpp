// SPDX-License-Identifier: GPL-3.0-or-later
#include "map/map_frame.hpp"
#include "map/presentation.hpp"

#include <cmath>
#include <doctest/doctest.h>

using kuril::PresentCommand;

TEST_CASE("[viewer] slide navigation: next, previous, bounds, first and last") {
    kuril::SlideNavigator nav(5);
    CHECK(nav.current() == 0);
    CHECK(!nav.apply(PresentCommand::previous)); // already at the first
    CHECK(nav.apply(PresentCommand::next));
    CHECK(nav.current() == 1);
    CHECK(nav.apply(PresentCommand::last));
    CHECK(nav.current() == 4);
    CHECK(!nav.apply(PresentCommand::next)); // stays on the last
    CHECK(nav.apply(PresentCommand::previous));
    CHECK(nav.current() == 3);
    CHECK(nav.apply(PresentCommand::first));
    CHECK(nav.current() == 0);
    CHECK(nav.apply(PresentCommand::enter)); // Enter without a number = next
    CHECK(nav.current() == 1);
}

TEST_CASE("[viewer] slide navigation: a number then Enter goes to that slide") {
    kuril::SlideNavigator nav(12);
    nav.apply(PresentCommand::digit, 1);
    nav.apply(PresentCommand::digit, 1);
    CHECK(nav.typed_number() == "11");
    CHECK(nav.apply(PresentCommand::enter));
    CHECK(nav.current() == 10);
    CHECK(nav.typed_number().empty());
    nav.apply(PresentCommand::digit, 9);
    nav.apply(PresentCommand::digit, 9);
    CHECK(!nav.apply(PresentCommand::enter)); // no slide 99: stay
    CHECK(nav.current() == 10);
    nav.apply(PresentCommand::digit, 0);
    CHECK(!nav.apply(PresentCommand::enter)); // no slide 0
    nav.apply(PresentCommand::digit, 3);
    nav.apply(PresentCommand::next); // another key forgets the typed number
    CHECK(nav.typed_number().empty());
}

TEST_CASE("[viewer] slide navigation: blank screen and leaving") {
    kuril::SlideNavigator nav(3);
    nav.apply(PresentCommand::blank);
    CHECK(nav.blank());
    CHECK(!nav.apply(PresentCommand::next)); // the first next only unblanks
    CHECK(!nav.blank());
    CHECK(nav.current() == 0);
    nav.apply(PresentCommand::blank);
    nav.apply(PresentCommand::blank); // B again returns
    CHECK(!nav.blank());
    CHECK(!nav.leaving());
    nav.apply(PresentCommand::leave);
    CHECK(nav.leaving());
}

TEST_CASE("[viewer] fly-to starts and ends exactly, moves monotonically, takes its time") {
    const geo::Point a{-500'000, 300'000};
    const geo::Point b{400'000, -200'000};
    const kuril::FlyTo flight(a, 50.0, b, 800.0, 1920, 1.0);
    geo::Point c;
    double mpp = 0;
    flight.at(0, c, mpp);
    CHECK(c == a);
    CHECK(mpp == doctest::Approx(50.0));
    flight.at(1.0, c, mpp);
    CHECK(c == b);
    CHECK(mpp == doctest::Approx(800.0));
    CHECK(flight.finished(1.0));
    CHECK(!flight.finished(0.99));
    double previous = -1;
    for (double t = 0; t <= 1.0; t += 0.01) {
        const double p = flight.progress(t);
        CHECK(p >= previous);
        previous = p;
    }
    // Far apart: it zooms out so both ends are on screen mid-flight.
    const kuril::FlyTo far(a, 50.0, b, 60.0, 1920, 1.0);
    far.at(0.5, c, mpp);
    CHECK(mpp * 1920 >= std::hypot(b.x - a.x, b.y - a.y));
    // Close together: no detour.
    const kuril::FlyTo near(a, 100.0, {a.x + 1000, a.y}, 100.0, 1920, 1.0);
    near.at(0.5, c, mpp);
    CHECK(mpp < 150.0);
    // No animation: a zero-length flight is already there.
    const kuril::FlyTo instant(a, 50.0, b, 800.0, 1920, 0.0);
    instant.at(0, c, mpp);
    CHECK(c == b);
}

TEST_CASE("[map] a slide's names are at least 3 % of the screen's height, its lines 3 px") {
    for (const double height : {480.0, 720.0, 1080.0, 2160.0}) {
        CAPTURE(height);
        const double scale = kuril::slide_ui_scale(height);
        CHECK(kuril::smallest_island_label_px * scale >= 0.03 * height - 1e-9);
        CHECK(2.5 * scale >= 3.0); // the thinnest boundary line, 2.5 UI pixels
        CHECK(scale >= kuril::window_ui_scale(height));
    }
    // The window's own scale: 1 up to 900 px, then with the height, at most 2.5.
    CHECK(kuril::window_ui_scale(720) == 1.0);
    CHECK(kuril::window_ui_scale(1800) == doctest::Approx(2.0));
    CHECK(kuril::window_ui_scale(4000) == 2.5);
    // At 1280x720 the smallest island name is 21.6 px, not the viewer's 12.
    CHECK(kuril::smallest_island_label_px * kuril::slide_ui_scale(720) == doctest::Approx(21.6));
}
