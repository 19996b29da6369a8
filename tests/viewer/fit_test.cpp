// SPDX-License-Identifier: GPL-3.0-or-later
// Fitting an area (Home, --island, --bbox) into what the viewer's own layout leaves free.
#include "controller.hpp"
#include "geo/atlas.hpp"
#include "geo/projection.hpp"
#include "map/view_spec.hpp"
#include "render/fonts.hpp"
#include "test_paths.hpp"
#include "viewer/viewer_ui.hpp"

#include <doctest/doctest.h>
#include <memory>

namespace {

struct Shipped {
    std::unique_ptr<geo::Atlas> atlas = geo::load_atlas(test_paths::shipped() / "annotations.xml");
    geo::Projection projection;
    kuril::MapScene scene{*atlas, projection};
    kuril::Timeline timeline{atlas->history->key_dates()};
    sf::Font font;
    Shipped() { kuril::load_map_font(font); }
};

Shipped& shipped() {
    static Shipped s;
    return s;
}

/// The island's bounding box on screen.
sf::FloatRect screen_box(const kuril::MapScene& scene, const kuril::MapView& view,
                         const std::string& id) {
    double x0 = 1e300, y0 = 1e300, x1 = -1e300, y1 = -1e300;
    for (const auto& region : scene.regions) {
        if (region.island->id != id) {
            continue;
        }
        for (const auto& polygon : region.projected) {
            for (const auto& p : polygon.rings.front()) {
                const geo::Point s = view.map_to_screen(p);
                x0 = std::min(x0, s.x);
                y0 = std::min(y0, s.y);
                x1 = std::max(x1, s.x);
                y1 = std::max(y1, s.y);
            }
        }
    }
    return {static_cast<float>(x0), static_cast<float>(y0), static_cast<float>(x1 - x0),
            static_cast<float>(y1 - y0)};
}

} // namespace

TEST_CASE("[viewer] fit: --island kunashiri at 1280x720, ui scale 2, is clear of the panels") {
    auto& s = shipped();
    kuril::ViewerUi ui(s.scene, s.timeline, s.font);
    kuril::UiState ui_state;
    kuril::MapState map;
    map.ui_scale = 2;
    map.date = {2000, 1, 1};
    kuril::MapView view(s.scene.world, 1280, 720);
    // As the viewer does before its first frame: lay out, then fit into what is left.
    const kuril::UiLayout before =
        ui.layout(kuril::build_frame(s.scene, map, view), ui_state, nullptr);
    const kuril::ScreenInsets insets = before.map_insets();
    REQUIRE(before.layers.has_value());
    CHECK(insets.left == doctest::Approx(before.layers->rect.left + before.layers->rect.width));
    CHECK(insets.bottom == doctest::Approx(before.timeline_height));
    kuril::ViewSpec spec;
    spec.island = "kunashiri";
    spec.apply(s.scene, view, insets);
    // The frame drawn then has its own layout: the island is clear of its panel and timeline.
    const kuril::UiLayout after =
        ui.layout(kuril::build_frame(s.scene, map, view), ui_state, nullptr);
    const sf::FloatRect island = screen_box(s.scene, view, "kunashiri");
    CAPTURE(island.left);
    CAPTURE(island.top);
    CAPTURE(island.width);
    CAPTURE(island.height);
    REQUIRE(after.layers.has_value());
    CHECK_FALSE(island.intersects(after.layers->rect));
    REQUIRE(after.timeline.has_value());
    CHECK_FALSE(island.intersects(*after.timeline));
    CHECK(island.left >= 0);
    CHECK(island.top >= 0);
    CHECK(island.left + island.width <= 1280);
    CHECK(island.top + island.height <= 720);
    // Fitted to the window alone, as before, the panel covers the island.
    kuril::MapView plain(s.scene.world, 1280, 720);
    spec.apply(s.scene, plain);
    CHECK(screen_box(s.scene, plain, "kunashiri").intersects(after.layers->rect));
}

TEST_CASE("[viewer] fit: Home shows the whole region clear of the panel") {
    auto& s = shipped();
    kuril::MapView view(s.scene.world, 1280, 720);
    kuril::ViewAnimator animator;
    kuril::MapState map;
    kuril::UiState ui_state;
    kuril::Controller controller(s.scene, s.timeline, view, animator, map, ui_state);
    view.set(s.projection.forward({146, 44}), 50);
    controller.set_map_insets({400, 0, 0, 100});
    controller.apply({kuril::ViewerAction::whole_region, 0});
    while (animator.update(view, 0.1)) {
    }
    kuril::MapView expected(s.scene.world, 1280, 720);
    expected.reset({400, 0, 0, 100});
    CHECK(view.center().x == doctest::Approx(expected.center().x).epsilon(1e-3));
    CHECK(view.metres_per_pixel() == doctest::Approx(expected.metres_per_pixel()).epsilon(1e-3));
    kuril::MapView plain(s.scene.world, 1280, 720);
    CHECK(view.center().x != doctest::Approx(plain.center().x).epsilon(1e-3));
}
