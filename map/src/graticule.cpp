// SPDX-License-Identifier: GPL-3.0-or-later
#include "map/graticule.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <mutex>
#include <tuple>

namespace kuril {

double graticule_step(double metres_per_pixel, double ui_scale) {
    const double degree_px = 111'000.0 / metres_per_pixel;
    double step = 5;
    for (const double candidate : {5.0, 2.0, 1.0, 0.5, 0.25, 0.1, 0.05, 0.02}) {
        if (candidate * degree_px >= 110 * ui_scale) {
            step = candidate;
        }
    }
    return step;
}

std::string graticule_label(double value, bool is_lon) {
    char buffer[32];
    const double whole = std::fabs(value);
    const char hemisphere = is_lon ? (value >= 0 ? 'E' : 'W') : (value >= 0 ? 'N' : 'S');
    if (std::fabs(whole - std::round(whole)) < 1e-9) {
        std::snprintf(buffer, sizeof buffer, "%.0f°%c", whole, hemisphere);
    } else {
        const int degrees = static_cast<int>(whole);
        std::snprintf(buffer, sizeof buffer, "%d°%02.0f′%c", degrees, (whole - degrees) * 60,
                      hemisphere);
    }
    return buffer;
}

namespace {

/// A meridian or parallel traced through a projection: its sampled points in map metres, kept
/// between frames. The traced range is whole steps, so that panning and zooming within a step
/// trace nothing again; only the screen transform is done per frame.
class TracedLines {
public:
    std::vector<geo::Point> get(const geo::Projection& projection, bool is_lon, double value,
                                double from, double to) {
        const Key key{projection.definition(), is_lon, value, from, to};
        const std::lock_guard lock(mutex_);
        if (const auto found = lines_.find(key); found != lines_.end()) {
            return found->second;
        }
        if (lines_.size() > 1024) {
            lines_.clear(); // a long session of many scales: start again rather than grow
        }
        const double inc = (to - from) / 150;
        std::vector<geo::Point> samples;
        for (double t = from; t <= to + 1e-9; t += inc) {
            samples.push_back(is_lon ? geo::Point{value, t} : geo::Point{t, value});
        }
        projection.forward_in_place(samples);
        return lines_.emplace(key, std::move(samples)).first->second;
    }

private:
    using Key = std::tuple<std::string, bool, double, double, double>;
    std::mutex mutex_;
    std::map<Key, std::vector<geo::Point>> lines_;
};

TracedLines& traced_lines() {
    static TracedLines lines;
    return lines;
}

} // namespace

Graticule build_graticule(const geo::Projection& projection, const MapView& view, double ui_scale) {
    Graticule graticule;
    const double step = graticule_step(view.metres_per_pixel(), ui_scale);
    graticule.step_deg = step;
    // Only the visible part (sampled along the window's edges), beyond the data so lines
    // reach the window's edges.
    geo::Box region{180, 90, -180, -90};
    for (int k = 0; k <= 16; ++k) {
        const double t = k / 16.0;
        for (const geo::Point screen :
             {geo::Point{t * view.width_px(), 0}, geo::Point{t * view.width_px(), view.height_px()},
              geo::Point{0, t * view.height_px()},
              geo::Point{view.width_px(), t * view.height_px()}}) {
            const geo::Point ll = projection.inverse(view.screen_to_map(screen));
            if (!std::isfinite(ll.x) || !std::isfinite(ll.y)) {
                continue;
            }
            region.min_x = std::min(region.min_x, ll.x);
            region.max_x = std::max(region.max_x, ll.x);
            region.min_y = std::min(region.min_y, ll.y);
            region.max_y = std::max(region.max_y, ll.y);
        }
    }
    // Whole steps beyond the visible part: the same lines for every view within a step.
    region.min_x = std::max((std::floor(region.min_x / step) - 1) * step, 120.0);
    region.max_x = std::min((std::ceil(region.max_x / step) + 1) * step, 175.0);
    region.min_y = std::max((std::floor(region.min_y / step) - 1) * step, 30.0);
    region.max_y = std::min((std::ceil(region.max_y / step) + 1) * step, 65.0);
    if (region.min_x >= region.max_x || region.min_y >= region.max_y) {
        return graticule;
    }
    const double w = view.width_px();
    const double h = view.height_px();
    auto trace = [&](bool is_lon, double value) {
        const double from = is_lon ? region.min_y : region.min_x;
        const double to = is_lon ? region.max_y : region.max_x;
        const std::vector<geo::Point> samples =
            traced_lines().get(projection, is_lon, value, from, to);
        std::vector<geo::Point> points;
        points.reserve(samples.size());
        for (const auto& p : samples) {
            const geo::Point s = view.map_to_screen(p);
            // The renderer draws in single precision; crossings are found on the same values.
            points.push_back({static_cast<float>(s.x), static_cast<float>(s.y)});
        }
        // Meridians are labelled where they cross the top edge, parallels the left edge.
        for (std::size_t i = 0; i + 1 < points.size(); ++i) {
            const auto ax = static_cast<float>(points[i].x);
            const auto ay = static_cast<float>(points[i].y);
            const auto bx = static_cast<float>(points[i + 1].x);
            const auto by = static_cast<float>(points[i + 1].y);
            if (is_lon && (ay - 0) * (by - 0) <= 0 && ay != by) {
                const float t = ay / (ay - by);
                const float x = ax + (bx - ax) * t;
                if (x > 60 && x < w - 60) {
                    graticule.labels.push_back({{x, 2}, graticule_label(value, true), true});
                }
            }
            if (!is_lon && ax * bx <= 0 && ax != bx) {
                const float t = ax / (ax - bx);
                const float y = ay + (by - ay) * t;
                if (y > 20 && y < h - 20) {
                    graticule.labels.push_back({{2, y}, graticule_label(value, false), false});
                }
            }
        }
        (is_lon ? graticule.meridians : graticule.parallels).push_back(std::move(points));
    };
    // Whole multiples of the step, computed (not accumulated) so each line's value is the same
    // in every frame.
    for (auto i = static_cast<long>(std::ceil(region.min_x / step - 1e-9));
         static_cast<double>(i) * step <= region.max_x + 1e-9; ++i) {
        trace(true, static_cast<double>(i) * step);
    }
    for (auto i = static_cast<long>(std::ceil(region.min_y / step - 1e-9));
         static_cast<double>(i) * step <= region.max_y + 1e-9; ++i) {
        trace(false, static_cast<double>(i) * step);
    }
    return graticule;
}

} // namespace kuril
