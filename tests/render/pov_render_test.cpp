// SPDX-License-Identifier: GPL-3.0-or-later
// Points of view, drawn: pixel probes of the status fills on 2020-01-01 (the tests).
#include "drawing_fixture.hpp"
#include "map/map_frame.hpp"
#include "render/map_renderer.hpp"
#include "render/style.hpp"

#include <SFML/Graphics.hpp>
#include <doctest/doctest.h>

namespace {

using test_drawing::near;

struct Fixture : test_drawing::ShippedScene {
    sf::RenderTexture target;
    kuril::MapView view{scene.world, 1000, 800};

    Fixture() {
        sf::ContextSettings settings;
        settings.stencilBits = 8;
        REQUIRE(target.create(1000, 800, settings));
    }

    /// Sea, land and status only, on 2020-01-01, from a point of view.
    sf::Image render(const std::string& pov) {
        kuril::MapState state;
        state.visible.fill(false);
        for (const auto layer : {kuril::Layer::sea, kuril::Layer::land, kuril::Layer::status}) {
            state.visible[static_cast<std::size_t>(layer)] = true;
        }
        state.date = {2020, 1, 1};
        state.pov = pov;
        kuril::MapRenderer renderer(scene, font);
        renderer.draw(target, view, state);
        target.display();
        return target.getTexture().copyToImage();
    }

    sf::Color probe(const sf::Image& image, geo::Point lon_lat) {
        const geo::Point s = view.map_to_screen(projection.forward(lon_lat));
        return image.getPixel(static_cast<unsigned>(s.x), static_cast<unsigned>(s.y));
    }

    /// The share of a 21x21 patch around a place whose pixels are near `colour`.
    double share_near(const sf::Image& image, geo::Point lon_lat, sf::Color colour,
                      int tolerance = 6) {
        const geo::Point s = view.map_to_screen(projection.forward(lon_lat));
        int hits = 0;
        for (int dy = -10; dy <= 10; ++dy) {
            for (int dx = -10; dx <= 10; ++dx) {
                hits += near(image.getPixel(static_cast<unsigned>(s.x + dx),
                                            static_cast<unsigned>(s.y + dy)),
                             colour, tolerance)
                            ? 1
                            : 0;
            }
        }
        return hits / 441.0;
    }
};

// Inland points: central Hokkaido, Sakhalin south and north of the 50th parallel, Etorofu.
const geo::Point hokkaido{142.5, 43.5};
const geo::Point south_sakhalin{142.8, 49.0};
const geo::Point north_sakhalin{142.9, 51.5};
const geo::Point etorofu{147.9, 45.1};

} // namespace

TEST_CASE("[render] pov jp: Etorofu has Hokkaido's fill, South Sakhalin is left uncoloured") {
    Fixture f;
    // Etorofu fills the view: its whole patch is one fill, no hatching.
    const auto wide = f.render("jp");
    const sf::Color hokkaido_fill = f.probe(wide, hokkaido);
    CHECK(near(hokkaido_fill, kuril::style::party_fill(geo::Party::JP)));
    CHECK(near(f.probe(wide, etorofu), hokkaido_fill));
    CHECK(near(f.probe(wide, south_sakhalin), kuril::style::land));
    CHECK(near(f.probe(wide, north_sakhalin), kuril::style::party_fill(geo::Party::RU)));
    f.view.fit({f.projection.forward({147.2, 44.4}).x, f.projection.forward({147.2, 44.4}).y,
                f.projection.forward({148.6, 45.4}).x, f.projection.forward({148.6, 45.4}).y});
    CHECK(f.share_near(f.render("jp"), etorofu, hokkaido_fill) > 0.95);
}

TEST_CASE("[render] pov ru: Etorofu has Sakhalin's fill") {
    Fixture f;
    const auto wide = f.render("ru");
    const sf::Color sakhalin_fill = f.probe(wide, south_sakhalin);
    CHECK(near(sakhalin_fill, kuril::style::party_fill(geo::Party::RU)));
    CHECK(near(f.probe(wide, north_sakhalin), sakhalin_fill));
    CHECK(near(f.probe(wide, etorofu), sakhalin_fill));
    CHECK(near(f.probe(wide, hokkaido), kuril::style::party_fill(geo::Party::JP)));
    f.view.fit({f.projection.forward({147.2, 44.4}).x, f.projection.forward({147.2, 44.4}).y,
                f.projection.forward({148.6, 45.4}).x, f.projection.forward({148.6, 45.4}).y});
    CHECK(f.share_near(f.render("ru"), etorofu, sakhalin_fill) > 0.95); // no Japanese hatching
}

TEST_CASE("[render] pov neutral: Etorofu in the disputed symbol, neither side's fill") {
    Fixture f;
    f.view.fit({f.projection.forward({147.2, 44.4}).x, f.projection.forward({147.2, 44.4}).y,
                f.projection.forward({148.6, 45.4}).x, f.projection.forward({148.6, 45.4}).y});
    const auto image = f.render("neutral");
    const double japan = f.share_near(image, etorofu, kuril::style::party_fill(geo::Party::JP));
    const double russia = f.share_near(image, etorofu, kuril::style::party_fill(geo::Party::RU));
    const double grey = f.share_near(image, etorofu, kuril::style::disputed_fill);
    const double hatch = f.share_near(image, etorofu, kuril::style::disputed_hatch, 40);
    CHECK(japan == 0);
    CHECK(russia == 0);
    CHECK(grey > 0.4);
    CHECK(hatch > 0.05);
    // Not a claimant's colour anywhere in the patch either (no claim hatching or outline).
    CHECK(f.share_near(image, etorofu, kuril::style::party_hatch(geo::Party::JP)) == 0);
}
