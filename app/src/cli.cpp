// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/cli.hpp"

#include "commands.hpp"
#include "geo/error.hpp"
#include "i18n/translate.hpp"
#include "imageio/video_writer.hpp"
#include "manual.hpp"
#include "map/map_state.hpp"
#include "suggest.hpp"
#include "util/lazy_library.hpp"
#include "util/strings.hpp"
#include "viewer/viewer_app.hpp"

#include <CLI/CLI.hpp>
#include <SFML/System/Err.hpp>
#include <cpl_error.h>
#include <iostream>
#include <proj.h>

namespace kuril {

using i18n::N_;

namespace {

constexpr const char* pov_help =
    "Point of view: defacto (who administers, claims hatched; default), jp (as drawn by Japan's "
    "government), ru (as drawn by Russia's government) or neutral (disputed islands in neither "
    "side's colour); defined in annotations.xml <points_of_view>";

constexpr const char* ui_lang_help =
    "Language of the interface and of the texts read (panels, legend, help, titles, captions, "
    "notes, credits, dates): en, ja or ru (default: the locale's, from LC_ALL, LC_MESSAGES or "
    "LANG: ja_* ja, ru_* ru, else en; independent of --lang)";

void add_data_options(CLI::App& command, DataOptions& data) {
    command.add_option("--data", data.data_dir,
                       "Folder with annotations.xml and the shapes it names (default: shipped)");
    command.add_option("--annotations", data.annotations, "Annotations file to use");
    command.add_option("--crs", data.display_crs,
                       "Display CRS: PROJ string, WKT or EPSG:n (default: Lambert conformal "
                       "conic 43/50 N, 147 E)");
    command.add_option("--data-crs", data.data_crs,
                       "CRS to assume for sources that declare none (no .prj)");
}

/// The user's own layers: the same options for view and export.
void add_user_layer_options(CLI::App& command, UserLayerArgs& args) {
    command
        .add_option("--layer", args.files,
                    "Your own vector data over the land (any source GDAL/OGR opens: GeoJSON, "
                    "GeoPackage (every layer), shapefile, KML...); repeatable; reprojected to "
                    "the map; listed in the legend under the file's name")
        ->allow_extra_args(false);
    command.add_option("--label-field", args.label_field,
                       "With --layer: the attribute whose value labels each feature (view: also "
                       "of the files added with O)");
    command
        .add_option("--layer-style", args.styles,
                    "With --layer: color=#RRGGBB,width=W (default color=#881100,width=2); "
                    "repeatable: the first styles the first --layer, the second the second, the "
                    "last the rest")
        ->allow_extra_args(false);
}

} // namespace

UserLayerOptions user_layer_options(const UserLayerArgs& args, const DataOptions& data,
                                    bool later_files) {
    if (!later_files && args.files.empty() && (!args.label_field.empty() || !args.styles.empty())) {
        throw geo::InputError(
            N_("{option} needs --layer FILE (the data it applies to)"),
            {{"option", args.label_field.empty() ? "--layer-style" : "--label-field"}});
    }
    UserLayerOptions options;
    options.files = args.files;
    options.label_field = args.label_field;
    for (const auto& style : args.styles) {
        options.styles.push_back(parse_layer_style(style));
    }
    options.assumed_crs = data.data_crs;
    return options;
}

namespace {

/// Without --verbose, what the libraries print on their own (SFML's "Setting vertical sync not
/// supported", GDAL's and PROJ's warnings) is dropped: the program says what matters itself.
/// GDAL messages that geo collects (its own handler, pushed while it reads) are still seen.
void quiet_libraries(bool verbose) {
    if (verbose) {
        return;
    }
    sf::err().rdbuf(nullptr);
    show_video_library_messages(false);
    // Set when GDAL loads, on first use (util/lazy_library.hpp), not by loading it now.
    lazy::on_load("gdal", [] { CPLSetErrorHandler(CPLQuietErrorHandler); });
    proj_log_level(nullptr, PJ_LOG_NONE);
}

/// The command named on the command line (argv[1], when it is one), for "see ... --help".
std::string command_word(const CLI::App& app, int argc, char** argv) {
    if (argc > 1) {
        for (const auto* sub : app.get_subcommands([](const CLI::App*) { return true; })) {
            if (sub->get_name() == argv[1]) {
                return sub->get_name();
            }
        }
    }
    return "";
}

} // namespace

CommandExit run_cli(int argc, char** argv) {
    CLI::App app{"Kuril Atlas: a map of the Kuril Islands dispute, 1855 to today"};
    app.set_version_flag("--version", std::string("kuril-atlas ") + KURIL_VERSION);
    app.require_subcommand(0, 1);
    bool print_manual = false;
    bool print_completion = false;
    // Hidden (group ""): what the build installs as the manual page and the bash completion.
    app.add_flag("--manual", print_manual, "Print the manual page (roff)")->group("");
    app.add_flag("--bash-completion", print_completion, "Print the bash completion script")
        ->group("");
    bool verbose = false;
    const char* const verbose_help = "Show what the libraries (SFML, GDAL, PROJ) print";
    app.add_flag("--verbose", verbose, verbose_help);

    InfoOptions info;
    auto* info_command = app.add_subcommand(
        "info", "Print the layers and the four disputed islands with their geodesic areas");
    add_data_options(*info_command, info.data);
    info_command->add_flag("--json", info.json, "Print JSON");
    info_command->add_option("--date", info.date,
                             "YYYY-MM-DD: add the lines drawn that day and each island's status");
    info_command->add_option("sources", info.sources,
                             "Other vector sources (any OGR format) to report instead");

    CheckOptions check;
    auto* check_command =
        app.add_subcommand("check", "Validate an annotations file and the shapes it refers to");
    add_data_options(*check_command, check.data);
    check_command->add_option("file", check.file, "Annotations file (default: the shipped one)");

    // The interface language when --ui-lang is not given: the locale's.
    const std::string locale_language(i18n::language_of_locale(i18n::locale_from_environment()));
    ExportCommandOptions exporting;
    exporting.text_language = locale_language;
    auto* export_command = app.add_subcommand(
        "export", "Export an annotated, georeferenced map image (PNG + .pgw + .prj, GeoTIFF, "
                  "or a PDF or SVG page)");
    add_data_options(*export_command, exporting.data);
    add_user_layer_options(*export_command, exporting.user_layers);
    export_command
        ->add_option("--out", exporting.out,
                     "Output file (FILE.png, .pdf, .svg, .tif, .geojson, .gpkg or .kml; with "
                     "--animate FILE.webm, .mp4 or .gif; with --frames a folder)")
        ->required();
    auto* export_size = export_command->add_option(
        "--size", exporting.size, "WxH in pixels (default 1920x1080; animations 1280x720)");
    export_command->add_option("--paper", exporting.paper,
                               "a4, a3, letter or WxHmm: the page of a PDF or SVG, the pixels of "
                               "a PNG at --dpi (default 150); with --tour, handout.pdf's page "
                               "(default a4)");
    export_command->add_option("--orientation", exporting.orientation,
                               "With --paper: portrait (default) or landscape");
    export_command->add_option("--scale", exporting.scale,
                               "Text and symbol scale, 0.1 to 20 (default: from the size)");
    export_command->add_option("--dpi", exporting.dpi,
                               "Scale as dots per inch, 30 to 1200 (96 = 1x); recorded in the "
                               "PNG or GeoTIFF, and sets a PDF's or SVG's page size");
    export_command->add_option("--bbox", exporting.bbox, "minlon,minlat,maxlon,maxlat");
    export_command->add_option("--island", exporting.island, "Island id to fit, with a margin");
    export_command->add_option("--center", exporting.center,
                               "lon,lat of the centre (alone: at the whole region's scale)");
    auto* export_zoom = export_command->add_option("--zoom", exporting.zoom,
                                                   "With --center: 0 = whole region, to 20");
    export_command->add_option("--date", exporting.date,
                               "YYYY-MM-DD, 1850-01-01 to today (default: today)");
    export_command->add_option("--lang", exporting.language,
                               "en, ja, ru, en+ja, en+ru or ja+ru (default en+ru)");
    export_command->add_option("--ui-lang", exporting.text_language, ui_lang_help);
    export_command->add_option("--pov", exporting.pov, pov_help);
    export_command->add_option("--layers", exporting.layers,
                               "Layers to show (land,lakes,...) or to change (-graticule,+events)");
    export_command->add_option("--title", exporting.title, "Title (default: place and date)");
    export_command->add_flag("--no-legend", exporting.no_legend, "No legend");
    export_command->add_flag("--no-footer", exporting.no_footer,
                             "No footer: only a one-line licence credit");
    export_command->add_flag("--no-credit", exporting.no_credit,
                             "No credit line at all (the sources file is still written)");
    export_command->add_option("--format", exporting.format,
                               "png (FILE.png), geotiff (a Cloud-Optimized GeoTIFF, FILE.tif), or "
                               "the islands' statuses and the lines in force on --date as vector "
                               "data: geojson, gpkg (in --crs if given) or kml (default: from "
                               "--out's extension)");
    export_command->add_option("--manifest", exporting.manifest,
                               "Also write what was drawn (labels with their boxes, legend, "
                               "features, sources) as JSON to this file");
    export_command->add_option("--compare", exporting.compare,
                               "DATE_A,DATE_B: two maps side by side, each with its date, heading "
                               "and legend, one credit; a world file per half (FILE.left.pgw, "
                               "FILE.right.pgw); not with --date");
    export_command->add_option("--pov-compare", exporting.pov_compare,
                               "A,B: two maps side by side, each drawn from its point of view "
                               "(e.g. jp,ru), headed with it; with --compare, each half also has "
                               "its date; not with --pov");
    export_command->add_option("--tour", exporting.tour,
                               "Handouts: one image per slide of this tour into the folder "
                               "--out, with index.html and handout.pdf (one page a slide on "
                               "--paper, default A4)");
    export_command->add_option("--tour-file", exporting.tour_file,
                               "A tour file of your own (may refer to the shipped islands and "
                               "sources); with --tour");

    export_command->add_option("--animate", exporting.animate,
                               "FROM:TO (dates as YYYY-MM-DD, YYYY-MM or YYYY, or today): play "
                               "history into --out FILE.webm (VP9), .mp4 (H.264) or .gif, "
                               "holding each key date with its caption");
    export_command->add_option("--frames", exporting.frames,
                               "FROM:TO: the same sequence as numbered PNGs (frame-00001.png, "
                               "...) into the folder --out");
    export_command->add_option("--fps", exporting.fps,
                               "Frames a second of --animate and --frames, 1 to 60 (default 25)");
    export_command->add_option("--speed", exporting.speed,
                               "Years a second between key dates, 0.1 to 100 (default 4)");
    export_command->add_option("--hold", exporting.hold,
                               "Seconds held at each key date, 0 to 30 (default 2)");

    DataOptions present_data;
    ViewerOptions present;
    present.present = true;
    present.text_language = locale_language;
    bool present_window = false;
    bool present_no_animation = false;
    std::string present_theme = "default";
    std::string present_size = "1280x800";
    auto* present_command =
        app.add_subcommand("present", "Present a tour of slides full screen, for a classroom");
    add_data_options(*present_command, present_data);
    present_command->add_option("--tour", present.tour, "Tour id (default: default)");
    present_command->add_option("--tour-file", present.tour_file,
                                "A tour file of your own (may refer to the shipped islands and "
                                "sources)");
    present_command->add_flag("--window", present_window, "In a window, not full screen");
    present_command->add_option("--size", present_size, "Window size with --window");
    present_command->add_flag("--no-animation", present_no_animation,
                              "No fly-to animation (low-power machines; key A toggles)");
    present_command->add_flag("--notes-window", present.notes_window,
                              "Speaker notes, next slide and elapsed time in a second window");
    present_command->add_option("--ui-lang", present.text_language, ui_lang_help);
    present_command->add_option("--theme", present_theme, "default or projector (high contrast)");
    present_command->add_option("--slide", present.start_slide, "Start at this slide (1-based)");
    present_command->add_option("--screenshot", present.screenshot,
                                "Render, save a PNG screenshot, and exit");

    DataOptions view_data;
    ViewerOptions view;
    view.text_language = locale_language;
    std::string view_size = "1280x800";
    auto* view_command =
        app.add_subcommand("view", "Open the map window (the default without a command)");
    add_data_options(*view_command, view_data);
    UserLayerArgs view_layers;
    add_user_layer_options(*view_command, view_layers);
    view_command->add_option("--date", view.date, "YYYY-MM-DD to show (default: today)");
    view_command->add_option("--lang", view.language,
                             "Labels: en, ja, ru, en+ja, en+ru or ja+ru (default en+ru)");
    view_command->add_option("--ui-lang", view.text_language, ui_lang_help);
    view_command->add_option("--pov", view.pov, pov_help);
    std::string view_theme = "default";
    view_command->add_option("--theme", view_theme,
                             "default or projector (the map's own contrast raised: a clear blue "
                             "sea, near-white land, a dark thick coast, thicker lines)");
    view_command->add_flag("--reset", view.reset,
                           "Start fresh: not where the viewer was left (the date, view, "
                           "languages, point of view, layers, theme and window size it "
                           "remembers)");
    view_command->add_flag("--fullscreen", view.fullscreen, "Full screen");
    view_command->add_option("--size", view_size, "Window size WxH (default 1280x800)");
    std::string view_ui_scale;
    view_command->add_option("--ui-scale", view_ui_scale,
                             "Text and symbol scale, 0.5 to 8 (default: from the window height)");
    view_command->add_option("--screenshot", view.screenshot,
                             "Render, save a PNG screenshot of the window, and exit");
    view_command->add_flag("--play", view.play,
                           "Start playing history at once, as P does (from --date, or 1855)");
    std::string view_bbox;
    std::string view_center;
    view_command->add_option("--bbox", view_bbox, "minlon,minlat,maxlon,maxlat to show");
    view_command->add_option("--island", view.view.island, "Island id to fit");
    view_command->add_option("--center", view_center,
                             "lon,lat of the view centre (alone: at the whole region's scale)");
    std::string view_zoom_text;
    auto* view_zoom = view_command->add_option("--zoom", view_zoom_text,
                                               "With --center: 0 = whole region, +1 = 2x, to 20");
    std::string view_compare;
    view_command->add_option("--compare", view_compare,
                             "DATE_A,DATE_B: two maps side by side, one view, each with its date "
                             "(S: side by side, swipe, off); not with --date");
    view_command->add_flag("--swipe", view.swipe,
                           "With --compare: one map over the other, under a divider to drag");
    for (auto* command :
         {info_command, check_command, export_command, present_command, view_command}) {
        command->add_flag("--verbose", verbose, verbose_help);
    }

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& error) {
        if (error.get_exit_code() == 0) {
            return {app.exit(error) == 0 ? 0 : 2}; // --help, --version
        }
        if (const auto hint = suggest_correction(app, argc, argv)) {
            std::cerr << "kuril-atlas: " << one_line(*hint, 300) << '\n';
            return {2};
        }
        // CLI11 says it in two lines without the program's name: one line, with it.
        const std::string command = command_word(app, argc, argv);
        std::cerr << "kuril-atlas: " << one_line(error.what(), 300) << " (see kuril-atlas "
                  << (command.empty() ? "" : command + " ") << "--help)\n";
        return {2};
    }
    if (print_manual || print_completion) {
        std::cout << (print_manual ? manual_page(app, KURIL_VERSION, KURIL_RELEASE_DATE)
                                   : bash_completion(app));
        return {0};
    }
    quiet_libraries(verbose);

