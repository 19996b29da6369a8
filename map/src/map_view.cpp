// SPDX-License-Identifier: GPL-3.0-or-later
#include "map/map_view.hpp"

#include <algorithm>
#include <cmath>
#include <utility>

namespace kuril {

MapView::MapView(geo::Box world, double width_px, double height_px,
                 std::shared_ptr<const ViewLimits> limits)
    : world_(world), limits_(std::move(limits)), width_(std::max(1.0, width_px)),
      height_(std::max(1.0, height_px)) {
    reset();
}

void MapView::resize(double width_px, double height_px) {
    width_ = std::max(1.0, width_px);
    height_ = std::max(1.0, height_px);
    clamp();
}

double MapView::max_metres_per_pixel() const {
    // Whole region visible with some room around it, whatever the window's shape.
    const double fit_x = (world_.max_x - world_.min_x) / width_;
    const double fit_y = (world_.max_y - world_.min_y) / height_;
    double limit = std::max(fit_x, fit_y) * 1.5;
    if (limits_) {
        // The whole visible box inside the data: as wide as the limits or as high.
        const geo::Box& inner = limits_->inner;
        limit = std::min(
            {limit, (inner.max_x - inner.min_x) / width_, (inner.max_y - inner.min_y) / height_});
    }
    return std::max(limit, min_metres_per_pixel());
}

geo::Box MapView::visible_box() const {
    const double half_w = width_ * scale_ / 2;
    const double half_h = height_ * scale_ / 2;
    return {center_.x - half_w, center_.y - half_h, center_.x + half_w, center_.y + half_h};
}

geo::Point MapView::screen_to_map(geo::Point screen) const {
    return {center_.x + (screen.x - width_ / 2) * scale_,
            center_.y - (screen.y - height_ / 2) * scale_};
}

geo::Point MapView::map_to_screen(geo::Point map) const {
    return {(map.x - center_.x) / scale_ + width_ / 2, (center_.y - map.y) / scale_ + height_ / 2};
}

void MapView::zoom_about(geo::Point screen, double factor) {
    if (!(factor > 0)) {
        return;
    }
    const geo::Point anchor = screen_to_map(screen);
    const double scale =
        std::clamp(scale_ / factor, min_metres_per_pixel(), max_metres_per_pixel());
    scale_ = scale;
    // Put the anchor back under the cursor.
    center_ = {anchor.x - (screen.x - width_ / 2) * scale_,
               anchor.y + (screen.y - height_ / 2) * scale_};
    clamp();
}

void MapView::pan_pixels(double dx, double dy) {
    center_.x -= dx * scale_;
    center_.y += dy * scale_;
    clamp();
}

void MapView::fit(const geo::Box& box, double margin_px) {
    fit(box, ScreenInsets{}, margin_px);
}

void MapView::fit(const geo::Box& box, const ScreenInsets& insets, double margin_px) {
    // Insets that leave too little room (a tiny window) are ignored rather than inverted.
    const double free_w = width_ - insets.left - insets.right;
    const double free_h = height_ - insets.top - insets.bottom;
    const ScreenInsets in =
        free_w >= 0.25 * width_ && free_h >= 0.25 * height_ ? insets : ScreenInsets{};
    const double usable_w = std::max(1.0, width_ - in.left - in.right - 2 * margin_px);
    const double usable_h = std::max(1.0, height_ - in.top - in.bottom - 2 * margin_px);
    scale_ = std::max((box.max_x - box.min_x) / usable_w, (box.max_y - box.min_y) / usable_h);
    scale_ = std::clamp(scale_, min_metres_per_pixel(), max_metres_per_pixel());
    // The box's centre goes to the free area's centre: (left - right) / 2 pixels right of the
    // view's centre and (top - bottom) / 2 pixels below it (y grows downwards on screen).
    center_ = {(box.min_x + box.max_x) / 2 - (in.left - in.right) / 2 * scale_,
               (box.min_y + box.max_y) / 2 + (in.top - in.bottom) / 2 * scale_};
    clamp();
}

void MapView::reset(const ScreenInsets& insets) {
    fit(world_, insets, 8.0);
}

void MapView::set(geo::Point center, double metres_per_pixel) {
    center_ = center;
    scale_ = metres_per_pixel;
    clamp();
}

void MapView::clamp() {
    scale_ = std::clamp(scale_, min_metres_per_pixel(), max_metres_per_pixel());
    if (limits_) {
        keep_inside_limits();
        return;
    }
    // The centre stays over the data so the user cannot get lost.
    center_.x = std::clamp(center_.x, world_.min_x, world_.max_x);
    center_.y = std::clamp(center_.y, world_.min_y, world_.max_y);
}

bool ViewLimits::holds(const geo::Box& box) const {
    if (outline.size() < 3) {
        return false;
    }
    for (const geo::Point corner :
         {geo::Point{box.min_x, box.min_y}, geo::Point{box.max_x, box.min_y},
          geo::Point{box.max_x, box.max_y}, geo::Point{box.min_x, box.max_y}}) {
        if (!geo::ring_contains(outline, corner)) {
            return false;
        }
    }
    return std::none_of(outline.begin(), outline.end(), [&](geo::Point p) {
        return p.x > box.min_x && p.x < box.max_x && p.y > box.min_y && p.y < box.max_y;
    });
}

void MapView::keep_inside_limits() {
    // The visible box with a few pixels to spare (a coast stroke on the data's edge).
    const auto box_at = [this](geo::Point c) {
        const double half_w = width_ * scale_ / 2 + 2 * scale_;
        const double half_h = height_ * scale_ / 2 + 2 * scale_;
        return geo::Box{c.x - half_w, c.y - half_h, c.x + half_w, c.y + half_h};
    };
    if (limits_->holds(box_at(center_))) {
        return;
    }
    // The inner box's centre holds the view at any allowed scale (the inner box is inside the
    // outline and as large as the widest view): move from there towards the wanted centre as
    // far as the view stays inside, then slide along each axis towards it.
    const geo::Box& inner = limits_->inner;
    const geo::Point safe{(inner.min_x + inner.max_x) / 2, (inner.min_y + inner.max_y) / 2};
    const auto farthest = [&](geo::Point from, geo::Point to) {
        double lo = 0.0; // from + (to - from) * lo holds
        double hi = 1.0;
        for (int i = 0; i < 40; ++i) {
            const double mid = (lo + hi) / 2;
            const geo::Point at{from.x + (to.x - from.x) * mid, from.y + (to.y - from.y) * mid};
            (limits_->holds(box_at(at)) ? lo : hi) = mid;
        }
        return geo::Point{from.x + (to.x - from.x) * lo, from.y + (to.y - from.y) * lo};
    };
    const geo::Point wanted = center_;
    if (!limits_->holds(box_at(safe))) {
        center_ = safe; // a scale the inner box cannot hold (a tiny window): its centre
        return;
    }
    geo::Point at = farthest(safe, wanted);
    at = farthest(at, {wanted.x, at.y});
    at = farthest(at, {at.x, wanted.y});
    center_ = at;
}

void ViewAnimator::zoom_about(const MapView& view, geo::Point screen, double factor) {
    const double base = active_ ? target_scale_ : view.metres_per_pixel();
    target_scale_ =
        std::clamp(base / factor, view.min_metres_per_pixel(), view.max_metres_per_pixel());
    anchor_screen_ = screen;
    about_point_ = true;
    active_ = true;
}

void ViewAnimator::move_to(const MapView& view, geo::Point center, double metres_per_pixel) {
    target_center_ = center;
    target_scale_ =
        std::clamp(metres_per_pixel, view.min_metres_per_pixel(), view.max_metres_per_pixel());
    about_point_ = false;
    active_ = true;
}

bool ViewAnimator::update(MapView& view, double seconds) {
    if (!active_) {
        return false;
    }
    // Closes ~99% of the remaining distance in about a quarter of a second.
    const double t = 1.0 - std::exp(-seconds * 18.0);
    const double log_now = std::log(view.metres_per_pixel());
    const double log_target = std::log(target_scale_);
    const bool scale_done = std::fabs(log_target - log_now) < 1e-3;
    const double scale =
        scale_done ? target_scale_ : std::exp(log_now + (log_target - log_now) * t);
    if (about_point_) {
        const double current = view.metres_per_pixel();
        view.zoom_about(anchor_screen_, current / scale);
        // Keep the anchor exactly under the cursor even if clamping nudged the centre.
        if (scale_done) {
            active_ = false;
        }
        return active_;
    }
    const geo::Point c = view.center();
    const bool centre_done =
        std::hypot(target_center_.x - c.x, target_center_.y - c.y) < 0.5 * view.metres_per_pixel();
    const geo::Point next = centre_done ? target_center_
                                        : geo::Point{c.x + (target_center_.x - c.x) * t,
                                                     c.y + (target_center_.y - c.y) * t};
    view.set(next, scale);
    if (scale_done && centre_done) {
        active_ = false;
    }
    return active_;
}

} // namespace kuril
