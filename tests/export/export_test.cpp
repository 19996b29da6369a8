// SPDX-License-Identifier: GPL-3.0-or-later
// Exports rendered off-screen under Xvfb, read back with GDAL and probed through their world
// files.
#include "drawing_fixture.hpp"
#include "export/exporter.hpp"
#include "export/view_export.hpp"
#include "export_fixture.hpp"
#include "geo/error.hpp"
#include "id_pattern.hpp"
#include "render/map_renderer.hpp"
#include "render/style.hpp"

#include <SFML/Graphics.hpp>
#include <algorithm>
#include <cmath>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <doctest/doctest.h>
#include <fstream>
#include <gdal_priv.h>
#include <iterator>
#include <sstream>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace {

using test_drawing::near;
using test_drawing::pixels_differing;
using test_export::ExportFixture;
using test_export::geotransform;
using test_export::pixel_at;

/// Checks a PNG's size from its header.
void png_size(const fs::path& path, unsigned width, unsigned height) {
    GDALDataset* dataset = GDALDataset::Open(path.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY);
    REQUIRE(dataset != nullptr);
    CHECK(dataset->GetRasterXSize() == static_cast<int>(width));
    CHECK(dataset->GetRasterYSize() == static_cast<int>(height));
    GDALClose(dataset);
}

std::size_t files_in(const fs::path& dir) {
    std::size_t count = 0;
    for ([[maybe_unused]] const auto& entry : fs::directory_iterator(dir)) {
        ++count;
    }
    return count;
}

} // namespace

TEST_CASE("[viewer] export: the world file places the image exactly as GDAL reads it") {
    ExportFixture f;
    const fs::path dir = test_paths::scratch("export_world");
    auto options = f.options(dir / "map.png");
    const auto result = kuril::export_map(f.scene, f.font, options);
    CHECK(result.width == 800);
    CHECK(fs::exists(dir / "map.pgw"));
    CHECK(fs::exists(dir / "map.prj"));
    // The image's view, as the export drew it: GDAL must read the same corner (the world file
    // gives the centre of the first pixel, GDAL the corner) and pixel size.
    REQUIRE(result.view);
    const kuril::MapView& view = *result.view;
    const geo::Point corner = view.screen_to_map({0, 0});
    const auto gt = geotransform(dir / "map.png");
    CHECK(gt[0] == doctest::Approx(corner.x).epsilon(1e-12)); // GDAL: corner of the pixel
    CHECK(gt[3] == doctest::Approx(corner.y).epsilon(1e-12));
    CHECK(gt[1] == doctest::Approx(view.metres_per_pixel()).epsilon(1e-12));
    CHECK(gt[5] == doctest::Approx(-view.metres_per_pixel()).epsilon(1e-12));
    CHECK(gt[2] == 0.0);
    CHECK(gt[4] == 0.0);
    GDALDataset* dataset = GDALDataset::Open((dir / "map.png").c_str(), GDAL_OF_RASTER);
    REQUIRE(dataset != nullptr);
    CHECK(std::string(dataset->GetProjectionRef()).find("Lambert") != std::string::npos);
    GDALClose(dataset);
}

TEST_CASE("[viewer] export: land and sea probed through the world file") {
    ExportFixture f;
    const fs::path dir = test_paths::scratch("export_probe");
    auto options = f.options(dir / "probe.png");
    options.visible.fill(false);
    options.visible[static_cast<std::size_t>(kuril::Layer::sea)] = true;
    options.visible[static_cast<std::size_t>(kuril::Layer::land)] = true;
    options.legend = false;
    options.footer = false;
    kuril::export_map(f.scene, f.font, options);
    sf::Image image;
    REQUIRE(image.loadFromFile((dir / "probe.png").string()));
    const auto gt = geotransform(dir / "probe.png");
    CHECK(near(pixel_at(image, gt, f.projection, {143.0, 43.3}), kuril::style::land)); // Hokkaido
    CHECK(near(pixel_at(image, gt, f.projection, {147.9, 45.1}), kuril::style::land)); // Etorofu
    CHECK(near(pixel_at(image, gt, f.projection, {147.5, 43.0}), kuril::style::sea));  // Pacific
    CHECK(near(pixel_at(image, gt, f.projection, {143.5, 45.3}), kuril::style::sea));  // Okhotsk
}

TEST_CASE("[viewer] export: a wide view of the region's land probed through the world file") {
    // Issue 14: the basemap reaches the mainland, Primorye, Kamchatka and Honshu with no edge.
    ExportFixture f;
    const fs::path dir = test_paths::scratch("export_wide_probe");
    auto options = f.options(dir / "wide.png");
    options.width = 1600;
    options.height = 1000;
    options.view.bbox = geo::Box{130, 39, 163, 57};
    options.visible.fill(false);
    options.visible[static_cast<std::size_t>(kuril::Layer::sea)] = true;
    options.visible[static_cast<std::size_t>(kuril::Layer::land)] = true;
    options.legend = false;
    options.footer = false;
    kuril::export_map(f.scene, f.font, options);
    sf::Image image;
    REQUIRE(image.loadFromFile((dir / "wide.png").string()));
    const auto gt = geotransform(dir / "wide.png");
    const auto colour = [&](geo::Point lon_lat) {
        const geo::Point xy = f.projection.forward(lon_lat);
        const double column = (xy.x - gt[0]) / gt[1];
        const double row = (xy.y - gt[3]) / gt[5];
        REQUIRE(column >= 0);
        REQUIRE(column < 1600);
        REQUIRE(row >= 40); // below the title band
        REQUIRE(row < 1000);
        return image.getPixel(static_cast<unsigned>(column), static_cast<unsigned>(row));
    };
    CHECK(near(colour({135.0, 48.0}), kuril::style::land)); // the mainland by the Amur
    CHECK(near(colour({133.5, 44.5}), kuril::style::land)); // Primorye
    CHECK(near(colour({158.5, 53.5}), kuril::style::land)); // Kamchatka, by Avacha Bay
    CHECK(near(colour({159.8, 54.2}), kuril::style::land)); // Kamchatka, by Kronotsky Bay
    CHECK(near(colour({140.9, 40.6}), kuril::style::land)); // Honshu's north (Aomori)
    CHECK(near(colour({161.5, 53.5}), kuril::style::sea));  // the Pacific off Kamchatka
    CHECK(near(colour({150.0, 40.0}), kuril::style::sea));  // the Pacific
    CHECK(near(colour({136.0, 40.0}), kuril::style::sea));  // the Sea of Japan
    CHECK(near(colour({145.0, 47.0}), kuril::style::sea));  // the Sea of Okhotsk
}

