#include "commands.hpp"
#include "export/exporter.hpp"
#include "geo/atlas.hpp"
#include "geo/error.hpp"
#include "geo/projection.hpp"
#include "imageio/atomic_file.hpp"
#include "imageio/png_writer.hpp"
#include "render/display.hpp"
#include "render/fonts.hpp"
#include "util/phase_timer.hpp"

#include <SFML/Window/Context.hpp>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <future>
#include <iostream>
#include <sstream>

namespace kuril {

std::array<bool, layer_count> parse_layers(const std::string& list) {
    std::array<bool, layer_count> visible{};
    visible.fill(true);
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
            throw geo::InputError("--layers: unknown layer '" + name +
                                  "' (expected sea, land, lakes, graticule, status, lines, "
                                  "events, labels)");
        }
        visible[static_cast<std::size_t>(*layer)] = item[0] != '-';
    }
    return visible;
}

std::pair<unsigned, unsigned> parse_size(const std::string& text, unsigned min_side,
                                         unsigned max_side) {
    unsigned long width = 0;
    unsigned long height = 0;
    char x = 0;
    std::istringstream in(text);
    std::string rest;
    if (!(in >> width >> x >> height) || x != 'x' || (in >> rest)) {
        throw geo::InputError("--size '" + text + "': expected WxH, e.g. 1920x1080");
    }
    if (width < min_side || height < min_side || width > max_side || height > max_side) {
        throw geo::InputError("--size '" + text + "': each side must be " +
                              std::to_string(min_side) + " to " + std::to_string(max_side) +
                              " pixels");
    }
    return {static_cast<unsigned>(width), static_cast<unsigned>(height)};
}

namespace {

std::string html_escape(const std::string& text) {
    std::string out;
    for (const char c : text) {
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        default:
            out += c;
        }
    }
    return out;
}

/// One image per slide (its view, date, layers, language, title and caption) and a printable
/// index.html naming each with its caption and sources.
int export_handouts(const MapScene& scene, const sf::Font& font, const ExportOptions& base,
                    const std::string& tour_id, ExportCanvas& canvas) {
    const auto& annotations = scene.atlas->annotations;
    const geo::Tour* tour = annotations.tour(tour_id);
    if (tour == nullptr) {
        std::string known;
        for (const auto& t : annotations.tours) {
            known += (known.empty() ? "" : ", ") + t.id;
        }
        throw geo::InputError("unknown tour '" + tour_id + "' (known: " + known + ")");
    }
    const std::filesystem::path folder = base.out;
    std::error_code ec;
    std::filesystem::create_directories(folder, ec);
    if (!std::filesystem::is_directory(folder, ec)) {
        throw geo::InputError(folder.string() + ": cannot create the handout folder");
    }
    std::string html =
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" +
        html_escape(tour->title.empty() ? tour->id : tour->title) +
        "</title>\n<style>\nbody{font-family:sans-serif;max-width:60em;margin:auto}"
        "\nsection{page-break-after:always;margin-bottom:2em}\nimg{width:100%}"
        "\n.sources{font-size:smaller;color:#444}\n</style>\n</head>\n<body>\n<h1>" +
        html_escape(tour->title.empty() ? tour->id : tour->title) + "</h1>\n";
    const std::size_t count = tour->slides.size();
    for (std::size_t i = 0; i < count; ++i) {
        const geo::Slide& slide = tour->slides[i];
        ExportOptions options = base;
        char name[128];
        std::snprintf(name, sizeof name, "slide-%02zu-%s.png", i + 1, slide.id.c_str());
        options.out = folder / name;
        options.geotiff = false;
        options.title = slide.title;
        options.caption = slide.caption;
        options.date = slide.date;
        options.view = ViewSpec::from_slide(slide);
        if (auto language = language_from_code(slide.lang)) {
            options.language = *language;
        }
        options.visible = layers_from_names(slide.layers);
        export_map(scene, font, options, {}, &canvas);
        // A progress bar on stderr.
        const int done = static_cast<int>(30 * (i + 1) / count);
        std::fprintf(stderr, "\rhandouts [%s%s] %zu/%zu", std::string(done, '#').c_str(),
                     std::string(30 - done, ' ').c_str(), i + 1, count);
        std::fflush(stderr);
        html += "<section>\n<h2>" + std::to_string(i + 1) + ". " + html_escape(slide.title) +
                "</h2>\n<p><em>" + html_escape(slide.date.long_text()) + "</em></p>\n<img src=\"" +
                name + "\" alt=\"" + html_escape(slide.title) + "\">\n<p>" +
                html_escape(slide.caption) + "</p>\n<p class=\"sources\">Sources: ";
        for (std::size_t k = 0; k < slide.sources.size(); ++k) {
            const auto* source = annotations.source(slide.sources[k]);
            html += k > 0 ? "; " : "";
            if (source != nullptr) {
                html += html_escape(source->title) + " (" + html_escape(source->publisher) +
                        (source->date.empty() ? "" : ", " + html_escape(source->date)) +
                        "), <a href=\"" + html_escape(source->url) + "\">" +
                        html_escape(source->url) + "</a>";
            } else {
                html += html_escape(slide.sources[k]);
            }
        }
        html += "</p>\n</section>\n";
    }
    std::fprintf(stderr, "\n");
    html += "<p class=\"sources\">Coastlines: GSHHG 2.3.7 © P. Wessel &amp; W. H. F. Smith, "
            "LGPL-3. Lines marked approx. are constructions, not official lines.</p>\n"
            "</body>\n</html>\n";
    AtomicFile index(folder / "index.html");
    index.write_text(html);
    index.commit();
    std::cout << "wrote " << count << " slide images and " << (folder / "index.html").string()
              << '\n';
    return 0;
}

} // namespace

