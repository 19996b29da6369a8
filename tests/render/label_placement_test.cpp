// SPDX-License-Identifier: GPL-3.0-or-later
// Island names on their own land: for the whole region on six dates, each disputed island's
// own view and three boxes, at two sizes and in two languages, every visible disputed island
// has exactly one label, on or beside its own land (or with a leader ending there), covering no
// other island. Checked against the islands' polygons, not against the placer's own mask.
#include "drawing_fixture.hpp"
#include "map/polygon_set.hpp"
#include "map/view_spec.hpp"
#include "render/map_renderer.hpp"

#include <SFML/Graphics.hpp>
#include <algorithm>
#include <cmath>
#include <doctest/doctest.h>
#include <map>
#include <sstream>

namespace {

struct Case {
    std::string name;
    kuril::ViewSpec spec;
    geo::Date date;
};

/// A region's polygons simplified to 50 m (well under a pixel at these views), north-up metres.
struct Shapes {
    std::string id;
    std::vector<geo::Polygon> polygons;
    std::vector<geo::Box> boxes;
};

std::vector<Shapes> simplified_regions(const kuril::MapScene& scene) {
    std::vector<Shapes> out;
    for (const auto& region : scene.regions) {
        Shapes shapes{region.island->id, {}, {}};
        for (const auto& polygon : region.projected) {
            geo::Polygon simple;
            geo::Box box{1e300, 1e300, -1e300, -1e300};
            for (const auto& ring : polygon.rings) {
                simple.rings.push_back(kuril::simplify_ring(ring, 50.0));
                for (const auto& p : ring) {
                    box = {std::min(box.min_x, p.x), std::min(box.min_y, p.y),
                           std::max(box.max_x, p.x), std::max(box.max_y, p.y)};
                }
            }
            shapes.polygons.push_back(std::move(simple));
            shapes.boxes.push_back(box);
        }
        out.push_back(std::move(shapes));
    }
    return out;
}

bool inside(const Shapes& shapes, geo::Point map_point) {
    for (std::size_t i = 0; i < shapes.polygons.size(); ++i) {
        if (shapes.boxes[i].contains(map_point) &&
            kuril::polygon_contains(shapes.polygons[i], map_point)) {
            return true;
        }
    }
    return false;
}

/// Pixels from a screen box to the island's land (0 if they overlap).
double distance_to_land(const Shapes& shapes, const kuril::MapView& view,
                        const kuril::ScreenRect& box) {
    double best = 1e300;
    for (const auto& polygon : shapes.polygons) {
        for (const auto& ring : polygon.rings) {
            for (const auto& p : ring) {
                const geo::Point s = view.map_to_screen(p);
                const double dx = std::max({0.0, box.left - s.x, s.x - box.right()});
                const double dy = std::max({0.0, box.top - s.y, s.y - box.bottom()});
                best = std::min(best, std::hypot(dx, dy));
            }
        }
    }
    const geo::Point centre =
        view.screen_to_map({box.left + box.width / 2, box.top + box.height / 2});
    return inside(shapes, centre) ? 0.0 : best;
}

/// Whether any point of a box (sampled every 3 px, 2 px in from its halo) is on the land.
bool covers(const Shapes& shapes, const kuril::MapView& view, const kuril::ScreenRect& box) {
    for (double y = box.top + 2; y <= box.bottom() - 2; y += 3) {
        for (double x = box.left + 2; x <= box.right() - 2; x += 3) {
            if (inside(shapes, view.screen_to_map({x, y}))) {
                return true;
            }
        }
    }
    return false;
}

std::vector<Case> cases() {
    std::vector<Case> out;
    for (const geo::Date date :
         {geo::Date{1855, 2, 7}, geo::Date{1875, 5, 7}, geo::Date{1905, 10, 1},
          geo::Date{1937, 1, 1}, geo::Date{1945, 9, 10}, geo::Date{2025, 1, 1}}) {
        std::ostringstream name;
        name << "whole region " << date.year << "-" << date.month << "-" << date.day;
        out.push_back({name.str(), {}, date});
    }
    for (const char* island : {"etorofu", "kunashiri", "shikotan", "habomai"}) {
        kuril::ViewSpec spec;
        spec.island = island;
        out.push_back({std::string("island ") + island, spec, {1945, 9, 10}});
    }
    for (const geo::Box box :
         {geo::Box{145, 43, 149, 46}, geo::Box{147, 44, 151, 47}, geo::Box{139, 41, 158, 55}}) {
        kuril::ViewSpec spec;
        spec.bbox = box;
        std::ostringstream name;
        name << "bbox " << box.min_x << "," << box.min_y << "," << box.max_x << "," << box.max_y;
        out.push_back({name.str(), spec, {1956, 10, 19}});
    }
    return out;
}

} // namespace

