// SPDX-License-Identifier: GPL-3.0-or-later
// Loads and reprojects the shipped shapes into the default display CRS, several times, and
// prints the median: `vertices=N load_ms=X`. Run with no arguments (or --runs N, or paths of
// other vector sources).
#include "geo/projection.hpp"
#include "geo/vector_source.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string>
#include <vector>

int main(int argc, char** argv) {
    int runs = 9;
    std::vector<std::string> sources;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--runs" && i + 1 < argc) {
            runs = std::max(1, std::atoi(argv[++i]));
        } else {
            sources.push_back(arg);
        }
    }
    if (sources.empty()) {
        const std::string shapes = std::string(KURIL_SHIPPED_DATA_DIR) + "/shapes/";
        sources = {shapes + "land.shp", shapes + "lakes.shp", shapes + "boundaries.shp"};
    }
    try {
        std::vector<double> times;
        std::size_t vertices = 0;
        for (int run = 0; run < runs; ++run) {
            const auto start = std::chrono::steady_clock::now();
            const geo::Projection projection;
            vertices = 0;
            for (const auto& source : sources) {
                const auto layer = geo::load_vector_layer(source);
                vertices += geo::project_layer(layer, projection).vertex_count();
            }
            times.push_back(
                std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                    .count());
        }
        std::sort(times.begin(), times.end());
        std::printf("vertices=%zu load_ms=%.1f runs=%d min_ms=%.1f max_ms=%.1f\n", vertices,
                    times[times.size() / 2], runs, times.front(), times.back());
    } catch (const std::exception& error) {
        std::fprintf(stderr, "load-bench: %s\n", error.what());
        return 2;
    }
    return 0;
}