TEST_CASE("[viewer] export: tiles stitch to the same image as one pass") {
    ExportFixture f;
    const fs::path dir = test_paths::scratch("export_tiles");
    auto options = f.options(dir / "one.png");
    kuril::export_map(f.scene, f.font, options);
    options.out = dir / "tiled.png";
    options.force_tiling = true;
    options.tile_side = 256;
    const auto result = kuril::export_map(f.scene, f.font, options);
    CHECK(result.tiles == 12);
    sf::Image one;
    sf::Image tiled;
    REQUIRE(one.loadFromFile((dir / "one.png").string()));
    REQUIRE(tiled.loadFromFile((dir / "tiled.png").string()));
    // Tiles use their own view matrices: edges may fall a sub-pixel differently (under 1%).
    CHECK(pixels_differing(one, tiled, 40) < 800 * 600 / 100);
    CHECK(geotransform(dir / "one.png") == geotransform(dir / "tiled.png"));
}

TEST_CASE("[viewer] export: bands of rows give the same image as one pass") {
    ExportFixture f;
    const fs::path dir = test_paths::scratch("export_bands");
    auto options = f.options(dir / "one.png");
    options.band_pixels = 800 * 600 * 2;
    const auto one = kuril::export_map(f.scene, f.font, options);
    CHECK(one.tiles == 1);
    options.out = dir / "bands.png";
    options.band_pixels = 800 * 600 / 5;
    const auto bands = kuril::export_map(f.scene, f.font, options);
    CHECK(bands.tiles == 5); // bands of 120 rows, drawn on one 800x120 texture
    CHECK(!bands.tiled);
    options.out = dir / "uneven.png";
    options.band_pixels = 800 * 600 / 7; // 7 bands of 86 rows, the last one 84
    CHECK(kuril::export_map(f.scene, f.font, options).tiles == 7);
    sf::Image reference;
    REQUIRE(reference.loadFromFile((dir / "one.png").string()));
    for (const char* name : {"bands.png", "uneven.png"}) {
        CAPTURE(name);
        sf::Image image;
        REQUIRE(image.loadFromFile((dir / name).string()));
        // Labels and symbols are laid out once for the whole image; only anti-aliased edges
        // may round differently at a band's own view matrix.
        CHECK(pixels_differing(reference, image, 40) < 800 * 600 / 2000);
    }
}

TEST_CASE("[viewer] export: a 1x1 image is written and placed") {
    ExportFixture f;
    const fs::path dir = test_paths::scratch("export_dot");
    auto options = f.options(dir / "dot.png");
    options.width = 1;
    options.height = 1;
    const auto result = kuril::export_map(f.scene, f.font, options);
    CHECK(result.tiles == 1);
    sf::Image image;
    REQUIRE(image.loadFromFile((dir / "dot.png").string()));
    CHECK(image.getSize() == sf::Vector2u(1, 1));
    const auto gt = geotransform(dir / "dot.png");
    REQUIRE(result.view);
    CHECK(gt[1] == doctest::Approx(result.view->metres_per_pixel()));
    CHECK(gt[0] == doctest::Approx(result.view->screen_to_map({0, 0}).x));
}

TEST_CASE("[viewer] export: 16384 pixels wide is drawn untiled, 20000 in tiles") {
    ExportFixture f;
    const fs::path dir = test_paths::scratch("export_large");
    auto options = f.options(dir / "wide.png");
    options.width = 16384;
    options.height = 600;
    const auto wide = kuril::export_map(f.scene, f.font, options);
    CHECK(!wide.tiled); // whole rows at a time, on one render texture
    png_size(dir / "wide.png", 16384, 600);

    // 20000 wide needs tiles; the same view at half the size needs none. Scaled down 2:1, the
    // tiled image matches the untiled one: same layout, text and symbols at the same
    // relative size (scale 2 against 1; anti-aliasing and glyph hinting differ a little at
    // twice the size). The graticule is left out: its spacing follows the pixel size. This
    // catches a missing, misplaced or mis-scaled tile; "tiles stitch to the same image as
    // one pass" checks the seams to the pixel.
    options.out = dir / "tiled.png";
    options.view = {}; // the whole region: land, islands, labels, lines across every tile
    options.visible[static_cast<std::size_t>(kuril::Layer::graticule)] = false;
    options.scale = 2;
    options.width = 20000;
    options.height = 4000;
    const auto tiled = kuril::export_map(f.scene, f.font, options);
    CHECK(tiled.tiled);
    CHECK(tiled.tiles == 6); // tiles up to 8192 wide and 2048 high: 3 across, 2 down
    options.out = dir / "half.png";
    options.scale = 1;
    options.width = 10000;
    options.height = 2000;
    CHECK(!kuril::export_map(f.scene, f.font, options).tiled);
    sf::Image big;
    sf::Image half;
    REQUIRE(big.loadFromFile((dir / "tiled.png").string()));
    REQUIRE(half.loadFromFile((dir / "half.png").string()));
    double close = 0;
    double total_difference = 0;
    double seam_close = 0; // the columns on either side of the tile edges
    for (unsigned y = 0; y < 2000; ++y) {
        for (unsigned x = 0; x < 10000; ++x) {
            int sum[3] = {0, 0, 0};
            for (unsigned dy = 0; dy < 2; ++dy) {
                for (unsigned dx = 0; dx < 2; ++dx) {
                    const sf::Color c = big.getPixel(2 * x + dx, 2 * y + dy);
                    sum[0] += c.r;
                    sum[1] += c.g;
                    sum[2] += c.b;
                }
            }
            const sf::Color reduced(static_cast<sf::Uint8>(sum[0] / 4),
                                    static_cast<sf::Uint8>(sum[1] / 4),
                                    static_cast<sf::Uint8>(sum[2] / 4));
            const sf::Color h = half.getPixel(x, y);
            close += near(reduced, h, 40) ? 1.0 : 0.0;
            if (x == 4095 || x == 4096 || x == 8191 || x == 8192) {
                seam_close += near(reduced, h, 40) ? 1.0 : 0.0;
            }
            total_difference +=
                std::abs(reduced.r - h.r) + std::abs(reduced.g - h.g) + std::abs(reduced.b - h.b);
        }
    }
    const double pixels = 10000.0 * 2000.0;
    CAPTURE(close / pixels);
    CAPTURE(total_difference / pixels);
    CAPTURE(seam_close / (4 * 2000.0));
    CHECK(close / pixels > 0.98);
    CHECK(total_difference / pixels < 5.0);
    CHECK(seam_close / (4 * 2000.0) > 0.98);
}

TEST_CASE("[viewer] export: GeoTIFF carries its georeferencing inside") {
    ExportFixture f;
    const fs::path dir = test_paths::scratch("export_tiff");
    auto options = f.options(dir / "map.tif");
    options.geotiff = true;
    const auto result = kuril::export_map(f.scene, f.font, options);
    CHECK(!fs::exists(dir / "map.pgw"));
    const auto gt = geotransform(dir / "map.tif");
    REQUIRE(result.view);
    CHECK(gt[0] == doctest::Approx(result.view->screen_to_map({0, 0}).x));
    CHECK(gt[3] == doctest::Approx(result.view->screen_to_map({0, 0}).y));
    CHECK(gt[1] == doctest::Approx(result.view->metres_per_pixel()));
}

