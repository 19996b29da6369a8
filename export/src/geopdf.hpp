// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The georeferencing of a one-page PDF map (private to export/): the ISO 32000 (PDF 1.7)
// geospatial measure dictionary, added to the page as its viewport (/VP) by an incremental
// update appended to the file cairo wrote. GDAL's PDF driver (gdalinfo) and Adobe's and Avenza's
// readers take the page's CRS and geotransform from it.

#include "geo/projection.hpp"
#include "map/map_view.hpp"

#include <filesystem>
#include <string>

namespace kuril::detail {

/// The page's viewport with its measure: the four corners of the page (the image of `view`
/// drawn from the page's top left at `pt_per_px` points a pixel) in latitude and longitude,
/// and the map's CRS as WKT.
std::string geo_viewport(const MapView& view, const geo::Projection& projection,
                         double page_width_pt, double page_height_pt, double pt_per_px);

/// Appends to the one-page PDF `file` an update of its page object with `viewport` as its /VP,
/// a cross-reference section and a trailer. Throws geo::InputError naming the file when it is
/// not a PDF as cairo writes it (one page, a classic cross-reference table).
void add_page_viewport(const std::filesystem::path& file, const std::string& viewport);

} // namespace kuril::detail
