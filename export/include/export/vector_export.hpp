// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The map's data on a date as vector data for GIS software (QGIS, Google Earth): the islands
// with their statuses and the lines in force, written through OGR.

#include "export/export_plan.hpp"
#include "map/map_scene.hpp"

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>

namespace kuril {

enum class VectorFormat { geojson, gpkg, kml };

/// The vector format an output file's extension names (.geojson, .gpkg, .kml, in any case);
/// nothing for any other.
std::optional<VectorFormat> vector_format_for(const std::filesystem::path& out);
/// "GeoJSON", "GeoPackage", "KML".
std::string vector_format_text(VectorFormat format);

struct VectorExportResult {
    std::filesystem::path out;
    std::filesystem::path sources_file; ///< the sources of what was written (sources_file_path)
    std::size_t islands = 0;
    std::size_t lines = 0;
    std::string crs; ///< the name of the CRS of the coordinates written
};

/// Writes the status of every island of the scene (its land as polygons) and every line in
/// force on options.date (as lines) to options.out, decided as the map frame decides them
/// (build_frame): one GeoJSON layer with both, or in a GeoPackage a layer "islands" and
/// a layer "lines" (in KML, folders "Islands" and "Lines"). Attributes: kind (island or line), id,
/// part (a line's), name, name_en, name_ja, name_ru, group, status_known, administered_by and
/// claimed_by (party codes JP, RU, comma-separated) with their names on the date
/// (administered_by_name, claimed_by_name), approx, valid_from, valid_to, sources (ids),
/// source_titles (the sources in words), date, description (the status in words). Coordinates in
/// WGS 84 longitude, latitude, except a GeoPackage with `in_display_crs` (--crs given): in the
/// scene's CRS. Also writes the list of sources beside it. Atomic: temporary files renamed into
/// place. Throws geo::InputError when OGR cannot write.
VectorExportResult export_vector_data(const MapScene& scene, const ExportOptions& options,
                                      VectorFormat format, bool in_display_crs);

} // namespace kuril
