#pragma once

#include "map/map_scene.hpp"
#include "map/map_state.hpp"
#include "map/map_view.hpp"
#include "map/view_spec.hpp"

#include <SFML/Graphics/Font.hpp>
#include <SFML/Graphics/RenderTexture.hpp>
#include <array>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>

namespace kuril {

/// The largest side rendered in one pass (llvmpipe's texture limit); larger images, up to
/// max_export_side, are rendered in tiles and stitched.
inline constexpr unsigned max_single_pass_side = 16384;
inline constexpr unsigned max_export_side = 32768;

struct ExportOptions {
    std::filesystem::path out;
    unsigned width = 1920;
    unsigned height = 1080;
    double scale = 0; ///< text and symbol scale; 0: from the output size
    ViewSpec view;
    std::optional<MapView> exact_view; ///< the viewer's own view, scaled to the output
    geo::Date date = geo::Date::today();
    LabelLanguage language = LabelLanguage::en_ru;
    std::array<bool, layer_count> visible{true, true, true, true, true, true, true, true};
    std::string title;   ///< empty: from the view and date
    std::string caption; ///< a slide's caption, printed large above the footer
    bool legend = true;
    bool footer = true;
    bool geotiff = false;
    /// Tiles are used above max_single_pass_side (or always with force_tiling: tests).
    unsigned tile_side = 8192;
    bool force_tiling = false;
    /// Below that, whole rows are drawn in bands of about this many pixels: the render
    /// texture stays small and each band is compressed while the next is drawn.
    unsigned band_pixels = 4u << 20;
};

/// How an export is cut up for drawing: tiles of tile_width x tile_height pixels, drawn one
/// after another on one render texture of that size. Up to max_single_pass_side, bands of
/// whole rows; above it, tiles up to tile_side wide in rows of tiles up to 2048 high.
struct ExportLayout {
    unsigned tile_width = 0;
    unsigned tile_height = 0;
};
ExportLayout export_layout(const ExportOptions& options);

/// The off-screen render target exports draw on, kept between exports of one size (tour
/// handouts) and created ahead of the data when the size is known (the CLI creates it while
/// the data loads on another core).
class ExportCanvas {
public:
    ExportCanvas();
    ~ExportCanvas();
    ExportCanvas(const ExportCanvas&) = delete;
    ExportCanvas& operator=(const ExportCanvas&) = delete;
    /// The render texture (with a stencil buffer) for `layout`, created on first use.
    sf::RenderTexture& texture(const ExportLayout& layout);

private:
    void release_stencil();

    std::unique_ptr<sf::RenderTexture> texture_;
    unsigned stencil_ = 0; ///< the OpenGL renderbuffer of its stencil, when attached here
    unsigned width_ = 0;
    unsigned height_ = 0;
};

struct ExportResult {
    std::filesystem::path image;
    std::filesystem::path world_file; ///< empty for GeoTIFF
    std::filesystem::path prj;        ///< empty for GeoTIFF
    unsigned width = 0;
    unsigned height = 0;
    std::optional<MapView> view; ///< the view of the whole image, as the world file gives it
    double reserved_top = 0;     ///< pixels of the title band
    double reserved_bottom = 0;  ///< pixels of the footer (and caption)
    unsigned tiles = 1;          ///< passes drawn: 1, bands of whole rows, or tiles
    bool tiled = false;          ///< tiles narrower than the image (above max_single_pass_side)
    double milliseconds = 0;
};

/// Renders the map with its title, legend, scale bar, graticule labels, date stamp and footer
/// off-screen, reads it back with glReadPixels and writes a PNG plus world file and .prj (or
/// a GeoTIFF). Needs an X display (see ensure_display). Throws geo::InputError for bad options
/// or an unwritable output; never leaves a partial file.
ExportResult export_map(const MapScene& scene, const sf::Font& font, const ExportOptions& options,
                        const std::function<void(double)>& progress = {},
                        ExportCanvas* canvas = nullptr);

/// The view of an export's whole image: the requested view (bbox, island, region, or the
/// viewer's own view) fitted between the title band (`reserved_top` pixels) and the footer
/// (`reserved_bottom`), at the scale that fit gives.
MapView export_view(const MapScene& scene, const ExportOptions& options, double reserved_top,
                    double reserved_bottom);

/// The world file text for an image of a view: pixel size, rotation, and the centre of the
/// top-left pixel, as GDAL reads it.
std::string world_file_text(const MapView& view);

/// The default title: "Kuril Islands, 19 October 1956" (or the island's name).
std::string default_title(const MapScene& scene, const ViewSpec& view, geo::Date date);

/// Starts a private Xvfb when there is no DISPLAY (and stops it when destroyed). Throws
/// geo::InputError when there is no display and Xvfb is not installed.
class PrivateDisplay {
public:
    PrivateDisplay();
    ~PrivateDisplay();
    PrivateDisplay(const PrivateDisplay&) = delete;
    PrivateDisplay& operator=(const PrivateDisplay&) = delete;
    bool started() const { return pid_ > 0; }
    /// Stops the private Xvfb now, if one was started.
    void stop();

private:
    int pid_ = -1;
};

} // namespace kuril
