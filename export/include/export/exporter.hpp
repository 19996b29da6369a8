#pragma once

#include "export/export_plan.hpp"
#include "map/map_scene.hpp"
#include "map/map_view.hpp"

#include <SFML/Graphics/Font.hpp>
#include <SFML/Graphics/RenderTexture.hpp>
#include <array>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>

namespace kuril {

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

/// The world file text for an image of a view: pixel size, rotation, and the centre of the
/// top-left pixel, as GDAL reads it.
std::string world_file_text(const MapView& view);

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