TEST_CASE("[render] every visible disputed island has one label, on or beside its own land") {
    test_drawing::ShippedScene shipped;
    const auto regions = simplified_regions(shipped.scene);
    struct Size {
        unsigned width;
        unsigned height;
    };
    for (const Size size : {Size{1280, 720}, Size{640, 400}, Size{800, 500}}) {
        sf::RenderTexture target;
        sf::ContextSettings settings;
        settings.stencilBits = 8;
        REQUIRE(target.create(size.width, size.height, settings));
        for (const auto language : {kuril::LabelLanguage::en_ru, kuril::LabelLanguage::ja}) {
            for (const auto& c : cases()) {
                kuril::MapView view(shipped.scene.world, size.width, size.height);
                c.spec.apply(shipped.scene, view);
                kuril::MapState state;
                state.date = c.date;
                state.language = language;
                kuril::MapRenderer renderer(shipped.scene, shipped.font);
                renderer.draw(target, view, state);
                const auto& placed = renderer.placed_labels();
                const kuril::ScreenRect screen{0, 0, static_cast<double>(size.width),
                                               static_cast<double>(size.height)};
                for (const auto& own : regions) {
                    const auto* island = shipped.atlas->annotations.island(own.id);
                    if (island == nullptr || island->group != "disputed") {
                        continue;
                    }
                    // Visible: some of its land is on screen.
                    bool visible = false;
                    for (const auto& polygon : own.polygons) {
                        for (const auto& p : polygon.rings.front()) {
                            const geo::Point s = view.map_to_screen(p);
                            visible = visible || (s.x >= 0 && s.y >= 0 && s.x < screen.width &&
                                                  s.y < screen.height);
                        }
                    }
                    if (!visible) {
                        continue;
                    }
                    CAPTURE(c.name);
                    CAPTURE(size.width);
                    CAPTURE(kuril::language_code(language));
                    CAPTURE(own.id);
                    std::vector<const kuril::PlacedMapLabel*> labels;
                    for (const auto& label : placed) {
                        if (label.feature == own.id) {
                            labels.push_back(&label);
                        }
                    }
                    REQUIRE(labels.size() == 1);
                    const kuril::PlacedMapLabel& label = *labels.front();
                    CHECK(label.kind == kuril::LabelKind::island);
                    CHECK(!label.text.empty());
                    CAPTURE(label.text);
                    CAPTURE(label.bbox_px.left);
                    CAPTURE(label.bbox_px.top);
                    if (label.leader_px) {
                        const auto& l = *label.leader_px;
                        CHECK(distance_to_land(own, view, {l[2], l[3], 0, 0}) <= 12.0);
                        CHECK(label.bbox_px.distance_to({l[0], l[1], 0, 0}) <= 1.0);
                    } else {
                        CHECK(distance_to_land(own, view, label.bbox_px) <= 12.0);
                    }
                    for (const auto& other : regions) {
                        if (other.id != own.id) {
                            CAPTURE(other.id);
                            CHECK_FALSE(covers(other, view, label.bbox_px));
                        }
                    }
                }
            }
        }
    }
}

TEST_CASE(
    "[render] the 50th parallel's name is in the chosen language and leaves the line visible") {
    test_drawing::ShippedScene shipped;
    sf::RenderTexture target;
    sf::ContextSettings settings;
    settings.stencilBits = 8;
    REQUIRE(target.create(1280, 720, settings));
    const geo::BoundaryLine* portsmouth = nullptr;
    for (const auto& line : shipped.atlas->history->lines()) {
        if (line.id == "portsmouth-1905") {
            portsmouth = &line;
        }
    }
    REQUIRE(portsmouth != nullptr);
    for (const auto language : {kuril::LabelLanguage::ja, kuril::LabelLanguage::en_ru}) {
        CAPTURE(kuril::language_code(language));
        kuril::MapView view(shipped.scene.world, 1280, 720);
        kuril::MapState state;
        state.date = {1905, 10, 1};
        state.language = language;
        kuril::MapRenderer renderer(shipped.scene, shipped.font);
        renderer.draw(target, view, state);
        std::vector<const kuril::PlacedMapLabel*> labels;
        for (const auto& label : renderer.placed_labels()) {
            if (label.feature == "portsmouth-1905") {
                labels.push_back(&label);
            }
        }
        REQUIRE(labels.size() == 1);
        CHECK(labels.front()->kind == kuril::LabelKind::line);
        if (language == kuril::LabelLanguage::ja) {
            CHECK(labels.front()->text == "ポーツマス条約の国境線（北緯50度線、1905年）");
        } else {
            CHECK(labels.front()->text.rfind("Treaty of Portsmouth border", 0) == 0);
        }
        // No point of the line under the text (the box less its halo).
        const kuril::ScreenRect& box = labels.front()->bbox_px;
        for (const auto& part : portsmouth->geometry) {
            const auto dense = kuril::densify(part, 0.01);
            for (const auto& p : dense) {
                const geo::Point s = view.map_to_screen(shipped.projection.forward(p));
                const bool under = s.x > box.left + 2 && s.x < box.right() - 2 &&
                                   s.y > box.top + 2 && s.y < box.bottom() - 2;
                CHECK_FALSE(under);
            }
        }
    }
}
