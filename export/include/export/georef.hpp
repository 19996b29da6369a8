// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What places a PNG on the map for GIS software: the world file, the .prj and the .aux.xml.

#include "export/export_plan.hpp"
#include "geo/projection.hpp"
#include "map/map_view.hpp"

#include <future>
#include <memory>
#include <string>

namespace kuril {

class AtomicFile;

/// The world file text for an image of a view: pixel size, rotation, and the centre of the
/// top-left pixel, as GDAL reads it. With `left_px`, the view's column 0 is that column of the
/// image (the right half of a compare image).
std::string world_file_text(const MapView& view, double left_px = 0);

/// GDAL's auxiliary file for a PNG (NAME.png.aux.xml), from which GDAL, and so QGIS, takes its
/// CRS: the WKT in <PAMDataset><SRS>, escaped as XML, with its axis mapping
/// (geo::Projection::axis_mapping).
std::string aux_xml_text(const std::string& wkt, const std::string& axis_mapping);

/// The side files of a PNG, created (so checked writable) before the image is drawn, written
/// and put in place after it. Nothing for a GeoTIFF (empty paths).
class GeorefFiles {
public:
    explicit GeorefFiles(const SidecarPaths& paths);
    ~GeorefFiles();
    GeorefFiles(const GeorefFiles&) = delete;
    GeorefFiles& operator=(const GeorefFiles&) = delete;

    /// Writes the files for an image of `view` in `projection`'s CRS under their temporary
    /// names. They are flushed to disk on a thread of their own, while the image is drawn.
    /// A compare image's right half (`right_view`, from column `right_left_px`) gets its own
    /// world file too.
    void write(const MapView& view, const geo::Projection& projection,
               const MapView* right_view = nullptr, double right_left_px = 0);
    /// Waits for the flush (a full disk fails here, before anything is renamed).
    void finish();
    /// Finishes (if not done yet) and renames the files into place.
    void commit();

private:
    std::unique_ptr<AtomicFile> world_file_;
    std::unique_ptr<AtomicFile> right_world_file_;
    std::unique_ptr<AtomicFile> prj_;
    std::unique_ptr<AtomicFile> aux_xml_;
    std::future<void> synced_;
};

} // namespace kuril
