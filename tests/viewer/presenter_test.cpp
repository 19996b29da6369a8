// SPDX-License-Identifier: GPL-3.0-or-later
#include "geo/atlas.hpp"
#include "geo/error.hpp"
#include "geo/projection.hpp"
#include "map/view_spec.hpp"
#include "presenter.hpp"
#include "test_paths.hpp"

#include <doctest/doctest.h>
#include <sstream>

namespace {

using K = sf::Keyboard;
using kuril::WindowRequest;

struct Tour {
    std::unique_ptr<geo::Atlas> atlas = geo::load_atlas(test_paths::shipped() / "annotations.xml");
    geo::Projection projection;
    kuril::MapScene scene{*atlas, projection};
    kuril::Timeline timeline{atlas->history->key_dates()};
    kuril::MapView view{scene.world, 1280, 720};
    kuril::ViewAnimator animator;
    kuril::MapState map;
    kuril::UiState ui;
    kuril::Controller controller{scene, timeline, view, animator, map, ui};
    sf::Font font; // the notes window's; none is opened here
    kuril::ViewerOptions options;
    std::ostringstream notes;

    Tour() {
        options.present = true;
        options.animation = false;
    }
    const geo::Slide& slide(std::size_t index) const {
        return atlas->annotations.tour("default")->slides.at(index);
    }
};

} // namespace

TEST_CASE("[viewer] presenter: a tour opens its slide with its date, layers and view") {
    Tour t;
    t.options.start_slide = 3;
    kuril::Presenter presenter(t.options, t.scene, t.font, t.controller, t.notes);
    CHECK(t.ui.presenting);
    CHECK_FALSE(t.ui.show_layers);
    presenter.start();
    CHECK(presenter.navigator().current() == 2);
    // The speaker notes, for the presenter's terminal.
    CHECK(t.notes.str() == "\n=== Slide 3/" + std::to_string(presenter.navigator().count()) + ": " +
                               t.slide(2).title_in("en") + " (" + t.slide(2).date.long_text() +
                               ")\n" + t.slide(2).notes_in("en") + "\n");
    CHECK(t.map.date == t.slide(2).date);
    CHECK(t.map.visible == kuril::layers_from_names(t.slide(2).layers));
    kuril::MapView expected = t.view;
    kuril::ViewSpec::from_slide(t.slide(2)).apply(t.scene, expected);
    CHECK(t.view.center().x == doctest::Approx(expected.center().x));
    CHECK(t.view.metres_per_pixel() == doctest::Approx(expected.metres_per_pixel()));
}

TEST_CASE("[viewer] presenter: its keys move through the tour; others are the map's") {
    Tour t;
    kuril::Presenter presenter(t.options, t.scene, t.font, t.controller, t.notes);
    presenter.start();
    REQUIRE(presenter.key(K::Right).has_value());
    CHECK(presenter.navigator().current() == 1);
    CHECK(t.map.date == t.slide(1).date);
    presenter.key(K::Num4);
    presenter.key(K::Enter);
    CHECK(presenter.navigator().current() == 3);
    presenter.key(K::Home);
    CHECK(presenter.navigator().current() == 0);
    CHECK_FALSE(presenter.key(K::L).has_value());
    CHECK(presenter.key(K::F)->kind == WindowRequest::toggle_fullscreen);
    presenter.key(K::A);
    CHECK(t.ui.notice == "Animation on");
    // With animation, the next slide is flown to.
    presenter.key(K::Space);
    CHECK(presenter.update(0.1));
    for (int i = 0; i < 30; ++i) {
        presenter.update(0.1);
    }
    CHECK_FALSE(presenter.update(0.1));
}

TEST_CASE("[viewer] presenter: Esc closes a panel first, then leaves the tour") {
    Tour t;
    kuril::Presenter presenter(t.options, t.scene, t.font, t.controller, t.notes);
    presenter.start();
    t.map.selected_island = "etorofu";
    CHECK_FALSE(presenter.key(K::Escape).has_value()); // the map's Esc closes the panel
    t.map.selected_island.clear();
    // A stray Esc asks; another key stays (and does its work); Esc twice, or Esc then Enter,
    // leaves.
    CHECK(presenter.key(K::Escape)->kind == WindowRequest::none);
    CHECK(t.ui.notice == "Leave the tour? Esc again or Enter: leave. Any other key: stay");
    CHECK(presenter.key(K::Right)->kind == WindowRequest::none);
    CHECK(presenter.navigator().current() == 1);
    CHECK(t.ui.notice == "Still presenting");
    CHECK(presenter.key(K::Escape)->kind == WindowRequest::none);
    CHECK(presenter.key(K::Escape)->kind == WindowRequest::quit);
    Tour again;
    kuril::Presenter second(again.options, again.scene, again.font, again.controller, again.notes);
    second.start();
    CHECK(second.key(K::Escape)->kind == WindowRequest::none);
    CHECK(second.key(K::Enter)->kind == WindowRequest::quit);
}

TEST_CASE("[viewer] presenter: --slide beyond the tour is refused, naming its slides") {
    Tour t;
    const auto count = std::to_string(t.atlas->annotations.tour("default")->slides.size());
    t.options.start_slide = 99;
    CHECK_THROWS_WITH_AS(
        kuril::Presenter(t.options, t.scene, t.font, t.controller, t.notes),
        ("--slide 99: the tour 'default' has " + count + " slides (1 to " + count + ")").c_str(),
        geo::InputError);
    t.options.start_slide = 0;
    CHECK_THROWS_WITH_AS(
        kuril::Presenter(t.options, t.scene, t.font, t.controller, t.notes),
        ("--slide 0: the tour 'default' has " + count + " slides (1 to " + count + ")").c_str(),
        geo::InputError);
}

TEST_CASE("[viewer] presenter: an unknown tour is refused, naming the known ones") {
    Tour t;
    t.options.tour = "nowhere";
    CHECK_THROWS_WITH_AS(kuril::Presenter(t.options, t.scene, t.font, t.controller, t.notes),
                         doctest::Contains("no tour 'nowhere' (known: default)"), geo::InputError);
    try {
        kuril::Presenter(t.options, t.scene, t.font, t.controller, t.notes);
        FAIL("an unknown tour was not refused");
    } catch (const geo::InputError& error) {
        CHECK(
            error.text("ja").ends_with(": ツアー 'nowhere' がありません（既知のツアー: default）"));
        CHECK(error.text("ru").ends_with(": нет тура 'nowhere' (известные: default)"));
    }
}

TEST_CASE("[viewer] presenter: a slide's pov is drawn; a slide without one is de facto") {
    Tour t;
    t.options.tour_file = test_paths::fixtures() / "pov-tour.xml";
    t.options.tour = "povs";
    t.map.pov = "neutral"; // what the viewer showed before
    kuril::Presenter presenter(t.options, t.scene, t.font, t.controller, t.notes);
    presenter.start();
    CHECK(t.map.pov == "jp");
    presenter.next();
    CHECK(t.map.pov == "defacto");
}
