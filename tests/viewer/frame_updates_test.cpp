// SPDX-License-Identifier: GPL-3.0-or-later
// What the viewer does between frames: the levels of detail built after the first frame.
#include "geo/atlas.hpp"
#include "geo/projection.hpp"
#include "map/user_layer.hpp"
#include "test_paths.hpp"
#include "user_layer_fixtures.hpp"
#include "viewer/frame_updates.hpp"

#include <doctest/doctest.h>

TEST_CASE("[viewer] the remaining levels include the user's layers, held while layers change") {
    const auto atlas = geo::load_atlas(test_paths::shipped() / "annotations.xml");
    const geo::Projection projection;
    kuril::MapScene scene(*atlas, projection);
    const auto file =
        test_user_layers::write_geojson(test_paths::scratch("frame_updates") / "mine.geojson");
    for (auto& layer : kuril::load_user_layers(file, {}, {}, projection)) {
        scene.user_layers.push_back(std::move(layer));
    }
    // The GeoJSON's one polygon: its set, held by the list as well as by the scene.
    const auto shapes = kuril::user_layer_shapes(scene);
    REQUIRE(shapes.size() == 1);
    CHECK(shapes.front().use_count() == 2);
    // The layer removed (the viewer's layer list) while the second thread has the list: the
    // set lives on for it, and its levels are built.
    scene.user_layers.clear();
    CHECK(shapes.front().use_count() == 1);
    kuril::prepare_remaining_levels(scene, shapes);
    for (std::size_t i = 0; i < shapes.front()->level_count(); ++i) {
        CAPTURE(i);
        CHECK(!shapes.front()->level(i).fills.empty());
        CHECK(!shapes.front()->level(i).outlines.empty());
    }
}
