#pragma once

#include "export/exporter.hpp"
#include "geo/projection.hpp"
#include "map/map_state.hpp"
#include "map/map_view.hpp"

#include <filesystem>
#include <string>

namespace kuril {

/// The viewer's "export the view": exactly the window's view, date, language and layers, at
/// `factor` times the window's size (text and symbols scaled alike), written into `folder`
/// under the name view_export_file_name gives.
ExportOptions export_options_for_view(const MapView& view, const MapState& state,
                                      const geo::Projection& projection, int factor,
                                      const std::filesystem::path& folder);

/// kuril-atlas_<date>_<lon>E_<lat>N_<width>x<height>.png, the centre in degrees to 0.001.
std::string view_export_file_name(geo::Date date, geo::Point centre_lon_lat, unsigned width,
                                  unsigned height);

} // namespace kuril
