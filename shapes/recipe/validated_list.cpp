// SPDX-License-Identifier: GPL-3.0-or-later
// Prints shapes/validated.txt (geo/validated_list.hpp) for the polygon shapefiles given: each
// is read with every polygon checked (GEOS decides what the quick test cannot), and listed by
// its CRC-64 and size only when all are valid. Exits 1 naming the first file with an invalid
// polygon. See make-validated.sh.
#include "geo/validated_list.hpp"

#include "geo/error.hpp"
#include "geo/geometry.hpp"
#include "geo/vector_source.hpp"

#include <cstdio>
#include <exception>
#include <string>

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: validated_list FILE.shp...\n");
        return 2;
    }
    std::printf(
        "# Polygon shapefiles whose every polygon was found valid (GEOS) by\n"
        "# shapes/recipe/make-validated.sh; kuril-atlas skips the check for a file whose\n"
        "# size and CRC-64 still match (geo/validated_list.hpp). Regenerate with the data.\n"
        "# CRC-64/XZ  bytes  file\n");
    try {
        for (int i = 1; i < argc; ++i) {
            const std::string file = argv[i];
            geo::LoadOptions options;
            options.expected = geo::GeometryKind::polygons;
            options.repair_invalid = false; // kept as read: checked below
            options.trust_validated_list = false;
            const geo::VectorLayer layer = geo::load_vector_layer(file, options);
            for (const auto& feature : layer.features) {
                if (!geo::certainly_valid(feature.polygons) && !geo::geos_valid(feature.polygons)) {
                    std::fprintf(stderr,
                                 "validated_list: %s: feature %lld has an invalid polygon\n",
                                 file.c_str(), static_cast<long long>(feature.fid));
                    return 1;
                }
            }
            std::printf("%s\n", geo::validated_line(file).c_str());
        }
    } catch (const std::exception& error) {
        std::fprintf(stderr, "validated_list: %s\n", error.what());
        return 1;
    }
    return 0;
}
