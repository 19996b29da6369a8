// SPDX-License-Identifier: GPL-3.0-or-later
// Names of <places> drawn with the island names (tests/data/places.xml): kind "place" in what
// the renderer reports, never over an island's name, a dot beside a town, water in its colour.
#include "drawing_fixture.hpp"
#include "render/map_renderer.hpp"
#include "render/style.hpp"

#include <SFML/Graphics.hpp>
#include <algorithm>
#include <doctest/doctest.h>
#include <string>
#include <tuple>

namespace {

struct PlacesScene {
    std::unique_ptr<geo::Atlas> atlas = geo::load_atlas(test_paths::fixtures() / "places.xml");
    geo::Projection projection;
    kuril::MapScene scene{*atlas, projection};
    sf::Font font;
    PlacesScene() {
        REQUIRE_MESSAGE(std::getenv("DISPLAY") != nullptr,
                        "tests that draw need an X display: run them under Xvfb (scripts/test)");
        kuril::load_map_font(font);
    }
};

const kuril::PlacedMapLabel* placed(const std::vector<kuril::PlacedMapLabel>& labels,
                                    const std::string& feature) {
    for (const auto& label : labels) {
        if (label.feature == feature) {
            return &label;
        }
    }
    return nullptr;
}

} // namespace

TEST_CASE("[render] places: named by kind and rank, never over an island's name, dot by a town") {
    PlacesScene s;
    for (const auto& [width, height, scale] :
         {std::tuple{1280u, 720u, 1.0}, std::tuple{3840u, 2160u, 3.0}}) {
        CAPTURE(width);
        sf::RenderTexture target;
        sf::ContextSettings settings;
        settings.stencilBits = 8;
        REQUIRE(target.create(width, height, settings));
        kuril::MapView view(s.scene.world, width, height);
        view.set(s.projection.forward({145.9, 43.8}), 200 / scale);
        kuril::MapState state;
        state.date = {2020, 1, 1};
        state.ui_scale = scale;
        state.language = kuril::LabelLanguage::en_ja;
        kuril::MapRenderer renderer(s.scene, s.font);
        renderer.draw(target, view, state);
        target.display();
        const auto labels = renderer.placed_labels();
        std::string drawn; // for the failure message
        for (const auto& label : labels) {
            drawn += label.feature + " ";
        }
        CAPTURE(drawn);
        for (const std::string id : {"yuzhno-kurilsk", "nemuro-strait", "cape-nosappu"}) {
            CAPTURE(id);
            const auto* label = placed(labels, id);
            REQUIRE(label != nullptr);
            CHECK(label->kind == kuril::LabelKind::place);
        }
        CHECK(placed(labels, "yuzhno-kurilsk")->text == "Furukamappu / Yuzhno-Kurilsk\n古釜布");
        // No place's name meets an island's.
        const auto* island = placed(labels, "kunashiri");
        REQUIRE(island != nullptr);
        CHECK(island->kind == kuril::LabelKind::island);
        for (const auto& label : labels) {
            if (label.kind == kuril::LabelKind::place) {
                CAPTURE(label.text);
                CHECK_FALSE(label.bbox_px.intersects(island->bbox_px));
            }
        }
        // The town's dot is drawn at its place (dark, in the middle of the white ring).
        const sf::Image image = target.getTexture().copyToImage();
        const geo::Point town = view.map_to_screen(s.projection.forward({145.86, 44.03}));
        const sf::Color dot =
            image.getPixel(static_cast<unsigned>(town.x), static_cast<unsigned>(town.y));
        CHECK(test_drawing::near(dot, kuril::style::place_dot, 30));
        // The strait's name is drawn in the water colour (its glyphs' cores are).
        const auto& box = placed(labels, "nemuro-strait")->bbox_px;
        bool water_coloured = false;
        for (unsigned y = static_cast<unsigned>(std::max(0.0, box.top));
             y < std::min<double>(box.bottom(), height); ++y) {
            for (unsigned x = static_cast<unsigned>(std::max(0.0, box.left));
                 x < std::min<double>(box.right(), width); ++x) {
                water_coloured = water_coloured || test_drawing::near(image.getPixel(x, y),
                                                                      kuril::style::water_text, 25);
            }
        }
        CHECK(water_coloured);
    }
}
