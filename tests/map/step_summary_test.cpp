#include "geo/atlas.hpp"
#include "geo/projection.hpp"
#include "map/step_summary.hpp"
#include "test_paths.hpp"

#include <algorithm>
#include <doctest/doctest.h>
#include <memory>

namespace {

bool contains(const std::vector<std::string>& items, const std::string& item) {
    return std::find(items.begin(), items.end(), item) != items.end();
}

struct Shipped {
    std::unique_ptr<geo::Atlas> atlas = geo::load_atlas(test_paths::shipped() / "annotations.xml");
    geo::Projection projection;
    kuril::MapScene scene{*atlas, projection};

    kuril::StepSummary step(geo::Date from, geo::Date to, kuril::MapState state = {}) const {
        const kuril::MapView view(scene.world, 800, 600);
        state.date = from;
        const auto before = kuril::build_frame(scene, state, view);
        state.date = to;
        return kuril::summarize_step(before, kuril::build_frame(scene, state, view));
    }
};

} // namespace

TEST_CASE("[step] a timeline step names what changed between two frames") {
    const Shipped shipped;
    const auto summary = shipped.step({1860, 1, 1}, {1875, 5, 7});
    CHECK(contains(summary.changed_lines, "st-petersburg-1875"));
    CHECK(contains(summary.changed_islands, "urup"));
    CHECK(contains(summary.changed_islands, "south-sakhalin"));
    CHECK(!contains(summary.changed_islands, "etorofu"));
    CHECK(summary.caption.rfind("1875: ", 0) == 0);
    CHECK(summary.caption.find("→ Japan") != std::string::npos);
    CHECK(summary.caption.find("→ Russian Empire") != std::string::npos);

    const auto occupation = shipped.step({1945, 8, 27}, {1945, 8, 28});
    CHECK(occupation.changed_islands == std::vector<std::string>{"etorofu"});
    CHECK(occupation.caption.find("→ USSR") != std::string::npos);

    const auto nothing = shipped.step({1930, 1, 1}, {1930, 6, 1});
    CHECK(nothing.changed_islands.empty());
    CHECK(nothing.changed_lines.empty());
    CHECK(nothing.caption == "1930");
}

TEST_CASE("[step] the caption reports the record, whatever layers are shown") {
    const Shipped shipped;
    kuril::MapState state;
    for (auto& visible : state.visible) {
        visible = false;
    }
    const auto summary = shipped.step({1860, 1, 1}, {1875, 5, 7}, state);
    CHECK(contains(summary.changed_islands, "urup"));
    CHECK(contains(summary.changed_lines, "st-petersburg-1875"));
}
