#include "geo/atlas.hpp"
#include "geo/step_summary.hpp"
#include "test_paths.hpp"

#include <algorithm>
#include <doctest/doctest.h>

namespace {

bool contains(const std::vector<std::string>& items, const std::string& item) {
    return std::find(items.begin(), items.end(), item) != items.end();
}

} // namespace

TEST_CASE("[viewer] a timeline step names what changed") {
    const auto atlas = geo::load_atlas(test_paths::shipped() / "annotations.xml");
    const auto summary =
        kuril::summarize_step(atlas->annotations, *atlas->history, {1860, 1, 1}, {1875, 5, 7});
    CHECK(contains(summary.changed_lines, "st-petersburg-1875"));
    CHECK(contains(summary.changed_islands, "urup"));
    CHECK(contains(summary.changed_islands, "south-sakhalin"));
    CHECK(!contains(summary.changed_islands, "etorofu"));
    CHECK(summary.caption.rfind("1875: ", 0) == 0);
    CHECK(summary.caption.find("→ Japan") != std::string::npos);
    CHECK(summary.caption.find("→ Russian Empire") != std::string::npos);

    const auto occupation =
        kuril::summarize_step(atlas->annotations, *atlas->history, {1945, 8, 27}, {1945, 8, 28});
    CHECK(occupation.changed_islands == std::vector<std::string>{"etorofu"});
    CHECK(occupation.caption.find("→ USSR") != std::string::npos);

    const auto nothing =
        kuril::summarize_step(atlas->annotations, *atlas->history, {1930, 1, 1}, {1930, 6, 1});
    CHECK(nothing.changed_islands.empty());
    CHECK(nothing.changed_lines.empty());
}
