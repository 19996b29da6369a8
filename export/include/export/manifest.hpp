// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What an export drew, as data: the manifest beside the image (`--manifest FILE.json`, and the
// viewer's export of the view), in the spirit of MapLibre's queryRenderedFeatures.

#include "map/map_frame.hpp"
#include "render/map_renderer.hpp"

#include <array>
#include <filesystem>
#include <string>
#include <vector>

namespace kuril {

/// A half of a compare image: which pixel columns it holds and what it shows there.
struct ManifestHalf {
    std::string side; ///< "left" or "right"
    unsigned left_px = 0;
    unsigned width_px = 0;
    std::string world_file;               ///< its world file's name
    std::array<double, 6> geotransform{}; ///< of the whole image, right for this half's pixels
    const MapFrame* frame = nullptr;      ///< the half's: date, features, sources
    std::vector<LegendItem> legend;       ///< its legend box's rows
};

/// Everything the manifest reports, gathered by the export.
struct ManifestContent {
    unsigned width = 0;
    unsigned height = 0;
    std::string crs_wkt;
    std::array<double, 6> geotransform{}; ///< as GDAL's: x0, pixel width, 0, y0, 0, -height
    std::string title;
    std::string caption;
    std::string credit;
    const MapFrame* frame = nullptr;    ///< of the whole image: date, language, features
    std::vector<LegendItem> legend;     ///< the rows the legend box shows (empty: none)
    std::vector<PlacedMapLabel> labels; ///< as placed (every band places the same)
    std::vector<ManifestHalf> halves;   ///< a compare image's, left and right; else empty
};

/// The JSON text: {"size","crs","geotransform","date","lang","title","caption","credit",
/// "labels":[{"text","feature","kind","bbox_px"[,"leader_px"]}],"legend":[{"text","features"}],
/// "features":[{"id","kind"}],"sources":[{"id","title"}]}. Boxes are [x0,y0,x1,y1] in pixels of
/// the image, y down. A graticule label has an empty feature. A compare image adds
/// "compare":[{"side","x_px":[first,last+1],"date","world_file","geotransform","legend",
/// "features","sources"}] for its left and right halves.
std::string manifest_json(const ManifestContent& content);

/// `FILE.json` for an image FILE.png (the viewer's export writes its manifest there).
std::filesystem::path manifest_path_for(const std::filesystem::path& image);

} // namespace kuril
