// SPDX-License-Identifier: GPL-3.0-or-later
#include "imageio/geotiff_writer.hpp"

#include "geo/error.hpp"
#include "imageio/atomic_file.hpp"

#include <cstring>
#include <gdal_priv.h>
#include <vector>

namespace fs = std::filesystem;

namespace kuril {
namespace {

void flip_rows(PixelBuffer& pixels, std::size_t row_bytes, unsigned rows) {
    std::vector<std::uint8_t> swap(row_bytes);
    for (unsigned top = 0, bottom = rows - 1; top < bottom; ++top, --bottom) {
        std::uint8_t* a = pixels.data() + top * row_bytes;
        std::uint8_t* b = pixels.data() + bottom * row_bytes;
        std::memcpy(swap.data(), a, row_bytes);
        std::memcpy(a, b, row_bytes);
        std::memcpy(b, swap.data(), row_bytes);
    }
}

} // namespace

struct GeoTiffWriter::State {
    explicit State(const fs::path& target) : file(target) {}
    ~State() {
        if (dataset != nullptr) {
            GDALClose(dataset);
        }
    }

    AtomicFile file;
    bool finished = false; ///< written and synced: only the rename is left
    unsigned width = 0;
    unsigned height = 0;
    unsigned next_row = 0;
    GDALDataset* dataset = nullptr;
    PixelBuffer spare; ///< the last buffer written, for the next rows
};

GeoTiffWriter::GeoTiffWriter(const fs::path& target, unsigned width, unsigned height,
                             const GeoTransform& transform, const std::string& wkt, double dpi)
    : state_(std::make_unique<State>(target)) {
    state_->width = width;
    state_->height = height;
    GDALAllRegister();
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GTiff");
    if (driver == nullptr) {
        throw geo::InputError("GDAL has no GTiff driver");
    }
    char** options = nullptr;
    options = CSLSetNameValue(options, "COMPRESS", "DEFLATE");
    options = CSLSetNameValue(options, "ZLEVEL", "1");
    options = CSLSetNameValue(options, "BIGTIFF", "IF_SAFER");
    state_->dataset = driver->Create(state_->file.temporary().c_str(), static_cast<int>(width),
                                     static_cast<int>(height), 3, GDT_Byte, options);
    CSLDestroy(options);
    if (state_->dataset == nullptr) {
        throw geo::InputError(target.string() +
                              ": GDAL cannot create the GeoTIFF: " + CPLGetLastErrorMsg());
    }
    GeoTransform copy = transform;
    state_->dataset->SetGeoTransform(copy.data());
    state_->dataset->SetProjection(wkt.c_str());
    if (dpi > 0) {
        // GDAL's GTiff driver writes these metadata items as the TIFF resolution tags.
        const std::string value = std::to_string(dpi);
        state_->dataset->SetMetadataItem("TIFFTAG_XRESOLUTION", value.c_str());
        state_->dataset->SetMetadataItem("TIFFTAG_YRESOLUTION", value.c_str());
        state_->dataset->SetMetadataItem("TIFFTAG_RESOLUTIONUNIT", "2"); // inch
    }
}

GeoTiffWriter::~GeoTiffWriter() = default;

PixelBuffer GeoTiffWriter::spare_buffer(std::size_t bytes) {
    if (state_->spare.size() >= bytes) {
        return std::move(state_->spare);
    }
    return PixelBuffer(bytes);
}

void GeoTiffWriter::write_rows(unsigned first_row, PixelBuffer rgba, unsigned rows,
                               bool bottom_up) {
    const unsigned width = state_->width;
    if (first_row != state_->next_row ||
        first_row + static_cast<std::uint64_t>(rows) > state_->height ||
        rgba.size() < static_cast<std::size_t>(rows) * width * 4) {
        throw geo::InternalError(state_->file.target().string() + ": rows " +
                                 std::to_string(first_row) + " to " +
                                 std::to_string(first_row + rows - 1) + " do not follow row " +
                                 std::to_string(state_->next_row));
    }
    if (rows == 0) {
        return;
    }
    if (bottom_up) {
        flip_rows(rgba, std::size_t{width} * 4, rows);
    }
    for (int band = 1; band <= 3; ++band) {
        const CPLErr error = state_->dataset->GetRasterBand(band)->RasterIO(
            GF_Write, 0, static_cast<int>(first_row), static_cast<int>(width),
            static_cast<int>(rows), rgba.data() + band - 1, static_cast<int>(width),
            static_cast<int>(rows), GDT_Byte, 4, static_cast<GSpacing>(width) * 4, nullptr);
        if (error != CE_None) {
            throw geo::InputError(state_->file.target().string() +
                                  ": cannot write the GeoTIFF: " + CPLGetLastErrorMsg());
        }
    }
    state_->next_row += rows;
    state_->spare = std::move(rgba);
}

void GeoTiffWriter::commit() {
    finish();
    state_->file.commit();
}

void GeoTiffWriter::finish() {
    if (state_->finished) {
        return;
    }
    if (state_->next_row != state_->height) {
        throw geo::InternalError(state_->file.target().string() + ": " +
                                 std::to_string(state_->next_row) + " of " +
                                 std::to_string(state_->height) + " rows written");
    }
    CPLErrorReset();
    state_->dataset->FlushCache();
    GDALClose(state_->dataset);
    state_->dataset = nullptr;
    if (CPLGetLastErrorType() == CE_Failure || CPLGetLastErrorType() == CE_Fatal) {
        throw geo::InputError(state_->file.target().string() +
                              ": cannot finish the GeoTIFF: " + CPLGetLastErrorMsg());
    }
    state_->file.sync();
    state_->finished = true;
}

} // namespace kuril
