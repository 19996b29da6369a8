// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What the export tests share: the shipped scene with GDAL's drivers, the options of a small
// export of the Kurils, and reading an image back through GDAL's georeferencing.

#include "drawing_fixture.hpp"
#include "export/exporter.hpp"
#include "geo/projection.hpp"

#include <SFML/Graphics.hpp>
#include <array>
#include <doctest/doctest.h>
#include <filesystem>
#include <gdal_priv.h>

namespace test_export {

struct ExportFixture : test_drawing::ShippedScene {
    ExportFixture() { GDALAllRegister(); }

    /// 800x600 of lon 141-149, lat 42-46 on 1 January 2000, into `out`.
    kuril::ExportOptions options(const std::filesystem::path& out) const {
        kuril::ExportOptions o;
        o.out = out;
        o.width = 800;
        o.height = 600;
        o.date = {2000, 1, 1};
        o.view.bbox = geo::Box{141, 42, 149, 46};
        return o;
    }
};

/// The geotransform GDAL reads for an image (its world file, or a GeoTIFF's own).
inline std::array<double, 6> geotransform(const std::filesystem::path& image) {
    std::array<double, 6> gt{};
    GDALDataset* dataset = GDALDataset::Open(image.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY);
    REQUIRE(dataset != nullptr);
    REQUIRE(dataset->GetGeoTransform(gt.data()) == CE_None);
    GDALClose(dataset);
    return gt;
}

/// The pixel at a longitude and latitude, through the geotransform and the projection; the
/// place must be on the image.
inline sf::Color pixel_at(const sf::Image& image, const std::array<double, 6>& gt,
                          const geo::Projection& projection, geo::Point lon_lat) {
    const geo::Point xy = projection.forward(lon_lat);
    const double column = (xy.x - gt[0]) / gt[1];
    const double row = (xy.y - gt[3]) / gt[5];
    REQUIRE(column >= 0);
    REQUIRE(row >= 0);
    REQUIRE(column < image.getSize().x);
    REQUIRE(row < image.getSize().y);
    return image.getPixel(static_cast<unsigned>(column), static_cast<unsigned>(row));
}

} // namespace test_export
