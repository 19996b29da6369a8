// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzzes the vector loader (geo::load_vector_layer through GDAL/OGR). The first byte chooses
// what the rest of the input is: a GeoJSON file, a KML file, or one part of a shapefile whose
// other parts are fixed valid ones (tests/data/squares.*). The second byte chooses the load
// options. The bytes are written to a file of that extension in a folder of this process
// under /tmp, as a user's file would be on disk.

#include "geo/error.hpp"
#include "geo/vector_source.hpp"

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <system_error>
#include <unistd.h>

namespace fs = std::filesystem;

namespace {

/// What the input is: its extension, and the fixed shapefile parts copied beside it.
struct Mode {
    const char* extension;
    std::array<const char*, 4> fixed;
};

constexpr std::array<Mode, 5> modes{{
    {".geojson", {}},
    {".kml", {}},
    {".shp", {".shx", ".dbf", ".prj", ".cpg"}},
    {".shx", {".shp", ".dbf", ".prj", ".cpg"}},
    {".dbf", {".shp", ".shx", ".prj", ".cpg"}},
}};

const fs::path& root() {
    static const fs::path path =
        fs::temp_directory_path() / ("kuril-fuzz-vector-" + std::to_string(::getpid()));
    return path;
}

fs::path folder(std::size_t mode) {
    return root() / std::to_string(mode);
}

void remove_folder() {
    std::error_code ignored;
    fs::remove_all(root(), ignored);
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    (void)root();               // built before remove_folder is registered: destroyed after it
    std::atexit(remove_folder); // libFuzzer ends with exit(), also after a crash it reports
    const fs::path fixtures = KURIL_FUZZ_TEST_DATA_DIR;
    for (std::size_t mode = 0; mode < modes.size(); ++mode) {
        fs::create_directories(folder(mode));
        for (const char* extension : modes[mode].fixed) {
            if (extension) {
                fs::copy_file(fixtures / (std::string("squares") + extension),
                              folder(mode) / (std::string("in") + extension),
                              fs::copy_options::overwrite_existing);
            }
        }
    }
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 2) {
        return 0;
    }
    const std::size_t mode = data[0] % modes.size();
    const std::uint8_t flags = data[1];
    const fs::path file = folder(mode) / (std::string("in") + modes[mode].extension);
    {
        std::ofstream out(file, std::ios::binary | std::ios::trunc);
        out.write(reinterpret_cast<const char*>(data + 2), static_cast<std::streamsize>(size - 2));
    }
    geo::LoadOptions options;
    options.expected = static_cast<geo::GeometryKind>(flags % 3);
    options.repair_invalid = (flags & 4) != 0;
    if (flags & 8) {
        options.assumed_crs = "EPSG:4326";
    }
    try {
        const geo::VectorLayer layer = geo::load_vector_layer(file, options);
        (void)layer.vertex_count();
        if (flags & 16) {
            (void)geo::list_vector_layers(file);
        }
    } catch (const geo::InputError&) {
        // Refused with a message: what bad input is meant to get.
    }
    return 0;
}
