#include "map/label_placer.hpp"

#include <doctest/doctest.h>

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