    try {
        if (*check_command) {
            return {run_check(check)};
        }
        if (*present_command) {
            if (!is_theme_name(present_theme)) {
                throw geo::InputError(N_("--theme {value}: expected default or projector"),
                                      {{"value", quoted_value(present_theme)}});
            }
            present.projector_theme = present_theme == "projector";
            present.animation = !present_no_animation;
            present.fullscreen = !present_window;
            view_size = present_size;
            view_data = present_data;
            view = present;
        }
        if (*export_command) {
            exporting.zoom_given = export_zoom->count() > 0;
            exporting.size_given = export_size->count() > 0;
            return run_export(exporting);
        }
        if (*info_command) {
            return run_info(info);
        }
        // `view`, or no command at all: the map window.
        const auto [width, height] = parse_size(view_size, 240, 16384);
        if (!view_bbox.empty()) {
            view.view.bbox = ViewSpec::parse_bbox(view_bbox);
        }
        if (!view_center.empty()) {
            view.view.center = ViewSpec::parse_center(view_center);
        }
        if (view_zoom->count() > 0) {
            view.view.zoom = ViewSpec::parse_zoom(view_zoom_text);
        }
        if (!view_ui_scale.empty()) {
            view.ui_scale = parse_number("--ui-scale", view_ui_scale, min_ui_scale, max_ui_scale);
        }
        view.view.check_options(view_zoom->count() > 0);
        // Checked here too, before a window opens (the viewer shows a date beyond the
        // timeline at its end, with a notice).
        if (!view.date.empty()) {
            parse_date_text(view.date);
        }
        if (!view_compare.empty()) {
            if (!view.date.empty()) {
                throw geo::InputError(N_("--compare and --date: give one or the other "
                                         "(--compare gives each half its date)"));
            }
            view.compare = parse_compare_dates(view_compare);
        } else if (view.swipe) {
            throw geo::InputError(N_("--swipe needs --compare DATE_A,DATE_B (the dates either "
                                     "side of the divider)"));
        }
        if (!language_from_code(view.language)) {
            throw geo::InputError(N_("--lang {value}: expected en, ja, ru, en+ja, en+ru or ja+ru"),
                                  {{"value", quoted_value(view.language)}});
        }
        parse_ui_language(view.text_language);
        view.width = width;
        view.height = height;
        if (!*present_command) {
            // What the command line says wins over what the viewer remembers.
            const auto given = [&](const char* name) {
                return view_command->get_option(name)->count() > 0;
            };
            view.language_given = given("--lang");
            // A locale in the environment says the language as --ui-lang would.
            view.text_language_given =
                given("--ui-lang") || !i18n::locale_from_environment().empty();
            view.pov_given = given("--pov");
            view.theme_given = given("--theme");
            if (!is_theme_name(view_theme)) {
                throw geo::InputError(N_("--theme {value}: expected default or projector"),
                                      {{"value", quoted_value(view_theme)}});
            }
            view.projector_theme = view_theme == "projector";
            view.size_given = given("--size");
        }
        view.annotations = resolve_annotations(view_data);
        view.display_crs = view_data.display_crs;
        view.data_crs = view_data.data_crs;
        if (!*present_command) {
            // --label-field and --layer-style also apply to the files the prompt (O) adds.
            view.user_layers = user_layer_options(view_layers, view_data, true);
        }
        return {run_viewer(view)};
    } catch (const geo::InputError& error) {
        // In the interface language (--ui-lang, else the locale's); every message is one line
        // of at most ~300 characters, whatever value it names.
        const std::string& asked = *export_command    ? exporting.text_language
                                   : *present_command ? present.text_language
                                   : *view_command    ? view.text_language
                                                      : locale_language;
        const std::string_view language =
            text_language_from_code(asked) ? std::string_view(asked) : locale_language;
        std::cerr << "kuril-atlas: " << one_line(error.text(language), 300) << '\n';
        return {2};
    } catch (const geo::InternalError& error) {
        std::cerr << "kuril-atlas: " << one_line(error.what(), 300) << '\n'; // "internal: ..."
        return {1};
    } catch (const std::exception& error) {
        std::cerr << "kuril-atlas: internal error: " << one_line(error.what(), 300) << '\n';
        return {1};
    }
}

} // namespace kuril
