// SPDX-License-Identifier: GPL-3.0-or-later
#include "controller.hpp"
#include "geo/atlas.hpp"
#include "geo/projection.hpp"
#include "input_map.hpp"
#include "map/view_spec.hpp"
#include "test_paths.hpp"

#include <cmath>
#include <doctest/doctest.h>
#include <string>

namespace {

using kuril::ViewerAction;

/// The places fixture (tests/data/places.xml: a town renamed in 1946, a sea, a strait, ...).
struct Places {
    std::unique_ptr<geo::Atlas> atlas = geo::load_atlas(test_paths::fixtures() / "places.xml");
    geo::Projection projection;
    kuril::MapScene scene{*atlas, projection};
    kuril::Timeline timeline{atlas->history->key_dates()};
};

const Places& places() {
    static const Places data;
    return data;
}

struct Fixture {
    kuril::MapView view{places().scene.world, 1280, 720};
    kuril::ViewAnimator animator;
    kuril::MapState map;
    kuril::UiState ui;
    kuril::Controller controller{places().scene, places().timeline, view, animator, map, ui};

    /// Types UTF-8 text as the window delivers it: one code point per TextEntered.
    void type(const std::u32string& text) {
        for (const char32_t c : text) {
            CHECK(controller.search_text(c));
        }
    }
    void finish_animation() {
        for (int i = 0; i < 200 && animator.update(view, 0.1); ++i) {
        }
    }
    std::vector<std::string> match_ids() const {
        std::vector<std::string> ids;
        for (const auto& match : ui.search->matches) {
            ids.push_back(match.id);
        }
        return ids;
    }
};

} // namespace

TEST_CASE("[viewer] search: / opens the box, typing filters, arrows choose, Enter flies there") {
    Fixture f;
    // '/' is the key, and it is listed in the help.
    REQUIRE(kuril::map_command(sf::Keyboard::Slash).has_value());
    CHECK(kuril::map_command(sf::Keyboard::Slash)->action == ViewerAction::find_name);
    bool in_help = false;
    for (const auto& line : kuril::help_lines()) {
        in_help = in_help || line.rfind("/ ", 0) == 0;
    }
    CHECK(in_help);
    CHECK_FALSE(f.controller.search_text(U'x')); // closed: text goes nowhere
    f.controller.apply({ViewerAction::find_name});
    REQUIRE(f.ui.search.has_value());
    CHECK(f.controller.has_something_to_close());
    f.type(U"/Южно"); // the '/' that opened it is not part of the name
    CHECK(f.ui.search->query == "Южно");
    CHECK(f.match_ids() == std::vector<std::string>{"yuzhno-sakhalinsk", "yuzhno-kurilsk"});
    f.type(U"-К");
    CHECK(f.match_ids() == std::vector<std::string>{"yuzhno-kurilsk"});
    // Backspace takes one character (two bytes in Cyrillic), not one byte.
    CHECK(f.controller.search_key(sf::Keyboard::BackSpace));
    CHECK(f.controller.search_key(sf::Keyboard::BackSpace));
    CHECK(f.ui.search->query == "Южно");
    CHECK(f.ui.search->matches.size() == 2);
    // Down chooses the second; keys of the map do nothing while typing.
    CHECK(f.controller.search_key(sf::Keyboard::Down));
    CHECK(f.ui.search->chosen == 1);
    CHECK(f.controller.search_key(sf::Keyboard::L));
    CHECK(f.map.language == kuril::LabelLanguage::en_ru);
    const double before = f.view.metres_per_pixel();
    CHECK(f.controller.search_key(sf::Keyboard::Enter));
    CHECK_FALSE(f.ui.search.has_value());
    CHECK(f.map.selected_place == "yuzhno-kurilsk");
    f.finish_animation();
    // The town is at the centre, at a scale where its rank (3) shows.
    const geo::Point town = places().projection.forward({145.86, 44.03});
    CHECK(f.view.center().x == doctest::Approx(town.x).epsilon(1e-6));
    CHECK(f.view.center().y == doctest::Approx(town.y).epsilon(1e-6));
    CHECK(f.view.metres_per_pixel() < before);
    CHECK(f.view.metres_per_pixel() <= kuril::place_rank_max_mpp(3));
    const auto frame = kuril::build_frame(places().scene, f.map, f.view);
    bool labelled = false;
    for (const auto& label : frame.labels) {
        labelled = labelled || label.feature == "yuzhno-kurilsk";
    }
    CHECK(labelled);
    CHECK_FALSE(f.controller.search_key(sf::Keyboard::Enter)); // closed: keys go to the map
}

