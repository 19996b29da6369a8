// SPDX-License-Identifier: GPL-3.0-or-later
// PDF and SVG exports (the cairo replay of the GL path's drawing), paper sizes and the
// resolution recorded in rasters: checked with poppler's tools and GDAL.
#include "drawing_fixture.hpp"
#include "export/exporter.hpp"
#include "export/handouts.hpp"
#include "export/paper.hpp"
#include "export_fixture.hpp"
#include "geo/error.hpp"

#include <SFML/Graphics.hpp>
#include <array>
#include <cmath>
#include <cpl_minixml.h>
#include <cstdio>
#include <cstdlib>
#include <doctest/doctest.h>
#include <fstream>
#include <gdal_priv.h>
#include <png.h>
#include <regex>
#include <sstream>

namespace fs = std::filesystem;

namespace {

using VectorFixture = test_export::ExportFixture;

/// The standard output of a command (poppler's tools), or a failed check.
std::string run(const std::string& command) {
    std::string out;
    FILE* pipe = popen(command.c_str(), "r");
    REQUIRE(pipe != nullptr);
    char buffer[4096];
    std::size_t n = 0;
    while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) {
        out.append(buffer, n);
    }
    CHECK(pclose(pipe) == 0);
    return out;
}

std::string shell_quoted(const fs::path& path) {
    std::string out = "'";
    out += path.string();
    out += '\'';
    return out;
}

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

/// The mean absolute difference of two images' channels, and the share of pixels with a
/// channel differing by more than 64.
std::pair<double, double> difference(const sf::Image& a, const sf::Image& b) {
    REQUIRE(a.getSize() == b.getSize());
    double sum = 0;
    std::size_t far = 0;
    for (unsigned y = 0; y < a.getSize().y; ++y) {
        for (unsigned x = 0; x < a.getSize().x; ++x) {
            const sf::Color p = a.getPixel(x, y);
            const sf::Color q = b.getPixel(x, y);
            const int dr = std::abs(p.r - q.r);
            const int dg = std::abs(p.g - q.g);
            const int db = std::abs(p.b - q.b);
            sum += dr + dg + db;
            far += std::max({dr, dg, db}) > 64 ? 1 : 0;
        }
    }
    const double pixels = static_cast<double>(a.getSize().x) * a.getSize().y;
    return {sum / (3 * pixels), static_cast<double>(far) / pixels};
}

/// The PDF rasterised by pdftoppm at exactly `width` x `height` pixels.
sf::Image rasterise(const fs::path& pdf, unsigned width, unsigned height) {
    const fs::path stem = fs::path(pdf).replace_extension("");
    run("pdftoppm -png -singlefile -scale-to-x " + std::to_string(width) + " -scale-to-y " +
        std::to_string(height) + " " + shell_quoted(pdf) + " " +
        shell_quoted(fs::path(stem.string() + "-raster")));
    sf::Image image;
    REQUIRE(image.loadFromFile(stem.string() + "-raster.png"));
    return image;
}

} // namespace

TEST_CASE("[export] PDF: the same pixels as the PNG of the same frame, rasterised by poppler") {
    VectorFixture f;
    const fs::path dir = test_paths::scratch("vector_same");
    auto options = f.options(dir / "map.png");
    kuril::export_map(f.scene, f.font, options);
    options.out = dir / "map.pdf";
    const auto result = kuril::export_map(f.scene, f.font, options);
    CHECK(result.world_file.empty()); // a page has no world file
    CHECK(fs::exists(dir / "map.sources.txt"));
    sf::Image png;
    REQUIRE(png.loadFromFile((dir / "map.png").string()));
    const sf::Image pdf = rasterise(dir / "map.pdf", 800, 600);
    // Allowed: text, hatching and edges antialiased differently (poppler's rasteriser, not
    // OpenGL's), glyph outlines drawn by cairo instead of FreeType's bitmaps: a mean difference
    // under 5 of 255 a channel (3.3 measured) and under 3 % of the pixels differing by more than
    // 64 in a channel (1.8 % measured).
    const auto [mean, far] = difference(png, pdf);
    MESSAGE("mean difference " << mean << ", far pixels " << far * 100 << " %");
    CHECK(mean < 5.0);
    CHECK(far < 0.03);

    // The comparison can fail: another date's map differs far more.
    options.out = dir / "other.png";
    options.date = {1950, 1, 1};
    options.visible[static_cast<std::size_t>(kuril::Layer::labels)] = false;
    kuril::export_map(f.scene, f.font, options);
    sf::Image other;
    REQUIRE(other.loadFromFile((dir / "other.png").string()));
    const auto [other_mean, other_far] = difference(other, pdf);
    CHECK(other_far > 2 * far);
    CHECK(other_mean > mean);
}

