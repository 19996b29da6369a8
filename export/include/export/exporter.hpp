// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "export/export_plan.hpp"
#include "export/readback.hpp"
#include "map/map_frame.hpp"
#include "map/map_scene.hpp"
#include "map/map_view.hpp"

#include <SFML/Graphics/Font.hpp>
#include <array>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kuril {

struct ExportResult {
    std::filesystem::path image;
    std::filesystem::path world_file;       ///< empty for GeoTIFF; a compare image's left half's
    std::filesystem::path right_world_file; ///< a compare image's right half's; empty otherwise
    std::filesystem::path prj;              ///< empty for GeoTIFF
    std::filesystem::path manifest;         ///< empty unless asked for
    std::filesystem::path sources_file;     ///< the sources of what is shown (sources_file_path)
    std::vector<std::string> sources;       ///< their ids, as the frame (or halves) cite them
    std::vector<LegendItem> legend;         ///< the frame's (a compare image's halves') legend rows
    unsigned width = 0;
    unsigned height = 0;
    std::optional<MapView> view;    ///< the view of the whole image, as the world file gives it
    std::vector<ExportHalf> halves; ///< a compare image's halves, left and right
    double reserved_top = 0;        ///< pixels of the title band
    double reserved_bottom = 0;     ///< pixels of the footer (and caption)
    unsigned tiles = 1;             ///< passes drawn: 1, bands of whole rows, or tiles
    bool tiled = false;             ///< tiles narrower than the image (above max_single_pass_side)
    double milliseconds = 0;
};

/// Where the list of sources of an image goes: beside it, "map.png" -> "map.sources.txt".
std::filesystem::path sources_file_path(const std::filesystem::path& image);

/// A source in words: "Title (in Japanese). Publisher, date. ISBN ... URL" (never its id).
std::string source_line(const geo::Source& source);

/// A sources file's text in `lang`: its `heading` (first lines, ending in a blank line), the
/// sources numbered (or the line `none` when there are none; nothing when `none` is empty),
/// then the coastline credit, the note on approximate lines and claims, and the software.
std::string sources_list_text(std::string_view lang, const std::string& heading,
                              const std::vector<const geo::Source*>& sources,
                              std::string_view none);

/// The text of that file: for each source of what the frame draws, its title, publisher, date
/// and address (never its id), then the coastline credit.
std::string sources_file_text(const MapFrame& frame, const std::string& image_name,
                              const std::string& title);
/// The same for a compare image's two halves (left, right): both dates, each source once.
std::string sources_file_text(const std::vector<const MapFrame*>& frames,
                              const std::string& image_name, const std::string& title);

/// The outputs of one or more exports, written and synced under temporary names, put in
/// place together by commit(): a handout's slides appear all at once or not at all.
/// Destroyed without commit(), it removes them.
class PendingOutputs {
public:
    PendingOutputs() = default;
    ~PendingOutputs();
    PendingOutputs(const PendingOutputs&) = delete;
    PendingOutputs& operator=(const PendingOutputs&) = delete;

    /// Keeps `owner` (which removes its temporary files when destroyed) until commit() has
    /// called `rename`.
    void hold(std::shared_ptr<void> owner, std::function<void()> rename);
    /// Renames every held output into place, in the order they were held.
    void commit();

private:
    std::vector<std::pair<std::shared_ptr<void>, std::function<void()>>> held_;
};

/// Renders the map with its title, legend, scale bar, graticule labels, date stamp and footer
/// off-screen, reads it back with glReadPixels and writes a PNG plus world file and .prj (or
/// a GeoTIFF), the list of its sources beside it (sources_file_path), and with
/// options.manifest what it drew as JSON (manifest.hpp). An export of the viewer's view
/// (exact_view) is taller than options.height by its title band and footer: the result gives
/// the size written. Needs an X display (see ensure_display). Throws geo::InputError for bad
/// options or an unwritable output (every output is checked before drawing); never leaves a
/// partial file: all outputs are written and synced under temporary names, then renamed.
/// With `pending`, they are handed to it instead of renamed.
ExportResult export_map(const MapScene& scene, const sf::Font& font, const ExportOptions& options,
                        const std::function<void(double)>& progress = {},
                        ExportCanvas* canvas = nullptr, PendingOutputs* pending = nullptr);

} // namespace kuril
