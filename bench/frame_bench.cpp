// SPDX-License-Identifier: GPL-3.0-or-later
// Renders a scripted path off-screen at 1920x1080 (or --size WxH) with every layer on (whole
// region -> zoom into Habomai -> pan along the chain -> timeline steps) and prints
// `frames=N median_ms=X p95_ms=Y max_ms=Z cpu_ms_per_frame=C startup_ms=S`. Run under Xvfb.
#include "geo/atlas.hpp"
#include "geo/projection.hpp"
#include "map/user_layer.hpp"
#include "render/fonts.hpp"
#include "render/map_renderer.hpp"
#include "util/phase_timer.hpp"
#include "viewer/frame_updates.hpp"
#include "viewer/viewer_ui.hpp"

#include <SFML/Graphics.hpp>
#include <SFML/OpenGL.hpp>
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <exception>
#include <future>
#include <memory>
#include <string>
#include <string_view>
#include <sys/resource.h>
#include <utility>
#include <vector>

namespace {

using clock_type = std::chrono::steady_clock;

double ms_since(clock_type::time_point start) {
    return std::chrono::duration<double, std::milli>(clock_type::now() - start).count();
}

/// CPU time of the whole process (every thread: the rasteriser's too) in milliseconds: less
/// sensitive than wall time to other programs on a shared machine.
double cpu_ms() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    const auto ms = [](const timeval& t) {
        return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_usec) / 1e3;
    };
    return ms(usage.ru_utime) + ms(usage.ru_stime);
}

/// CPU time of this thread (the draw calls, not the rasteriser's threads) in milliseconds.
double thread_cpu_ms() {
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return static_cast<double>(now.tv_sec) * 1e3 + static_cast<double>(now.tv_nsec) / 1e6;
}

} // namespace

/// Resident set size in KiB, from /proc.
long rss_kib() {
    std::FILE* file = std::fopen("/proc/self/statm", "r");
    long pages = 0;
    long resident = 0;
    if (file != nullptr) {
        if (std::fscanf(file, "%ld %ld", &pages, &resident) != 2) {
            resident = 0;
        }
        std::fclose(file);
    }
    return resident * 4;
}

