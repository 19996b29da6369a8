// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "imageio/row_sink.hpp"

#include <array>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace kuril {

/// A GDAL geotransform: the top-left corner's x and y, the pixel's width and height (negative
/// when north is up) and the two rotation terms, as GDALDataset::SetGeoTransform takes them.
using GeoTransform = std::array<double, 6>;

/// What a GeoTIFF says about itself. The TIFF tags: TIFFTAG_DOCUMENTNAME (title),
/// TIFFTAG_IMAGEDESCRIPTION (description), TIFFTAG_COPYRIGHT, TIFFTAG_SOFTWARE and, with `dpi`,
/// TIFFTAG_XRESOLUTION/YRESOLUTION in pixels per inch; `items` are GDAL metadata items
/// (NAME=VALUE in GDAL's own tag), e.g. TITLE, DATE, ATTRIBUTION, SOURCES.
struct GeoTiffMetadata {
    std::string title;
    std::string description;
    std::string copyright;
    std::string software = "Kuril Atlas";
    std::vector<std::pair<std::string, std::string>> items;
    double dpi = 0; ///< 0: no resolution recorded
};

/// A Cloud-Optimized GeoTIFF (GDAL's COG driver: 512-pixel tiles, DEFLATE with a predictor,
/// overviews down to a tile, BigTIFF when needed) with its georeferencing and metadata inside.
/// The rows come top to bottom into an intermediate image (in memory up to
/// max_in_memory_pixels, above it a tiled GeoTIFF beside the target, removed afterwards),
/// which finish() copies to the COG under an AtomicFile's temporary name.
class GeoTiffWriter final : public RowSink {
public:
    /// Up to this many pixels (8192 x 8192, 192 MB of RGB) the rows are kept in memory.
    static constexpr std::uint64_t max_in_memory_pixels = std::uint64_t{8192} * 8192;

    /// `wkt`: the CRS of the geotransform's coordinates. Above `in_memory_pixels` the rows go
    /// to a file. Throws geo::InputError when GDAL cannot create the file.
    GeoTiffWriter(const std::filesystem::path& target, unsigned width, unsigned height,
                  const GeoTransform& transform, const std::string& wkt,
                  const GeoTiffMetadata& metadata = {},
                  std::uint64_t in_memory_pixels = max_in_memory_pixels);
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
