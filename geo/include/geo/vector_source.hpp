// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "geo/diagnostic.hpp"
#include "geo/geometry.hpp"

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace geo {

enum class GeometryKind { polygons, lines, any };

/// One feature with its attributes (as text) and its geometry in WGS84 lon/lat.
struct Feature {
    long long fid = 0;
    std::map<std::string, std::string> attributes;
    std::vector<Polygon> polygons; ///< filled for polygon features
    std::vector<LineString> lines; ///< filled for line features
    std::vector<Point> points;     ///< filled for point features

    /// The attribute's value, or "" when the feature has no such field.
    const std::string& attribute(const std::string& name) const;
    /// The vertices of its polygons and lines.
    std::size_t vertex_count() const;
};

/// A vector layer read through GDAL/OGR (or shapelib), converted to WGS84 lon/lat.
struct VectorLayer {
    std::filesystem::path source;
    std::string name;
    std::string crs_name; ///< the source CRS as named by PROJ, e.g. "WGS 84"
    std::string driver;   ///< GDAL driver short name, e.g. "ESRI Shapefile"
    std::vector<Feature> features;
    /// e.g. repaired invalid geometry, one per feature: the source as file, the feature id (FID)
    std::vector<Diagnostic> warnings;

    std::size_t vertex_count() const;
};

struct LoadOptions {
    GeometryKind expected = GeometryKind::any;
    /// CRS to assume when the source declares none (a .prj missing). Empty: that is an error.
    std::string assumed_crs;
    /// Which layer of a multi-layer source; empty: the first.
    std::string layer_name;
    /// Repair invalid geometry with GEOS (through GDAL) and warn; otherwise keep it as read.
    bool repair_invalid = true;
    /// A shapefile listed, with its present size and checksum, in the validated.txt beside it
    /// (geo/validated_list.hpp) is read without checking its polygons' validity again. Off:
    /// every polygon is checked (the recipe that writes the list).
    bool trust_validated_list = true;
    /// Read a shapefile through GDAL even when it can be read directly (plain UTF-8 WGS 84
    /// shapefiles, such as the shipped data, are read without loading GDAL): for comparisons.
    bool through_gdal = false;
};

/// Opens any OGR vector source (Shapefile, GeoJSON, GeoPackage, KML, ...) and reads one layer.
/// GDAL is loaded for it (on first use) unless it is a plain shapefile (LoadOptions::through_gdal).
/// Throws InputError naming the file and the problem.
VectorLayer load_vector_layer(const std::filesystem::path& path, const LoadOptions& options = {});

/// Lists the layer names of a vector source.
std::vector<std::string> list_vector_layers(const std::filesystem::path& path);

/// Reads every layer of a vector source (each layer of a GeoPackage), skipping layers without
/// features when another has some. Throws InputError naming the file and the problem (a raster
/// image, no CRS, no features in any layer, ...).
std::vector<VectorLayer> load_all_vector_layers(const std::filesystem::path& path,
                                                const LoadOptions& options = {});

} // namespace geo
