// SPDX-License-Identifier: GPL-3.0-or-later
#include "map/map_furniture.hpp"

#include "geo/geodesic.hpp"
#include "i18n/translate.hpp"

#include <cmath>
#include <cstdio>

namespace kuril {

std::vector<ScreenRect> MapFurnitureLayout::rects() const {
    std::vector<ScreenRect> out = {scale_bar.rect};
    if (north_arrow.shown) {
        out.push_back(north_arrow.rect);
    }
    if (inset.shown) {
        out.push_back(inset.rect);
    }
    return out;
}

std::pair<double, double> nice_scale_bar(double true_metres_per_pixel, double max_px) {
    const double max_metres = true_metres_per_pixel * max_px;
    const double magnitude = std::pow(10.0, std::floor(std::log10(max_metres)));
    double nice = magnitude;
    for (const double factor : {5.0, 2.0, 1.0}) {
        if (factor * magnitude <= max_metres) {
            nice = factor * magnitude;
            break;
        }
    }
    return {nice, nice / true_metres_per_pixel};
}

std::string format_distance(double metres) {
    return format_distance(metres, "en");
}

std::string format_distance(double metres, std::string_view lang) {
    char number[64];
    std::snprintf(number, sizeof number,
                  metres >= 10000  ? "%.0f"
                  : metres >= 1000 ? "%.1f"
                                   : "%.0f",
                  metres >= 1000 ? metres / 1000 : metres);
    std::string text = number;
    // Russian writes a decimal comma.
    const std::string_view point = i18n::trc(lang, "decimal separator", ".");
    if (const auto dot = text.find('.'); dot != std::string::npos) {
        text.replace(dot, 1, point);
    }
    return i18n::format(metres >= 1000 ? i18n::tr(lang, "{distance} km")
                                       : i18n::tr(lang, "{distance} m"),
                        {{"distance", text}});
}

MapFurnitureLayout layout_map_furniture(const MapFrame& frame, double reserved_top,
                                        double reserved_bottom) {
    MapFurnitureLayout layout;
    const MapView& view = frame.view;
    const float ui = static_cast<float>(frame.state.ui_scale);
    const geo::Projection& projection = *frame.scene->projection;

    // Scale bar: true (geodesic) scale at the view centre, along the screen's x axis.
    // When the centre lies beyond the CRS's horizon (an orthographic view of the limb), the
    // scale is measured at the first point of a grid over the view that is in front of it.
    geo::Point c0{};
    double true_mpp = 0;
    for (int k = 0; k < 25 && !(std::isfinite(true_mpp) && true_mpp > 0); ++k) {
        const int i = (k + 12) % 25; // the centre first
        const geo::Point at{view.width_px() * (0.1 + 0.2 * (i % 5)),
                            view.height_px() * (0.1 + 0.2 * (i / 5))};
        c0 = projection.inverse(view.screen_to_map(at));
        const geo::Point c1 = projection.inverse(view.screen_to_map({at.x + 100, at.y}));
        true_mpp = geo::geodesic_distance_m(c0, c1) / 100;
    }
    const auto [metres, px] = nice_scale_bar(true_mpp, 180 * ui);
    const float x0 = 16 * ui;
    const float y0 =
        static_cast<float>(view.height_px()) - static_cast<float>(reserved_bottom) - 28 * ui;
    const float bar = static_cast<float>(px);
    layout.scale_bar = {metres,
                        px,
                        {x0, y0},
                        format_distance(metres, text_language_code(frame.state.text_language)),
                        {x0 - 4, y0 - 26 * ui, bar + 60 * ui, 36 * ui}};

    // North arrow where the projection turns north away from up.
    const geo::Point north = projection.forward({c0.x, c0.y + 0.05});
    const geo::Point here = projection.forward(c0);
    const double angle = std::atan2(north.x - here.x, north.y - here.y);
    if (std::fabs(angle) > 0.5 * 3.14159265 / 180) {
        const float bx = static_cast<float>(view.width_px()) - 40 * ui;
        const float by = 230 * ui + static_cast<float>(reserved_top);
        layout.north_arrow = {
            true, angle, {bx, by}, {bx - 30 * ui, by - 45 * ui, 60 * ui, 75 * ui}};
    }

    // A small locator of the whole region in the top-right corner.
    const geo::Box& world = frame.scene->world;
    const geo::Box visible = view.visible_box();
    if (visible.max_x - visible.min_x <= (world.max_x - world.min_x) * 0.8) {
        const float inset_w = 150 * ui;
        const float inset_h =
            inset_w * static_cast<float>((world.max_y - world.min_y) / (world.max_x - world.min_x));
        const float left = static_cast<float>(view.width_px()) - inset_w - 10 * ui;
        const float top = 10 * ui + static_cast<float>(reserved_top);
        layout.inset = {true, {left, top, inset_w, inset_h}};
    }
    return layout;
}

} // namespace kuril
