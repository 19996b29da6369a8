// SPDX-License-Identifier: GPL-3.0-or-later
#include "imageio/geotiff_writer.hpp"

#include "geo/error.hpp"
#include "i18n/translate.hpp"
#include "imageio/atomic_file.hpp"

#include <array>
#include <cstring>
#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <vector>

namespace fs = std::filesystem;
using i18n::N_;

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
    /// The intermediate tiled GeoTIFF of a large image (removed when done); none in memory.
    std::unique_ptr<AtomicFile> rows_file;
    bool finished = false; ///< written and synced: only the rename is left
    unsigned width = 0;
    unsigned height = 0;
    unsigned next_row = 0;
    GDALDataset* dataset = nullptr; ///< the intermediate image the rows go into
    PixelBuffer spare;              ///< the last buffer written, for the next rows
};

namespace {

/// The TIFF tags and GDAL metadata items of `metadata` on a dataset (the COG driver copies
/// them).
void set_metadata(GDALDataset& dataset, const GeoTiffMetadata& metadata) {
    const auto set = [&](const char* name, const std::string& value) {
        if (!value.empty()) {
            dataset.SetMetadataItem(name, value.c_str());
        }
    };
    set("TIFFTAG_DOCUMENTNAME", metadata.title);
    set("TIFFTAG_IMAGEDESCRIPTION", metadata.description);
    set("TIFFTAG_COPYRIGHT", metadata.copyright);
    set("TIFFTAG_SOFTWARE", metadata.software);
    if (metadata.dpi > 0) {
        const std::string dpi = std::to_string(metadata.dpi);
        set("TIFFTAG_XRESOLUTION", dpi);
        set("TIFFTAG_YRESOLUTION", dpi);
        set("TIFFTAG_RESOLUTIONUNIT", "2"); // pixels per inch
    }
    for (const auto& [name, value] : metadata.items) {
        set(name.c_str(), value);
    }
}

GDALDriver* driver(const fs::path& target, const char* name) {
    GDALDriver* found = GetGDALDriverManager()->GetDriverByName(name);
    if (found == nullptr) {
        throw geo::InputError(N_("{file}: GDAL has no {driver} driver"),
                              {{"file", target.string()}, {"driver", name}});
    }
    return found;
}

} // namespace

GeoTiffWriter::GeoTiffWriter(const fs::path& target, unsigned width, unsigned height,
                             const GeoTransform& transform, const std::string& wkt,
                             const GeoTiffMetadata& metadata, std::uint64_t in_memory_pixels)
    : state_(std::make_unique<State>(target)) {
    state_->width = width;
    state_->height = height;
    GDALAllRegister();
    driver(target, "COG"); // checked before anything is drawn
    const bool in_memory = std::uint64_t{width} * height <= in_memory_pixels;
    char** options = nullptr;
    std::string where;
    if (!in_memory) {
        // Tiles as the COG's, quickly compressed: the copy reads them a tile at a time.
        state_->rows_file = std::make_unique<AtomicFile>(fs::path(target).concat(".rows"));
        where = state_->rows_file->temporary().string();
        options = CSLSetNameValue(options, "TILED", "YES");
        options = CSLSetNameValue(options, "BLOCKXSIZE", "512");
        options = CSLSetNameValue(options, "BLOCKYSIZE", "512");
        options = CSLSetNameValue(options, "COMPRESS", "DEFLATE");
        options = CSLSetNameValue(options, "ZLEVEL", "1");
        options = CSLSetNameValue(options, "BIGTIFF", "YES");
    } else {
        options = CSLSetNameValue(options, "INTERLEAVE", "PIXEL");
    }
    state_->dataset = driver(target, in_memory ? "MEM" : "GTiff")
                          ->Create(where.c_str(), static_cast<int>(width), static_cast<int>(height),
                                   3, GDT_Byte, options);
    CSLDestroy(options);
    if (state_->dataset == nullptr) {
        throw geo::InputError(N_("{file}: GDAL cannot create the GeoTIFF: {error}"),
                              {{"file", target.string()}, {"error", CPLGetLastErrorMsg()}});
    }
    GeoTransform copy = transform;
    state_->dataset->SetGeoTransform(copy.data());
    OGRSpatialReference srs;
    if (srs.importFromWkt(wkt.c_str()) != OGRERR_NONE) {
        throw geo::InputError(N_("{file}: GDAL cannot read the CRS's WKT"),
                              {{"file", target.string()}});
    }
    // The geotransform's x is the easting (or longitude), whatever the CRS's axis order.
    srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    state_->dataset->SetSpatialRef(&srs);
    static const std::array<GDALColorInterp, 3> colours{GCI_RedBand, GCI_GreenBand, GCI_BlueBand};
    for (int band = 1; band <= 3; ++band) {
        state_->dataset->GetRasterBand(band)->SetColorInterpretation(colours[band - 1]);
    }
    set_metadata(*state_->dataset, metadata);
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
    // The three bands at once: each tile of the intermediate file is written whole.
    int bands[] = {1, 2, 3};
    const CPLErr error = state_->dataset->RasterIO(
        GF_Write, 0, static_cast<int>(first_row), static_cast<int>(width), static_cast<int>(rows),
        rgba.data(), static_cast<int>(width), static_cast<int>(rows), GDT_Byte, 3, bands, 4,
        static_cast<GSpacing>(width) * 4, 1, nullptr);
    if (error != CE_None) {
        throw geo::InputError(
            N_("{file}: cannot write the GeoTIFF: {error}"),
            {{"file", state_->file.target().string()}, {"error", CPLGetLastErrorMsg()}});
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
    char** options = nullptr;
    options = CSLSetNameValue(options, "COMPRESS", "DEFLATE");
    options = CSLSetNameValue(options, "LEVEL", "6");
    options = CSLSetNameValue(options, "PREDICTOR", "YES");
    options = CSLSetNameValue(options, "BLOCKSIZE", "512");
    options = CSLSetNameValue(options, "OVERVIEWS", "AUTO");
    options = CSLSetNameValue(options, "OVERVIEW_RESAMPLING", "AVERAGE");
    options = CSLSetNameValue(options, "BIGTIFF", "IF_SAFER");
    options = CSLSetNameValue(options, "NUM_THREADS", "2");
    GDALDataset* cog = driver(state_->file.target(), "COG")
                           ->CreateCopy(state_->file.temporary().c_str(), state_->dataset, FALSE,
                                        options, nullptr, nullptr);
    CSLDestroy(options);
    const bool failed = cog == nullptr;
    if (cog != nullptr) {
        GDALClose(cog); // a write error shows in CPLGetLastErrorType
    }
    GDALClose(state_->dataset);
    state_->dataset = nullptr;
    state_->rows_file.reset(); // the intermediate rows go
    if (failed || CPLGetLastErrorType() == CE_Failure || CPLGetLastErrorType() == CE_Fatal) {
        throw geo::InputError(
            N_("{file}: cannot finish the GeoTIFF: {error}"),
            {{"file", state_->file.target().string()}, {"error", CPLGetLastErrorMsg()}});
    }
    state_->file.sync();
    state_->finished = true;
}

} // namespace kuril
