// SPDX-License-Identifier: GPL-3.0-or-later
#include "export/exporter.hpp"

#include "export/georef.hpp"
#include "export/manifest.hpp"
#include "export/readback.hpp"
#include "export_overlay.hpp"
#include "geopdf.hpp"
#include "i18n/translate.hpp"
#include "imageio/atomic_file.hpp"
#include "imageio/geotiff_writer.hpp"
#include "imageio/png_writer.hpp"
#include "render/fonts.hpp"
#include "render/map_renderer.hpp"
#include "render/vector_output.hpp"
#include "util/phase_timer.hpp"

#include <SFML/Graphics.hpp>
#include <algorithm>
#include <chrono>
#include <limits>
#include <memory>
#include <optional>
#include <set>

using i18n::N_;

namespace kuril {
namespace {
using detail::ExportOverlay;

/// The credit an image's metadata gives (naming the file that lists the sources), in the
/// export's text language: a PNG's description, and a GeoTIFF's after its title.
std::string image_credit(const ExportOptions& options, const std::string& sources_file_name) {
    return credit_text_for(situation_text(options), sources_file_name,
                           text_language_code(options.text_language));
}

/// What the PNG says about itself in text chunks: title, the credit (naming the file that lists
/// the sources), attribution, software. The metadata keeps the credit even when the image
/// does not.
PngText png_text(const std::string& title, const ExportOptions& options,
                 const std::string& sources_file_name) {
    return {{"Title", title},
            {"Software", "Kuril Atlas"},
            {"Description", image_credit(options, sources_file_name)},
            {"Copyright", coastline_credit}};
}

/// What a GeoTIFF says about itself: the PNG's title, credit and attribution as TIFF tags, and
/// as GDAL metadata items the title, the map's date, the attribution and the sources of what
/// it shows, one a line (never their ids).
GeoTiffMetadata geotiff_metadata(const std::string& title, const ExportOptions& options,
                                 const std::string& sources_file_name, const MapFrame& frame) {
    GeoTiffMetadata metadata;
    metadata.title = title;
    metadata.description = title + ". " + image_credit(options, sources_file_name);
    metadata.copyright = coastline_credit;
    metadata.dpi = options.dpi;
    std::string sources;
    for (const auto& id : frame.sources) {
        if (const geo::Source* source = frame.scene->atlas->annotations.source(id)) {
            sources += (sources.empty() ? "" : "\n") + source_line(*source);
        }
    }
    metadata.items = {{"TITLE", title},
                      {"DATE", options.date.iso()},
                      {"SITUATION", situation_text(options)},
                      {"ATTRIBUTION", coastline_credit},
                      {"SOURCES", sources}};
    return metadata;
}

/// The image file: a PNG (bands in any order, georeferenced by its side files) or a
/// Cloud-Optimized GeoTIFF with its georeferencing and metadata inside.
std::unique_ptr<RowSink> open_image(const MapScene& scene, const ExportOptions& options,
                                    const ExportPlan& plan, const std::string& sources_file_name,
                                    const MapFrame& frame) {
    if (options.geotiff) {
        const geo::Point corner = plan.view.screen_to_map({0, 0});
        const double size = plan.view.metres_per_pixel();
        return std::make_unique<GeoTiffWriter>(
            options.out, options.width, options.height,
            GeoTransform{corner.x, size, 0, corner.y, 0, -size}, scene.projection->target_wkt(),
            geotiff_metadata(plan.title, options, sources_file_name, frame));
    }
    return std::make_unique<PngWriter>(options.out, options.width, options.height,
                                       png_text(plan.title, options, sources_file_name),
                                       options.dpi);
}

} // namespace

std::string source_line(const geo::Source& source) {
    std::string text = source.title + source.language_note();
    if (!source.publisher.empty() || !source.date.empty()) {
        text += ". " + source.publisher +
                (source.publisher.empty() || source.date.empty() ? "" : ", ") + source.date;
    }
    if (!source.isbn.empty()) {
        text += ". ISBN " + source.isbn;
    }
    return source.url.empty() ? text : text + ". " + source.url;
}

namespace {

/// Draws the part of each half of a compare image that a tile holds into the part of the
/// texture it covers (the renderer's area), each as the whole half would be drawn; the gap
/// between them is left to the overlay's divider. Keeps each half's placed labels.
void draw_halves(MapRenderer& renderer, sf::RenderTexture& texture, const ExportPlan& plan,
                 const std::vector<ScreenRect>& obstacles, const sf::FloatRect& tile,
                 std::vector<std::vector<PlacedMapLabel>>& labels) {
    texture.setView(sf::View(tile));
    texture.clear(sf::Color::White);
    for (std::size_t side = 0; side < plan.halves.size(); ++side) {
        const ExportHalf& half = plan.halves[side];
        const auto left = static_cast<float>(half.columns.left);
        const float from = std::max(tile.left, left);
        const float to =
            std::min(tile.left + tile.width, left + static_cast<float>(half.columns.width));
        if (from >= to) {
            continue;
        }
        // The obstacles in the half's own pixels.
        std::vector<ScreenRect> own = obstacles;
        for (auto& rect : own) {
            rect.left -= left;
        }
        const sf::FloatRect half_tile(from - left, tile.top, to - from, tile.height);
        const sf::IntRect area(static_cast<int>(from - tile.left), 0, static_cast<int>(to - from),
                               static_cast<int>(tile.height));
        renderer.draw(texture, half.view, half.state, own, half_tile, area);
        labels[side] = renderer.placed_labels();
    }
}

} // namespace

std::filesystem::path sources_file_path(const std::filesystem::path& image) {
    return std::filesystem::path(image).replace_extension(".sources.txt");
}

std::string sources_file_text(const MapFrame& frame, const std::string& image_name,
                              const std::string& title) {
    return sources_file_text(std::vector<const MapFrame*>{&frame}, image_name, title);
}

std::string sources_file_text(const std::vector<const MapFrame*>& frames,
                              const std::string& image_name, const std::string& title) {
    const geo::Annotations& annotations = frames.front()->scene->atlas->annotations;
    const std::string_view lang = text_language_code(frames.front()->state.text_language);
    std::string situation = i18n::format(i18n::tr(lang, "Situation on {date}"),
                                         {{"date", frames.front()->state.date.long_text(lang)}});
    if (frames.size() == 2) {
        situation =
            i18n::format(i18n::tr(lang, "Left: situation on {left}; right: situation on {right}"),
                         {{"left", frames[0]->state.date.long_text(lang)},
                          {"right", frames[1]->state.date.long_text(lang)}});
    }
    const std::string heading =
        i18n::format(i18n::tr(lang, "Sources of what is shown in {file}"), {{"file", image_name}}) +
        "\n" + title + "\n" + situation + "\n\n";
    std::vector<const geo::Source*> sources;
    std::set<std::string> listed;
    for (const MapFrame* frame : frames) {
        for (const auto& id : frame->sources) {
            const geo::Source* source = annotations.source(id);
            if (source != nullptr && listed.insert(id).second) {
                sources.push_back(source);
            }
        }
    }
    return sources_list_text(lang, heading, sources,
                             i18n::tr(lang, "No source is cited for what this map shows."));
}

std::string sources_list_text(std::string_view lang, const std::string& heading,
                              const std::vector<const geo::Source*>& sources,
                              std::string_view none) {
    std::string text = heading;
    std::size_t number = 0;
    for (const geo::Source* source : sources) {
        text += std::to_string(++number) + ". " + source_line(*source) + "\n";
    }
    if (sources.empty() && !none.empty()) {
        text += std::string(none) + "\n";
    }
    return text + "\n" + std::string(i18n::tr(lang, coastline_credit)) + "\n" +
           std::string(i18n::tr(lang, "Lines marked approx. are constructions, not official lines; "
                                      "claims are shown as claims.")) +
           "\n" + std::string(i18n::tr(lang, "Made with Kuril Atlas.")) + "\n";
}

PendingOutputs::~PendingOutputs() {
    // Last held first: a GeoTIFF or PNG writer's threads stop before their files go.
    while (!held_.empty()) {
        held_.pop_back();
    }
}

void PendingOutputs::hold(std::shared_ptr<void> owner, std::function<void()> rename) {
    held_.emplace_back(std::move(owner), std::move(rename));
}

void PendingOutputs::commit() {
    for (auto& [owner, rename] : held_) {
        rename();
    }
    held_.clear();
}

ExportResult export_map(const MapScene& scene, const sf::Font& font, const ExportOptions& asked,
                        const std::function<void(double)>& progress, ExportCanvas* canvas,
                        PendingOutputs* pending) {
    const auto start = std::chrono::steady_clock::now();
    auto& timer = PhaseTimer::global();
    validate_export(asked);
    // A PDF or SVG: the same drawing, recorded as it is drawn and replayed with cairo.
    const std::optional<PageFormat> vector = page_format_of(asked.out);
    if (vector && std::max(asked.width, asked.height) > max_single_pass_side) {
        throw geo::InputError(N_("--out {file}: a PDF or SVG is at most {most} pixels a side; give "
                                 "a lower --dpi or a smaller --size"),
                              {{"file", asked.out.filename().string()},
                               {"most", std::to_string(max_single_pass_side)}});
    }
    if (vector && (asked.compare || asked.geotiff)) {
        throw geo::InputError(asked.compare
                                  ? N_("--out {file}: a compare image is written as PNG only")
                                  : N_("--out {file}: --format geotiff writes .tif files"),
                              {{"file", asked.out.filename().string()}});
    }
    const bool record_only = asked.record != nullptr;
    // The image first: nothing is written beside a device, FIFO or folder given as --out.
    if (!record_only) {
        check_export_outputs(asked);
    }
    // The overlay is laid out first: the plan fits the map between its title band and footer.
    ExportOptions options = asked;
    if (vector || record_only) {
        options.band_pixels = std::numeric_limits<unsigned>::max(); // one pass: one record
    }
    const std::filesystem::path sources_path = sources_file_path(options.out);
    const std::string sources_name = sources_path.filename().string();
    MapState state = export_state(options);
    std::optional<ExportOverlay> overlay;
    overlay.emplace(scene, font, options, state, options.width, options.height);
    if (options.exact_view) {
        // The viewer's view keeps its shape: the image grows by the bands (whose heights
        // depend on the width only), and the overlay is laid out again for that height.
        options.height =
            exact_view_height(options, overlay->top_reserved(), overlay->bottom_reserved());
        validate_export(options);
        overlay.emplace(scene, font, options, state, options.width, options.height);
    }
    const ExportPlan plan =
        plan_export(scene, options, overlay->top_reserved(), overlay->bottom_reserved());
    state = plan.state; // the overlay keeps drawing from `state`
    // What the map area shows, as the renderer will decide it: the legend and the sources.
    const MapFrame frame = build_frame(scene, state, plan.view);
    // A compare image: each half's frame, left and right. The left is `frame` (plan.state and
    // plan.view are the left half's); only the right half's is built here.
    std::optional<MapFrame> right_frame;
    std::vector<const MapFrame*> half_frames;
    if (!plan.halves.empty()) {
        right_frame.emplace(build_frame(scene, plan.halves[1].state, plan.halves[1].view));
        half_frames = {&frame, &*right_frame};
        for (std::size_t side = 0; side < half_frames.size(); ++side) {
            overlay->set_half_frame(side, *half_frames[side]);
        }
    } else {
        overlay->set_frame(frame);
    }
    auto obstacles = overlay->obstacles();
    if (options.exact_view) {
        // What covered the window's map covers the same part of the export's map: its labels
        // are the ones the user saw.
        const double factor = options.width / options.exact_view->width_px();
        for (const auto& rect : options.view_obstacles) {
            obstacles.push_back({rect.left * factor, rect.top * factor + overlay->top_reserved(),
                                 rect.width * factor, rect.height * factor});
        }
    }
    timer.mark("overlay layout");

    const std::shared_ptr<RowSink> image =
        vector || record_only ? nullptr : open_image(scene, options, plan, sources_name, frame);
    auto georef =
        std::make_shared<GeorefFiles>(vector || record_only ? SidecarPaths{} : plan.sidecars);
    std::shared_ptr<AtomicFile> vector_file;
    if (record_only) {
        // nothing is written
    } else if (vector) {
        vector_file = std::make_shared<AtomicFile>(options.out);
    } else if (plan.halves.size() == 2) {
        georef->write(plan.halves[0].view, *scene.projection, &plan.halves[1].view,
                      plan.halves[1].columns.left);
    } else {
        georef->write(plan.view, *scene.projection);
    }
    std::shared_ptr<AtomicFile> sources;
    const std::vector<const MapFrame*> shown_frames =
        half_frames.empty() ? std::vector<const MapFrame*>{&frame} : half_frames;
    if (!record_only) {
        sources = std::make_shared<AtomicFile>(sources_path);
        sources->write_text(
            sources_file_text(shown_frames, options.out.filename().string(), overlay->title()));
    }
    std::shared_ptr<AtomicFile> manifest;
    if (!options.manifest.empty()) {
        manifest = std::make_shared<AtomicFile>(options.manifest);
    }
    timer.mark("open output files");

    MapRenderer renderer(scene, font);
    ExportCanvas own_canvas;
    const ExportLayout& layout = plan.layout;
    sf::RenderTexture& texture = (canvas != nullptr ? *canvas : own_canvas).texture(layout);
    timer.mark("render texture");
    if (image) {
        image->prepare_buffers(std::size_t{options.width} * layout.tile_height * 4);
    }
    std::optional<VectorCapture> own_capture;
    VectorCapture* capture = options.record;
    if (vector && capture == nullptr) {
        capture = &own_capture.emplace();
    }
    if (capture != nullptr) {
        capture->start();
    }
    BandReader reader;
    unsigned tiles = 0;
    std::vector<std::vector<PlacedMapLabel>> half_labels(plan.halves.size());
    for (const unsigned top : plan.band_tops) {
        const unsigned rows = std::min(layout.tile_height, options.height - top);
        PixelBuffer band; // taken once the first tile is drawn (see prepare_buffers)
        bool bottom_up = false;
        for (unsigned left = 0; left < options.width; left += layout.tile_width) {
            // The texture is drawn whole; a short last band or narrow last tile uses its top
            // left part, and all of it is laid out for the full image.
            const sf::FloatRect tile(static_cast<float>(left), static_cast<float>(top),
                                     static_cast<float>(layout.tile_width),
                                     static_cast<float>(layout.tile_height));
            if (plan.halves.empty()) {
                renderer.draw(texture, plan.view, state, obstacles, tile);
            } else {
                draw_halves(renderer, texture, plan, obstacles, tile, half_labels);
            }
            texture.setView(sf::View(tile));
            overlay->draw(texture);
            if (capture) {
                capture->stop(); // the whole image was laid out and recorded in one pass
                ++tiles;
                break;
            }
            finish_drawing(texture);
            timer.mark("render");
            if (band.size() == 0) {
                band = image->spare_buffer(std::size_t{options.width} * rows * 4);
            }
            const unsigned tile_width = std::min(layout.tile_width, options.width - left);
            bottom_up =
                reader.read(layout.tile_height, left, tile_width, rows, options.width, band);
            timer.mark("read back");
            ++tiles;
            if (progress) {
                progress(0.95 * tiles / plan.tiles_total);
            }
        }
        if (capture != nullptr) {
            break;
        }
        image->write_rows(top, std::move(band), rows, bottom_up);
        timer.mark("hand over rows");
    }
    if (vector_file) {
        // The page: the paper asked for, or the pixels at the resolution (96 dpi without one).
        const double pt_per_px = options.paper ? options.paper->width_mm * 72 / 25.4 / options.width
                                               : 72.0 / (options.dpi > 0 ? options.dpi : 96.0);
        const double page_h =
            options.paper ? options.paper->height_mm * 72 / 25.4 : options.height * pt_per_px;
        VectorDocument document(*vector, vector_file->temporary(), options.width * pt_per_px,
                                page_h, find_map_font().path, plan.title);
        document.draw(*capture, font, options.width, options.height, 0, 0, pt_per_px);
        document.finish();
        if (*vector == PageFormat::pdf) {
            // The page is georeferenced as the PNG is (ISO 32000 geospatial measure).
            detail::add_page_viewport(vector_file->temporary(),
                                      detail::geo_viewport(plan.view, *scene.projection,
                                                           options.width * pt_per_px, page_h,
                                                           pt_per_px));
        }
        timer.mark("vector output");
    }
    if (manifest) {
        // Every band placed the same labels: the last draw's are those of the whole image.
        ManifestContent content;
        content.width = options.width;
        content.height = options.height;
        content.crs_wkt = scene.projection->target_wkt();
        const geo::Point corner = plan.view.screen_to_map({0, 0});
        const double size = plan.view.metres_per_pixel();
        content.geotransform = {corner.x, size, 0, corner.y, 0, -size};
        content.title = plan.title;
        content.caption = options.caption;
        content.credit = overlay->footer_text();
        content.frame = &frame;
        if (options.legend) {
            content.legend = overlay->legend_items();
        }
        content.labels = renderer.placed_labels();
        for (std::size_t side = 0; side < plan.halves.size(); ++side) {
            const ExportHalf& half = plan.halves[side];
            ManifestHalf entry;
            entry.side = side == 0 ? "left" : "right";
            entry.left_px = half.columns.left;
            entry.width_px = half.columns.width;
            entry.world_file =
                (side == 0 ? plan.sidecars.world_file : plan.sidecars.right_world_file)
                    .filename()
                    .string();
            // The half's view placed in the whole image: its column 0 is the image's left_px.
            const geo::Point origin = half.view.screen_to_map({-double(half.columns.left), 0});
            entry.geotransform = {origin.x, size, 0, origin.y, 0, -size};
            entry.frame = half_frames[side];
            if (options.legend) {
                entry.legend = overlay->half_legend_items(side);
            }
            content.halves.push_back(std::move(entry));
        }
        if (!plan.halves.empty()) {
            // Every label in image pixels: the right half's moved by its left edge.
            content.labels.clear();
            for (std::size_t side = 0; side < plan.halves.size(); ++side) {
                for (PlacedMapLabel label : half_labels[side]) {
                    const auto dx = static_cast<double>(plan.halves[side].columns.left);
                    label.bbox_px.left += dx;
                    if (label.leader_px) {
                        (*label.leader_px)[0] += dx;
                        (*label.leader_px)[2] += dx;
                    }
                    content.labels.push_back(std::move(label));
                }
            }
        }
        manifest->write_text(manifest_json(content));
    }
    // Everything is written and synced before anything is renamed: a full disk leaves the
    // folder as it was.
    if (image) {
        image->finish();
    } else if (vector_file) {
        vector_file->sync();
    }
    georef->finish();
    if (sources) {
        sources->sync();
    }
    if (manifest) {
        manifest->sync();
    }
    PendingOutputs own;
    PendingOutputs& outputs = pending != nullptr ? *pending : own;
    if (image) {
        outputs.hold(image, [image] { image->commit(); });
    } else if (vector_file) {
        outputs.hold(vector_file, [vector_file] { vector_file->commit(); });
    }
    outputs.hold(georef, [georef] { georef->commit(); });
    if (sources) {
        outputs.hold(sources, [sources] { sources->commit(); });
    }
    if (manifest) {
        outputs.hold(manifest, [manifest] { manifest->commit(); });
    }
    if (pending == nullptr) {
        own.commit();
    }
    if (progress) {
        progress(1.0);
    }
    timer.mark("commit");
    ExportResult result;
    result.image = options.out;
    result.manifest = options.manifest;
    if (!vector && !record_only) { // a PDF or SVG page has no world file
        result.world_file = plan.sidecars.world_file;
        result.right_world_file = plan.sidecars.right_world_file;
        result.prj = plan.sidecars.prj;
    }
    result.halves = plan.halves;
    result.sources_file = sources_path;
    result.sources = frame.sources;
    result.legend = frame.legend;
    // A compare image's: both halves' rows and sources, each once (the left half's are
    // `frame`'s).
    for (std::size_t side = 1; side < half_frames.size(); ++side) {
        for (const LegendItem& item : half_frames[side]->legend) {
            if (std::none_of(result.legend.begin(), result.legend.end(),
                             [&](const LegendItem& row) { return row.label == item.label; })) {
                result.legend.push_back(item);
            }
        }
    }
    for (std::size_t side = 1; side < half_frames.size(); ++side) {
        for (const auto& id : half_frames[side]->sources) {
            if (std::find(result.sources.begin(), result.sources.end(), id) ==
                result.sources.end()) {
                result.sources.push_back(id);
            }
        }
    }
    result.width = options.width;
    result.height = options.height;
    result.view = plan.view;
    result.reserved_top = overlay->top_reserved();
    result.reserved_bottom = overlay->bottom_reserved();
    result.tiles = tiles;
    result.tiled = plan.tiled;
    result.milliseconds =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    return result;
}

} // namespace kuril