TEST_CASE("[viewer] export: the area asked for lies between the title band and the footer") {
    ExportFixture f;
    const fs::path dir = test_paths::scratch("export_fit");
    for (const bool viewer : {false, true}) {
        CAPTURE(viewer);
        auto options = f.options(dir / "map.png");
        geo::Box asked{1e300, 1e300, -1e300, -1e300}; // projected metres
        if (viewer) {
            // The viewer's view of its 640x400 window, exported at 1280x800.
            kuril::MapView seen(f.scene.world, 640, 400);
            seen.set(f.projection.forward({146.5, 44.0}), 900.0);
            options.exact_view = seen;
            options.width = 1280;
            options.height = 800;
            const geo::Point a = seen.screen_to_map({0, 0});
            const geo::Point b = seen.screen_to_map({640, 400});
            asked = {a.x, b.y, b.x, a.y};
        } else {
            // The box's edges, curved by the projection (parallels bow away from the central
            // meridian, 147 E): sampled every 0.8 degrees, as the view fits them.
            for (int k = 0; k <= 10; ++k) {
                const double lon = 141 + 0.8 * k;
                const double lat = 42 + 0.4 * k;
                for (const geo::Point corner : {geo::Point{lon, 42}, geo::Point{lon, 46},
                                                geo::Point{141, lat}, geo::Point{149, lat}}) {
                    const geo::Point p = f.projection.forward(corner);
                    asked = {std::min(asked.min_x, p.x), std::min(asked.min_y, p.y),
                             std::max(asked.max_x, p.x), std::max(asked.max_y, p.y)};
                }
            }
        }
        const auto result = kuril::export_map(f.scene, f.font, options);
        CHECK(result.reserved_top > 20);
        CHECK(result.reserved_bottom > 20); // the credit footer
        const auto gt = geotransform(dir / "map.png");
        const double left = (asked.min_x - gt[0]) / gt[1];
        const double right = (asked.max_x - gt[0]) / gt[1];
        const double top = (asked.max_y - gt[3]) / gt[5];
        const double bottom = (asked.min_y - gt[3]) / gt[5];
        // The viewer's export is taller than 800 by its bands: the map between them is the
        // window's, exactly.
        const double height = result.height;
        if (viewer) {
            CHECK(result.height ==
                  800 + static_cast<unsigned>(result.reserved_top + result.reserved_bottom + 0.5));
            CHECK(left == doctest::Approx(0).epsilon(1e-6));
            CHECK(right == doctest::Approx(1280));
            CHECK(top == doctest::Approx(result.reserved_top));
            CHECK(bottom == doctest::Approx(result.reserved_top + 800));
        }
        CHECK(left >= -0.5);
        CHECK(right <= options.width + 0.5);
        CHECK(top >= result.reserved_top - 0.5);
        CHECK(bottom <= height - result.reserved_bottom + 0.5);
        // Fitted, not merely inside: it fills the width or the height between the bands.
        const bool fills_width = right - left > options.width - 2;
        const bool fills_height =
            bottom - top > height - result.reserved_top - result.reserved_bottom - 2;
        CHECK((fills_width || fills_height));
    }
}

TEST_CASE("[viewer] export: bad requests are refused and nothing is written") {
    ExportFixture f;
    const fs::path dir = test_paths::scratch("export_bad");
    auto expect_error = [&](kuril::ExportOptions options, const std::string& message) {
        CAPTURE(message);
        try {
            kuril::export_map(f.scene, f.font, options);
            FAIL("no error");
        } catch (const geo::InputError& error) {
            CHECK(std::string(error.what()) == message);
        }
        CHECK(files_in(dir) == 1); // only the folder below
    };
    fs::create_directory(dir / "a-folder");
    auto options = f.options(dir / "a-folder");
    expect_error(options,
                 (dir / "a-folder").string() + ": is a folder, expected a file name to write");
    options = f.options(dir / "missing" / "map.png");
    expect_error(options, (dir / "missing").string() + ": no such folder to write map.png into");
    options = f.options(dir / "map.png");
    options.width = 0;
    expect_error(options, "--size 0x600: each side must be 1 to 32768 pixels");
    options = f.options(dir / "map.png");
    options.height = 40000;
    expect_error(options, "--size 800x40000: each side must be 1 to 32768 pixels");
    options = f.options(dir / "map.png");
    options.view.bbox = geo::Box{10, 10, 20, 20};
    expect_error(options, "--bbox lies outside the data (139-158 E, 41-55 N)");
    options = f.options(dir / "map.png");
    options.view.bbox.reset();
    options.view.island = "atlantis";
    try {
        kuril::export_map(f.scene, f.font, options);
        FAIL("no error");
    } catch (const geo::InputError& error) {
        CHECK(std::string(error.what()).rfind("unknown island 'atlantis' (known: etorofu", 0) == 0);
    }
    CHECK(files_in(dir) == 1);
    CHECK_THROWS_WITH_AS(kuril::ViewSpec::parse_bbox("149,46,141,42"),
                         "--bbox '149,46,141,42': min must be less than max "
                         "(minlon,minlat,maxlon,maxlat)",
                         geo::InputError);
}

TEST_CASE("[viewer] export: a write that fails (no room) is one error and leaves nothing") {
    // A full disk, simulated by a file size limit: writes past it fail with EFBIG as they
    // would with ENOSPC. The limit is this process's, so it is lifted again at once.
    ExportFixture f;
    const fs::path dir = test_paths::scratch("export_full");
    auto options = f.options(dir / "map.png");
    const auto previous = std::signal(SIGXFSZ, SIG_IGN);
    rlimit saved{};
    REQUIRE(::getrlimit(RLIMIT_FSIZE, &saved) == 0);
    rlimit small = saved;
    small.rlim_cur = 20000; // bytes: less than the image needs
    REQUIRE(::setrlimit(RLIMIT_FSIZE, &small) == 0);
    std::string message;
    try {
        kuril::export_map(f.scene, f.font, options);
    } catch (const geo::InputError& error) {
        message = error.what();
    }
    ::setrlimit(RLIMIT_FSIZE, &saved);
    std::signal(SIGXFSZ, previous);
    CHECK(message == (dir / "map.png").string() + ": cannot write PNG: Write Error (" +
                         std::strerror(EFBIG) + ")");
    CHECK(files_in(dir) == 0);
}