int run_export(const ExportCommandOptions& command) {
    ExportOptions options;
    options.out = command.out;
    const auto [width, height] = parse_size(command.size, 1, max_export_side);
    options.width = width;
    options.height = height;
    if (command.scale > 0 && command.dpi > 0) {
        throw geo::InputError("--scale and --dpi: give one or the other");
    }
    options.scale = command.scale > 0 ? command.scale : command.dpi > 0 ? command.dpi / 96.0 : 0;
    if (!command.bbox.empty()) {
        options.view.bbox = ViewSpec::parse_bbox(command.bbox);
    }
    if (!command.center.empty()) {
        options.view.center = ViewSpec::parse_center(command.center);
    }
    options.view.island = command.island;
    options.view.zoom = command.zoom;
    if (!command.date.empty()) {
        options.date = geo::parse_day(command.date);
    }
    const auto language = language_from_code(command.language);
    if (!language) {
        throw geo::InputError("--lang '" + command.language +
                              "': expected en, ja, ru, en+ja, en+ru or ja+ru");
    }
    options.language = *language;
    options.visible = parse_layers(command.layers);
    options.title = command.title;
    options.legend = !command.no_legend;
    options.footer = !command.no_footer;
    if (command.format != "png" && command.format != "geotiff") {
        throw geo::InputError("--format '" + command.format + "': expected png or geotiff");
    }
    options.geotiff = command.format == "geotiff";
    if (options.out.empty()) {
        throw geo::InputError("--out FILE is required");
    }

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
    auto loading = std::async(std::launch::async, [&command, &options] {
        Loaded loaded;
        geo::AtlasOptions atlas_options;
        atlas_options.data_crs = command.data.data_crs;
        loaded.atlas = geo::load_atlas(resolve_annotations(command.data), atlas_options);
        if (!loaded.atlas->errors.empty()) {
            throw geo::InputError(loaded.atlas->errors.front());
        }
        loaded.projection = std::make_unique<geo::Projection>(
            command.data.display_crs.empty() ? std::string(geo::default_display_crs)
                                             : command.data.display_crs);
        loaded.scene = std::make_unique<MapScene>(*loaded.atlas, *loaded.projection);
        loaded.projection->target_wkt_esri(); // for the .prj, made here while OpenGL starts
        if (command.tour.empty()) {
            // The export fits the view between its title band and footer (export_view), whose
            // heights depend on the font (loaded meanwhile by the main thread): the levels of
            // detail are built for every fit from no bands at all to bands over 3/8 of the
            // height (a footer citing many sources).
            const MapScene& scene = *loaded.scene;
            const double finest = export_view(scene, options, 0, 0).metres_per_pixel();
            const double coarsest =
                export_view(scene, options, 0, 0.375 * options.height).metres_per_pixel();
            scene.prepare_for(finest, coarsest);
        }
        return loaded;
    });
    require_display();
    timer.mark("display");
    sf::Font font;
    load_map_font(font);
    timer.mark("font");
    ExportCanvas canvas;
    if (command.tour.empty()) {
        canvas.texture(export_layout(options));
        timer.mark("render texture");
    }
    const Loaded loaded = loading.get();
    timer.mark("wait for data");
    const MapScene& scene = *loaded.scene;
    if (!command.tour.empty()) {
        return export_handouts(scene, font, options, command.tour, canvas);
    }
    const auto start = std::chrono::steady_clock::now();
    bool printed = false;
    const auto result = export_map(
        scene, font, options,
        [&](double fraction) {
            const double seconds =
                std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
            if (seconds > 1.0) {
                std::fprintf(stderr, "\rexport: %3.0f%%", fraction * 100);
                std::fflush(stderr);
                printed = true;
            }
        },
        &canvas);
    if (printed) {
        std::fprintf(stderr, "\n");
    }
    std::cout << "wrote " << result.image.string() << " (" << result.width << "x" << result.height
              << ", " << result.tiles
              << (result.tiles == 1 ? " pass"
                  : result.tiled    ? " tiles"
                                    : " bands")
              << ")";
    if (!result.world_file.empty()) {
        std::cout << " with " << result.world_file.filename().string() << " and "
                  << result.prj.filename().string();
    }
    char ms[32];
    std::snprintf(ms, sizeof ms, "%.0f", result.milliseconds);
    std::cout << " in " << ms << " ms" << std::endl;
    // All is written and renamed into place, and the process ends here: it leaves the data,
    // fonts and OpenGL objects to the operating system rather than tearing Mesa, LLVM and GDAL
    // down piece by piece first (a few milliseconds of an export of a few hundred).
    private_display.stop();
    std::fflush(nullptr);
    std::_Exit(0);
}

} // namespace kuril