TEST_CASE("[export] PDF on A4: the page size, the names in Japanese and Russian as text, and "
          "the georeferencing GDAL reads") {
    VectorFixture f;
    const fs::path dir = test_paths::scratch("vector_a4");
    auto options = f.options(dir / "a4.pdf");
    const kuril::PaperSize paper = kuril::parse_paper("a4", "");
    options.paper = paper;
    options.dpi = kuril::default_paper_dpi;
    options.scale = options.dpi / 96;
    options.width = kuril::paper_pixels(paper.width_mm, options.dpi);
    options.height = kuril::paper_pixels(paper.height_mm, options.dpi);
    options.language = *kuril::language_from_code("ja+ru");
    options.view.bbox = geo::Box{144.5, 43.3, 148.9, 45.7};
    const auto result = kuril::export_map(f.scene, f.font, options);
    const std::string info = run("pdfinfo " + shell_quoted(dir / "a4.pdf"));
    CHECK(info.find("Page size:       595.276 x 841.89 pts (A4)") != std::string::npos);
    CHECK(info.find("Pages:           1") != std::string::npos);
    const std::string text = run("pdftotext " + shell_quoted(dir / "a4.pdf") + " -");
    CHECK(text.find("択捉島") != std::string::npos);
    CHECK(text.find("Итуруп") != std::string::npos);
    CHECK(text.find("Legend") != std::string::npos);
    // ISO 32000 geospatial measure: GDAL places the page as the image's world file would.
    GDALDataset* dataset =
        GDALDataset::Open((dir / "a4.pdf").c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY);
    REQUIRE(dataset != nullptr);
    std::array<double, 6> gt{};
    REQUIRE(dataset->GetGeoTransform(gt.data()) == CE_None);
    CHECK(dataset->GetSpatialRef() != nullptr);
    REQUIRE(result.view);
    const geo::Point corner = result.view->screen_to_map({0, 0});
    const double size = result.view->metres_per_pixel();
    // GDAL rasterises the page at its own resolution: compare through the page's corners.
    const double scale = dataset->GetRasterXSize() / static_cast<double>(options.width);
    CHECK(gt[0] == doctest::Approx(corner.x).epsilon(1e-6));
    CHECK(gt[3] == doctest::Approx(corner.y).epsilon(1e-6));
    CHECK(gt[1] * scale == doctest::Approx(size).epsilon(1e-3));
    GDALClose(dataset);
}

TEST_CASE("[export] SVG: well-formed, its names as <text> elements") {
    VectorFixture f;
    const fs::path dir = test_paths::scratch("vector_svg");
    auto options = f.options(dir / "map.svg");
    options.view.bbox = geo::Box{146.5, 43.6, 147.0, 43.95}; // Shikotan
    kuril::export_map(f.scene, f.font, options);
    const std::string svg = read_file(dir / "map.svg");
    CPLXMLNode* root = CPLParseXMLString(svg.c_str());
    REQUIRE(root != nullptr);
    CPLDestroyXMLNode(root);
    CHECK(svg.find("<text ") != std::string::npos);
    CHECK(svg.find(">Шикотан</text>") != std::string::npos);
    CHECK(svg.find(">Legend</text>") != std::string::npos);
    CHECK(svg.find("width=\"600pt\"") != std::string::npos); // 800 pixels at 96 dpi
}

TEST_CASE("[export] a PDF is refused as a compare image, nothing written") {
    VectorFixture f;
    const fs::path dir = test_paths::scratch("vector_refused");
    auto options = f.options(dir / "compare.pdf");
    options.compare = {
        {kuril::CompareHalfOptions{{1944, 1, 1}, {}}, kuril::CompareHalfOptions{{1950, 1, 1}, {}}}};
    CHECK_THROWS_WITH_AS(kuril::export_map(f.scene, f.font, options),
                         "--out compare.pdf: a compare image is written as PNG only",
                         geo::InputError);
    CHECK(!fs::exists(dir / "compare.pdf"));
    CHECK(!fs::exists(dir / "compare.sources.txt"));
}

TEST_CASE("[export] rasters record their dpi: PNG pHYs, GeoTIFF resolution tags") {
    VectorFixture f;
    const fs::path dir = test_paths::scratch("vector_dpi");
    auto options = f.options(dir / "map.png");
    options.dpi = 300;
    kuril::export_map(f.scene, f.font, options);
    // The PNG's pHYs chunk, read with libpng: pixels per metre.
    FILE* file = std::fopen((dir / "map.png").c_str(), "rb");
    REQUIRE(file != nullptr);
    png_structp png = png_create_read_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
    png_infop info = png_create_info_struct(png);
    png_init_io(png, file);
    png_read_info(png, info);
    png_uint_32 x = 0;
    png_uint_32 y = 0;
    int unit = 0;
    CHECK(png_get_pHYs(png, info, &x, &y, &unit) != 0);
    png_destroy_read_struct(&png, &info, nullptr);
    std::fclose(file);
    CHECK(unit == PNG_RESOLUTION_METER);
    CHECK(x == 11811); // 300 dpi
    CHECK(y == 11811);

    options.out = dir / "map.tif";
    options.geotiff = true;
    kuril::export_map(f.scene, f.font, options);
    GDALDataset* dataset =
        GDALDataset::Open((dir / "map.tif").c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY);
    REQUIRE(dataset != nullptr);
    const char* resolution = dataset->GetMetadataItem("TIFFTAG_XRESOLUTION");
    const char* resolution_unit = dataset->GetMetadataItem("TIFFTAG_RESOLUTIONUNIT");
    REQUIRE(resolution != nullptr);
    CHECK(std::atof(resolution) == doctest::Approx(300).epsilon(0.001));
    REQUIRE(resolution_unit != nullptr);
    CHECK(std::string(resolution_unit).find('2') == 0); // inches
    GDALClose(dataset);
}