int main(int argc, char** argv) {
    const auto start = clock_type::now();
    kuril::PhaseTimer::global().mark("start");
    // --seconds S: repeat the path for S seconds and report memory (a long scripted session).
    // --size WxH: the frame's size (default 1920x1080).
    double session_seconds = 0;
    unsigned width = 1920;
    unsigned height = 1080;
    for (int i = 1; i + 1 < argc; ++i) {
        if (std::string(argv[i]) == "--seconds") {
            session_seconds = std::atof(argv[i + 1]);
        } else if (std::string(argv[i]) == "--size") {
            if (std::sscanf(argv[i + 1], "%ux%u", &width, &height) != 2 || width < 64 ||
                height < 64 || width > 8192 || height > 8192) {
                std::fprintf(stderr, "frame-bench: --size '%s': expected WxH, 64 to 8192\n",
                             argv[i + 1]);
                return 2;
            }
        }
    }
    if (std::getenv("DISPLAY") == nullptr) {
        std::fprintf(stderr, "frame-bench: no DISPLAY; run under xvfb-run\n");
        return 2;
    }
    // FRAME_BENCH_ANNOTATIONS=FILE: another annotations file (other layers) than the shipped one.
    const char* annotations = std::getenv("FRAME_BENCH_ANNOTATIONS");
    // As the viewer starts: the data (and the projection) load on a second thread while this
    // one starts OpenGL; then the scene.
    auto loading = std::async(std::launch::async, [annotations] {
        return std::make_pair(
            geo::load_atlas(annotations != nullptr
                                ? std::string(annotations)
                                : std::string(KURIL_SHIPPED_DATA_DIR) + "/annotations.xml"),
            std::make_unique<geo::Projection>());
    });
    sf::Font font;
    try {
        kuril::load_map_font(font);
    } catch (const std::exception& error) {
        std::fprintf(stderr, "frame-bench: %s\n", error.what());
        return 2;
    }
    kuril::PhaseTimer::global().mark("font");
    sf::RenderTexture target;
    if (!target.create(width, height)) {
        std::fprintf(stderr, "frame-bench: cannot create a render texture\n");
        return 2;
    }
    kuril::PhaseTimer::global().mark("render texture");
    auto [atlas, projection_owner] = loading.get();
    const geo::Projection& projection = *projection_owner;
    kuril::PhaseTimer::global().mark("wait for data");
    kuril::MapScene scene(*atlas, projection);
    // FRAME_BENCH_USER_LAYER=FILE: a user's layer (as `view --layer FILE`) over the land.
    if (const char* file = std::getenv("FRAME_BENCH_USER_LAYER")) {
        try {
            for (auto& layer : kuril::load_user_layers(file, {}, {}, projection)) {
                scene.user_layers.push_back(std::move(layer));
            }
        } catch (const std::exception& error) {
            std::fprintf(stderr, "frame-bench: %s\n", error.what());
            return 2;
        }
    }
    kuril::PhaseTimer::global().mark("scene");
    const kuril::Timeline timeline(atlas->history->key_dates());
    kuril::MapRenderer renderer(scene, font);
    kuril::ViewerUi ui(scene, timeline, font);
    kuril::MapView view(scene.world, width, height, scene.data_area);
    kuril::MapState state;
    state.ui_scale = 1.2;
    kuril::UiState ui_state;
    // FRAME_BENCH_LAYERS=land,lakes,... shows only those (to find where time goes).
    if (const char* only = std::getenv("FRAME_BENCH_LAYERS")) {
        state.visible = kuril::layers_from_list(only);
    }
    const bool draw_ui = std::getenv("FRAME_BENCH_NO_UI") == nullptr;
    // FRAME_BENCH_STAGES=1: the rasteriser finishes its work at the end of each stage of a
    // frame (making the frame and the UI's layout, each stage of the renderer's, the panels,
    // the display) and each stage's mean time is printed: where a frame's time goes. Nothing
    // overlaps then, so these frames are slower than the benchmark's others.
    const bool stages = std::getenv("FRAME_BENCH_STAGES") != nullptr;
    struct Stage {
        std::string name;
        double ms = 0;      // wall time, the rasteriser's work finished
        double main_ms = 0; // this thread's CPU time: the draw calls (the rest is rasterising)
    };
    std::vector<Stage> stage_ms;
    std::size_t staged_frames = 0; // the frames whose stages are counted
    auto stage_start = clock_type::now();
    double stage_start_cpu = thread_cpu_ms();
    const auto end_stage = [&](std::string_view name) {
        glFinish();
        const double ms = ms_since(stage_start);
        const double main_ms = thread_cpu_ms() - stage_start_cpu;
        auto known = std::find_if(stage_ms.begin(), stage_ms.end(),
                                  [&](const Stage& stage) { return stage.name == name; });
        if (known == stage_ms.end()) {
            known = stage_ms.insert(stage_ms.end(), Stage{std::string(name)});
        }
        known->ms += ms;
        known->main_ms += main_ms;
        stage_start = clock_type::now();
        stage_start_cpu = thread_cpu_ms();
    };
    if (stages) {
        renderer.set_stage_hook(end_stage);
    }

    double draw_ms_total = 0;
    double finish_ms_total = 0;
    double frame_ms_total = 0; // build_frame and the UI's layout
    double ui_ms_total = 0;
    auto frame = [&] {
        const auto d0 = clock_type::now();
        stage_start = d0;
        stage_start_cpu = thread_cpu_ms();
        kuril::MapFrame map_frame = kuril::build_frame(scene, state, view);
        const kuril::UiLayout layout = ui.layout(map_frame, ui_state, nullptr);
        map_frame.state.reserved_bottom_px = layout.timeline_height;
        frame_ms_total += ms_since(d0);
        if (stages) {
            end_stage("frame and UI layout");
        }
        renderer.draw(target, map_frame, layout.obstacles());
        draw_ms_total += ms_since(d0);
        const auto u0 = clock_type::now();
        if (draw_ui) {
            ui.draw(target, layout, state, ui_state);
        }
        if (stages) {
            end_stage("panels");
        }
        ui_ms_total += ms_since(u0);
        const auto f0 = clock_type::now();
        target.display();
        glFinish();
        finish_ms_total += ms_since(f0);
        if (stages) {
            end_stage("display");
            ++staged_frames;
        }
    };
    frame();
    stage_ms.clear(); // the first frame waits for levels of detail: not counted
    staged_frames = 0;
    kuril::PhaseTimer::global().mark("first frame");
    const double startup_ms = ms_since(start);
    // As the viewer does after its first frame: build the other levels of detail.
    kuril::prepare_remaining_levels(scene, kuril::user_layer_shapes(scene));
    if (std::getenv("FRAME_BENCH_DETAIL") != nullptr) {
        for (std::size_t i = 0; i < scene.land.level_count(); ++i) {
            const auto& level = scene.land.level(i);
            std::fprintf(stderr, "land level %.0f m: %zu vertices, %zu pieces\n", level.tolerance_m,
                         level.vertex_count, level.fills.size());
        }
        // A user's layer: the sum over its features at each level (they share the tolerances).
        std::vector<std::size_t> user_vertices;
        for (const auto& layer : scene.user_layers) {
            for (const auto& feature : layer.features) {
                if (!feature.shapes) {
                    continue;
                }
                user_vertices.resize(std::max(user_vertices.size(), feature.shapes->level_count()));
                for (std::size_t i = 0; i < feature.shapes->level_count(); ++i) {
                    user_vertices[i] += feature.shapes->level(i).vertex_count;
                }
            }
        }
        for (std::size_t i = 0; i < user_vertices.size(); ++i) {
            std::fprintf(stderr, "user layers level %.0f m: %zu vertices\n",
                         kuril::lod_tolerances_m()[i], user_vertices[i]);
        }
        std::fprintf(stderr, "first frame: %zu fill vertices, %zu outline vertices\n",
                     renderer.stats().fill_vertices, renderer.stats().outline_vertices);
    }

    // The scripted path.
    struct Step {
        geo::Point center;
        double metres_per_pixel;
        geo::Date date;
        bool timeline_step;
    };
    std::vector<Step> path;
    const kuril::MapView whole(scene.world, width, height, scene.data_area);
    const geo::Point region_center = whole.center();
    const double region_mpp = whole.metres_per_pixel();
    const geo::Point habomai = projection.forward({146.1, 43.45});
    const geo::Date today = geo::Date::today();
    for (int i = 0; i < 40; ++i) { // whole region, drifting
        path.push_back({{region_center.x + i * 2000.0, region_center.y}, region_mpp, today, false});
    }
    for (int i = 0; i <= 120; ++i) { // zoom into the Habomai islets
        const double t = i / 120.0;
        const double mpp =
            std::exp(std::log(region_mpp) + (std::log(8.0) - std::log(region_mpp)) * t);
        const geo::Point c{region_center.x + (habomai.x - region_center.x) * std::min(1.0, t * 1.5),
                           region_center.y +
                               (habomai.y - region_center.y) * std::min(1.0, t * 1.5)};
        path.push_back({c, mpp, today, false});
    }
    const geo::Point shumshu = projection.forward({156.4, 50.7});
    for (int i = 0; i <= 100; ++i) { // pan along the chain at a regional zoom
        const double t = i / 100.0;
        const geo::Point c{habomai.x + (shumshu.x - habomai.x) * t,
                           habomai.y + (shumshu.y - habomai.y) * t};
        path.push_back({c, 250.0, today, false});
    }
    geo::Date date{1850, 1, 1};
    for (int i = 0; i < 60; ++i) { // timeline steps over the whole region
        if (i % 3 == 0) {
            date = timeline.next_key_date(date);
        }
        path.push_back({region_center, region_mpp, date, i % 3 == 0});
    }

    std::vector<double> times;
    times.reserve(path.size());
    const double cpu_before = cpu_ms();
    geo::Date previous = today;
    for (const auto& step : path) {
        const auto t0 = clock_type::now();
        view.set(step.center, step.metres_per_pixel);
        if (step.timeline_step) {
            kuril::show_step(scene, previous, step.date, state, ui_state);
        }
        state.date = step.date;
        previous = step.date;
        if (std::getenv("FRAME_BENCH_DETAIL") != nullptr) {
            std::fprintf(stderr, "frame %zu mpp %.1f\n", times.size(), step.metres_per_pixel);
        }
        frame();
        times.push_back(ms_since(t0));
    }
    const double cpu_per_frame = (cpu_ms() - cpu_before) / static_cast<double>(times.size());
    if (session_seconds > 0) {
        const long rss_first_pass = rss_kib();
        const auto session_start = clock_type::now();
        std::size_t frames = 0;
        std::size_t passes = 0;
        while (ms_since(session_start) < session_seconds * 1000) {
            for (const auto& step : path) {
                view.set(step.center, step.metres_per_pixel);
                state.date = step.date;
                state.highlight_strength = step.timeline_step ? 1.0 : 0.0;
                frame();
                ++frames;
            }
            ++passes;
            if (passes % 20 == 0) {
                std::printf("after %zu frames: rss_kib=%ld\n", frames, rss_kib());
                std::fflush(stdout);
            }
        }
        std::printf("session_s=%.0f frames=%zu rss_after_first_pass_kib=%ld rss_end_kib=%ld\n",
                    session_seconds, frames, rss_first_pass, rss_kib());
    }
    std::vector<double> sorted = times;
    std::sort(sorted.begin(), sorted.end());
    const auto at = [&](double q) {
        return sorted[std::min(sorted.size() - 1,
                               static_cast<std::size_t>(q * static_cast<double>(sorted.size())))];
    };
    std::printf("frames=%zu median_ms=%.1f p95_ms=%.1f max_ms=%.1f cpu_ms_per_frame=%.2f "
                "startup_ms=%.0f scene_prepare_ms=%.0f\n",
                sorted.size(), at(0.5), at(0.95), sorted.back(), cpu_per_frame, startup_ms,
                scene.prepare_ms);
    if (stages) {
        const auto frames = static_cast<double>(std::max<std::size_t>(1, staged_frames));
        double total = 0;
        double total_main = 0;
        for (const auto& stage : stage_ms) {
            total += stage.ms / frames;
            total_main += stage.main_ms / frames;
            std::printf("stage \"%s\" mean_ms=%.2f main_cpu_ms=%.2f\n", stage.name.c_str(),
                        stage.ms / frames, stage.main_ms / frames);
        }
        std::printf("stages total mean_ms=%.2f main_cpu_ms=%.2f (each stage finished before the "
                    "next)\n",
                    total, total_main);
    }
    if (std::getenv("FRAME_BENCH_DETAIL") != nullptr) {
        const auto frames = static_cast<double>(times.size() + 1);
        std::printf("map draw calls %.1f ms/frame (build_frame and UI layout %.1f), UI draw "
                    "calls %.1f, display+finish %.1f ms/frame\n",
                    draw_ms_total / frames, frame_ms_total / frames, ui_ms_total / frames,
                    finish_ms_total / frames);
        for (std::size_t i = 0; i < times.size(); ++i) {
            std::printf("%zu %.1f\n", i, times[i]);
        }
    }
    return 0;
}
