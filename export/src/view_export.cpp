// SPDX-License-Identifier: GPL-3.0-or-later
#include "export/view_export.hpp"

#include "export/manifest.hpp"

#include <cstdio>

namespace kuril {

ExportOptions export_options_for_view(const MapView& view, const MapState& state,
                                      const geo::Projection& projection, int factor,
                                      const std::filesystem::path& folder,
                                      const std::vector<ScreenRect>& obstacles) {
    ExportOptions options;
    options.width = static_cast<unsigned>(view.width_px()) * static_cast<unsigned>(factor);
    options.height = static_cast<unsigned>(view.height_px()) * static_cast<unsigned>(factor);
    options.exact_view = view;
    options.view_obstacles = obstacles;
    options.view_reserved_top_px = state.reserved_top_px;
    options.view_reserved_bottom_px = state.reserved_bottom_px;
    options.scale = state.ui_scale * factor;
    options.date = state.date;
    options.language = state.language;
    options.text_language = state.text_language;
    options.visible = state.visible;
    options.pov = state.pov;
    options.out = folder / view_export_file_name(state.date, projection.inverse(view.center()),
                                                 options.width, options.height);
    options.manifest = manifest_path_for(options.out);
    return options;
}

std::string view_export_file_name(geo::Date date, geo::Point centre_lon_lat, unsigned width,
                                  unsigned height) {
    char name[160];
    std::snprintf(name, sizeof name, "kuril-atlas_%s_%.3fE_%.3fN_%ux%u.png", date.iso().c_str(),
                  centre_lon_lat.x, centre_lon_lat.y, width, height);
    return name;
}

} // namespace kuril
