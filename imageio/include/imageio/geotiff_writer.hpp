// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "imageio/row_sink.hpp"

#include <array>
#include <filesystem>
#include <memory>
#include <string>

namespace kuril {

/// A GDAL geotransform: the top-left corner's x and y, the pixel's width and height (negative
/// when north is up) and the two rotation terms, as GDALDataset::SetGeoTransform takes them.
using GeoTransform = std::array<double, 6>;

/// An RGB GeoTIFF (DEFLATE level 1, BigTIFF when needed) with its georeferencing inside,
/// written band by band from the top through GDAL into an AtomicFile.
class GeoTiffWriter final : public RowSink {
public:
    /// `wkt`: the CRS of the geotransform's coordinates. Throws geo::InputError when GDAL
    /// cannot create the file.
    /// `dpi` > 0: recorded as the TIFF's XResolution, YResolution and ResolutionUnit (inch).
    GeoTiffWriter(const std::filesystem::path& target, unsigned width, unsigned height,
                  const GeoTransform& transform, const std::string& wkt, double dpi = 0);
    ~GeoTiffWriter() override;
    GeoTiffWriter(const GeoTiffWriter&) = delete;
    GeoTiffWriter& operator=(const GeoTiffWriter&) = delete;

    bool takes_any_order() const override { return false; }
    void prepare_buffers(std::size_t) override {}
    PixelBuffer spare_buffer(std::size_t bytes) override;
    /// Throws geo::InternalError unless the rows follow those written before.
    void write_rows(unsigned first_row, PixelBuffer rgba, unsigned rows, bool bottom_up) override;
    void finish() override;
    void commit() override;

private:
    struct State;
    std::unique_ptr<State> state_;
};

} // namespace kuril
