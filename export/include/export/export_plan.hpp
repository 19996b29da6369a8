// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What an export will do, decided before anything is drawn: no OpenGL, no files touched.

#include "export/paper.hpp"
#include "map/label_placer.hpp"
#include "map/map_scene.hpp"
#include "map/map_state.hpp"
#include "map/map_view.hpp"
#include "map/view_spec.hpp"

#include <array>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace kuril {

class VectorCapture;

/// The largest side rendered in one pass (llvmpipe's texture limit); larger images, up to
/// max_export_side, are rendered in tiles and stitched.
inline constexpr unsigned max_single_pass_side = 16384;
inline constexpr unsigned max_export_side = 32768;

/// One half of a compare export (--compare DATE_A,DATE_B): what that half shows. Each half has
/// a whole MapState of its own (export_state); a point of view per half would be a field here.
struct CompareHalfOptions {
    geo::Date date;
    std::string pov; ///< a point of view id; empty: the export's (--pov-compare gives one each)
};

struct ExportOptions {
    std::filesystem::path out;
    unsigned width = 1920;
    unsigned height = 1080;
    double scale = 0; ///< text and symbol scale; 0: from the output size
    ViewSpec view;
    /// The viewer's own view, scaled to the output: the map keeps its centre and takes its
    /// metres per pixel divided by width / view width; the image is taller than the view's
    /// shape by the title band and footer (exact_view_height), which lie above and below it.
    std::optional<MapView> exact_view;
    /// With exact_view: what covered the window's map (panels, timeline), in window pixels.
    /// The export's labels keep out of the same places, so they are the labels the user saw.
    std::vector<ScreenRect> view_obstacles;
    /// With exact_view: what the window kept clear at its top and bottom (a tour's bands, the
    /// timeline), in window pixels: the export's scale bar, inset and line names keep the
    /// same places.
    double view_reserved_top_px = 0;
    double view_reserved_bottom_px = 0;
    /// Also write what the frame drew as JSON (manifest.hpp); empty: none.
    std::filesystem::path manifest;
    geo::Date date = geo::Date::today();
    /// Two maps side by side, left and right (--compare): the same view and scale, each half
    /// with its own date, heading and legend, under one title and one credit. Empty: one map.
    std::optional<std::array<CompareHalfOptions, 2>> compare;
    LabelLanguage language = LabelLanguage::en_ru; ///< the map labels'
    /// What a person reads: a slide's title and caption, line names in the legend, event
    /// texts (--ui-lang).
    TextLanguage text_language = TextLanguage::en;
    std::array<bool, layer_count> visible = default_layers;
    std::string pov = std::string(default_pov); ///< --pov: the point of view drawn
    std::string title;   ///< empty: from the view and date (and the point of view)
    std::string caption; ///< a slide's caption, printed large above the footer
    bool legend = true;
    bool footer = true; ///< the credit footer (attribution, approx., date, sources pointer)
    bool credit = true; ///< without the footer, still a one-line licence credit
    bool geotiff = false;
    /// Tiles are used above max_single_pass_side (or always with force_tiling: tests).
    unsigned tile_side = 8192;
    bool force_tiling = false;
    /// Below that, whole rows are drawn in bands of about this many pixels: the render
    /// texture stays small and each band is compressed while the next is drawn.
    unsigned band_pixels = 4u << 20;
    /// Dots per inch (--dpi, --paper): recorded in a PNG (pHYs) or a GeoTIFF (resolution tags);
    /// a PDF's or SVG's page is the image's pixels at it (72 / dpi points a pixel; without it,
    /// 0.75: 96 dpi). 0: none recorded.
    double dpi = 0;
    /// Draw only: what is drawn is recorded into this capture (for a PDF that composes several
    /// images, the handout) and no file is written. Not owned.
    VectorCapture* record = nullptr;
    /// --paper: a PDF's or SVG's page (the pixels are its size at dpi); with a tour, the
    /// page of handout.pdf (A4 portrait without it).
    std::optional<PaperSize> paper;
};

/// How an export is cut up for drawing: tiles of tile_width x tile_height pixels, drawn one
/// after another on one render texture of that size. Up to max_single_pass_side, bands of
/// whole rows; above it, tiles up to tile_side wide in rows of tiles up to 2048 high.
struct ExportLayout {
    unsigned tile_width = 0;
    unsigned tile_height = 0;
};
ExportLayout export_layout(const ExportOptions& options);

/// The height of an export of the viewer's view (exact_view): the view's shape at the
/// export's width (a compare image's: at a half's width) plus the title band and footer;
/// otherwise options.height.
unsigned exact_view_height(const ExportOptions& options, double reserved_top,
                           double reserved_bottom);

/// The view of an export's whole image: the requested view (bbox, island, region, or the
/// viewer's own view) fitted between the title band (`reserved_top` pixels) and the footer
/// (`reserved_bottom`), at the scale that fit gives.
MapView export_view(const MapScene& scene, const ExportOptions& options, double reserved_top,
                    double reserved_bottom);