TEST_CASE("[export] pending outputs: nothing appears until all are written, then all do") {
    // A handout's way: each export hands its synced files over instead of renaming them.
    ExportFixture f;
    const fs::path dir = test_paths::scratch("export_pending");
    auto first = f.options(dir / "one.png");
    first.width = 200;
    first.height = 120;
    auto second = first;
    second.out = dir / "two.png";
    {
        kuril::PendingOutputs pending;
        kuril::export_map(f.scene, f.font, first, {}, nullptr, &pending);
        CHECK(!fs::exists(dir / "one.png"));
        // The second fails (a full disk, as above): the first is removed with it.
        second.width = 1600;
        second.height = 1200;
        const auto previous = std::signal(SIGXFSZ, SIG_IGN);
        rlimit saved{};
        REQUIRE(::getrlimit(RLIMIT_FSIZE, &saved) == 0);
        rlimit small = saved;
        small.rlim_cur = 20000;
        REQUIRE(::setrlimit(RLIMIT_FSIZE, &small) == 0);
        CHECK_THROWS_AS(kuril::export_map(f.scene, f.font, second, {}, nullptr, &pending),
                        geo::InputError);
        ::setrlimit(RLIMIT_FSIZE, &saved);
        std::signal(SIGXFSZ, previous);
    }
    CHECK(files_in(dir) == 0);
    {
        kuril::PendingOutputs pending;
        second.width = 200;
        second.height = 120;
        kuril::export_map(f.scene, f.font, first, {}, nullptr, &pending);
        kuril::export_map(f.scene, f.font, second, {}, nullptr, &pending);
        // Only the temporary names (".one.png.tmp-PID") so far.
        std::size_t named = 0;
        for (const auto& entry : fs::directory_iterator(dir)) {
            named += entry.path().filename().string().find(".tmp-") == std::string::npos;
        }
        CHECK(named == 0);
        CHECK(files_in(dir) == 10);
        pending.commit();
    }
    // Each: the image, .pgw, .prj, .aux.xml and .sources.txt; no temporary file.
    CHECK(files_in(dir) == 10);
    CHECK(fs::exists(dir / "one.png"));
    CHECK(fs::exists(dir / "two.sources.txt"));
}

TEST_CASE("[export] a side file that is not a regular file refuses the export before drawing") {
    ExportFixture f;
    const fs::path dir = test_paths::scratch("export_side_fifo");
    REQUIRE(::mkfifo((dir / "map.prj").c_str(), 0600) == 0);
    auto options = f.options(dir / "map.png");
    CHECK_THROWS_WITH_AS(kuril::export_map(f.scene, f.font, options),
                         ((dir / "map.prj").string() +
                          ": is not a regular file (a device or a FIFO?); only regular files are "
                          "replaced")
                             .c_str(),
                         geo::InputError);
    CHECK(files_in(dir) == 1); // the FIFO alone
    CHECK(fs::is_fifo(dir / "map.prj"));
}

TEST_CASE("[viewer] export: an unwritable folder is named") {
    ExportFixture f;
    const fs::path dir = test_paths::scratch("export_readonly");
    fs::permissions(dir, fs::perms::owner_read | fs::perms::owner_exec);
    auto options = f.options(dir / "map.png");
    if (::geteuid() == 0) {
        // root writes anywhere; use a folder nobody can write to instead.
        options.out = "/proc/kuril-atlas-test.png";
    }
    const fs::path folder = options.out.parent_path();
    std::string message;
    try {
        kuril::export_map(f.scene, f.font, options);
    } catch (const geo::InputError& error) {
        message = error.what();
    }
    fs::permissions(dir, fs::perms::owner_all);
    CAPTURE(message);
    // The folder first: "DIR: folder is not writable" (or, as root, why no file can be made).
    CHECK(message.rfind(folder.string() + ": ", 0) == 0);
    CHECK(files_in(dir) == 0);
}

TEST_CASE("[viewer] export: a slide's caption is on the image") {
    ExportFixture f;
    const fs::path dir = test_paths::scratch("export_caption");
    auto options = f.options(dir / "plain.png");
    options.footer = false;
    options.credit = false; // a bare image: no credit line either
    kuril::export_map(f.scene, f.font, options);
    options.out = dir / "caption.png";
    options.caption = "Soviet forces reach Etorofu on 28 August 1945.";
    kuril::export_map(f.scene, f.font, options);
    sf::Image plain;
    sf::Image caption;
    REQUIRE(plain.loadFromFile((dir / "plain.png").string()));
    REQUIRE(caption.loadFromFile((dir / "caption.png").string()));
    // Dark text pixels in the bottom band, where the plain image shows map.
    std::size_t dark = 0;
    for (unsigned y = 540; y < 600; ++y) {
        for (unsigned x = 0; x < 800; ++x) {
            const sf::Color c = caption.getPixel(x, y);
            dark += (c.r + c.g + c.b < 200) ? 1 : 0;
        }
    }
    CHECK(dark > 300);
    // Compared with the plain image (no caption, no footer): below the map, left of the
    // legend, the plain image shows map and the captioned one its caption band (white at 92%
    // over the map: every channel at least 240 where there is no text).
    std::size_t plain_white = 0;
    std::size_t caption_white = 0;
    for (unsigned y = 560; y < 600; ++y) {
        for (unsigned x = 0; x < 480; ++x) {
            const sf::Color a = plain.getPixel(x, y);
            const sf::Color b = caption.getPixel(x, y);
            plain_white += std::min({a.r, a.g, a.b}) >= 240 ? 1 : 0;
            caption_white += std::min({b.r, b.g, b.b}) >= 240 ? 1 : 0;
        }
    }
    CHECK(plain_white < 480 * 40 / 10);
    CHECK(caption_white > 480 * 40 * 7 / 10);
    // The title band is the same in both. The caption moves the map (fitted above it), which
    // shows through the 92% opaque band by at most 8% of a colour difference (about 20 per
    // channel): fewer than 1% of the band's pixels differ by more than 40 in a channel.
    sf::Image plain_title;
    sf::Image caption_title;
    plain_title.create(800, 30);
    caption_title.create(800, 30);
    plain_title.copy(plain, 0, 0, sf::IntRect(0, 0, 800, 30));
    caption_title.copy(caption, 0, 0, sf::IntRect(0, 0, 800, 30));
    CHECK(pixels_differing(plain_title, caption_title, 40) < 800 * 30 / 100);
    // The caption is large: at least 3% of the image height (18 px at 600).
    unsigned first_row = 600;
    unsigned last_row = 0;
    for (unsigned y = 450; y < 600; ++y) {
        for (unsigned x = 40; x < 760; ++x) {
            const sf::Color c = caption.getPixel(x, y);
            if (c.r + c.g + c.b < 120) {
                first_row = std::min(first_row, y);
                last_row = std::max(last_row, y);
            }
        }
    }
    CHECK(last_row - first_row >= 18);
}

