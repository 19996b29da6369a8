// SPDX-License-Identifier: GPL-3.0-or-later
// The GeoTIFF writer: bands from the top, in either row order, read back by GDAL with the
// pixels, geotransform and CRS given; out-of-order bands are a program fault.
#include "geo/error.hpp"
#include "imageio/geotiff_writer.hpp"
#include "test_paths.hpp"

#include <algorithm>
#include <doctest/doctest.h>
#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <vector>

namespace fs = std::filesystem;

namespace {

std::uint8_t channel(unsigned x, unsigned y, unsigned c) {
    return static_cast<std::uint8_t>((x * 7 + y * 13 + c * 101) & 0xFF);
}

std::string utm_wkt() {
    OGRSpatialReference srs;
    srs.importFromEPSG(32655); // UTM 55 N
    char* text = nullptr;
    srs.exportToWkt(&text);
    std::string wkt = text;
    CPLFree(text);
    return wkt;
}

/// How many samples of the dataset's three bands differ from what channel() wrote.
long pixels_not_as_written(GDALDataset& dataset, unsigned width, unsigned height) {
    long different = 0;
    std::vector<std::uint8_t> band(std::size_t{width} * height);
    for (int c = 0; c < 3; ++c) {
        REQUIRE(dataset.GetRasterBand(c + 1)->RasterIO(
                    GF_Read, 0, 0, static_cast<int>(width), static_cast<int>(height), band.data(),
                    static_cast<int>(width), static_cast<int>(height), GDT_Byte, 0, 0,
                    nullptr) == CE_None);
        for (unsigned y = 0; y < height; ++y) {
            for (unsigned x = 0; x < width; ++x) {
                different +=
                    band[std::size_t{y} * width + x] != channel(x, y, static_cast<unsigned>(c));
            }
        }
    }
    return different;
}

} // namespace

TEST_CASE("[imageio] geotiff: bands from the top read back with their georeferencing") {
    GDALAllRegister();
    const fs::path dir = test_paths::scratch("geotiff_bands");
    const unsigned width = 37;
    const unsigned height = 20;
    const kuril::GeoTransform transform = {500000, 250, 0, 5000000, 0, -250};
    for (const bool bottom_up : {false, true}) {
        CAPTURE(bottom_up);
        const fs::path path = dir / (bottom_up ? "up.tif" : "down.tif");
        {
            kuril::GeoTiffWriter writer(path, width, height, transform, utm_wkt());
            CHECK(!writer.takes_any_order());
            for (unsigned top = 0; top < height; top += 8) {
                const unsigned rows = std::min(8u, height - top);
                kuril::PixelBuffer pixels = writer.spare_buffer(std::size_t{width} * rows * 4);
                for (unsigned r = 0; r < rows; ++r) {
                    const unsigned stored = bottom_up ? rows - 1 - r : r;
                    for (unsigned x = 0; x < width; ++x) {
                        for (unsigned c = 0; c < 4; ++c) {
                            pixels.data()[(std::size_t{stored} * width + x) * 4 + c] =
                                c < 3 ? channel(x, top + r, c) : 255;
                        }
                    }
                }
                writer.write_rows(top, std::move(pixels), rows, bottom_up);
            }
            CHECK(!fs::exists(path)); // not before commit
            writer.commit();
        }
        GDALDataset* dataset = GDALDataset::Open(path.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY);
        REQUIRE(dataset != nullptr);
        CHECK(dataset->GetRasterXSize() == static_cast<int>(width));
        CHECK(dataset->GetRasterYSize() == static_cast<int>(height));
        REQUIRE(dataset->GetRasterCount() == 3);
        kuril::GeoTransform read{};
        REQUIRE(dataset->GetGeoTransform(read.data()) == CE_None);
        CHECK(read == transform);
        CHECK(std::string(dataset->GetProjectionRef()).find("UTM zone 55N") != std::string::npos);
        const long different = pixels_not_as_written(*dataset, width, height);
        GDALClose(dataset);
        CHECK(different == 0);
    }
}

TEST_CASE("[imageio] geotiff: bands out of order or missing are refused and leave no file") {
    GDALAllRegister();
    const fs::path dir = test_paths::scratch("geotiff_order");
    {
        kuril::GeoTiffWriter writer(dir / "map.tif", 4, 4, {0, 1, 0, 0, 0, -1}, utm_wkt());
        CHECK_THROWS_WITH_AS(
            writer.write_rows(2, writer.spare_buffer(4 * 2 * 4), 2, false),
            ("internal: " + (dir / "map.tif").string() + ": rows 2 to 3 do not follow row 0")
                .c_str(),
            geo::InternalError);
        writer.write_rows(0, writer.spare_buffer(4 * 2 * 4), 2, false);
        CHECK_THROWS_WITH_AS(
            writer.commit(),
            ("internal: " + (dir / "map.tif").string() + ": 2 of 4 rows written").c_str(),
            geo::InternalError);
    }
    CHECK(fs::is_empty(dir));
}