TEST_CASE("[viewer] search: kanji, romaji and an island; Esc closes without moving") {
    Fixture f;
    f.controller.apply({ViewerAction::find_name});
    f.type(U"豊原");
    CHECK(f.match_ids() == std::vector<std::string>{"yuzhno-sakhalinsk"});
    CHECK(f.controller.search_key(sf::Keyboard::BackSpace));
    CHECK(f.controller.search_key(sf::Keyboard::BackSpace));
    CHECK(f.ui.search->query.empty());
    CHECK(f.ui.search->matches.empty());
    f.type(U"NOSAPPU-MISAKI");
    CHECK(f.match_ids() == std::vector<std::string>{"cape-nosappu"});
    const geo::Point centre = f.view.center();
    CHECK(f.controller.search_key(sf::Keyboard::Escape));
    CHECK_FALSE(f.ui.search.has_value());
    CHECK(f.view.center().x == centre.x);
    CHECK(f.map.selected_place.empty());
    // An island flies to its land, fitted as --island fits it, and opens its panel.
    f.controller.apply({ViewerAction::find_name});
    f.type(U"kunashir");
    REQUIRE(f.match_ids().size() == 2);
    CHECK(f.match_ids()[0] == "kunashiri");
    CHECK(f.controller.search_key(sf::Keyboard::Enter));
    f.finish_animation();
    CHECK(f.map.selected_island == "kunashiri");
    CHECK(f.map.selected_place.empty());
    kuril::MapView fitted = f.view;
    kuril::ViewSpec spec;
    spec.island = "kunashiri";
    spec.apply(places().scene, fitted);
    CHECK(f.view.metres_per_pixel() == doctest::Approx(fitted.metres_per_pixel()));
    CHECK(f.view.center().x == doctest::Approx(fitted.center().x));
}

TEST_CASE("[viewer] a click on a place's dot or name opens its panel; Esc closes it") {
    Fixture f;
    f.map.date = {2020, 1, 1};
    f.view.set(places().projection.forward({145.9, 43.8}), 200);
    f.map.visible[static_cast<std::size_t>(kuril::Layer::events)] = false;
    const auto frame = kuril::build_frame(places().scene, f.map, f.view);
    const kuril::FramePlace* cape = nullptr;
    for (const auto& shown : frame.places) {
        if (shown.place->id == "cape-nosappu") {
            cape = &shown;
        }
    }
    REQUIRE(cape != nullptr);
    kuril::UiLayout layout;
    layout.width = 1280;
    layout.height = 720;
    const int x = static_cast<int>(std::lround(cape->screen.x));
    const int y = static_cast<int>(std::lround(cape->screen.y));
    f.controller.press(layout, frame, x + 2, y + 1);
    f.controller.release(layout, frame, x + 2, y + 1);
    CHECK(f.map.selected_place == "cape-nosappu");
    CHECK(f.map.selected_island.empty());
    // By its name as drawn (the renderer's placed labels): anywhere in the name's box.
    kuril::PlacedMapLabel name;
    name.text = "Nemuro Strait";
    name.feature = "nemuro-strait";
    name.kind = kuril::LabelKind::place;
    name.bbox_px = {100, 100, 120, 20};
    f.controller.set_placed_labels({name});
    f.controller.press(layout, frame, 210, 115);
    f.controller.release(layout, frame, 210, 115);
    CHECK(f.map.selected_place == "nemuro-strait");
    // Esc closes the panel.
    f.controller.apply({ViewerAction::close});
    CHECK(f.map.selected_place.empty());
    CHECK_FALSE(f.controller.has_something_to_close());
}
