// Off-screen rendering under Xvfb, checked with pixel probes at known coordinates.
#include "drawing_fixture.hpp"
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

    sf::Image render(const kuril::MapState& state) {
        kuril::MapRenderer renderer(scene, font);
        renderer.draw(target, view, state);
        target.display();
        return target.getTexture().copyToImage();
    }

    sf::Color probe(const sf::Image& image, geo::Point lon_lat) {
        const geo::Point s = view.map_to_screen(projection.forward(lon_lat));
        return image.getPixel(static_cast<unsigned>(s.x), static_cast<unsigned>(s.y));
    }
};

kuril::MapState only(std::initializer_list<kuril::Layer> layers, geo::Date date) {
    kuril::MapState state;
    state.visible.fill(false);
    for (auto layer : layers) {
        state.visible[static_cast<std::size_t>(layer)] = true;
    }
    state.date = date;
    return state;
}

} // namespace

TEST_CASE("[viewer] render: land is land-coloured and sea sea-coloured") {
    Fixture f;
    const auto image =
        f.render(only({kuril::Layer::sea, kuril::Layer::land, kuril::Layer::lakes}, {2000, 1, 1}));
    CHECK(near(f.probe(image, {142.5, 43.5}), kuril::style::land)); // central Hokkaido
    CHECK(near(f.probe(image, {142.8, 49.0}), kuril::style::land)); // Sakhalin
    CHECK(near(f.probe(image, {147.9, 45.1}), kuril::style::land)); // Etorofu
    CHECK(near(f.probe(image, {150.0, 42.0}), kuril::style::sea));  // the Pacific
    CHECK(near(f.probe(image, {146.0, 46.5}), kuril::style::sea));  // Sea of Okhotsk
}

TEST_CASE("[viewer] render: status colours follow the date") {
    Fixture f;
    const auto layers = {kuril::Layer::sea, kuril::Layer::land, kuril::Layer::status};
    const auto in_1880 = f.render(only(layers, {1880, 1, 1}));
    const sf::Color hokkaido = f.probe(in_1880, {142.5, 43.5});
    const sf::Color sakhalin_1880 = f.probe(in_1880, {142.8, 49.0});
    CHECK(hokkaido.b > hokkaido.r + 40);           // Japan: blue
    CHECK(sakhalin_1880.r > sakhalin_1880.b + 40); // Russian Empire: orange
    const auto in_1910 = f.render(only(layers, {1910, 1, 1}));
    const sf::Color south_sakhalin_1910 = f.probe(in_1910, {142.4, 48.6});
    CHECK(south_sakhalin_1910.b > south_sakhalin_1910.r + 40); // Karafuto: Japan
    // Status off: plain land.
    const auto plain = f.render(only({kuril::Layer::sea, kuril::Layer::land}, {1880, 1, 1}));
    CHECK(near(f.probe(plain, {142.5, 43.5}), kuril::style::land));
}

TEST_CASE("[viewer] render: a claim by the other side is hatched in its colour") {
    Fixture f;
    f.view.fit({f.projection.forward({147.2, 44.4}).x, f.projection.forward({147.2, 44.4}).y,
                f.projection.forward({148.6, 45.4}).x, f.projection.forward({148.6, 45.4}).y});
    const auto image =
        f.render(only({kuril::Layer::sea, kuril::Layer::land, kuril::Layer::status}, {2000, 1, 1}));
    // Etorofu: Russian fill with Japanese hatching; both colours within a small patch.
    const geo::Point centre = f.view.map_to_screen(f.projection.forward({147.9, 45.1}));
    int orange = 0;
    int blue = 0;
    for (int dy = -10; dy <= 10; ++dy) {
        for (int dx = -10; dx <= 10; ++dx) {
            const sf::Color c = image.getPixel(static_cast<unsigned>(centre.x + dx),
                                               static_cast<unsigned>(centre.y + dy));
            orange += c.r > c.b + 60 ? 1 : 0;
            blue += c.b > c.r + 30 ? 1 : 0;
        }
    }
    CHECK(orange > 100);
    CHECK(blue > 40);
}

TEST_CASE("[viewer] render: drawing the same view again gives the same pixels") {
    // Texts are cached between frames: labels must not move once they have been drawn.
    Fixture f;
    kuril::MapState state;
    state.date = {1956, 10, 19};
    kuril::MapRenderer renderer(f.scene, f.font);
    renderer.draw(f.target, f.view, state);
    f.target.display();
    const sf::Image first = f.target.getTexture().copyToImage();
    renderer.draw(f.target, f.view, state);
    f.target.display();
    const sf::Image second = f.target.getTexture().copyToImage();
    CHECK(test_drawing::pixels_differing(first, second, 0) == 0);
}
