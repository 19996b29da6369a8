// SPDX-License-Identifier: GPL-3.0-or-later
#include "export/export_plan.hpp"

#include "geo/error.hpp"
#include "i18n/translate.hpp"
#include "imageio/atomic_file.hpp"
#include "map/map_frame.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace fs = std::filesystem;
using i18n::N_;

namespace kuril {

std::string default_title(const MapScene& scene, const ViewSpec& view, geo::Date date,
                          std::string_view lang) {
    std::string place(i18n::tr(lang, "Kuril Islands"));
    if (!view.island.empty()) {
        if (const auto* island =
                scene.atlas->annotations.island(ViewSpec::island_id(scene, view.island))) {
            place = island->display_name();
        }
    }
    return i18n::format(i18n::tr(lang, "{place}, {date}"),
                        {{"place", place}, {"date", date.long_text(lang)}});
}

std::string default_title(const MapScene& scene, const ExportOptions& options) {
    const std::string_view lang = text_language_code(options.text_language);
    const std::string pov = pov_title(scene.atlas->annotations, options.pov, lang);
    return default_title(scene, options.view, options.date, lang) +
           (pov.empty() ? "" : " — " + pov);
}

namespace {

/// The title of a point of view for headings: the annotations' title, the de facto one included.
std::string pov_heading(const MapScene& scene, const ExportOptions& options,
                        const std::string& id) {
    if (const geo::PointOfView* pov = scene.atlas->annotations.point_of_view(id)) {
        return geo::text_in(pov->titles, text_language_code(options.text_language));
    }
    return id;
}

bool dates_differ(const std::array<CompareHalfOptions, 2>& halves) {
    return halves[0].date != halves[1].date;
}

} // namespace

const std::string& compare_half_pov(const ExportOptions& options, std::size_t side) {
    const std::string& own = (*options.compare)[side].pov;
    return own.empty() ? options.pov : own;
}

std::string export_title(const MapScene& scene, const ExportOptions& options) {
    return !options.title.empty() ? options.title
           : options.compare      ? default_compare_title(scene, options)
                                  : default_title(scene, options);
}

std::string default_compare_title(const MapScene& scene, const ExportOptions& options) {
    const auto& halves = *options.compare;
    const std::string_view lang = text_language_code(options.text_language);
    if (!dates_differ(halves)) {
        return default_title(scene, options.view, halves[0].date, lang) + ": " +
               pov_heading(scene, options, compare_half_pov(options, 0)) + " | " +
               pov_heading(scene, options, compare_half_pov(options, 1));
    }
    return i18n::format(i18n::tr(lang, "{title} and {date}"),
                        {{"title", default_title(scene, options.view, halves[0].date, lang)},
                         {"date", halves[1].date.long_text(lang)}});
}

std::string compare_half_heading(const MapScene& scene, const ExportOptions& options,
                                 std::size_t side) {
    const auto& halves = *options.compare;
    const std::string_view lang = text_language_code(options.text_language);
    const std::string situation = i18n::format(i18n::tr(lang, "Situation on {date}"),
                                               {{"date", halves[side].date.long_text(lang)}});
    if (compare_half_pov(options, 0) == compare_half_pov(options, 1)) {
        return situation;
    }
    const std::string pov = pov_heading(scene, options, compare_half_pov(options, side));
    return dates_differ(halves) ? situation + " — " + pov : pov;
}

std::string situation_text(const ExportOptions& options) {
    const std::string_view lang = text_language_code(options.text_language);
    if (!options.compare) {
        return i18n::format(i18n::tr(lang, "Situation on {date}"),
                            {{"date", options.date.long_text(lang)}});
    }
    const auto& halves = *options.compare;
    if (!dates_differ(halves)) {
        return i18n::format(
            i18n::tr(lang,
                     "Situation on {date} from two points of view (left and right, as headed)"),
            {{"date", halves[0].date.long_text(lang)}});
    }
    return i18n::format(
        i18n::tr(lang, "Left: situation on {left}; right: situation on {right}"),
        {{"left", halves[0].date.long_text(lang)}, {"right", halves[1].date.long_text(lang)}});
}

std::array<HalfColumns, 2> compare_columns(unsigned width, double scale) {
    const auto divider = static_cast<unsigned>(std::max(2.0, std::round(6 * scale)));
    const unsigned half = width > divider ? (width - divider) / 2 : 0;
    return {HalfColumns{0, half}, HalfColumns{width - half, half}};
}

MapView export_view(const MapScene& scene, const ExportOptions& options, double reserved_top,
                    double reserved_bottom) {
    // What is asked for (a bbox, an island, the region, the viewer's view) is fitted between
    // the title band and the footer, not under them.
    const double content_height = std::max(1.0, options.height - reserved_top - reserved_bottom);
    MapView content(scene.world, options.width, content_height, scene.data_area);
    if (options.exact_view) {
        // The viewer's view at `factor` times its size: same centre, metres per pixel divided
        // by the factor. The image is taller by the bands (exact_view_height), so the map
        // between them is the window's map, pixel for pixel scaled.
        const MapView& seen = *options.exact_view;
        content.set(seen.center(), seen.metres_per_pixel() * seen.width_px() / options.width);
    } else {
        options.view.apply(scene, content);
    }
    // The full image at the same scale, its centre moved so that the content sits between
    // the bands: (top - bottom) / 2 pixels below the image's centre.
    MapView view(scene.world, options.width, options.height, scene.data_area);
    const double shift = (reserved_top - reserved_bottom) / 2 * content.metres_per_pixel();
    view.set({content.center().x, content.center().y + shift}, content.metres_per_pixel());
    return view;
}

unsigned exact_view_height(const ExportOptions& options, double reserved_top,
                           double reserved_bottom) {
    if (!options.exact_view) {
        return options.height;
    }
    const MapView& seen = *options.exact_view;
    // A compare image shows the view in each half: the half's width is the view's width.
    const double across =
        options.compare ? compare_columns(options.width, export_state(options).ui_scale)[0].width
                        : options.width;
    const double map_height = seen.height_px() * across / seen.width_px();
    return static_cast<unsigned>(std::lround(map_height + reserved_top + reserved_bottom));
}

ExportLayout export_layout(const ExportOptions& options) {
    ExportLayout layout;
    const unsigned longest = std::max(options.width, options.height);
    if (longest > max_single_pass_side || options.force_tiling) {
        // At least a pixel: a tile side of 0 would give rows of height 0, never ending.
        const unsigned side = std::clamp(options.tile_side, 1u, max_single_pass_side);
        layout.tile_width = std::min(side, options.width);
        // Rows of tiles at most 2048 high: a row's read-back buffer stays near 256 MB even at
        // 32768 pixels wide (two are in use at a time).
        layout.tile_height = std::min({side, options.height, 2048u});
        return layout;
    }
    // Whole rows, in bands of even height near band_pixels each.
    const std::uint64_t pixels = std::uint64_t{options.width} * options.height;
    const std::uint64_t bands = std::max<std::uint64_t>(1, (pixels + options.band_pixels / 2) /
                                                               std::max(1u, options.band_pixels));
    layout.tile_width = options.width;
    layout.tile_height = static_cast<unsigned>((options.height + bands - 1) / bands);
    return layout;
}

void validate_export(const ExportOptions& options) {
    if (options.width == 0 || options.height == 0 || options.width > max_export_side ||
        options.height > max_export_side) {
        throw geo::InputError(N_("--size {width}x{height}: each side must be 1 to {most} pixels"),
                              {{"width", std::to_string(options.width)},
                               {"height", std::to_string(options.height)},
                               {"most", std::to_string(max_export_side)}});
    }
    if (options.out.empty()) {
        throw geo::InputError(N_("--out: an output file name is required"));
    }
    if (options.compare) {
        if (options.geotiff) {
            throw geo::InputError(N_("--compare: not with --format geotiff (a GeoTIFF holds one "
                                     "georeferencing; a PNG gets a world file per half)"));
        }
        if (options.width < 200) {
            throw geo::InputError(N_("--size {width}x{height}: a compare export needs at least 200 "
                                     "pixels across (two halves side by side)"),
                                  {{"width", std::to_string(options.width)},
                                   {"height", std::to_string(options.height)}});
        }
    }
}

MapState export_state(const ExportOptions& options) {
    MapState state;
    state.date = options.date;
    state.visible = options.visible;
    state.language = options.language;
    state.text_language = options.text_language;
    state.pov = options.pov;
    state.ui_scale = options.scale > 0
                         ? options.scale
                         : std::max(0.75, std::min(options.width, options.height) / 1080.0);
    return state;
}

std::vector<unsigned> band_order(unsigned height, unsigned band_height, bool any_order) {
    std::vector<unsigned> tops;
    for (unsigned top = 0; top < height; top += band_height) {
        tops.push_back(top);
    }
    if (any_order && tops.size() > 2) {
        std::vector<unsigned> order = {tops.back(), tops.front()};
        order.insert(order.end(), tops.rbegin() + 1, tops.rend() - 1);
        return order;
    }
    return tops;
}

SidecarPaths sidecar_paths(const ExportOptions& options) {
    SidecarPaths paths;
    if (!options.geotiff && options.compare) {
        paths.world_file = fs::path(options.out).replace_extension(".left.pgw");
        paths.right_world_file = fs::path(options.out).replace_extension(".right.pgw");
        paths.prj = fs::path(options.out).replace_extension(".prj");
        paths.aux_xml = options.out.string() + ".aux.xml";
    } else if (!options.geotiff) {
        paths.world_file = fs::path(options.out).replace_extension(".pgw");
        paths.prj = fs::path(options.out).replace_extension(".prj");
        paths.aux_xml = options.out.string() + ".aux.xml";
    }
    return paths;
}

std::vector<fs::path> export_output_paths(const ExportOptions& options) {
    std::vector<fs::path> paths{options.out};
    const SidecarPaths sidecars = sidecar_paths(options);
    if (!sidecars.empty()) {
        paths.insert(paths.end(), {sidecars.world_file, sidecars.prj, sidecars.aux_xml});
        if (!sidecars.right_world_file.empty()) {
            paths.push_back(sidecars.right_world_file);
        }
    }
    paths.push_back(fs::path(options.out).replace_extension(".sources.txt"));
    if (!options.manifest.empty()) {
        paths.push_back(options.manifest);
    }
    return paths;
}

void check_export_outputs(const ExportOptions& options) {
    for (const auto& path : export_output_paths(options)) {
        check_writable(path);
    }
}

ExportPlan plan_export(const MapScene& scene, const ExportOptions& options, double reserved_top,
                       double reserved_bottom) {
    validate_export(options);
    const ExportLayout layout = export_layout(options);
    const std::vector<unsigned> band_tops =
        band_order(options.height, layout.tile_height, !options.geotiff);
    const unsigned across = (options.width + layout.tile_width - 1) / layout.tile_width;
    ExportPlan plan{
        .state = export_state(options),
        .view = export_view(scene, options, reserved_top, reserved_bottom),
        .layout = layout,
        .band_tops = band_tops,
        .tiles_total = across * static_cast<unsigned>(band_tops.size()),
        .tiled = layout.tile_width < options.width,
        .title = export_title(scene, options),
        .sidecars = sidecar_paths(options),
        .halves = {},
    };
    plan.state.reserved_top_px = reserved_top;
    plan.state.reserved_bottom_px = reserved_bottom;
    if (options.exact_view) {
        const double factor = options.width / options.exact_view->width_px();
        plan.state.reserved_top_px += options.view_reserved_top_px * factor;
        plan.state.reserved_bottom_px += options.view_reserved_bottom_px * factor;
    }
    if (options.compare) {
        // Each half is an export of its columns' width and the image's height, at the whole
        // image's text scale: the same view fitted the same way, the same furniture.
        const auto columns = compare_columns(options.width, plan.state.ui_scale);
        for (std::size_t side = 0; side < 2; ++side) {
            ExportOptions half_options = options;
            half_options.width = columns[side].width;
            half_options.compare.reset();
            MapState state = plan.state;
            state.date = (*options.compare)[side].date;
            state.pov = compare_half_pov(options, side);
            plan.halves.push_back(
                {columns[side], state,
                 export_view(scene, half_options, reserved_top, reserved_bottom)});
        }
        plan.state = plan.halves[0].state;
        plan.view = plan.halves[0].view;
    }
    return plan;
}

} // namespace kuril