TEST_CASE("[imageio] geotiff: a Cloud-Optimized GeoTIFF with overviews and its metadata, from "
          "memory or through a file of rows") {
    GDALAllRegister();
    const fs::path dir = test_paths::scratch("geotiff_cog");
    const unsigned width = 1300;
    const unsigned height = 700;
    const kuril::GeoTransform transform = {500000, 250, 0, 5000000, 0, -250};
    kuril::GeoTiffMetadata metadata;
    metadata.title = "Kuril Islands, 1 January 1950";
    metadata.description = "Kuril Islands, 1 January 1950. Situation on 1 January 1950.";
    metadata.copyright = "Coastlines: GSHHG";
    metadata.items = {{"TITLE", metadata.title},
                      {"DATE", "1950-01-01"},
                      {"SOURCES", "A source (in Japanese)\nAnother"}};
    metadata.dpi = 300;
    // 0 pixels in memory: every row goes through the intermediate tiled file.
    for (const std::uint64_t in_memory :
         {kuril::GeoTiffWriter::max_in_memory_pixels, std::uint64_t{0}}) {
        CAPTURE(in_memory);
        const fs::path path = dir / (in_memory == 0 ? "rows.tif" : "memory.tif");
        {
            kuril::GeoTiffWriter writer(path, width, height, transform, utm_wkt(), metadata,
                                        in_memory);
            for (unsigned top = 0; top < height; top += 300) {
                const unsigned rows = std::min(300u, height - top);
                kuril::PixelBuffer pixels = writer.spare_buffer(std::size_t{width} * rows * 4);
                for (unsigned r = 0; r < rows; ++r) {
                    for (unsigned x = 0; x < width; ++x) {
                        for (unsigned c = 0; c < 4; ++c) {
                            pixels.data()[(std::size_t{r} * width + x) * 4 + c] =
                                c < 3 ? channel(x, top + r, c) : 255;
                        }
                    }
                }
                writer.write_rows(top, std::move(pixels), rows, false);
            }
            writer.commit();
        }
        GDALDataset* dataset = GDALDataset::Open(path.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY);
        REQUIRE(dataset != nullptr);
        const char* layout = dataset->GetMetadataItem("LAYOUT", "IMAGE_STRUCTURE");
        REQUIRE(layout != nullptr);
        CHECK(std::string(layout) == "COG");
        const char* compression = dataset->GetMetadataItem("COMPRESSION", "IMAGE_STRUCTURE");
        REQUIRE(compression != nullptr);
        CHECK(std::string(compression) == "DEFLATE");
        GDALRasterBand* red = dataset->GetRasterBand(1);
        int block_x = 0;
        int block_y = 0;
        red->GetBlockSize(&block_x, &block_y);
        CHECK(block_x == 512);
        CHECK(block_y == 512);
        CHECK(red->GetOverviewCount() >= 1);
        CHECK(red->GetColorInterpretation() == GCI_RedBand);
        const auto item = [&](const char* name) {
            const char* value = dataset->GetMetadataItem(name);
            return std::string(value != nullptr ? value : "(none)");
        };
        CHECK(item("TITLE") == "Kuril Islands, 1 January 1950");
        CHECK(item("DATE") == "1950-01-01");
        CHECK(item("SOURCES") == "A source (in Japanese)\nAnother");
        CHECK(item("TIFFTAG_DOCUMENTNAME") == "Kuril Islands, 1 January 1950");
        CHECK(item("TIFFTAG_IMAGEDESCRIPTION") == metadata.description);
        CHECK(item("TIFFTAG_COPYRIGHT") == "Coastlines: GSHHG");
        CHECK(item("TIFFTAG_SOFTWARE") == "Kuril Atlas");
        CHECK(std::stod(item("TIFFTAG_XRESOLUTION")) == 300.0);
        CHECK(item("TIFFTAG_RESOLUTIONUNIT") == "2 (pixels/inch)");
        kuril::GeoTransform read{};
        REQUIRE(dataset->GetGeoTransform(read.data()) == CE_None);
        CHECK(read == transform);
        const long different = pixels_not_as_written(*dataset, width, height);
        GDALClose(dataset);
        CHECK(different == 0); // lossless
    }
    // Only the two images: no file of rows, no temporary overview left behind.
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(dir)) {
        names.push_back(entry.path().filename().string());
    }
    std::sort(names.begin(), names.end());
    CHECK(names == std::vector<std::string>{"memory.tif", "rows.tif"});
}

TEST_CASE("[imageio] geotiff: an abandoned writer leaves neither the image nor its rows") {
    GDALAllRegister();
    const fs::path dir = test_paths::scratch("geotiff_abandoned");
    {
        kuril::GeoTiffWriter writer(dir / "map.tif", 600, 600, {0, 1, 0, 0, 0, -1}, utm_wkt(), {},
                                    0);
        writer.write_rows(0, writer.spare_buffer(600 * 10 * 4), 10, false);
        CHECK(!fs::is_empty(dir)); // the rows' file
    }
    CHECK(fs::is_empty(dir));
}
