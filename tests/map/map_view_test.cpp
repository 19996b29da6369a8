// SPDX-License-Identifier: GPL-3.0-or-later
#include "map/map_view.hpp"

#include <cmath>
#include <doctest/doctest.h>

namespace {

const geo::Box world{-800'000, -600'000, 800'000, 700'000};

double distance(geo::Point a, geo::Point b) {
    return std::hypot(a.x - b.x, a.y - b.y);
}

} // namespace

TEST_CASE("[viewer] a new view fits the whole region") {
    const kuril::MapView view(world, 1920, 1080);
    const geo::Box visible = view.visible_box();
    CHECK(visible.min_x <= world.min_x);
    CHECK(visible.max_x >= world.max_x);
    CHECK(visible.min_y <= world.min_y);
    CHECK(visible.max_y >= world.max_y);
}

TEST_CASE("[viewer] screen and map coordinates round-trip") {
    kuril::MapView view(world, 1280, 720);
    view.set({12'345, -6'789}, 37.5);
    for (const geo::Point screen : {geo::Point{0, 0}, geo::Point{640, 360}, geo::Point{1279, 719},
                                    geo::Point{13.25, 700.5}}) {
        const geo::Point back = view.map_to_screen(view.screen_to_map(screen));
        CHECK(distance(back, screen) < 1e-6);
    }
    // North is up: a point further north is higher on screen.
    CHECK(view.map_to_screen({0, 1000}).y < view.map_to_screen({0, 0}).y);
    CHECK(view.screen_to_map({640, 360}).x == doctest::Approx(12'345));
}

TEST_CASE("[viewer] zoom about the cursor keeps the point under it") {
    kuril::MapView view(world, 1920, 1080);
    const geo::Point cursor{1500, 300};
    const geo::Point before = view.screen_to_map(cursor);
    for (const double factor : {2.0, 1.5, 3.0, 0.5}) {
        view.zoom_about(cursor, factor);
        CHECK(distance(view.screen_to_map(cursor), before) < 1e-6 * view.metres_per_pixel() + 1e-6);
    }
}

TEST_CASE("[viewer] the animator zooms smoothly about the cursor and finishes") {
    kuril::MapView view(world, 1920, 1080);
    kuril::ViewAnimator animator;
    const geo::Point cursor{400, 800};
    const geo::Point anchor = view.screen_to_map(cursor);
    const double start_scale = view.metres_per_pixel();
    animator.zoom_about(view, cursor, 4.0);
    double previous = start_scale;
    int steps = 0;
    while (animator.update(view, 1.0 / 60) && steps < 600) {
        CHECK(view.metres_per_pixel() <= previous); // monotonic
        CHECK(distance(view.screen_to_map(cursor), anchor) < 1e-3);
        previous = view.metres_per_pixel();
        ++steps;
    }
    CHECK(steps < 60); // well under a second at 60 fps
    CHECK(view.metres_per_pixel() == doctest::Approx(start_scale / 4));
}

TEST_CASE("[viewer] zoom and pan limits keep the user from getting lost") {
    kuril::MapView view(world, 1920, 1080);
    view.zoom_about({960, 540}, 1e9);
    CHECK(view.metres_per_pixel() == doctest::Approx(view.min_metres_per_pixel()));
    view.zoom_about({960, 540}, 1e-9);
    CHECK(view.metres_per_pixel() == doctest::Approx(view.max_metres_per_pixel()));
    view.pan_pixels(1e9, -1e9);
    CHECK(view.center().x == doctest::Approx(world.min_x));
    CHECK(view.center().y == doctest::Approx(world.min_y));
    view.reset();
    CHECK(view.center().x == doctest::Approx(0));
}

TEST_CASE("[viewer] resizing keeps the centre and scale") {
    kuril::MapView view(world, 1280, 720);
    view.set({1000, 2000}, 100);
    view.resize(3840, 2160);
    CHECK(view.center().x == doctest::Approx(1000));
    CHECK(view.metres_per_pixel() == doctest::Approx(100));
    CHECK(view.visible_box().max_x - view.visible_box().min_x == doctest::Approx(384'000));
}
