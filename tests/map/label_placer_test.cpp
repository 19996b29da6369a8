// SPDX-License-Identifier: GPL-3.0-or-later
#include "geo/atlas.hpp"
#include "geo/projection.hpp"
#include "map/label_placer.hpp"
#include "map/map_scene.hpp"
#include "map/map_view.hpp"
#include "map/polygon_set.hpp"
#include "test_paths.hpp"

#include <algorithm>
#include <cmath>
#include <doctest/doctest.h>
#include <memory>
#include <utility>
#include <vector>

namespace {

kuril::LabelRequest request_at(double x, double y, double width, double height, int priority,
                               int id) {
    kuril::LabelRequest request;
    request.anchor_x = x;
    request.anchor_y = y;
    request.width = width;
    request.height = height;
    request.priority = priority;
    request.id = id;
    return request;
}

} // namespace

TEST_CASE("[viewer] labels never overlap and the most important win") {
    std::vector<kuril::LabelRequest> requests;
    // Ten labels at the same spot: only the ones that find a free side are placed.
    for (int i = 0; i < 10; ++i) {
        requests.push_back(request_at(500, 300, 120, 20, i, i));
    }
    const auto placed = kuril::place_labels(requests, 1000, 600);
    REQUIRE(!placed.empty());
    CHECK(placed.size() < requests.size());
    CHECK(placed.front().id == 9); // highest priority first
    for (std::size_t a = 0; a < placed.size(); ++a) {
        for (std::size_t b = a + 1; b < placed.size(); ++b) {
            CHECK(!placed[a].rect.intersects(placed[b].rect));
        }
    }
}

TEST_CASE("[viewer] labels stay inside the viewport and off obstacles") {
    const std::vector<kuril::LabelRequest> requests = {request_at(60, 30, 100, 20, 1, 0),
                                                       request_at(400, 300, 100, 20, 1, 1)};
    const std::vector<kuril::ScreenRect> obstacles = {{300, 250, 250, 100}};
    const auto placed = kuril::place_labels(requests, 800, 600, obstacles);
    REQUIRE(placed.size() == 1);
    CHECK(placed[0].id == 0);
    CHECK(placed[0].rect.left >= 0);
    CHECK(placed[0].rect.top >= 0);
}

TEST_CASE("[map] a line's name runs along a straight line, off its stroke") {
    // A horizontal line across the screen at y = 200.
    const std::vector<geo::Point> path = {{100, 200}, {400, 200}, {700, 200}};
    const auto candidates = kuril::line_candidates_along(path, 200, 20, 3);
    REQUIRE_FALSE(candidates.empty());
    const auto& first = candidates.front();
    CHECK(first.angle_deg == doctest::Approx(0.0));
    // The middle first, above the line, clear of it by the clearance.
    CHECK(first.rect.left + first.rect.width / 2 == doctest::Approx(400).epsilon(0.05));
    CHECK(first.rect.bottom() <= 200 - 3 + 1e-9);
    for (const auto& candidate : candidates) {
        CHECK((candidate.rect.bottom() <= 197 + 1e-9 || candidate.rect.top >= 203 - 1e-9));
    }
    // A line shorter than the text has no place along it, only beside it, off the stroke.
    CHECK(kuril::line_candidates_along({{100, 200}, {150, 200}}, 200, 20, 3).empty());
    const auto beside = kuril::line_candidates_beside({{100, 200}, {150, 200}}, 200, 20, 3);
    REQUIRE_FALSE(beside.empty());
    for (const auto& candidate : beside) {
        const bool covers_stroke =
            candidate.rect.top - 3 <= 200 && candidate.rect.bottom() + 3 >= 200 &&
            candidate.rect.left - 3 <= 150 && candidate.rect.right() + 3 >= 100;
        CHECK_FALSE(covers_stroke);
    }
}

TEST_CASE("[map] a rotated line name follows a diagonal line and stays upright") {
    const std::vector<geo::Point> path = {{100, 500}, {500, 100}};
    const auto candidates = kuril::line_candidates_along(path, 150, 20, 3);
    REQUIRE_FALSE(candidates.empty());
    CHECK(candidates.front().angle_deg == doctest::Approx(-45.0));
    // A bend sharper than the text tolerates gives no candidate along it.
    CHECK(kuril::line_candidates_along({{100, 300}, {200, 300}, {200, 400}}, 150, 20, 3).empty());
}

