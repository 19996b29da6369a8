// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "geo/geometry.hpp"

#include <memory>

namespace kuril {

/// Pixels along each edge of a view that something else covers (panels, bands): a fit keeps
/// the area it shows inside what is left.
struct ScreenInsets {
    double left = 0;
    double top = 0;
    double right = 0;
    double bottom = 0;
};

/// Where the data ends, for a view that must never show beyond it: the edge of the data's
/// lon/lat extent, projected and densely sampled (north-up metres; it curves and leans in a
/// conic projection), and a box inside it that bounds how far a view zooms out.
struct ViewLimits {
    geo::Ring outline;
    geo::Box inner;
    /// The closest zoom: 2 m per pixel in the CRS's units (MapView::min_metres_per_pixel).
    double min_units_per_pixel = 2.0;
    /// Whether a box (north-up metres) lies inside the outline: its corners inside, no outline
    /// point within it.
    bool holds(const geo::Box& box) const;
};

/// What part of the map a window shows: a centre in projected metres and a scale in metres
/// per pixel, over a viewport in pixels (y down on screen, north up on the map). No SFML here,
/// so the arithmetic is tested without a window.
class MapView {
public:
    /// `world` is the area Home shows, in projected metres; the view starts fitted to it.
    /// `limits`, when given, is the area the data covers (MapScene::data_area): the visible
    /// box never leaves it, however far out the view zooms or pans.
    MapView(geo::Box world, double width_px, double height_px,
            std::shared_ptr<const ViewLimits> limits = nullptr);

    void resize(double width_px, double height_px);
    double width_px() const { return width_; }
    double height_px() const { return height_; }

    geo::Point center() const { return center_; }
    double metres_per_pixel() const { return scale_; }
    geo::Box visible_box() const;
    const geo::Box& world() const { return world_; }
    const ViewLimits* limits() const { return limits_.get(); }

    geo::Point screen_to_map(geo::Point screen) const;
    geo::Point map_to_screen(geo::Point map) const;

    /// Zooms by `factor` (>1 zooms in) keeping the map point under `screen` where it is, within
    /// the zoom limits.
    void zoom_about(geo::Point screen, double factor);
    /// Moves the map by a screen offset (drag: the map follows the pointer).
    void pan_pixels(double dx, double dy);
    /// Shows `box` (projected metres) whole, with a margin in pixels.
    void fit(const geo::Box& box, double margin_px = 0.0);
    /// Shows `box` whole inside the view less `insets`, centred there, with a margin.
    void fit(const geo::Box& box, const ScreenInsets& insets, double margin_px = 0.0);
    /// Fits the whole world (Home), clear of `insets`.
    void reset(const ScreenInsets& insets = {});
    void set(geo::Point center, double metres_per_pixel);

    /// The zoom limits: no further out than the whole region with room around it (and than
    /// the limits, when set), no further in than 2 m per pixel (in the limits' CRS units when
    /// set: degrees in EPSG:4326).
    double min_metres_per_pixel() const { return limits_ ? limits_->min_units_per_pixel : 2.0; }
    double max_metres_per_pixel() const;

private:
    void clamp();
    void keep_inside_limits();

    geo::Box world_;
    std::shared_ptr<const ViewLimits> limits_;
    double width_;
    double height_;
    geo::Point center_;
    double scale_ = 1.0; ///< metres per pixel
};

/// Smoothly moves a MapView towards a target (zoom keys, wheel, Home). Exponential approach in
/// log-scale so zooming feels uniform; the point under the cursor stays fixed while it runs.
class ViewAnimator {
public:
    /// Starts or retargets a zoom about a screen point.
    void zoom_about(const MapView& view, geo::Point screen, double factor);
    /// Starts a move to a centre and scale.
    void move_to(const MapView& view, geo::Point center, double metres_per_pixel);
    /// Advances by `seconds`; returns true while still moving.
    bool update(MapView& view, double seconds);
    bool active() const { return active_; }
    void stop() { active_ = false; }

private:
    bool active_ = false;
    bool about_point_ = false;
    geo::Point anchor_screen_;
    geo::Point target_center_;
    double target_scale_ = 1.0;
};

} // namespace kuril
