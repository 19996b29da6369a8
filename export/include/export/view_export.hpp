// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "export/exporter.hpp"
#include "geo/projection.hpp"
#include "map/map_state.hpp"
#include "map/map_view.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace kuril {

/// The viewer's "export the view": exactly the window's view, date, language and layers, at
/// `factor` times the window's size (text and symbols scaled alike: ui scale x factor; metres
/// per pixel divided by the factor), written into `folder` under the name
/// view_export_file_name gives, with its manifest beside it (NAME.json). The map is the
/// window's map whole: the title band goes above it and the credit below it, so the image is
/// taller than factor x the window by those bands (the name gives the map's size).
/// `obstacles`: what covered the window's map (panels, timeline), kept free of labels in the
/// export too, so that it shows the labels the user saw.
ExportOptions export_options_for_view(const MapView& view, const MapState& state,
                                      const geo::Projection& projection, int factor,
                                      const std::filesystem::path& folder,
                                      const std::vector<ScreenRect>& obstacles = {});

/// kuril-atlas_<date>_<lon>E_<lat>N_<width>x<height>.png, the centre in degrees to 0.001.
std::string view_export_file_name(geo::Date date, geo::Point centre_lon_lat, unsigned width,
                                  unsigned height);

} // namespace kuril
