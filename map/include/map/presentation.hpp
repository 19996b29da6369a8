// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "geo/geometry.hpp"

#include <cstddef>
#include <string>

namespace kuril {

/// The viewer's UI scale for a window `height_px` high: 1 up to 900 px, growing with the
/// height up to 2.5.
double window_ui_scale(double height_px);

/// The UI scale of a slide's map `height_px` high: read from the back of a room, the smallest
/// island name is at least 3 % of the screen's height (and lines, 2.5 UI pixels, at least 3 px),
/// and never smaller than the viewer's own scale for that height. The title and caption bands,
/// sized by the screen's height, keep the window's scale.
double slide_ui_scale(double height_px);

/// What a presenter's keys and clicker ask for, independent of SFML.
enum class PresentCommand { next, previous, first, last, blank, digit, enter, leave, none };

/// The slide navigation state machine: current slide, blank screen, typed slide number.
class SlideNavigator {
public:
    explicit SlideNavigator(std::size_t slide_count) : count_(slide_count) {}

    /// Applies a command; `digit` carries 0-9 for PresentCommand::digit. Returns true when the
    /// current slide changed.
    bool apply(PresentCommand command, int digit = 0);

    std::size_t current() const { return current_; }
    std::size_t count() const { return count_; }
    bool blank() const { return blank_; }
    bool leaving() const { return leaving_; }
    const std::string& typed_number() const { return typed_; }

private:
    std::size_t count_;
    std::size_t current_ = 0;
    bool blank_ = false;
    bool leaving_ = false;
    std::string typed_;
};

/// A smooth flight between two views (centre in map metres, scale in metres per pixel): eased,
/// zooming out and back in when the views are far apart. Starts and ends exactly at the views.
class FlyTo {
public:
    FlyTo(geo::Point from_center, double from_mpp, geo::Point to_center, double to_mpp,
          double viewport_px, double seconds = 1.0);

    /// The view at time t (seconds since the start), clamped to [0, duration].
    void at(double t, geo::Point& center, double& metres_per_pixel) const;
    /// Fraction of the way along, eased, in [0, 1]; monotonic in t.
    double progress(double t) const;
    double duration() const { return seconds_; }
    bool finished(double t) const { return t >= seconds_; }

private:
    geo::Point from_;
    geo::Point to_;
    double from_log_;
    double to_log_;
    double bump_; ///< extra log-zoom-out at mid-flight
    double seconds_;
};

} // namespace kuril