namespace {

/// The numbers of every `"key":[a,b,c,d]` in a manifest, in order (a minimal reader: the
/// manifest's own writer puts no spaces in).
std::vector<std::array<double, 4>> boxes(const std::string& json, const std::string& key) {
    std::vector<std::array<double, 4>> found;
    const std::string marker = "\"" + key + "\":[";
    for (auto at = json.find(marker); at != std::string::npos; at = json.find(marker, at + 1)) {
        std::array<double, 4> box{};
        const char* p = json.c_str() + at + marker.size();
        for (double& value : box) {
            char* end = nullptr;
            value = std::strtod(p, &end);
            REQUIRE(end != p);
            p = end + 1; // the comma or the closing bracket
        }
        found.push_back(box);
    }
    return found;
}

std::vector<std::string> strings_of(const std::string& json, const std::string& key) {
    std::vector<std::string> found;
    const std::string marker = "\"" + key + "\":\"";
    for (auto at = json.find(marker); at != std::string::npos; at = json.find(marker, at + 1)) {
        const auto start = at + marker.size();
        found.push_back(json.substr(start, json.find('"', start) - start));
    }
    return found;
}

std::string read_text(const fs::path& path) {
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

} // namespace

TEST_CASE("[export] manifest: every label's box holds its drawn text, within the image") {
    ExportFixture f;
    const fs::path dir = test_paths::scratch("export_manifest");
    auto options = f.options(dir / "labels.png");
    options.date = {1956, 10, 19};
    options.manifest = dir / "labels.json";
    const auto result = kuril::export_map(f.scene, f.font, options);
    CHECK(result.manifest == options.manifest);
    // The same map without any text: labels, line names (with their lines) and graticule off.
    auto bare = f.options(dir / "bare.png");
    bare.date = options.date;
    for (const auto layer : {kuril::Layer::labels, kuril::Layer::lines, kuril::Layer::graticule}) {
        bare.visible[static_cast<std::size_t>(layer)] = false;
    }
    kuril::export_map(f.scene, f.font, bare);
    std::ifstream in(options.manifest);
    const std::string json((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    CHECK(json.rfind("{\"size\":[800,600],\"crs\":\"", 0) == 0);
    // The geotransform is the one GDAL reads from the world file.
    const auto gt = geotransform(options.out);
    const auto terms_at = json.find("\"geotransform\":[");
    REQUIRE(terms_at != std::string::npos);
    const char* p = json.c_str() + terms_at + std::strlen("\"geotransform\":[");
    for (const double expected : gt) {
        char* end = nullptr;
        CHECK(std::strtod(p, &end) == doctest::Approx(expected).epsilon(1e-9));
        p = end + 1;
    }
    sf::Image labelled;
    sf::Image plain;
    REQUIRE(labelled.loadFromFile(options.out.string()));
    REQUIRE(plain.loadFromFile(bare.out.string()));
    const auto labels_at = json.find("\"labels\":[");
    const auto legend_at = json.find("\"legend\":[");
    REQUIRE(labels_at < legend_at);
    const std::string labels = json.substr(labels_at, legend_at - labels_at);
    const auto label_boxes = boxes(labels, "bbox_px");
    const auto kinds = strings_of(labels, "kind");
    const auto texts = strings_of(labels, "text");
    REQUIRE(kinds.size() == label_boxes.size());
    REQUIRE(texts.size() == label_boxes.size());
    // Kunashiri is named; a line in force in 1956 is among the features drawn.
    CHECK(std::any_of(texts.begin(), texts.end(), [](const std::string& t) {
        return t.find("Kunashir") != std::string::npos;
    }));
    CHECK(json.find("{\"id\":\"line-of-control\",\"kind\":\"line\"}") != std::string::npos);
    CHECK(std::count(kinds.begin(), kinds.end(), "graticule") >= 1);
    REQUIRE(label_boxes.size() >= 5);
    for (std::size_t i = 0; i < label_boxes.size(); ++i) {
        const auto& [x0, y0, x1, y1] = label_boxes[i];
        CAPTURE(i);
        CAPTURE(texts[i]);
        REQUIRE(x0 >= 0);
        REQUIRE(y0 >= 0);
        REQUIRE(x1 <= 800);
        REQUIRE(y1 <= 600);
        REQUIRE(x1 - x0 >= 4);
        REQUIRE(y1 - y0 >= 4);
        std::size_t dark = 0;
        std::size_t changed = 0;
        for (auto y = static_cast<unsigned>(y0); y < static_cast<unsigned>(y1); ++y) {
            for (auto x = static_cast<unsigned>(x0); x < static_cast<unsigned>(x1); ++x) {
                const sf::Color c = labelled.getPixel(x, y);
                dark += c.r + c.g + c.b < 3 * 120 ? 1 : 0;
                changed += near(c, plain.getPixel(x, y), 40) ? 0 : 1;
            }
        }
        CHECK(dark >= 8);
        CHECK(changed >= 16);
    }
}

TEST_CASE("[export] view export: the map between the bands is the window's map, scaled") {
    ExportFixture f;
    const fs::path dir = test_paths::scratch("export_view_exact");
    // A window of 640x400 on the central Kurils, its layers panel at the top left.
    kuril::MapView seen(f.scene.world, 640, 400);
    seen.set(f.projection.forward({147.5, 44.8}), 600.0);
    kuril::MapState state;
    state.date = {1956, 10, 19};
    state.ui_scale = 1;
    state.toggle(kuril::Layer::graticule); // its meridian labels sit on the image's top edge
    state.toggle(kuril::Layer::status);    // hatching's phase follows the image's pixel grid
    const std::vector<kuril::ScreenRect> panel = {{0, 0, 200, 150}};
    sf::ContextSettings settings;
    settings.stencilBits = 8;
    sf::RenderTexture window;
    REQUIRE(window.create(640, 400, settings));
    kuril::MapRenderer renderer(f.scene, f.font);
    renderer.draw(window, seen, state, panel);
    window.display();
    const sf::Image screen = window.getTexture().copyToImage();
    const auto screen_labels = renderer.placed_labels();
    REQUIRE(screen_labels.size() >= 3);
    for (const int factor : {1, 2}) {
        CAPTURE(factor);
        auto options =
            kuril::export_options_for_view(seen, state, f.projection, factor, dir, panel);
        options.legend = false; // the one thing drawn over the map that the window lacks
        const auto result = kuril::export_map(f.scene, f.font, options);
        const auto top = static_cast<unsigned>(result.reserved_top);

        REQUIRE(result.height ==
                400 * factor + top + static_cast<unsigned>(result.reserved_bottom + 0.5));
        sf::Image image;
        REQUIRE(image.loadFromFile(options.out.string()));
        // The map area, brought back to the window's size, against the window.
        sf::Image map;
        map.create(640, 400);
        for (unsigned y = 0; y < 400; ++y) {
            for (unsigned x = 0; x < 640; ++x) {
                map.setPixel(
                    x, y, image.getPixel(x * factor + factor / 2, top + y * factor + factor / 2));
            }
        }
        // The same labels: the same texts, in the same places (scaled).
        std::ifstream in(options.manifest);
        const std::string json((std::istreambuf_iterator<char>(in)),
                               std::istreambuf_iterator<char>());
        const auto labels_at = json.find("\"labels\":[");
        const std::string labels = json.substr(labels_at, json.find("\"legend\":[") - labels_at);
        const auto texts = strings_of(labels, "text");
        const auto label_boxes = boxes(labels, "bbox_px");
        // At 1x the same labels, in the same order and places (to the pixel). At 2x every
        // island's name of the window is in the export, and the export may fit one more: the
        // placer's gaps are not scaled with the text, so a name may take another of its candidate
        // places.
        if (factor == 1) {
            REQUIRE(label_boxes.size() == screen_labels.size());
        } else {
            REQUIRE(label_boxes.size() >= screen_labels.size());
        }
        const double tolerance = factor == 1 ? 0.6 : 1e9;
        for (const auto& seen_label : screen_labels) {
            CAPTURE(seen_label.text);
            // At 2x the scale bar takes a rounder length, relatively longer or shorter, and the
            // names placed after the islands' (towns, straits, lines) may take other places or
            // yield to one another: every island's name is there.
            if (factor != 1 && seen_label.kind != kuril::LabelKind::island) {
                continue;
            }
            const auto& box = seen_label.bbox_px;
            bool found = false;
            for (std::size_t i = 0; i < texts.size() && !found; ++i) {
                const auto& [x0, y0, x1, y1] = label_boxes[i];
                found = texts[i].substr(0, 8) == seen_label.text.substr(0, 8) &&
                        std::abs((x0 + x1) / 2 / factor - (box.left + box.width / 2)) < tolerance &&
                        std::abs(((y0 + y1) / 2 - top) / factor - (box.top + box.height / 2)) <
                            tolerance;
            }
            CHECK(found);
        }
        // Pixels: at 1x the same image but for the scale bar's room; at 2x sampled (text is
        // drawn at twice the size, its edges fall elsewhere).
        CHECK(pixels_differing(screen, map, 24) < 640 * 400 / (factor == 1 ? 100 : 12));
    }
}

TEST_CASE("[export] credit: the sources of what is shown beside the image, by title") {
    ExportFixture f;
    const fs::path dir = test_paths::scratch("export_sources");
    auto options = f.options(dir / "map.png");
    options.width = 800;
    options.height = 450;
    options.view = {};
    options.date = {1956, 10, 19};
    const auto result = kuril::export_map(f.scene, f.font, options);
    CHECK(result.sources_file == dir / "map.sources.txt");
    REQUIRE(fs::exists(result.sources_file));
    const std::string text = read_text(result.sources_file);
    REQUIRE_FALSE(result.sources.empty());
    for (const auto& id : result.sources) {
        const geo::Source* source = f.atlas->annotations.source(id);
        REQUIRE(source != nullptr);
        CHECK_MESSAGE(text.find(source->title) != std::string::npos, source->title);
    }
    CHECK(text.find("Soviet–Japanese Joint Declaration of 1956. Wikipedia, 2026. https://") !=
          std::string::npos);
    CHECK(text.find("Coastlines: GSHHG 2.3.7 © P. Wessel & W. H. F. Smith, LGPL-3") !=
          std::string::npos);
    const auto ids = test_ids::internal_ids(f.atlas->annotations);
    CHECK(test_ids::find_id(text, ids).empty());
    // The PNG's Description is the credit, naming the file.
    GDALDataset* png = GDALDataset::Open(result.image.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY);
    REQUIRE(png != nullptr);
    const char* description = png->GetMetadataItem("Description");
    REQUIRE(description != nullptr);
    const std::string credit = description;
    GDALClose(png);
    CHECK(credit.find("Coastlines: GSHHG 2.3.7 © P. Wessel & W. H. F. Smith, LGPL-3") == 0);
    CHECK(credit.find("Sources: see map.sources.txt") != std::string::npos);
    CHECK(test_ids::find_id(credit, ids).empty());
    // An island's frame cites fewer sources than the whole region.
    options.view.island = "shikotan";
    options.out = dir / "shikotan.png";
    const auto island = kuril::export_map(f.scene, f.font, options);
    CHECK(island.sources.size() < result.sources.size());
    CHECK(fs::exists(dir / "shikotan.sources.txt"));
}

TEST_CASE("[export] credit: --no-footer keeps a licence credit line, --no-credit removes it") {
    ExportFixture f;
    const fs::path dir = test_paths::scratch("export_credit");
    auto options = f.options(dir / "full.png");
    options.width = 800;
    options.height = 450;
    options.legend = false;
    const auto full = kuril::export_map(f.scene, f.font, options);
    options.footer = false;
    options.out = dir / "minimal.png";
    const auto minimal = kuril::export_map(f.scene, f.font, options);
    options.credit = false;
    options.out = dir / "none.png";
    const auto none = kuril::export_map(f.scene, f.font, options);
    // One or two lines of at least 11 px for the full credit; one line for the licence.
    CHECK(full.reserved_bottom >= minimal.reserved_bottom);
    CHECK(full.reserved_bottom < 2 * minimal.reserved_bottom);
    CHECK(minimal.reserved_bottom >= 11);
    CHECK(none.reserved_bottom == 0);
    // The licence line is drawn: dark text in the bottom band.
    sf::Image image;
    REQUIRE(image.loadFromFile((dir / "minimal.png").string()));
    std::size_t dark = 0;
    for (auto y = static_cast<unsigned>(450 - minimal.reserved_bottom); y < 450; ++y) {
        for (unsigned x = 0; x < 800; ++x) {
            const sf::Color c = image.getPixel(x, y);
            dark += c.r + c.g + c.b < 300 ? 1 : 0;
        }
    }
    CHECK(dark > 100);
    // The sources file is written whatever the image shows.
    CHECK(fs::exists(dir / "none.sources.txt"));
}

namespace {

/// The geotransform a world file gives (GDAL's six terms: the corner of the first pixel).
std::array<double, 6> world_file_geotransform(const fs::path& world_file) {
    std::ifstream in(world_file);
    std::array<double, 6> terms{}; // A, D, B, E, C, F
    for (double& term : terms) {
        REQUIRE(static_cast<bool>(in >> term));
    }
    return {terms[4] - terms[0] / 2, terms[0], terms[2],
            terms[5] - terms[3] / 2, terms[1], terms[3]};
}

/// How many pixels within 4 of a point (lon/lat, placed by `gt`) are near each of two colours;
/// `column` is set to the point's column.
std::pair<int, int> colours_around(const sf::Image& image, const std::array<double, 6>& gt,
                                   const geo::Projection& projection, geo::Point lon_lat,
                                   sf::Color first, sf::Color second, unsigned& column) {
    const geo::Point xy = projection.forward(lon_lat);
    column = static_cast<unsigned>((xy.x - gt[0]) / gt[1]);
    const auto row = static_cast<unsigned>((xy.y - gt[3]) / gt[5]);
    std::pair<int, int> counts{0, 0};
    for (unsigned y = row - 4; y <= row + 4; ++y) {
        for (unsigned x = column - 4; x <= column + 4; ++x) {
            counts.first += near(image.getPixel(x, y), first) ? 1 : 0;
            counts.second += near(image.getPixel(x, y), second) ? 1 : 0;
        }
    }
    return counts;
}

} // namespace

TEST_CASE("[export] compare: each half shows its own date, placed by its own world file") {
    ExportFixture f;
    const fs::path dir = test_paths::scratch("export_compare");
    auto options = f.options(dir / "pair.png");
    options.width = 1200;
    options.height = 700;
    options.view.bbox = geo::Box{140, 43, 146, 50}; // South Sakhalin and Hokkaido
    options.visible.fill(false);
    for (const auto layer : {kuril::Layer::sea, kuril::Layer::land, kuril::Layer::status}) {
        options.visible[static_cast<std::size_t>(layer)] = true;
    }
    options.compare = {
        {kuril::CompareHalfOptions{{1944, 1, 1}, {}}, kuril::CompareHalfOptions{{1950, 1, 1}, {}}}};
    options.manifest = dir / "pair.json";
    const auto result = kuril::export_map(f.scene, f.font, options);
    REQUIRE(result.halves.size() == 2);
    CHECK(result.width == 1200);
    CHECK(fs::exists(dir / "pair.left.pgw"));
    CHECK(fs::exists(dir / "pair.right.pgw"));
    CHECK_FALSE(fs::exists(dir / "pair.pgw")); // no world file that is wrong for half the image
    const auto left = result.halves[0].columns;
    const auto right = result.halves[1].columns;
    CHECK(left.left == 0);
    CHECK(left.width == right.width);
    CHECK(right.left + right.width == 1200);
    CHECK(left.width > 580);
    // The same view in both halves: the same scale, the same centre.
    CHECK(result.halves[0].view.metres_per_pixel() == result.halves[1].view.metres_per_pixel());
    CHECK(result.halves[0].view.center().x == result.halves[1].view.center().x);

    sf::Image image;
    REQUIRE(image.loadFromFile((dir / "pair.png").string()));
    const sf::Color japan = kuril::style::party_fill(geo::Party::JP);
    const sf::Color russia = kuril::style::party_fill(geo::Party::RU);
    // South Sakhalin (inland, north of Yuzhno-Sakhalinsk): Japan's on 1 January 1944, the
    // USSR's on 1 January 1950, each found through its half's world file in its half.
    const geo::Point south_sakhalin{142.75, 47.4};
    unsigned column = 0;
    const auto in_left = colours_around(image, world_file_geotransform(dir / "pair.left.pgw"),
                                        f.projection, south_sakhalin, japan, russia, column);
    CHECK(column < left.width);
    CHECK(in_left.first > 40);
    CHECK(in_left.second == 0);
    const auto in_right = colours_around(image, world_file_geotransform(dir / "pair.right.pgw"),
                                         f.projection, south_sakhalin, japan, russia, column);
    CHECK(column >= right.left);
    CHECK(in_right.second > 20); // under the hatching of Japan's claim on that date
    CHECK(in_right.first == 0);
    // Hokkaido is Japan's on both dates.
    const geo::Point hokkaido{143.0, 43.6};
    CHECK(colours_around(image, world_file_geotransform(dir / "pair.right.pgw"), f.projection,
                         hokkaido, japan, russia, column)
              .first > 40);

    // The manifest says which columns are which half and its date.
    std::ifstream in(dir / "pair.json");
    const std::string json((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    CHECK(json.find(
              "\"side\":\"left\",\"x_px\":[0," + std::to_string(left.width) +
              "],\"date\":\"1944-01-01\",\"pov\":\"defacto\",\"world_file\":\"pair.left.pgw\"") !=
          std::string::npos);
    CHECK(json.find("\"side\":\"right\",\"x_px\":[" + std::to_string(right.left) +
                    ",1200],\"date\":\"1950-01-01\",\"pov\":\"defacto\",\"world_file\":\"pair."
                    "right.pgw\"") != std::string::npos);
    // One sources file for both halves, naming both dates.
    std::ifstream sources_in(dir / "pair.sources.txt");
    const std::string sources((std::istreambuf_iterator<char>(sources_in)),
                              std::istreambuf_iterator<char>());
    CHECK(sources.find("Left: situation on 1 January 1944; right: situation on 1 January 1950") !=
          std::string::npos);
    // The result cites what both halves show: a source only the right half's date rests on too.
    const auto left_frame =
        kuril::build_frame(f.scene, result.halves[0].state, result.halves[0].view);
    const auto right_frame =
        kuril::build_frame(f.scene, result.halves[1].state, result.halves[1].view);
    for (const auto* shown : {&left_frame, &right_frame}) {
        for (const auto& id : shown->sources) {
            CHECK(std::count(result.sources.begin(), result.sources.end(), id) == 1);
        }
    }
    CHECK(right_frame.sources != left_frame.sources);
}

TEST_CASE("[export] compare two points of view: Etorofu in Japan's fill on the left, Russia's on "
          "the right, each half headed with its point of view") {
    ExportFixture f;
    const fs::path dir = test_paths::scratch("export_pov_compare");
    auto options = f.options(dir / "povs.png");
    options.width = 1200;
    options.height = 700;
    options.date = {2020, 1, 1};
    options.view.bbox = geo::Box{145, 43, 149.5, 46}; // the four islands and Urup
    options.visible.fill(false);
    for (const auto layer : {kuril::Layer::sea, kuril::Layer::land, kuril::Layer::status}) {
        options.visible[static_cast<std::size_t>(layer)] = true;
    }
    options.compare = {{kuril::CompareHalfOptions{{2020, 1, 1}, "jp"},
                        kuril::CompareHalfOptions{{2020, 1, 1}, "ru"}}};
    options.manifest = dir / "povs.json";
    const auto result = kuril::export_map(f.scene, f.font, options);
    REQUIRE(result.halves.size() == 2);
    CHECK(result.halves[0].state.pov == "jp");
    CHECK(result.halves[1].state.pov == "ru");
    CHECK(kuril::compare_half_heading(f.scene, options, 0) == "As drawn by Japan's government");
    CHECK(kuril::compare_half_heading(f.scene, options, 1) == "As drawn by Russia's government");
    sf::Image image;
    REQUIRE(image.loadFromFile((dir / "povs.png").string()));
    const sf::Color japan = kuril::style::party_fill(geo::Party::JP);
    const sf::Color russia = kuril::style::party_fill(geo::Party::RU);
    const geo::Point etorofu{147.9, 45.1};
    unsigned column = 0;
    const auto in_left = colours_around(image, world_file_geotransform(dir / "povs.left.pgw"),
                                        f.projection, etorofu, japan, russia, column);
    CHECK(column < result.halves[0].columns.width);
    CHECK(in_left.first > 20);
    CHECK(in_left.second == 0);
    const auto in_right = colours_around(image, world_file_geotransform(dir / "povs.right.pgw"),
                                         f.projection, etorofu, japan, russia, column);
    CHECK(column >= result.halves[1].columns.left);
    CHECK(in_right.second > 20);
    CHECK(in_right.first == 0);
    std::ifstream in(dir / "povs.json");
    const std::string json((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    CHECK(json.find("\"date\":\"2020-01-01\",\"pov\":\"jp\"") != std::string::npos);
    CHECK(json.find("\"date\":\"2020-01-01\",\"pov\":\"ru\"") != std::string::npos);
}

TEST_CASE("[export] compare: a tiled image equals the one drawn in bands") {
    // The halves are cut by tiles that straddle the divider: the stitched image is the same.
    ExportFixture f;
    const fs::path dir = test_paths::scratch("export_compare_tiles");
    auto options = f.options(dir / "bands.png");
    options.width = 900;
    options.height = 500;
    options.compare = {
        {kuril::CompareHalfOptions{{1944, 1, 1}, {}}, kuril::CompareHalfOptions{{1950, 1, 1}, {}}}};
    kuril::export_map(f.scene, f.font, options);
    options.out = dir / "tiles.png";
    options.force_tiling = true;
    options.tile_side = 256;
    const auto tiled = kuril::export_map(f.scene, f.font, options);
    CHECK(tiled.tiled);
    sf::Image bands;
    sf::Image tiles;
    REQUIRE(bands.loadFromFile((dir / "bands.png").string()));
    REQUIRE(tiles.loadFromFile((dir / "tiles.png").string()));
    CHECK(pixels_differing(bands, tiles, 8) < 900 * 500 / 1000);
}

TEST_CASE("[export] compare: refused as a GeoTIFF and too narrow, before anything is written") {
    ExportFixture f;
    const fs::path dir = test_paths::scratch("export_compare_refused");
    auto options = f.options(dir / "pair.tif");
    options.geotiff = true;
    options.compare = {
        {kuril::CompareHalfOptions{{1944, 1, 1}, {}}, kuril::CompareHalfOptions{{1950, 1, 1}, {}}}};
    CHECK_THROWS_WITH_AS(kuril::export_map(f.scene, f.font, options),
                         "--compare: not with --format geotiff (a GeoTIFF holds one "
                         "georeferencing; a PNG gets a world file per half)",
                         geo::InputError);
    options.geotiff = false;
    options.out = dir / "pair.png";
    options.width = 150;
    CHECK_THROWS_WITH_AS(kuril::export_map(f.scene, f.font, options),
                         "--size 150x600: a compare export needs at least 200 pixels across (two "
                         "halves side by side)",
                         geo::InputError);
    CHECK(files_in(dir) == 0);
}

TEST_CASE("[export] compare: an export of the viewer's view shows that view in each half, at "
          "the half's width") {
    // The viewer side by side: one 600x400 view shown in each half of its window; E at 2x.
    ExportFixture f;
    const fs::path dir = test_paths::scratch("export_compare_view");
    kuril::MapView view(f.scene.world, 600, 400, f.scene.data_area);
    view.set(f.projection.forward({146.0, 45.5}), 3000);
    kuril::MapState state;
    state.date = {1944, 1, 1};
    auto options = kuril::export_options_for_view(view, state, f.projection, 2, dir, {});
    options.compare = {
        {kuril::CompareHalfOptions{{1944, 1, 1}, {}}, kuril::CompareHalfOptions{{1950, 1, 1}, {}}}};
    options.width = 2 * 1204;
    const auto result = kuril::export_map(f.scene, f.font, options);
    REQUIRE(result.halves.size() == 2);
    for (const auto& half : result.halves) {
        // The view's scale at the half's width, its centre in the middle of the half.
        CHECK(half.view.metres_per_pixel() ==
              doctest::Approx(3000.0 * 600 / half.columns.width).epsilon(1e-9));
        CHECK(half.view.center().x == doctest::Approx(view.center().x).epsilon(1e-9));
    }
    // The image is the view's shape at a half's width, taller by the bands.
    const double map_height = 400.0 * result.halves[0].columns.width / 600;
    CHECK(result.height == static_cast<unsigned>(std::lround(map_height + result.reserved_top +
                                                             result.reserved_bottom)));
}

TEST_CASE("[export] an image of the sea, land, lakes and graticule alone is the same from a scene "
          "without status regions") {
    ExportFixture f;
    const kuril::MapScene lean(*f.atlas, f.projection, kuril::SceneOptions{false});
    // The same file name in two folders: the side files name the image.
    const fs::path full_dir = test_paths::scratch("export_full_scene");
    const fs::path lean_dir = test_paths::scratch("export_lean_scene");
    // Both scenes' exports of these layers; the number of pixels that differ.
    const auto differing = [&](const std::string& layers) {
        auto options = f.options(full_dir / "map.png");
        options.visible = kuril::layers_from_list(layers);
        kuril::export_map(f.scene, f.font, options);
        options.out = lean_dir / "map.png";
        kuril::export_map(lean, f.font, options);
        sf::Image full_image;
        sf::Image lean_image;
        REQUIRE(full_image.loadFromFile((full_dir / "map.png").string()));
        REQUIRE(lean_image.loadFromFile((lean_dir / "map.png").string()));
        REQUIRE(full_image.getSize() == lean_image.getSize());
        return pixels_differing(full_image, lean_image, 0);
    };
    for (const std::string layers : {"sea,land,lakes", "land,graticule"}) {
        CAPTURE(layers);
        REQUIRE_FALSE(
            kuril::SceneOptions::for_layers(kuril::layers_from_list(layers)).status_regions);
        CHECK(differing(layers) == 0);
        for (const char* side : {".sources.txt", ".pgw"}) {
            std::ifstream a(full_dir / (std::string("map") + side));
            std::ifstream b(lean_dir / (std::string("map") + side));
            CHECK(std::string(std::istreambuf_iterator<char>(a), {}) ==
                  std::string(std::istreambuf_iterator<char>(b), {}));
        }
    }
    // With the status layer, the regions are drawn: without them the image differs.
    CHECK(differing("sea,land,lakes,status") > 1000);
}
