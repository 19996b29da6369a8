// SPDX-License-Identifier: GPL-3.0-or-later
// Off-screen rendering under Xvfb, checked with pixel probes at known coordinates.
#include "drawing_fixture.hpp"
#include "map/island_report.hpp"
#include "map/map_frame.hpp"
#include "map/map_furniture.hpp"
#include "pattern.hpp"
#include "render/map_renderer.hpp"
#include "render/style.hpp"
#include "render/vector_capture.hpp"

#include <SFML/Graphics.hpp>
#include <SFML/OpenGL.hpp>
#include <algorithm>
#include <cmath>
#include <doctest/doctest.h>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

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
        return render(renderer, state);
    }

    /// With this renderer (what it keeps between frames kept).
    sf::Image render(kuril::MapRenderer& renderer, const kuril::MapState& state) {
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

TEST_CASE("[render] the land outside the regions and the uncoloured regions fill what the whole "
          "land under the status fills did") {
    // The status layer's land is drawn as the land outside the regions plus the regions not
    // coloured at the date; drawn again with the whole land under the status fills (the
    // scene's flag off), the pixels are the same: at the whole region, and zoomed in, on
    // dates when the regions are coloured differently, and under the neutral point of view.
    Fixture f;
    REQUIRE(f.scene.has_land_outside_regions);
    struct Case {
        geo::Date date;
        double zoom;
        geo::Point centre;
        std::string_view pov;
    };
    const Case cases[] = {{{2025, 1, 1}, 1, {146, 46}, kuril::default_pov},
                          {{1855, 3, 1}, 1, {146, 46}, kuril::default_pov},
                          {{1910, 1, 1}, 4, {142.5, 47}, kuril::default_pov},
                          {{1946, 6, 1}, 1, {146, 46}, "neutral"},
                          {{2025, 1, 1}, 60, {146.1, 43.45}, kuril::default_pov},
                          {{2025, 1, 1}, 1, {131, 44}, kuril::default_pov}};
    const kuril::MapView whole(f.scene.world, 1000, 800);
    for (const auto& c : cases) {
        CAPTURE(c.date.year);
        CAPTURE(c.zoom);
        f.view.set(f.projection.forward(c.centre), whole.metres_per_pixel() / c.zoom);
        auto state =
            only({kuril::Layer::sea, kuril::Layer::land, kuril::Layer::lakes, kuril::Layer::status},
                 c.date);
        state.pov = std::string(c.pov);
        f.scene.has_land_outside_regions = true;
        const sf::Image once = f.render(state);
        f.scene.has_land_outside_regions = false;
        const sf::Image twice = f.render(state);
        f.scene.has_land_outside_regions = true;
        // Along a landmass's cut (the Russian mainland) the two are simplified apart at coarse
        // levels: a pixel or two may differ there, never more.
        CHECK(test_drawing::pixels_differing(once, twice, 0) <= 4);
        // Land there is, in a status colour or the land's (China, in no region).
        if (c.zoom == 1 && c.centre.x > 140) {
            CHECK_FALSE(near(f.probe(once, {142.5, 43.5}), kuril::style::sea));
        } else if (c.zoom == 1) {
            CHECK(near(f.probe(once, {127.5, 44.0}), kuril::style::land));
        }
    }
}

TEST_CASE("[render] the map is drawn with flat shading and leaves smooth shading after it") {
    // Every map triangle is one colour, so flat shading changes none of its pixels; what is
    // drawn after the map (the viewer's panels) may shade a gradient and still does.
    Fixture f;
    const sf::Image map = f.render(only({kuril::Layer::sea, kuril::Layer::land}, {2000, 1, 1}));
    CHECK(near(f.probe(map, {142.5, 43.5}), kuril::style::land));
    GLint model = 0;
    REQUIRE(f.target.setActive(true));
    glGetIntegerv(GL_SHADE_MODEL, &model);
    CHECK(model == GL_SMOOTH);
    // A gradient drawn after the map: its middle is between black and white.
    f.target.setView(f.target.getDefaultView());
    const sf::Vertex quad[] = {{{0, 0}, sf::Color::Black},
                               {{200, 0}, sf::Color::White},
                               {{200, 100}, sf::Color::White},
                               {{0, 100}, sf::Color::Black}};
    f.target.draw(quad, 4, sf::Quads);
    f.target.display();
    const sf::Color middle = f.target.getTexture().copyToImage().getPixel(100, 50);
    CHECK(middle.r > 80);
    CHECK(middle.r < 180);
}

TEST_CASE("[render] the driver's warm-up leaves the target cleared and the drawing state as it "
          "was") {
    Fixture f;
    const kuril::MapState state = only({kuril::Layer::sea, kuril::Layer::land}, {2000, 1, 1});
    const sf::Image before = f.render(state);
    // Drawn over a red target: every pixel is the background after, where the shapes were
    // drawn (the top left corner) and elsewhere.
    f.target.clear(sf::Color::Red);
    kuril::MapRenderer::warm_up_driver(f.target, f.font, kuril::style::sea);
    f.target.display();
    const sf::Image cleared = f.target.getTexture().copyToImage();
    for (const auto& [x, y] :
         {std::pair{2u, 2u}, {5u, 3u}, {3u, 12u}, {500u, 400u}, {999u, 799u}}) {
        CAPTURE(x);
        CAPTURE(y);
        CHECK(cleared.getPixel(x, y) == kuril::style::sea);
    }
    REQUIRE(f.target.setActive(true));
    GLint model = 0;
    glGetIntegerv(GL_SHADE_MODEL, &model);
    CHECK(model == GL_SMOOTH);
    GLfloat width = 0;
    glGetFloatv(GL_LINE_WIDTH, &width);
    CHECK(width == 1.f);
    // The map drawn after it is the map drawn without it.
    const sf::Image after = f.render(state);
    CHECK(after.getSize() == before.getSize());
    std::size_t differing = 0;
    for (unsigned y = 0; y < after.getSize().y; ++y) {
        for (unsigned x = 0; x < after.getSize().x; ++x) {
            differing += after.getPixel(x, y) != before.getPixel(x, y) ? 1 : 0;
        }
    }
    CHECK(differing == 0);
}

TEST_CASE("[render] recorded shapes: opaque ones replace the pixels, translucent ones blend") {
    // Opaque vertices are drawn without blending (a rasteriser then does not read the target);
    // a translucent one still blends over what is there.
    sf::RenderTexture target;
    REQUIRE(target.create(100, 100));
    target.clear(sf::Color::White);
    const auto triangle = [](sf::Vector2f at, sf::Color colour) {
        return std::vector<sf::Vertex>{
            {at, colour}, {at + sf::Vector2f(40, 0), colour}, {at + sf::Vector2f(0, 40), colour}};
    };
    kuril::draw_recorded(target, triangle({2, 2}, sf::Color(0, 0, 255)), sf::Triangles);
    kuril::draw_recorded(target, triangle({52, 2}, sf::Color(255, 0, 0, 128)), sf::Triangles);
    // A translucent one over the opaque one blends with it, not with the white under both.
    kuril::draw_recorded(target, triangle({2, 2}, sf::Color(255, 0, 0, 128)), sf::Triangles);
    target.display();
    const sf::Image image = target.getTexture().copyToImage();
    const sf::Color pink = image.getPixel(60, 10);
    CHECK(pink.r == 255);
    CHECK(pink.g > 110);
    CHECK(pink.g < 145);
    CHECK(pink.a == 255);
    const sf::Color purple = image.getPixel(10, 10);
    CHECK(purple.r > 110);
    CHECK(purple.r < 145);
    CHECK(purple.b > 110);
    CHECK(purple.b < 145);
    CHECK(image.getPixel(90, 90) == sf::Color::White);
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
    const sf::Image first = f.render(renderer, state);
    const sf::Image second = f.render(renderer, state);
    CHECK(test_drawing::pixels_differing(first, second, 0) == 0);
}

TEST_CASE("[render] the stage hook hears each stage of a frame once, in drawing order, and "
          "changes no pixel") {
    // frame-bench's FRAME_BENCH_STAGES times each stage from these calls.
    Fixture f;
    kuril::MapState state;
    state.date = {1956, 10, 19};
    kuril::MapRenderer renderer(f.scene, f.font);
    const sf::Image without = f.render(renderer, state);
    std::vector<std::string> heard;
    renderer.set_stage_hook([&](std::string_view stage) { heard.emplace_back(stage); });
    const sf::Image with = f.render(renderer, state);
    CHECK(heard == std::vector<std::string>{"clear", "land and lakes", "graticule", "status",
                                            "coasts", "borders and claim outlines", "user layers",
                                            "label placement", "graticule labels",
                                            "zones, events, lines, dots", "names", "furniture"});
    CHECK(test_drawing::pixels_differing(without, with, 0) == 0);
    // Taken away, it hears nothing more.
    renderer.set_stage_hook({});
    renderer.draw(f.target, f.view, state);
    CHECK(heard.size() == 12);
}

TEST_CASE("[render] hatch pattern: built at the pixel scale it is drawn at, anti-aliased, tiling") {
    for (const float scale : {1.0f, 1.5f, 5.56f}) {
        CAPTURE(scale);
        const sf::Image image = kuril::detail::make_pattern_image(
            kuril::style::hatch_spacing * scale, kuril::style::hatch_width * scale);
        const auto n = image.getSize().x;
        CHECK(n == static_cast<unsigned>(std::lround(kuril::style::hatch_spacing * scale)));
        double coverage = 0;
        int partial = 0;
        for (unsigned y = 0; y < n; ++y) {
            for (unsigned x = 0; x < n; ++x) {
                const sf::Uint8 a = image.getPixel(x, y).a;
                coverage += a / 255.0;
                partial += (a > 0 && a < 255) ? 1 : 0;
                // Diagonal lines: the same one step right and one step up, across the seam.
                CHECK(image.getPixel((x + 1) % n, (y + n - 1) % n).a == a);
            }
        }
        // As much ink as the line is wide, whatever the scale (constant density).
        CHECK(
            coverage / (n * n) ==
            doctest::Approx(kuril::style::hatch_width / kuril::style::hatch_spacing).epsilon(0.08));
        CHECK(partial > 0); // anti-aliased edges, not stair steps
    }
}

TEST_CASE("[render] claimed islets keep a mark of the claim at overview scale") {
    // The whole region at 1920x1080 on 2020-01-01: each Habomai islet that is drawn at all shows
    // Japan's claim colour (the outline), however small.
    Fixture f;
    REQUIRE(f.target.create(1920, 1080, [] {
        sf::ContextSettings settings;
        settings.stencilBits = 8;
        return settings;
    }()));
    f.view = kuril::MapView(f.scene.world, 1920, 1080);
    const auto image =
        f.render(only({kuril::Layer::sea, kuril::Layer::land, kuril::Layer::status}, {2020, 1, 1}));
    const sf::Color claim = kuril::style::party_hatch(geo::Party::JP);
    const auto* habomai = f.atlas->annotations.island("habomai");
    REQUIRE(habomai != nullptr);
    const auto polygons = kuril::island_land_lon_lat(*f.atlas, *habomai);
    REQUIRE(polygons.size() >= 10);
    int drawn = 0;
    int marked = 0;
    for (const auto& polygon : polygons) {
        double x0 = 1e9, y0 = 1e9, x1 = -1e9, y1 = -1e9;
        for (const auto& p : polygon.rings.front()) {
            const geo::Point s = f.view.map_to_screen(f.projection.forward(p));
            x0 = std::min(x0, s.x);
            y0 = std::min(y0, s.y);
            x1 = std::max(x1, s.x);
            y1 = std::max(y1, s.y);
        }
        // Sub-pixel islets drop out of the level of detail with their fill.
        const double tolerance_px = 1.0;
        if (std::max(x1 - x0, y1 - y0) < tolerance_px) {
            continue;
        }
        ++drawn;
        bool found = false;
        for (int y = static_cast<int>(y0) - 2; y <= static_cast<int>(y1) + 2 && !found; ++y) {
            for (int x = static_cast<int>(x0) - 2; x <= static_cast<int>(x1) + 2 && !found; ++x) {
                found = near(image.getPixel(static_cast<unsigned>(x), static_cast<unsigned>(y)),
                             claim, 12);
            }
        }
        marked += found ? 1 : 0;
    }
    CHECK(drawn >= 3);
    CHECK(marked == drawn);
}

TEST_CASE("[render] the measuring tool shows its first point at once, in its own colour") {
    Fixture f;
    kuril::MapState state = only({kuril::Layer::sea, kuril::Layer::land}, {2020, 1, 1});
    const geo::Point at = f.projection.forward({150.0, 42.0}); // the Pacific
    state.measure_points.push_back(at);
    const auto image = f.render(state);
    const geo::Point s = f.view.map_to_screen(at);
    // A magenta disc with a white centre and a white ring.
    CHECK(near(image.getPixel(static_cast<unsigned>(s.x + 3), static_cast<unsigned>(s.y)),
               kuril::style::measure));
    CHECK(near(image.getPixel(static_cast<unsigned>(s.x), static_cast<unsigned>(s.y)),
               kuril::style::measure_casing));
    CHECK(near(image.getPixel(static_cast<unsigned>(s.x + 6), static_cast<unsigned>(s.y)),
               kuril::style::measure_casing));
    // A second point: a solid line between them (its middle is magenta, not a dash gap).
    state.measure_points.push_back(f.projection.forward({152.0, 42.0}));
    const auto line = f.render(state);
    const geo::Point b = f.view.map_to_screen(state.measure_points[1]);
    int magenta = 0;
    for (int k = 1; k < 20; ++k) {
        const double t = k / 20.0;
        const double x = s.x + (b.x - s.x) * t;
        // The geodesic bows a little from the straight segment: look a few pixels around.
        bool hit = false;
        for (int dy = -6; dy <= 6 && !hit; ++dy) {
            hit = near(line.getPixel(static_cast<unsigned>(x),
                                     static_cast<unsigned>(s.y + (b.y - s.y) * t + dy)),
                       kuril::style::measure);
        }
        magenta += hit ? 1 : 0;
    }
    CHECK(magenta == 19);
}

TEST_CASE("[render] the inset locator is drawn above the map's lines, markers and labels") {
    // A view of the southern islands moved so that a boundary line in force runs through the
    // inset (top right): the inset's pixels must not depend on what lies beneath.
    Fixture f;
    const geo::Point a = f.projection.forward({144.6, 42.9});
    const geo::Point b = f.projection.forward({147.6, 45.0});
    f.view.fit({a.x, a.y, b.x, b.y});
    kuril::MapState state;
    state.date = {2020, 1, 1};
    const kuril::MapFurnitureLayout furniture =
        kuril::layout_map_furniture(kuril::build_frame(f.scene, state, f.view), 0, 0);
    REQUIRE(furniture.inset.shown);
    const kuril::ScreenRect inset = furniture.inset.rect;
    {
        const kuril::MapFrame frame = kuril::build_frame(f.scene, state, f.view);
        REQUIRE_FALSE(frame.lines.empty());
        const auto& part = frame.lines.front().line->projected.front();
        const geo::Point on_line = part[part.size() / 2];
        const geo::Point at = f.view.map_to_screen(on_line);
        f.view.pan_pixels(inset.left + inset.width / 2 - at.x, inset.top + inset.height / 2 - at.y);
        const geo::Point moved = f.view.map_to_screen(on_line);
        REQUIRE(std::abs(moved.x - (inset.left + inset.width / 2)) < 2);
    }
    const auto with_features = f.render(state);
    for (const auto layer : {kuril::Layer::lines, kuril::Layer::labels, kuril::Layer::events}) {
        state.visible[static_cast<std::size_t>(layer)] = false;
    }
    const auto without = f.render(state);
    std::size_t covered = 0;
    std::size_t differing = 0;
    for (auto y = static_cast<unsigned>(inset.top) + 2; y + 2 < inset.top + inset.height; ++y) {
        for (auto x = static_cast<unsigned>(inset.left) + 2; x + 2 < inset.left + inset.width;
             ++x) {
            differing += near(with_features.getPixel(x, y), without.getPixel(x, y)) ? 0 : 1;
        }
    }
    // Beside the inset the features are there (the test sees something to cover).
    for (unsigned y = 0; y < 800; ++y) {
        for (auto x = static_cast<unsigned>(inset.left) - 200;
             x < static_cast<unsigned>(inset.left); ++x) {
            covered += near(with_features.getPixel(x, y), without.getPixel(x, y)) ? 0 : 1;
        }
    }
    CHECK(covered > 100);
    CHECK(differing == 0);
}

TEST_CASE("[render] the inset's land, drawn from its texture, is where its triangles put it") {
    // The renderer draws the locator's land once into a texture, then as one quad. Here the
    // triangles are drawn as they were before, straight into the inset's viewport: each pixel
    // of the inset (but for the box of what the map shows) is land in both images or in none.
    Fixture f;
    const geo::Point a = f.projection.forward({144.6, 42.9});
    const geo::Point b = f.projection.forward({147.6, 45.0});
    f.view.fit({a.x, a.y, b.x, b.y});
    kuril::MapState state = only({kuril::Layer::sea}, {2020, 1, 1});
    const kuril::MapFurnitureLayout furniture =
        kuril::layout_map_furniture(kuril::build_frame(f.scene, state, f.view), 0, 0);
    REQUIRE(furniture.inset.shown);
    const kuril::ScreenRect inset = furniture.inset.rect;
    const sf::Image drawn = f.render(state);

    const geo::Box& world = f.scene.world;
    sf::View view(sf::FloatRect(static_cast<float>(world.min_x), static_cast<float>(-world.max_y),
                                static_cast<float>(world.max_x - world.min_x),
                                static_cast<float>(world.max_y - world.min_y)));
    // As draw_inset computes it, in single precision.
    view.setViewport(sf::FloatRect(
        static_cast<float>(inset.left) / 1000.f, static_cast<float>(inset.top) / 800.f,
        static_cast<float>(inset.width) / 1000.f, static_cast<float>(inset.height) / 800.f));
    std::vector<sf::Vertex> triangles;
    const auto& level = f.scene.land.fills(f.scene.land.level_count() - 1);
    for (const auto& piece : level.fills) {
        for (const auto& v : piece.triangles) {
            triangles.emplace_back(sf::Vector2f(v.x, v.y), kuril::style::inset_land);
        }
    }
    f.target.setView(view);
    f.target.clear(kuril::style::sea);
    f.target.draw(triangles.data(), triangles.size(), sf::Triangles);
    f.target.display();
    const sf::Image expected = f.target.getTexture().copyToImage();

    // The box of what the map shows, in the inset's pixels, grown by its border.
    const geo::Box shown = f.view.visible_box();
    const auto to_x = [&](double x) {
        return inset.left + (x - world.min_x) / (world.max_x - world.min_x) * inset.width;
    };
    const auto to_y = [&](double y) {
        return inset.top + (world.max_y - y) / (world.max_y - world.min_y) * inset.height;
    };
    const auto in_box = [&](unsigned x, unsigned y) {
        return x + 4 >= to_x(shown.min_x) && x <= to_x(shown.max_x) + 4 &&
               y + 4 >= to_y(shown.max_y) && y <= to_y(shown.min_y) + 4;
    };
    std::size_t land = 0;
    std::size_t compared = 0;
    std::size_t differing = 0;
    for (auto y = static_cast<unsigned>(inset.top) + 2; y + 2 < inset.top + inset.height; ++y) {
        for (auto x = static_cast<unsigned>(inset.left) + 2; x + 2 < inset.left + inset.width;
             ++x) {
            if (in_box(x, y)) {
                continue;
            }
            ++compared;
            const bool land_expected = expected.getPixel(x, y) == kuril::style::inset_land;
            land += land_expected ? 1 : 0;
            differing += land_expected != (drawn.getPixel(x, y) == kuril::style::inset_land);
        }
    }
    CHECK(compared > 10'000);
    CHECK(land > 2'000); // the test sees land: Hokkaido, Sakhalin, the mainland
    CHECK(differing == 0);
}

TEST_CASE("[render] an event in Moscow is marked at the map's edge, its arrow toward it") {
    Fixture f;
    // 19 October 1956: the Joint Declaration, signed in Moscow, far west of the map.
    const kuril::MapState state = only({kuril::Layer::sea, kuril::Layer::events}, {1956, 10, 19});
    const kuril::MapFrame frame = kuril::build_frame(f.scene, state, f.view);
    const auto it = std::find_if(frame.off_map_events.begin(), frame.off_map_events.end(),
                                 [](const kuril::OffMapEvent& shown) {
                                     return std::abs(shown.event->place.x - 37.6) < 0.1;
                                 });
    REQUIRE(it != frame.off_map_events.end());
    const auto image = f.render(state);
    const auto pixel = [&](geo::Point p) {
        return image.getPixel(static_cast<unsigned>(std::lround(p.x)),
                              static_cast<unsigned>(std::lround(p.y)));
    };
    // The marker's disc, the arrow's shaft halfway to the tip and its head just behind the tip
    // are the marker colour; beyond the tip, sea.
    const geo::Point d = it->direction;
    CHECK(near(pixel(it->marker), kuril::style::event_marker));
    CHECK(near(pixel({(it->marker.x + it->tip.x) / 2, (it->marker.y + it->tip.y) / 2}),
               kuril::style::event_marker));
    CHECK(near(pixel({it->tip.x - d.x * 4, it->tip.y - d.y * 4}), kuril::style::event_marker));
    CHECK(near(pixel({it->tip.x + d.x * 6, it->tip.y + d.y * 6}), kuril::style::sea));
    // Without the events layer, nothing there.
    const auto plain = f.render(only({kuril::Layer::sea}, {1956, 10, 19}));
    CHECK(near(plain.getPixel(static_cast<unsigned>(std::lround(it->marker.x)),
                              static_cast<unsigned>(std::lround(it->marker.y))),
               kuril::style::sea));
}

TEST_CASE("[render] a frame drawn into an area of the target is the frame drawn alone, and "
          "nothing outside the area changes") {
    // A compare view's half: the right half of the target holds a 500x800 view.
    Fixture f;
    const kuril::MapState state = only({kuril::Layer::sea, kuril::Layer::land, kuril::Layer::status,
                                        kuril::Layer::lines, kuril::Layer::labels},
                                       {1950, 1, 1});
    kuril::MapView half(f.scene.world, 500, 800);
    kuril::MapRenderer renderer(f.scene, f.font);
    sf::RenderTexture alone;
    sf::ContextSettings settings;
    settings.stencilBits = 8;
    REQUIRE(alone.create(500, 800, settings));
    renderer.draw(alone, half, state);
    alone.display();
    const sf::Image expected = alone.getTexture().copyToImage();

    f.target.setView(sf::View(sf::FloatRect(0, 0, 1000, 800)));
    f.target.clear(sf::Color::Magenta);
    renderer.draw(f.target, half, state, {}, std::nullopt, sf::IntRect(500, 0, 500, 800));
    f.target.display();
    const sf::Image image = f.target.getTexture().copyToImage();
    std::size_t outside_changed = 0;
    std::size_t inside_differing = 0;
    for (unsigned y = 0; y < 800; ++y) {
        for (unsigned x = 0; x < 500; ++x) {
            outside_changed += image.getPixel(x, y) == sf::Color::Magenta ? 0 : 1;
            inside_differing += near(image.getPixel(500 + x, y), expected.getPixel(x, y)) ? 0 : 1;
        }
    }
    CHECK(outside_changed == 0);
    CHECK(inside_differing < 500 * 800 / 1000);
}
