#pragma once

#include "export/export_plan.hpp"
#include "export/readback.hpp"
#include "map/map_scene.hpp"
#include "map/map_view.hpp"

#include <SFML/Graphics/Font.hpp>
#include <array>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>

namespace kuril {

struct ExportResult {
    std::filesystem::path image;
    std::filesystem::path world_file; ///< empty for GeoTIFF
    std::filesystem::path prj;        ///< empty for GeoTIFF
    std::filesystem::path manifest;   ///< empty unless asked for
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
/// a GeoTIFF), and with options.manifest what it drew as JSON (manifest.hpp). An export of the
/// viewer's view (exact_view) is taller than options.height by its title band and footer: the
/// result gives the size written. Needs an X display (see ensure_display). Throws geo::InputError
/// for bad options or an unwritable output; never leaves a partial file.
ExportResult export_map(const MapScene& scene, const sf::Font& font, const ExportOptions& options,
                        const std::function<void(double)>& progress = {},
                        ExportCanvas* canvas = nullptr);

} // namespace kuril