TEST_CASE("[map] an essential label covers event markers, others do not") {
    const kuril::ScreenRect island{400, 300, 20, 10};
    const auto candidates = kuril::island_candidates(island, {410, 305}, {{{80, 20}}}, false);
    kuril::LabelRequest essential;
    essential.candidates = candidates;
    essential.essential = true;
    essential.id = 1;
    kuril::LabelRequest other = essential;
    other.essential = false;
    other.id = 2;
    other.priority = 100; // higher priority, but not essential
    // A marker over every candidate.
    kuril::LabelObstacles obstacles;
    obstacles.soft = {{200, 200, 400, 300}};
    const auto only_other = kuril::place_labels({other}, 1000, 800, obstacles);
    CHECK(only_other.empty());
    const auto placed = kuril::place_labels({other, essential}, 1000, 800, obstacles);
    REQUIRE(placed.size() == 1);
    CHECK(placed.front().id == 1);
}

TEST_CASE("[map] an essential label is never dropped: with a leader when its island is ringed") {
    const kuril::ScreenRect island{400, 300, 20, 10};
    kuril::LabelRequest essential;
    essential.candidates = kuril::island_candidates(island, {410, 305}, {{{80, 20}}}, true);
    essential.essential = true;
    essential.id = 1;
    // Panels all around the island, leaving 5 px: no label fits beside it.
    kuril::LabelObstacles obstacles;
    obstacles.hard = {
        {340, 240, 140, 55}, {340, 315, 140, 55}, {340, 295, 55, 20}, {425, 295, 55, 20}};
    const auto placed = kuril::place_labels({essential}, 1000, 800, obstacles);
    REQUIRE(placed.size() == 1);
    REQUIRE(placed.front().leader);
    const auto& leader = *placed.front().leader;
    // The leader ends on the island's box and starts on the label's.
    CHECK(island.distance_to({leader[2], leader[3], 0, 0}) <= 1e-9);
    CHECK(placed.front().rect.distance_to({leader[0], leader[1], 0, 0}) <= 1e-9);
    for (const auto& obstacle : obstacles.hard) {
        CHECK_FALSE(placed.front().rect.intersects(obstacle));
    }
    // Not essential: hidden.
    essential.essential = false;
    CHECK(kuril::place_labels({essential}, 1000, 800, obstacles).empty());
}

TEST_CASE("[map] a town's dot: no name placed before covers it, later names keep off it") {
    // A town at (300, 300): its dot's box, its name to the right only.
    const auto town = [](int id, int priority) {
        kuril::LabelRequest request = request_at(300, 300, 80, 20, priority, id);
        request.symbol = kuril::ScreenRect{295, 295, 10, 10};
        request.candidates = {{{308, 290, 80, 20}, 0, 0.0, std::nullopt}};
        request.avoid_symbols = true;
        return request;
    };
    // An island's name over the dot, placed first: the town is not named (nor dotted).
    kuril::LabelRequest island = request_at(300, 300, 60, 20, 3000, 1);
    island.candidates = {{{270, 290, 60, 20}, 0, 0.0, std::nullopt}};
    auto placed = kuril::place_labels({island, town(2, 400)}, 1000, 600);
    REQUIRE(placed.size() == 1);
    CHECK(placed[0].id == 1);
    // Elsewhere, the island's name leaves the dot free: the town is named.
    island.candidates = {{{100, 100, 60, 20}, 0, 0.0, std::nullopt}};
    placed = kuril::place_labels({island, town(2, 400)}, 1000, 600);
    CHECK(placed.size() == 2);
    // A line's name placed after the town keeps off its dot (its first candidate covers it);
    // without avoid_symbols it would take it.
    kuril::LabelRequest line = request_at(300, 300, 33, 12, 10, 3);
    line.candidates = {{{270, 294, 33, 12}, 0, 0.0, std::nullopt},
                       {{200, 400, 33, 12}, 0, 0.0, std::nullopt}};
    line.avoid_symbols = true;
    placed = kuril::place_labels({town(2, 400), line}, 1000, 600);
    REQUIRE(placed.size() == 2);
    CHECK(placed[1].id == 3);
    CHECK(placed[1].rect.left == 200);
    line.avoid_symbols = false;
    placed = kuril::place_labels({town(2, 400), line}, 1000, 600);
    REQUIRE(placed.size() == 2);
    CHECK(placed[1].rect.left == 270);
}

