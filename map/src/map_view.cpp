#include "map/map_view.hpp"

#include <algorithm>
#include <cmath>

namespace kuril {

MapView::MapView(geo::Box world, double width_px, double height_px, std::optional<geo::Box> limits)
    : world_(world), limits_(limits), width_(std::max(1.0, width_px)),
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
        limit = std::min({limit, (limits_->max_x - limits_->min_x) / width_,
                          (limits_->max_y - limits_->min_y) / height_});
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
        // The visible box stays inside the data: no data edge is ever in view.
        const auto keep_inside = [](double centre, double lo, double hi, double half) {
            return lo + half <= hi - half ? std::clamp(centre, lo + half, hi - half)
                                          : (lo + hi) / 2;
        };
        center_.x = keep_inside(center_.x, limits_->min_x, limits_->max_x, width_ * scale_ / 2);
        center_.y = keep_inside(center_.y, limits_->min_y, limits_->max_y, height_ * scale_ / 2);
        return;
    }
    // The centre stays over the data so the user cannot get lost.
    center_.x = std::clamp(center_.x, world_.min_x, world_.max_x);
    center_.y = std::clamp(center_.y, world_.min_y, world_.max_y);
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
