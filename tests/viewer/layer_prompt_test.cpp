// SPDX-License-Identifier: GPL-3.0-or-later
// The layer prompt (O): Tab completion of file names.
#include "layer_prompt.hpp"
#include "test_paths.hpp"

#include <cstdlib>
#include <doctest/doctest.h>
#include <fstream>

TEST_CASE("[viewer] layer prompt: Tab completes a file name, then offers what is shared") {
    const auto dir = test_paths::scratch("layer_prompt");
    std::ofstream(dir / "harbours.geojson") << "{}";
    std::ofstream(dir / "routes-2019.gpkg") << "";
    std::ofstream(dir / "routes-2020.gpkg") << "";
    std::ofstream(dir / ".hidden.geojson") << "";
    std::filesystem::create_directory(dir / "more");
    const std::string base = dir.string() + "/";

    // One match: completed whole.
    CHECK(kuril::complete_path(base + "har").path == base + "harbours.geojson");
    CHECK(kuril::complete_path(base + "har").candidates.empty());
    // Several: as far as they agree, and their names offered.
    const auto routes = kuril::complete_path(base + "r");
    CHECK(routes.path == base + "routes-20");
    CHECK(routes.candidates == std::vector<std::string>{"routes-2019.gpkg", "routes-2020.gpkg"});
    // A folder gets its slash; hidden files only when a dot is typed; nothing found: unchanged.
    CHECK(kuril::complete_path(base + "mo").path == base + "more/");
    CHECK(kuril::complete_path(base + "h").path == base + "harbours.geojson");
    CHECK(kuril::complete_path(base + ".h").path == base + ".hidden.geojson");
    CHECK(kuril::complete_path(base + "zzz").path == base + "zzz");
    CHECK(kuril::complete_path(base + "nowhere/x").path == base + "nowhere/x");
}

TEST_CASE("[viewer] layer prompt: ~/ is the home folder, kept as typed") {
    const auto dir = test_paths::scratch("layer_prompt_home");
    std::ofstream(dir / "only.geojson") << "{}";
    const char* old_home = std::getenv("HOME");
    const std::string saved = old_home != nullptr ? old_home : "";
    setenv("HOME", dir.c_str(), 1);
    CHECK(kuril::expand_home("~/only.geojson") == dir.string() + "/only.geojson");
    CHECK(kuril::complete_path("~/on").path == "~/only.geojson");
    setenv("HOME", saved.c_str(), 1);
}