namespace {

struct ShippedScene {
    std::unique_ptr<geo::Atlas> atlas = geo::load_atlas(test_paths::shipped() / "annotations.xml");
    geo::Projection projection;
    kuril::MapScene scene{*atlas, projection};
    /// The land's polygons projected, each indexed for point tests.
    std::vector<kuril::PolygonIndex> land = [this] {
        std::vector<kuril::PolygonIndex> out;
        for (const auto& feature : geo::project_layer(*atlas->layer("land"), projection).features) {
            for (const auto& polygon : feature.polygons) {
                out.emplace_back(polygon);
            }
        }
        return out;
    }();
};

/// One scene for every test here (loading it is most of their time).
const ShippedScene& shipped_scene() {
    static const ShippedScene scene;
    return scene;
}

/// 1000x600 over the southern islands, at 300 m a pixel.
kuril::MapView southern_islands_view(const ShippedScene& shipped) {
    kuril::MapView view(shipped.scene.world, 1000, 600);
    view.set(shipped.projection.forward({146.5, 43.8}), 300.0);
    return view;
}

} // namespace

TEST_CASE("[map] the land mask owns each cell as the polygons do, land running past the screen's "
          "edges included") {
    const ShippedScene& shipped = shipped_scene();
    const kuril::MapScene& scene = shipped.scene;
    // Views where Hokkaido, Sakhalin or the mainland run past the left and right edges (rows
    // start inside land), at scales whose levels keep every lake of a few cells (a coarse
    // level leaves small holes out, and the mask then fills them).
    const std::vector<std::pair<geo::Point, double>> views = {
        {{142.0, 42.6}, 150.0}, {{142.5, 47.0}, 250.0}, {{135.5, 48.0}, 400.0}};
    int land = 0;
    int sea = 0;
    for (const auto& [lon_lat, mpp] : views) {
        CAPTURE(lon_lat.x);
        CAPTURE(mpp);
        kuril::MapView view(scene.world, 1000, 600);
        view.set(shipped.projection.forward(lon_lat), mpp);
        const double cell = 3.0;
        const kuril::LandMask mask(scene, view, cell);
        // The owner of a screen point by the full-resolution polygons: a region's index, land
        // of no region, or sea.
        const auto owner = [&](double x, double y) {
            const geo::Point at = view.screen_to_map({x, y});
            if (const auto* region = scene.region_at(at)) {
                return static_cast<int>(region - scene.regions.data());
            }
            for (const auto& polygon : shipped.land) {
                if (polygon.contains(at)) {
                    return kuril::LandMask::other_land;
                }
            }
            return kuril::LandMask::sea;
        };
        int wrong = 0;
        for (double y = 1.5 * cell; y < 600 - 2 * cell; y += 5 * cell) {
            for (double x = 1.5 * cell; x < 1000 - 2 * cell; x += 5 * cell) {
                // Only where the cell and its neighbours all have one owner (clear of coasts,
                // which a coarser level of detail draws up to a pixel apart).
                const int expected = owner(x, y);
                bool clear = true;
                for (const double dx : {-1.5 * cell, 1.5 * cell}) {
                    for (const double dy : {-1.5 * cell, 1.5 * cell}) {
                        clear = clear && owner(x + dx, y + dy) == expected;
                    }
                }
                if (!clear) {
                    continue;
                }
                (expected == kuril::LandMask::sea ? sea : land) += 1;
                wrong += mask.owner_at(x, y) != expected ? 1 : 0;
            }
        }
        CHECK(wrong == 0);
    }
    CHECK(land > 500);
    CHECK(sea > 500);
}

