#include "export/handouts.hpp"

#include "geo/error.hpp"
#include "imageio/atomic_file.hpp"

#include <algorithm>
#include <cstdio>
#include <vector>

namespace fs = std::filesystem;

namespace kuril {
namespace {

/// Text and attribute values for HTML: the five characters that could end them.
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

const geo::Tour& find_tour(const geo::Annotations& annotations, const std::string& tour_id) {
    const geo::Tour* tour = annotations.tour(tour_id);
    if (tour == nullptr) {
        std::string known;
        for (const auto& t : annotations.tours) {
            known += (known.empty() ? "" : ", ") + t.id;
        }
        throw geo::InputError("unknown tour '" + tour_id + "' (known: " + known + ")");
    }
    return *tour;
}

std::string index_head(const geo::Tour& tour) {
    const std::string title = html_escape(tour.title.empty() ? tour.id : tour.title);
    return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" +
           title +
           "</title>\n<style>\nbody{font-family:sans-serif;max-width:60em;margin:auto}"
           "\nsection{page-break-after:always;margin-bottom:2em}\nimg{width:100%}"
           "\n.sources{font-size:smaller;color:#444}\n</style>\n</head>\n<body>\n<h1>" +
           title + "</h1>\n";
}

/// A slide's section of the index: number, title, date, image, caption, and the sources: the
/// slide's own, then those of what its image shows, each once, by title (never by id).
std::string index_section(const geo::Annotations& annotations, const geo::Slide& slide,
                          std::size_t number, const std::string& image,
                          const std::vector<std::string>& shown_sources) {
    std::string html = "<section>\n<h2>" + std::to_string(number) + ". " +
                       html_escape(slide.title) + "</h2>\n<p><em>" +
                       html_escape(slide.date.long_text()) + "</em></p>\n<img src=\"" +
                       html_escape(image) + "\" alt=\"" + html_escape(slide.title) + "\">\n<p>" +
                       html_escape(slide.caption) + "</p>\n<p class=\"sources\">Sources: ";
    std::vector<std::string> ids = slide.sources;
    for (const auto& id : shown_sources) {
        if (std::find(ids.begin(), ids.end(), id) == ids.end()) {
            ids.push_back(id);
        }
    }
    bool first = true;
    for (const auto& id : ids) {
        const auto* source = annotations.source(id);
        if (source == nullptr) {
            continue; // the annotations were checked: every cited id is a source
        }
        html += first ? "" : "; ";
        first = false;
        html += html_escape(source->title);
        if (!source->publisher.empty() || !source->date.empty()) {
            html += " (" + html_escape(source->publisher) +
                    (source->publisher.empty() || source->date.empty() ? "" : ", ") +
                    html_escape(source->date) + ")";
        }
        if (!source->url.empty()) {
            html += ", <a href=\"" + html_escape(source->url) + "\">" + html_escape(source->url) +
                    "</a>";
        }
    }
    if (first) {
        html += "none for what this slide shows.";
    }
    return html + "</p>\n</section>\n";
}

} // namespace

HandoutResult export_handouts(const MapScene& scene, const sf::Font& font,
                              const ExportOptions& base, const std::string& tour_id,
                              ExportCanvas& canvas,
                              const std::function<void(std::size_t, std::size_t)>& progress) {
    const auto& annotations = scene.atlas->annotations;
    const geo::Tour& tour = find_tour(annotations, tour_id);
    const fs::path folder = base.out;
    std::error_code ec;
    fs::create_directories(folder, ec);
    if (!fs::is_directory(folder, ec)) {
        throw geo::InputError(folder.string() + ": cannot create the handout folder");
    }
    std::string html = index_head(tour);
    const std::size_t count = tour.slides.size();
    for (std::size_t i = 0; i < count; ++i) {
        const geo::Slide& slide = tour.slides[i];
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
        const ExportResult image = export_map(scene, font, options, {}, &canvas);
        if (progress) {
            progress(i + 1, count);
        }
        html += index_section(annotations, slide, i + 1, name, image.sources);
    }
    html += "<p class=\"sources\">Coastlines: GSHHG 2.3.7 © P. Wessel &amp; W. H. F. Smith, "
            "LGPL-3. Lines marked approx. are constructions, not official lines.</p>\n"
            "</body>\n</html>\n";
    HandoutResult result{count, folder / "index.html"};
    AtomicFile index(result.index);
    index.write_text(html);
    index.commit();
    return result;
}

} // namespace kuril
