// SPDX-License-Identifier: GPL-3.0-or-later
#include "map/presentation.hpp"

#include "map/map_frame.hpp"

#include <algorithm>
#include <cmath>

namespace kuril {

double window_ui_scale(double height_px) {
    return std::clamp(height_px / 900.0, 1.0, 2.5);
}

double slide_ui_scale(double height_px) {
    return std::max(window_ui_scale(height_px), 0.03 * height_px / smallest_island_label_px);
}

bool SlideNavigator::apply(PresentCommand command, int digit) {
    const std::size_t before = current_;
    if (command != PresentCommand::digit && command != PresentCommand::enter) {
        typed_.clear();
    }
    switch (command) {
    case PresentCommand::next:
        if (blank_) {
            blank_ = false; // the first press after a blank brings the slide back
            return false;
        }
        current_ = std::min(current_ + 1, count_ == 0 ? 0 : count_ - 1);
        break;
    case PresentCommand::previous:
        blank_ = false;
        current_ = current_ == 0 ? 0 : current_ - 1;
        break;
    case PresentCommand::first:
        blank_ = false;
        current_ = 0;
        break;
    case PresentCommand::last:
        blank_ = false;
        current_ = count_ == 0 ? 0 : count_ - 1;
        break;
    case PresentCommand::blank:
        blank_ = !blank_;
        break;
    case PresentCommand::digit:
        if (typed_.size() < 4) {
            typed_ += static_cast<char>('0' + std::clamp(digit, 0, 9));
        }
        break;
    case PresentCommand::enter:
        if (!typed_.empty()) {
            const std::size_t number = std::stoul(typed_);
            typed_.clear();
            if (number >= 1 && number <= count_) {
                blank_ = false;
                current_ = number - 1;
            }
        } else {
            return apply(PresentCommand::next);
        }
        break;
    case PresentCommand::leave:
        leaving_ = true;
        break;
    case PresentCommand::none:
        break;
    }
    return current_ != before;
}

FlyTo::FlyTo(geo::Point from_center, double from_mpp, geo::Point to_center, double to_mpp,
             double viewport_px, double seconds)
    : from_(from_center), to_(to_center), from_log_(std::log(from_mpp)), to_log_(std::log(to_mpp)),
      seconds_(std::max(0.0, seconds)) {
    // Far apart: zoom out on the way so that mid-flight both ends are on screen (with a
    // margin), never more than 64 times beyond the straight path.
    const double distance = std::hypot(to_.x - from_.x, to_.y - from_.y);
    const double needed = std::log(std::max(1e-9, distance * 1.2 / std::max(1.0, viewport_px)));
    const double midway = (from_log_ + to_log_) / 2;
    bump_ = std::clamp(needed - midway, 0.0, std::log(64.0));
}

double FlyTo::progress(double t) const {
    if (seconds_ <= 0 || t >= seconds_) {
        return 1.0;
    }
    const double x = std::clamp(t / seconds_, 0.0, 1.0);
    return x * x * (3 - 2 * x); // smoothstep: eased, monotonic
}

void FlyTo::at(double t, geo::Point& center, double& metres_per_pixel) const {
    const double s = progress(t);
    if (s >= 1.0) {
        center = to_;
        metres_per_pixel = std::exp(to_log_);
        return;
    }
    if (s <= 0.0) {
        center = from_;
        metres_per_pixel = std::exp(from_log_);
        return;
    }
    center = {from_.x + (to_.x - from_.x) * s, from_.y + (to_.y - from_.y) * s};
    metres_per_pixel = std::exp(from_log_ + (to_log_ - from_log_) * s + bump_ * 4 * s * (1 - s));
}

} // namespace kuril