TEST_CASE("[map] the land mask's nearest cell of an island is the nearest of all its cells") {
    const ShippedScene& shipped = shipped_scene();
    const kuril::MapScene& scene = shipped.scene;
    const kuril::MapView view = southern_islands_view(shipped);
    const double cell = 3.0;
    const kuril::LandMask mask(scene, view, cell);
    const double radius = 80.0;
    const int rings = static_cast<int>(std::ceil(radius / cell));
    int found = 0;
    for (int owner = 0; owner < static_cast<int>(scene.regions.size()); ++owner) {
        if (!mask.bounds_of(owner)) {
            continue;
        }
        for (double y = 5; y < 600; y += 37) {
            for (double x = 5; x < 1000; x += 41) {
                // Every cell of the owner within the search's square, the nearest centre.
                const int c = static_cast<int>(std::floor(x / cell));
                const int r = static_cast<int>(std::floor(y / cell));
                double best = 1e300;
                for (int rr = r - rings; rr <= r + rings; ++rr) {
                    for (int cc = c - rings; cc <= c + rings; ++cc) {
                        const double cx = (cc + 0.5) * cell;
                        const double cy = (rr + 0.5) * cell;
                        if (cx > 0 && cy > 0 && cx < 1000 && cy < 600 &&
                            mask.owner_at(cx, cy) == owner) {
                            best = std::min(best, std::hypot(cx - x, cy - y));
                        }
                    }
                }
                const auto nearest = mask.nearest(owner, {x, y}, radius);
                CAPTURE(owner);
                CAPTURE(x);
                CAPTURE(y);
                REQUIRE(nearest.has_value() == (best < 1e300));
                if (nearest) {
                    CHECK(std::hypot(nearest->x - x, nearest->y - y) == doctest::Approx(best));
                    ++found;
                }
            }
        }
    }
    CHECK(found > 100);
}

TEST_CASE("[map] a leader to the land ends on the island's land once placed, not on its box") {
    const ShippedScene& shipped = shipped_scene();
    const kuril::MapScene& scene = shipped.scene;
    const kuril::MapView view = southern_islands_view(shipped);
    const kuril::LandMask mask(scene, view, 3.0);
    int owner = -1;
    for (std::size_t i = 0; i < scene.regions.size(); ++i) {
        if (scene.regions[i].island->id == "shikotan") {
            owner = static_cast<int>(i);
        }
    }
    REQUIRE(owner >= 0);
    const auto box = mask.bounds_of(owner);
    REQUIRE(box);
    const geo::Point anchor{box->left + box->width / 2, box->top + box->height / 2};
    // Wider than the island: never within its box, nor beside it under the panels.
    const std::vector<std::array<double, 2>> size{{box->width + 130, 14}};
    // Panels up to 60 px around the island: only a leader's place is free.
    const double m = 60;
    kuril::LabelObstacles obstacles;
    obstacles.hard = {{box->left - m, box->top - m, box->width + 2 * m, m},
                      {box->left - m, box->bottom(), box->width + 2 * m, m},
                      {box->left - m, box->top, m, box->height},
                      {box->right(), box->top, m, box->height}};
    for (const bool to_land : {false, true}) {
        CAPTURE(to_land);
        kuril::LabelRequest request;
        request.candidates = kuril::island_candidates(*box, anchor, size, true, to_land);
        request.essential = true;
        request.leader_land = &mask;
        request.leader_owner = owner;
        const auto placed = kuril::place_labels({request}, 1000, 600, obstacles);
        REQUIRE(placed.size() == 1);
        REQUIRE(placed.front().leader);
        const auto& l = *placed.front().leader;
        CHECK(placed.front().rect.distance_to({l[0], l[1], 0, 0}) <= 1e-9);
        if (to_land) {
            CHECK(mask.owner_at(l[2], l[3]) == owner); // a cell of Shikotan's
        } else {
            CHECK(box->distance_to({l[2], l[3], 0, 0}) <= 1e-9); // on its box
        }
    }
    // Given no mask, a leader to the land stays on the box.
    kuril::LabelRequest request;
    request.candidates = kuril::island_candidates(*box, anchor, size, true, true);
    request.essential = true;
    const auto placed = kuril::place_labels({request}, 1000, 600, obstacles);
    REQUIRE(placed.size() == 1);
    REQUIRE(placed.front().leader);
    CHECK(box->distance_to({(*placed.front().leader)[2], (*placed.front().leader)[3], 0, 0}) <=
          1e-9);
}