TEST_CASE("[export] paper sizes: named, turned and in millimetres; bad ones in one line") {
    const auto a4 = kuril::parse_paper("a4", "");
    CHECK(a4.width_mm == 210);
    CHECK(a4.height_mm == 297);
    const auto landscape = kuril::parse_paper("A3", "landscape");
    CHECK(landscape.width_mm == 420);
    CHECK(landscape.height_mm == 297);
    const auto letter = kuril::parse_paper("letter", "portrait");
    CHECK(letter.width_mm == doctest::Approx(215.9));
    const auto own = kuril::parse_paper("300x200mm", "");
    CHECK(own.width_mm == 300);
    CHECK(own.height_mm == 200);
    CHECK(kuril::parse_paper("300x200mm", "portrait").width_mm == 200);
    CHECK(kuril::paper_pixels(210, 150) == 1240);
    CHECK_THROWS_WITH_AS(kuril::parse_paper("a5", ""),
                         "--paper 'a5': expected a4, a3, letter or WxHmm (e.g. 300x200mm)",
                         geo::InputError);
    CHECK_THROWS_WITH_AS(kuril::parse_paper("5x200mm", ""),
                         "--paper '5x200mm': expected a4, a3, letter or WxHmm with each side 10 "
                         "to 2000 mm (e.g. 300x200mm)",
                         geo::InputError);
    CHECK_THROWS_WITH_AS(kuril::parse_paper("a4", "sideways"),
                         "--orientation 'sideways': expected portrait or landscape",
                         geo::InputError);
}

TEST_CASE("[export] paper sizes: a bad one is said in Russian and Japanese") {
    try {
        (void)kuril::parse_paper("a5", "");
        FAIL("a5 was not refused");
    } catch (const geo::InputError& error) {
        CHECK(std::string(error.what()) ==
              "--paper 'a5': expected a4, a3, letter or WxHmm (e.g. 300x200mm)");
        CHECK(error.text("ru") ==
              "--paper 'a5': ожидается a4, a3, letter или WxHmm (например, 300x200mm)");
        CHECK(error.text("ja") ==
              "--paper 'a5': a4、a3、letter または WxHmm（例: 300x200mm）を指定してください");
    }
    try {
        (void)kuril::parse_paper("a4", "sideways");
        FAIL("sideways was not refused");
    } catch (const geo::InputError& error) {
        CHECK(error.text("ru") == "--orientation 'sideways': ожидается portrait или landscape");
    }
}

TEST_CASE("[export] handout.pdf: a Letter page per slide, no word on it smaller than its 7 pt "
          "'Sources' heading") {
    VectorFixture f;
    const fs::path dir = test_paths::scratch("vector_handout");
    fs::remove_all(dir);
    kuril::ExportOptions options;
    options.out = dir;
    options.width = 320;
    options.height = 200;
    options.paper = kuril::parse_paper("letter", "");
    kuril::ExportCanvas canvas;
    const auto result = kuril::export_handouts(f.scene, f.font, options, "default", canvas);
    const std::string info = run("pdfinfo " + shell_quoted(result.pdf));
    CHECK(info.find("Pages:           " + std::to_string(result.slides) + "\n") !=
          std::string::npos);
    CHECK(info.find("Page size:       612 x 792 pts (letter)") != std::string::npos);
    // Words' boxes (poppler's, from the font's ascent and descent): as tall as the font size.
    const std::string words = run("pdftotext -bbox " + shell_quoted(result.pdf) + " -");
    const std::regex word_re(
        R"re(<word xMin="[^"]+" yMin="([^"]+)" xMax="[^"]+" yMax="([^"]+)">([^<]*)</word>)re");
    double smallest = 1e9;
    std::string smallest_word;
    double sources = 0;
    std::size_t count = 0;
    for (auto it = std::sregex_iterator(words.begin(), words.end(), word_re);
         it != std::sregex_iterator(); ++it) {
        const double height = std::stod((*it)[2].str()) - std::stod((*it)[1].str());
        if ((*it)[3].str() == "Sources") {
            sources = height;
        }
        if (height < smallest) {
            smallest = height;
            smallest_word = (*it)[3].str();
        }
        ++count;
    }
    REQUIRE(sources > 0);
    CHECK(count > 1000);
    MESSAGE("smallest word '" << smallest_word << "' " << smallest << " pt high; 'Sources' "
                              << sources);
    CHECK(smallest >= sources - 0.01);
}
