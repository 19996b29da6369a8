// SPDX-License-Identifier: GPL-3.0-or-later
#include "commands.hpp"
#include "export/animation.hpp"
#include "export/exporter.hpp"
#include "export/handouts.hpp"
#include "export/paper.hpp"
#include "export/vector_export.hpp"
#include "geo/atlas.hpp"
#include "geo/error.hpp"
#include "geo/projection.hpp"
#include "i18n/translate.hpp"
#include "imageio/atomic_file.hpp"
#include "imageio/video_writer.hpp"
#include "map/playback_plan.hpp"
#include "map/timeline.hpp"
#include "map/tour_check.hpp"
#include "render/display.hpp"
#include "render/fonts.hpp"
#include "render/map_renderer.hpp"
#include "util/phase_timer.hpp"
#include "util/strings.hpp"

#include <SFML/Window/Context.hpp>
#include <algorithm>
#include <cctype>
#include <charconv>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <future>
#include <iostream>
#include <optional>
#include <sstream>

namespace kuril {

using i18n::N_;

std::array<bool, layer_count> parse_layers(const std::string& list) {
    std::array<bool, layer_count> visible = default_layers;
    if (list.empty()) {
        return visible;
    }
    std::vector<std::string> items;
    std::stringstream in(list);
    for (std::string item; std::getline(in, item, ',');) {
        if (!item.empty()) {
            items.push_back(item);
        }
    }
    // "+name"/"-name" change the default set; plain names are the exact set to show.
    const bool relative = std::all_of(items.begin(), items.end(), [](const std::string& item) {
        return item[0] == '+' || item[0] == '-';
    });
    if (!relative) {
        visible.fill(false);
    }
    for (const auto& item : items) {
        const bool sign = item[0] == '+' || item[0] == '-';
        const std::string name = sign ? item.substr(1) : item;
        const auto layer = layer_from_name(name);
        if (!layer) {
            throw geo::InputError(N_("--layers: unknown layer {value} (expected sea, land, "
                                     "lakes, graticule, status, lines, events, labels)"),
                                  {{"value", quoted_value(name)}});
        }
        visible[static_cast<std::size_t>(*layer)] = item[0] != '-';
    }
    return visible;
}

std::pair<unsigned, unsigned> parse_size(const std::string& text, unsigned min_side,
                                         unsigned max_side) {
    // Digits only: no sign, no space, no exponent ("1e9x5"), no "nan"; -1 when not a side.
    const auto side = [](std::string_view digits) -> long {
        long value = -1;
        const char* end = digits.data() + digits.size();
        if (digits.empty() || digits.size() > 9 ||
            !std::all_of(digits.begin(), digits.end(),
                         [](unsigned char c) { return std::isdigit(c) != 0; }) ||
            std::from_chars(digits.data(), end, value).ptr != end) {
            return -1;
        }
        return value;
    };
    const std::size_t x = text.find('x');
    const std::string_view whole(text);
    const long width = x == std::string::npos ? -1 : side(whole.substr(0, x));
    const long height = x == std::string::npos ? -1 : side(whole.substr(x + 1));
    if (width < 0 || height < 0) {
        throw geo::InputError(
            N_("--size {value}: expected WxH, e.g. 1920x1080 (each side {min} to {max} pixels)"),
            {{"value", quoted_value(text)},
             {"min", std::to_string(min_side)},
             {"max", std::to_string(max_side)}});
    }
    if (width < min_side || height < min_side || width > max_side || height > max_side) {
        throw geo::InputError(N_("--size {value}: each side must be {min} to {max} pixels"),
                              {{"value", quoted_value(text)},
                               {"min", std::to_string(min_side)},
                               {"max", std::to_string(max_side)}});
    }
    return {static_cast<unsigned>(width), static_cast<unsigned>(height)};
}

TextLanguage parse_ui_language(const std::string& code) {
    const auto language = text_language_from_code(code);
    if (!language) {
        throw geo::InputError(N_("--ui-lang {value}: expected en, ja or ru"),
                              {{"value", quoted_value(code)}});
    }
    return *language;
}

double parse_number(const char* option, const std::string& text, double min, double max) {
    char* end = nullptr;
    const double value = std::strtod(text.c_str(), &end);
    if (text.empty() || end == text.c_str() || *end != '\0' || !std::isfinite(value) ||
        value < min || value > max) {
        const auto number = [](double bound) {
            std::ostringstream out;
            out << bound;
            return out.str();
        };
        throw geo::InputError(N_("{option} {value}: expected a number from {min} to {max}"),
                              {{"option", option},
                               {"value", quoted_value(text)},
                               {"min", number(min)},
                               {"max", number(max)}});
    }
    return value;
}

geo::Date parse_date_text(const std::string& text) {
    // A date is short and printable: anything else is named here, cut and escaped, before the
    // date parser echoes it.
    if (text.size() > 32 || one_line(text) != text) {
        throw geo::InputError(N_("--date {value}: expected YYYY-MM-DD, YYYY-MM or YYYY"),
                              {{"value", quoted_value(text, 40)}});
    }
    return geo::parse_day(text);
}

geo::Date parse_timeline_date(const std::string& text) {
    const geo::Date date = parse_date_text(text);
    const Timeline timeline(std::vector<geo::Date>{});
    if (date < timeline.first() || date > timeline.last()) {
        throw geo::InputError(
            N_("--date {value}: outside the timeline; expected a date from "
               "{first} to {last} (today)"),
            {{"value", text}, {"first", timeline.first().iso()}, {"last", timeline.last().iso()}});
    }
    return date;
}

std::array<std::string, 2> parse_pair(const char* option, const std::string& text, const char* what,
                                      const char* example) {
    const std::size_t comma = text.find(',');
    const bool two = comma != std::string::npos && comma > 0 && comma + 1 < text.size() &&
                     text.find(',', comma + 1) == std::string::npos;
    if (!two) {
        // `what` is a word marked with N_ ("dates", "points of view"), said in the same language.
        throw geo::InputError(N_("{option} {value}: expected two {what}, A,B (e.g. {example})"),
                              {{"option", option},
                               {"value", quoted_value(text, 60)},
                               {"what", i18n::Message(what)},
                               {"example", example}});
    }
    return {text.substr(0, comma), text.substr(comma + 1)};
}

std::array<geo::Date, 2> parse_compare_dates(const std::string& text) {
    const auto items = parse_pair("--compare", text, N_("dates"), "1944-01-01,1950-01-01");
    const Timeline timeline(std::vector<geo::Date>{});
    std::array<geo::Date, 2> dates;
    for (std::size_t i = 0; i < 2; ++i) {
        const std::string& item = items[i];
        if (item.size() > 32 || one_line(item) != item) {
            throw geo::InputError(N_("--compare {value}: expected YYYY-MM-DD, YYYY-MM or YYYY"),
                                  {{"value", quoted_value(item, 40)}});
        }
        try {
            dates[i] = geo::parse_day(item);
        } catch (const geo::InputError& error) {
            throw geo::InputError(N_("--compare: {error}"), {{"error", error.message()}});
        }
        if (dates[i] < timeline.first() || dates[i] > timeline.last()) {
            throw geo::InputError(N_("--compare {value}: {date} is outside the timeline; "
                                     "expected dates from {first} to {last} (today)"),
                                  {{"value", text},
                                   {"date", item},
                                   {"first", timeline.first().iso()},
                                   {"last", timeline.last().iso()}});
        }
    }
    if (dates[0] == dates[1]) {
        throw geo::InputError(
            N_("--compare {value}: the two dates are the same day; give two different dates"),
            {{"value", text}});
    }
    return dates;
}

namespace {

/// What the export writes: --format, or without it what --out's extension names (.tif or
/// .tiff: geotiff; .geojson, .gpkg, .kml: vector data; otherwise png).
std::string output_format(const ExportCommandOptions& command) {
    if (command.format.empty()) {
        const std::string extension = lower_extension(command.out);
        if (extension == ".tif" || extension == ".tiff") {
            return "geotiff";
        }
        if (vector_format_for(command.out)) {
            return extension.substr(1);
        }
        return "png";
    }
    for (const char* known : {"png", "geotiff", "geojson", "gpkg", "kml"}) {
        if (command.format == known) {
            return command.format;
        }
    }
    throw geo::InputError(N_("--format {value}: expected png, geotiff, geojson, gpkg or kml"),
                          {{"value", quoted_value(command.format)}});
}

/// Refuses an --out whose extension does not say what the format writes.
void check_out_extension(const std::filesystem::path& out, const std::string& format) {
    const std::string extension = lower_extension(out);
    // An image (png) may also be drawn as vectors: FILE.pdf or FILE.svg.
    const bool fits = format == "geotiff" ? extension == ".tif" || extension == ".tiff"
                      : format == "png"
                          ? extension == ".png" || extension == ".pdf" || extension == ".svg"
                          : extension == "." + format;
    if (!fits) {
        const std::string file = one_line(out.string(), 160);
        if (extension.empty()) {
            throw geo::InputError(
                N_("--out {file}: no extension is not written; expected .png, .pdf or .svg "
                   "(--format png), .tif or .tiff (--format geotiff), .geojson, .gpkg or .kml "
                   "(vector data)"),
                {{"file", file}});
        }
        throw geo::InputError(
            N_("--out {file}: '{extension}' is not written; expected .png, .pdf or .svg "
               "(--format png), .tif or .tiff (--format geotiff), .geojson, .gpkg or .kml "
               "(vector data)"),
            {{"file", file}, {"extension", extension}});
    }
}

/// export --out FILE.geojson|.gpkg|.kml: the islands' statuses and the lines in force on the
/// date as vector data; no drawing, so no display.
int run_vector_export(const ExportCommandOptions& command, const ExportOptions& options,
                      VectorFormat format) {
    if (!command.tour.empty() || !command.animate.empty() || !command.frames.empty() ||
        !command.compare.empty() || !command.pov_compare.empty() || !command.manifest.empty()) {
        throw geo::InputError(N_("--out {file}: {format} data is of one date: not with --tour, "
                                 "--animate, --frames, --compare, --pov-compare or --manifest"),
                              {{"file", one_line(options.out.string(), 160)},
                               {"format", vector_format_text(format)}});
    }
    check_writable(options.out);
    geo::AtlasOptions atlas_options;
    atlas_options.data_crs = command.data.data_crs;
    const auto atlas = geo::load_atlas(resolve_annotations(command.data), atlas_options);
    if (!atlas->errors.empty()) {
        throw geo::InputError(atlas->errors.front().placed());
    }
    const geo::Projection projection(command.data.display_crs.empty()
                                         ? std::string(geo::default_display_crs)
                                         : command.data.display_crs);
    const MapScene scene(*atlas, projection);
    const VectorExportResult result =
        export_vector_data(scene, options, format, !command.data.display_crs.empty());
    std::cout << "wrote " << result.out.string() << " (" << vector_format_text(format) << ", "
              << result.islands << " islands, " << result.lines
              << (result.lines == 1 ? " line" : " lines") << " in force on " << options.date.iso()
              << ", " << result.crs << ") with " << result.sources_file.filename().string()
              << std::endl;
    return 0;
}

/// The handouts of a tour, with a progress bar on stderr.
int run_handouts(const MapScene& scene, const sf::Font& font, const ExportOptions& options,
                 const std::string& tour_id, const std::filesystem::path& tour_file,
                 ExportCanvas& canvas) {
    // A teacher's own tour file is read as present reads it: the shipped islands and sources
    // count as known.
    std::optional<geo::Annotations> own_tours;
    if (!tour_file.empty()) {
        own_tours = geo::load_annotations(
            tour_file, geo::ParseOptions{&scene.atlas->annotations, check_tours});
    }
    bool bar_shown = false;
    const auto progress = [&bar_shown](std::size_t done, std::size_t total) {
        const int filled = static_cast<int>(30 * done / total);
        std::fprintf(stderr, "\rhandouts [%s%s] %zu/%zu", std::string(filled, '#').c_str(),
                     std::string(30 - filled, ' ').c_str(), done, total);
        std::fflush(stderr);
        bar_shown = true;
    };
    HandoutResult result;
    try {
        result = export_handouts(scene, font, options, tour_id, canvas, progress,
                                 own_tours ? &*own_tours : nullptr);
    } catch (...) {
        if (bar_shown) {
            std::fprintf(stderr, "\n"); // the error gets a line of its own
        }
        throw;
    }
    std::fprintf(stderr, "\n");
    std::cout << "wrote " << result.slides << " slide images and " << result.index.string()
              << " and " << result.pdf.string() << '\n';
    return 0;
}

/// FROM:TO of --animate or --frames: each side YYYY-MM-DD, YYYY-MM, YYYY or "today".
std::pair<geo::Date, geo::Date> parse_range(const std::string& option, const std::string& text) {
    const std::size_t colon = text.find(':');
    if (text.size() > 64 || one_line(text) != text || colon == std::string::npos ||
        text.find(':', colon + 1) != std::string::npos) {
        throw geo::InputError(N_("{option} {value}: expected FROM:TO, e.g. 1855:today (each "
                                 "YYYY-MM-DD, YYYY-MM, YYYY or today)"),
                              {{"option", option}, {"value", quoted_value(text, 40)}});
    }
    const auto date = [&](const std::string& part) {
        if (part == "today") {
            return geo::Date::today();
        }
        try {
            return geo::parse_day(part);
        } catch (const geo::InputError& error) {
            throw geo::InputError(
                N_("{option} {value}: {error}"),
                {{"option", option}, {"value", text}, {"error", error.message()}});
        }
    };
    return {date(text.substr(0, colon)), date(text.substr(colon + 1))};
}

/// The animation's own options, checked before the data loads: the range, the output, the
/// codec and size, the pace.
AnimationOptions animation_options(const ExportCommandOptions& command, const ExportOptions& map) {
    const bool frames = !command.frames.empty();
    const std::string option = frames ? "--frames" : "--animate";
    if (!command.animate.empty() && frames) {
        throw geo::InputError(N_("--animate and --frames: give one or the other"));
    }
    if (!command.date.empty()) {
        throw geo::InputError(N_("--date: not with {option} (its FROM:TO gives the dates)"),
                              {{"option", option}});
    }
    if (!command.tour.empty() || !command.manifest.empty() || !command.format.empty()) {
        throw geo::InputError(N_("{option}: not with --tour, --manifest or --format (a film is "
                                 "one sequence of frames)"),
                              {{"option", option}});
    }
    AnimationOptions animation;
    animation.map = map;
    animation.out = command.out;
    animation.frames = frames;
    const auto [from, to] = parse_range(option, frames ? command.frames : command.animate);
    const Timeline timeline(std::vector<geo::Date>{});
    check_playback_range(option.c_str(), from, to, timeline.first(), timeline.last());
    animation.from = from;
    animation.to = to;
    animation.fps = static_cast<int>(parse_number("--fps", command.fps, 1, 60));
    if (std::to_string(animation.fps) != command.fps) {
        throw geo::InputError(N_("--fps {value}: expected a whole number from 1 to 60"),
                              {{"value", quoted_value(command.fps)}});
    }
    animation.playback.years_per_second = parse_number("--speed", command.speed, 0.1, 100);
    animation.playback.hold_seconds = parse_number("--hold", command.hold, 0, 30);
    check_animation(animation);
    return animation;
}

/// Plays history into the film or the folder of frames, with a progress bar on stderr.
int run_animation(const MapScene& scene, const sf::Font& font, const AnimationOptions& options,
                  ExportCanvas& canvas) {
    bool bar_shown = false;
    int percent_shown = -1;
    const auto progress = [&bar_shown, &percent_shown](std::size_t done, std::size_t total) {
        // Redrawn when the percentage changes, not for every frame.
        const auto percent = static_cast<int>(100 * done / total);
        if (percent == percent_shown && done != total) {
            return;
        }
        percent_shown = percent;
        const int filled = static_cast<int>(30 * done / total);
        std::fprintf(stderr, "\ranimate [%s%s] %zu/%zu frames", std::string(filled, '#').c_str(),
                     std::string(30 - filled, ' ').c_str(), done, total);
        std::fflush(stderr);
        bar_shown = true;
    };
    AnimationResult result;
    try {
        result = export_animation(scene, font, options, canvas, progress);
    } catch (...) {
        if (bar_shown) {
            std::fprintf(stderr, "\n"); // the error gets a line of its own
        }
        throw;
    }
    if (bar_shown) {
        std::fprintf(stderr, "\n");
    }
    char figures[160];
    std::snprintf(figures, sizeof figures, "%ux%u, %zu frames at %d fps, %.2f s; %zu drawn",
                  options.map.width, options.map.height, result.frames, options.fps, result.seconds,
                  result.drawn);
    const std::string what =
        options.frames
            ? "PNG frames into " + result.out.string()
            : result.out.string() + " (" + video_format_text(*video_format_for(result.out)) + ")";
    std::cout << "wrote " << what << ", " << figures << ", with "
              << result.sources_file.filename().string() << " in "
              << static_cast<long long>(std::llround(result.milliseconds)) << " ms" << std::endl;
    return 0;
}

} // namespace

CommandExit run_export(const ExportCommandOptions& command) {
    ExportOptions options;
    options.out = command.out;
    const bool animating = !command.animate.empty() || !command.frames.empty();
    // A film is 1280x720 unless told otherwise, each side even for its codec.
    const auto [width, height] =
        animating
            ? parse_size(command.size_given ? command.size : "1280x720", 2, max_animation_side)
            : parse_size(command.size, 1, max_export_side);
    options.width = width;
    options.height = height;
    if (!command.scale.empty() && !command.dpi.empty()) {
        throw geo::InputError(N_("--scale and --dpi: give one or the other"));
    }
    if (!command.scale.empty()) {
        options.scale = parse_number("--scale", command.scale, min_export_scale, max_export_scale);
    } else if (!command.dpi.empty()) {
        options.scale = parse_number("--dpi", command.dpi, min_dpi, max_dpi) / 96.0;
        options.dpi = options.scale * 96.0;
    }
    // --paper: the page; the pixels are its millimetres at --dpi (default 150), text and
    // symbols sized for that paper (--dpi / 96). With --tour it is handout.pdf's page only.
    if (!command.orientation.empty() && command.paper.empty()) {
        throw geo::InputError(N_("--orientation: give --paper too (the sheet it turns)"));
    }
    std::optional<PaperSize> paper;
    if (!command.paper.empty()) {
        paper = parse_paper(command.paper, command.orientation);
        if (animating) {
            throw geo::InputError(
                N_("--paper: not with --animate or --frames (a film has no page)"));
        }
        options.paper = paper;
        if (command.tour.empty()) {
            if (command.size_given) {
                throw geo::InputError(N_("--paper and --size: give one or the other (--paper "
                                         "with --dpi sets the pixels)"));
            }
            if (!command.scale.empty()) {
                throw geo::InputError(N_("--paper and --scale: give --dpi instead (the paper's "
                                         "dots per inch size the text)"));
            }
            const double dpi = options.dpi > 0 ? options.dpi : default_paper_dpi;
            options.width = paper_pixels(paper->width_mm, dpi);
            options.height = paper_pixels(paper->height_mm, dpi);
            if (std::max(options.width, options.height) > max_export_side) {
                throw geo::InputError(N_("--paper {value} at {dpi} dpi is more than {max} "
                                         "pixels a side; give a lower --dpi"),
                                      {{"value", quoted_value(command.paper)},
                                       {"dpi", std::to_string(std::lround(dpi))},
                                       {"max", std::to_string(max_export_side)}});
            }
            options.dpi = dpi;
            options.scale = dpi / 96.0;
        }
    }
    if (!command.bbox.empty()) {
        options.view.bbox = ViewSpec::parse_bbox(command.bbox);
    }
    if (!command.center.empty()) {
        options.view.center = ViewSpec::parse_center(command.center);
    }
    options.view.island = command.island;
    if (command.zoom_given) {
        options.view.zoom = ViewSpec::parse_zoom(command.zoom);
    }
    options.view.check_options(command.zoom_given);
    if (!command.date.empty()) {
        options.date = parse_timeline_date(command.date);
    }
    if (!command.compare.empty()) {
        if (!command.date.empty()) {
            throw geo::InputError(N_("--compare and --date: give one or the other (--compare "
                                     "gives each half its date)"));
        }
        if (!command.tour.empty()) {
            throw geo::InputError(N_("--compare: not with --tour (a slide says itself whether "
                                     "it compares)"));
        }
        const auto dates = parse_compare_dates(command.compare);
        options.compare = {{CompareHalfOptions{dates[0], {}}, CompareHalfOptions{dates[1], {}}}};
        options.date = dates[0];
    }
    if (!command.pov_compare.empty()) {
        if (!command.tour.empty()) {
            throw geo::InputError(N_("--pov-compare: not with --tour (a slide says itself what "
                                     "it shows)"));
        }
        if (command.pov != default_pov) {
            throw geo::InputError(N_("--pov-compare and --pov: give one or the other "
                                     "(--pov-compare gives each half its point of view)"));
        }
        const auto povs =
            parse_pair("--pov-compare", command.pov_compare, N_("points of view"), "jp,ru");
        if (!options.compare) {
            options.compare = {
                {CompareHalfOptions{options.date, {}}, CompareHalfOptions{options.date, {}}}};
        }
        if (povs[0] == povs[1] && (*options.compare)[0].date == (*options.compare)[1].date) {
            throw geo::InputError(N_("--pov-compare {value}: the two halves would be the same; "
                                     "give two points of view"),
                                  {{"value", quoted_value(command.pov_compare, 60)}});
        }
        (*options.compare)[0].pov = povs[0];
        (*options.compare)[1].pov = povs[1];
    }
    if (animating && options.compare) {
        throw geo::InputError(
            N_("{option}: not with --compare or --pov-compare (a film shows one map)"),
            {{"option", command.animate.empty() ? "--frames" : "--animate"}});
    }
    const auto language = language_from_code(command.language);
    if (!language) {
        throw geo::InputError(N_("--lang {value}: expected en, ja, ru, en+ja, en+ru or ja+ru"),
                              {{"value", quoted_value(command.language)}});
    }
    options.language = *language;
    options.text_language = parse_ui_language(command.text_language);
    options.visible = parse_layers(command.layers);
    options.pov = command.pov;
    options.title = command.title;
    options.legend = !command.no_legend;
    options.footer = !command.no_footer && !command.no_credit;
    options.credit = !command.no_credit;
    std::optional<AnimationOptions> animation;
    if (animating) {
        if (command.out.empty()) {
            throw geo::InputError(N_("--out FILE is required"));
        }
        animation = animation_options(command, options);
    }
    if (!command.tour_file.empty() && command.tour.empty()) {
        throw geo::InputError(N_("--tour-file {file}: give --tour ID too (the tour of that file "
                                 "to turn into handouts)"),
                              {{"file", one_line(command.tour_file.string(), 160)}});
    }
    const std::string format = output_format(command);
    options.geotiff = format == "geotiff";
    if (options.out.empty()) {
        throw geo::InputError(N_("--out FILE is required"));
    }
    if (command.tour.empty() && !animating && !std::filesystem::is_directory(options.out)) {
        check_out_extension(options.out, format);
    }
    if (const auto vector = vector_format_for("data." + format); vector && !animating) {
        return run_vector_export(command, options, *vector);
    }
    if (!command.manifest.empty()) {
        if (!command.tour.empty()) {
            throw geo::InputError(N_("--manifest: not with --tour (one manifest per image)"));
        }
        if (command.manifest.extension() != ".json") {
            throw geo::InputError(N_("--manifest {file}: expected a .json file name"),
                                  {{"file", one_line(command.manifest.string(), 160)}});
        }
        options.manifest = command.manifest;
    }
    if (command.tour.empty() && !animating) {
        validate_export(options); // a compare export as a GeoTIFF, or too narrow
        // A device, FIFO or folder as --out, or a side file that cannot be written, is refused
        // before the data is loaded (export_map checks again before drawing).
        check_export_outputs(options);
    }

    // The user's own layers: their options checked now, their files read with the atlas.
    const UserLayerOptions user_layers = user_layer_options(command.user_layers, command.data);

    auto& timer = PhaseTimer::global();
    timer.mark("parse options");
    // A private Xvfb (only when there is no DISPLAY) is forked before any other thread
    // starts: a library's fork handler (PROJ's) would wait forever on a lock that a thread
    // held at the fork.
    PrivateDisplay private_display;
    // The data loads and is prepared for drawing (GDAL, GEOS, PROJ) on a second core while
    // this thread starts OpenGL and creates the render texture; the two share nothing.
    struct Loaded {
        std::unique_ptr<geo::Atlas> atlas;
        std::unique_ptr<geo::Projection> projection;
        std::unique_ptr<MapScene> scene;
    };
    // What the export holds to the end: on success it is left to the operating system.
    struct Session {
        Loaded loaded;
        sf::Font font;
        ExportCanvas canvas;
    };
    auto session = std::make_shared<Session>();
    // One image of the sea, land, lakes (and graticule) alone needs no status regions.
    SceneOptions scene_options;
    if (command.tour.empty() && !animating && !options.compare && options.view.island.empty()) {
        scene_options = SceneOptions::for_layers(options.visible);
    }
    auto loading = std::async(std::launch::async, [&command, &options, &user_layers,
                                                   scene_options] {
        Loaded loaded;
        geo::AtlasOptions atlas_options;
        atlas_options.data_crs = command.data.data_crs;
        atlas_options.check = check_tours;
        loaded.atlas = geo::load_atlas(resolve_annotations(command.data), atlas_options);
        if (!loaded.atlas->errors.empty()) {
            throw geo::InputError(loaded.atlas->errors.front().placed());
        }
        if (command.tour.empty()) {
            check_pov(loaded.atlas->annotations, command.pov, "--pov");
            if (!command.pov_compare.empty()) {
                for (const auto& half : *options.compare) {
                    check_pov(loaded.atlas->annotations, half.pov, "--pov-compare");
                }
            }
        }
        loaded.projection = std::make_unique<geo::Projection>(
            command.data.display_crs.empty() ? std::string(geo::default_display_crs)
                                             : command.data.display_crs);
        loaded.scene = std::make_unique<MapScene>(*loaded.atlas, *loaded.projection, scene_options);
        for (std::size_t i = 0; i < user_layers.files.size(); ++i) {
            const auto& file = user_layers.files[i];
            for (auto& layer :
                 load_user_layers(file, user_layers, user_layers.style_of(i), *loaded.projection)) {
                loaded.scene->user_layers.push_back(std::move(layer));
            }
        }
        check_label_field(loaded.scene->user_layers, user_layers.label_field);
        loaded.projection->target_wkt_esri(); // for the .prj, made here while OpenGL starts
        if (command.tour.empty()) {
            // The export fits the view between its title band and footer (export_view), whose
            // heights depend on the font (loaded meanwhile by the main thread): the levels of
            // detail are built for every fit from no bands at all to bands over 3/8 of the
            // height (a footer citing many sources).
            const MapScene& scene = *loaded.scene;
            // A compare export fits each half: the view is as wide as a half.
            ExportOptions fit = options;
            if (fit.compare) {
                fit.width = compare_columns(fit.width, export_state(fit).ui_scale)[0].width;
                fit.compare.reset();
            }
            const double finest = export_view(scene, fit, 0, 0).metres_per_pixel();
            const double coarsest =
                export_view(scene, fit, 0, 0.375 * fit.height).metres_per_pixel();
            // A raster export under the status layer fills the land outside the regions.
            const MapState drawn = export_state(fit);
            scene.prepare_for(finest, coarsest, !drawn.shows(Layer::status),
                              drawn.shows(Layer::status) || drawn.shows(Layer::labels));
        }
        return loaded;
    });
    require_display();
    timer.mark("display");
    sf::Font& font = session->font;
    load_map_font(font);
    timer.mark("font");
    ExportCanvas& canvas = session->canvas;
    sf::RenderTexture* texture = nullptr;
    if (animating) {
        texture = &canvas.texture(ExportLayout{options.width, options.height}); // one pass a frame
        timer.mark("render texture");
    } else if (command.tour.empty()) {
        texture = &canvas.texture(export_layout(options));
        timer.mark("render texture");
    }
    if (texture != nullptr) {
        // The driver compiles its code for each kind of shape now, while the data load.
        MapRenderer::warm_up_driver(*texture, font, sf::Color::Transparent);
        timer.mark("driver warmed up");
    }
    session->loaded = loading.get();
    timer.mark("wait for data");
    const MapScene& scene = *session->loaded.scene;
    if (animation) {
        return {run_animation(scene, font, *animation, canvas), std::move(session)};
    }
    if (!command.tour.empty()) {
        return {run_handouts(scene, font, options, command.tour, command.tour_file, canvas)};
    }
    const auto start = std::chrono::steady_clock::now();
    bool printed = false;
    const auto progress = [&](double fraction) {
        const double seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        if (seconds > 1.0) {
            std::fprintf(stderr, "\rexport: %3.0f%%", fraction * 100);
            std::fflush(stderr);
            printed = true;
        }
    };
    ExportResult result;
    try {
        result = export_map(scene, font, options, progress, &canvas);
    } catch (...) {
        if (printed) {
            std::fprintf(stderr, "\n"); // the error gets a line of its own
        }
        throw;
    }
    if (printed) {
        std::fprintf(stderr, "\n");
    }
    std::cout << "wrote " << result.image.string() << " (" << result.width << "x" << result.height
              << ", " << result.tiles
              << (result.tiles == 1 ? " pass"
                  : result.tiled    ? " tiles"
                                    : " bands")
              << ")";
    std::cout << " with " << result.sources_file.filename().string();
    if (!result.right_world_file.empty()) {
        std::cout << ", " << result.world_file.filename().string() << " (left half), "
                  << result.right_world_file.filename().string() << " (right half) and "
                  << result.prj.filename().string();
    } else if (!result.world_file.empty()) {
        std::cout << ", " << result.world_file.filename().string() << " and "
                  << result.prj.filename().string();
    }
    if (!result.manifest.empty()) {
        std::cout << ", manifest " << result.manifest.filename().string();
    }
    char ms[32];
    std::snprintf(ms, sizeof ms, "%.0f", result.milliseconds);
    std::cout << " in " << ms << " ms" << std::endl;
    // All is written and renamed into place: the private Xvfb stops (on return), and main
    // ends the process without tearing down the data, fonts and OpenGL objects (Mesa, LLVM
    // and GDAL: a few milliseconds of an export of a few hundred).
    return {0, std::move(session)};
}

} // namespace kuril