/// The default title: "Kuril Islands, 19 October 1956" (or the island's name).
std::string default_title(const MapScene& scene, const ViewSpec& view, geo::Date date,
                          std::string_view lang = "en");
/// The title of an export without --title: the place and date, and the point of view when it
/// is not the de facto map ("Kuril Islands, 1 January 2020 — As drawn by Japan's government").
std::string default_title(const MapScene& scene, const ExportOptions& options);
/// The default title of a compare export: "Kuril Islands, 1 January 1944 and 1 January 1950",
/// or for two points of view on one date "Kuril Islands, 1 January 2020: <left's> | <right's>".
std::string default_compare_title(const MapScene& scene, const ExportOptions& options);
/// An export's title: its --title, else the default (a compare export's, or a single map's).
std::string export_title(const MapScene& scene, const ExportOptions& options);
/// What a half of a compare export is headed with: its date when the halves' dates differ
/// ("Situation on 1 January 1944"), its point of view's title when their points of view differ
/// ("As drawn by Japan's government"), both when both differ.
std::string compare_half_heading(const MapScene& scene, const ExportOptions& options,
                                 std::size_t side);
/// The point of view of a half of a compare export: its own, or the export's.
const std::string& compare_half_pov(const ExportOptions& options, std::size_t side);
/// What the credit and the sources file say is shown: "Situation on 19 October 1956", or for a
/// compare export "Left: situation on 1 January 1944; right: situation on 1 January 1950".
std::string situation_text(const ExportOptions& options);

/// The pixel columns of a half of a compare export.
struct HalfColumns {
    unsigned left = 0;
    unsigned width = 0;
};
/// The halves of a compare export `width` pixels wide, at a text scale: equal widths, the left
/// from column 0, the right ending at the last column, a divider of a few pixels between.
std::array<HalfColumns, 2> compare_columns(unsigned width, double scale);

/// Throws geo::InputError for a size out of range or no output file name, or a compare export
/// that cannot be made (as a GeoTIFF, which holds one georeferencing; halves too narrow). A
/// compare export of the viewer's view (exact_view) shows that view in each half.
void validate_export(const ExportOptions& options);

/// What the map shows (date, layers, language) and at which text and symbol scale; nothing
/// reserved yet.
MapState export_state(const ExportOptions& options);

/// The first rows of the bands, in drawing order. A PNG takes bands in any order: the bands
/// with the title, footer and legend (the most text, the slowest to draw and to compress) go
/// first and a band of plain map last, so that little compression is left once drawing ends.
/// Otherwise (GeoTIFF) top to bottom.
std::vector<unsigned> band_order(unsigned height, unsigned band_height, bool any_order);

/// The files beside a PNG that place it: world file (.pgw), .prj and, for GDAL and QGIS, the
/// CRS in NAME.png.aux.xml. A GeoTIFF carries its georeferencing inside: none.
struct SidecarPaths {
    /// A compare export's halves each have their own: NAME.left.pgw and NAME.right.pgw, each
    /// placing the whole image so that its own half's pixels are right (the manifest says
    /// which columns are which half).
    std::filesystem::path world_file;
    std::filesystem::path prj;
    std::filesystem::path aux_xml;
    std::filesystem::path right_world_file; ///< compare: the right half's; empty otherwise
    bool empty() const { return world_file.empty(); }
};
SidecarPaths sidecar_paths(const ExportOptions& options);

/// Every file an export writes: the image, its side files (sidecar_paths), the list of its
/// sources and the manifest (when asked for).
std::vector<std::filesystem::path> export_output_paths(const ExportOptions& options);

/// Throws geo::InputError unless every output of the export can be written (check_writable):
/// the image first, so that a device, FIFO or folder given as --out is named and nothing is
/// written beside it.
void check_export_outputs(const ExportOptions& options);

/// A half of a compare export as planned: its columns, its map's state and its view (of the
/// half's columns and the image's full height).
struct ExportHalf {
    HalfColumns columns;
    MapState state;
    MapView view;
};

/// Everything an export decides before drawing, from the options and the heights the overlay
/// keeps clear at the top (title band) and bottom (footer and caption).
struct ExportPlan {
    MapState state; ///< with the reserved heights
    MapView view;   ///< of the whole image
    ExportLayout layout;
    std::vector<unsigned> band_tops; ///< drawing order (band_order)
    unsigned tiles_total = 0;        ///< tiles drawn, over all bands
    bool tiled = false;              ///< tiles narrower than the image
    std::string title;
    SidecarPaths sidecars;
    /// A compare export's two halves, left and right (`state` and `view` are the left's);
    /// empty for one map.
    std::vector<ExportHalf> halves;
};

/// Throws geo::InputError for bad options (validate_export) or a view that cannot be shown
/// (an unknown island, a bbox outside the data).
ExportPlan plan_export(const MapScene& scene, const ExportOptions& options, double reserved_top,
                       double reserved_bottom);

} // namespace kuril
