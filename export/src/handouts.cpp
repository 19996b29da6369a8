// SPDX-License-Identifier: GPL-3.0-or-later
#include "export/handouts.hpp"

#include "export/exporter.hpp"
#include "geo/error.hpp"
#include "i18n/translate.hpp"
#include "imageio/atomic_file.hpp"

#include <algorithm>
#include <cstdio>
#include <functional>
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

std::string index_head(const geo::Tour& tour, std::string_view lang) {
    const std::string title = html_escape(tour.title.empty() ? tour.id : tour.title);
    // On paper: one slide per landscape page, the image as large as the page allows, the
    // sources in small print below it, links printed as text.
    return "<!DOCTYPE html>\n<html lang=\"" + std::string(lang) +
           "\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + title +
           "</title>\n<style>\nbody{font-family:sans-serif;max-width:60em;margin:auto}"
           "\nsection{margin-bottom:2em}\nimg{width:100%}\n.slide{color:#444;margin:.2em 0}"
           "\n.sources{font-size:smaller;color:#444}"
           "\n@media print{@page{size:landscape;margin:10mm}"
           "\nbody{max-width:none;margin:0}\nh1{font-size:14pt;margin:0 0 4mm}"
           "\nsection{break-after:page;break-inside:avoid;margin:0}"
           "\nimg{width:auto;max-width:100%;max-height:150mm;display:block;margin:auto}"
           "\n.sources{font-size:8pt}\na{color:inherit;text-decoration:none}}"
           "\n</style>\n</head>\n<body>\n<h1>" +
           title + "</h1>\n";
}

/// A slide's section of the index: its image (which carries the title, date and caption, so
/// they are not repeated as text; the image's alternative text gives them), its number, and
/// the sources: the slide's own, then those of what its image shows, each once, by title
/// (never by id).
std::string index_section(const std::function<const geo::Source*(const std::string&)>& find_source,
                          const geo::Slide& slide, std::string_view lang, std::size_t number,
                          std::size_t count, const std::string& image,
                          const std::vector<std::string>& shown_sources) {
    const std::string alt =
        slide.title_in(lang) + " (" + slide.date.long_text(lang) + "). " + slide.caption_in(lang);
    // The page, the image and its description are all in `lang` (the page says so).
    std::string html =
        "<section>\n<img src=\"" + html_escape(image) + "\" alt=\"" + html_escape(alt) +
        "\">\n<p class=\"slide\">" +
        html_escape(
            i18n::format(i18n::tr(lang, "Slide {number} of {count}"),
                         {{"number", std::to_string(number)}, {"count", std::to_string(count)}})) +
        "</p>\n<p class=\"sources\">" + html_escape(std::string(i18n::tr(lang, "Sources: ")));
    std::vector<std::string> ids = slide.sources;
    for (const auto& id : shown_sources) {
        if (std::find(ids.begin(), ids.end(), id) == ids.end()) {
            ids.push_back(id);
        }
    }
    bool first = true;
    for (const auto& id : ids) {
        const auto* source = find_source(id);
        if (source == nullptr) {
            continue; // the annotations were checked: every cited id is a source
        }
        html += first ? "" : "; ";
        first = false;
        html += html_escape(source->title + source->language_note());
        if (!source->publisher.empty() || !source->date.empty()) {
            html += " (" + html_escape(source->publisher) +
                    (source->publisher.empty() || source->date.empty() ? "" : ", ") +
                    html_escape(source->date) + ")";
        }
        if (!source->isbn.empty()) {
            html += ", ISBN " + html_escape(source->isbn);
        }
        if (!source->url.empty()) {
            html += ", <a href=\"" + html_escape(source->url) + "\">" + html_escape(source->url) +
                    "</a>";
        }
    }
    if (first) {
        html += html_escape(std::string(i18n::tr(lang, "none for what this slide shows.")));
    }
    return html + "</p>\n</section>\n";
}

/// The export options of slide `index` (0-based): its image "slide-NN-ID.png" in `folder`.
ExportOptions slide_options(const ExportOptions& base, const fs::path& folder,
                            const geo::Slide& slide, std::size_t index) {
    ExportOptions options = base;
    char name[128];
    std::snprintf(name, sizeof name, "slide-%02zu-%s.png", index + 1, slide.id.c_str());
    options.out = folder / name;
    options.geotiff = false;
    const std::string_view lang = text_language_code(base.text_language);
    options.title = slide.title_in(lang);
    options.caption = slide.caption_in(lang);
    options.date = slide.date;
    if (slide.compare) {
        // A slide that compares is a compare image: its date on the left, the other on the right.
        options.compare = {
            {CompareHalfOptions{slide.date, {}}, CompareHalfOptions{*slide.compare, {}}}};
    }
    options.view = ViewSpec::from_slide(slide);
    if (auto language = language_from_code(slide.lang)) {
        options.language = *language;
    }
    options.visible = layers_from_names(slide.layers);
    options.pov = slide.pov.empty() ? std::string(default_pov) : slide.pov;
    return options;
}

HandoutResult write_handouts(const MapScene& scene, const sf::Font& font, const geo::Tour& tour,
                             const std::string& tour_id,
                             const std::function<const geo::Source*(const std::string&)>& source,
                             const fs::path& folder, const ExportOptions& base,
                             ExportCanvas& canvas,
                             const std::function<void(std::size_t, std::size_t)>& progress);

} // namespace

HandoutResult export_handouts(const MapScene& scene, const sf::Font& font,
                              const ExportOptions& base, const std::string& tour_id,
                              ExportCanvas& canvas,
                              const std::function<void(std::size_t, std::size_t)>& progress,
                              const geo::Annotations* tours) {
    // The tour comes from the user's own file when one is given; sources are looked up there
    // first, then in the shipped annotations.
    const auto& shipped = scene.atlas->annotations;
    const geo::Tour& tour = find_tour(tours != nullptr ? *tours : shipped, tour_id);
    const auto source = [&](const std::string& id) -> const geo::Source* {
        const geo::Source* own = tours != nullptr ? tours->source(id) : nullptr;
        return own != nullptr ? own : shipped.source(id);
    };
    const fs::path folder = base.out;
    std::error_code ec;
    const bool existed = fs::exists(fs::symlink_status(folder, ec));
    fs::create_directories(folder, ec);
    if (!fs::is_directory(folder, ec)) {
        throw geo::InputError(folder.string() + ": cannot create the handout folder");
    }
    try {
        return write_handouts(scene, font, tour, tour_id, source, folder, base, canvas, progress);
    } catch (...) {
        if (!existed) {
            fs::remove(folder, ec); // made here, and empty: every output was temporary
        }
        throw;
    }
}

namespace {

HandoutResult write_handouts(const MapScene& scene, const sf::Font& font, const geo::Tour& tour,
                             const std::string& tour_id,
                             const std::function<const geo::Source*(const std::string&)>& source,
                             const fs::path& folder, const ExportOptions& base,
                             ExportCanvas& canvas,
                             const std::function<void(std::size_t, std::size_t)>& progress) {
    // Every slide is checked (its options, its view, every file it writes) before the first
    // is drawn; all are written under temporary names and put in place together at the end,
    // so a failed handout leaves the folder as it was.
    const std::size_t count = tour.slides.size();
    std::vector<ExportOptions> slides;
    slides.reserve(count);
    for (std::size_t i = 0; i < count; ++i) {
        slides.push_back(slide_options(base, folder, tour.slides[i], i));
        const ExportOptions& options = slides.back();
        try {
            validate_export(options);
            export_view(scene, options, 0, 0);
            check_export_outputs(options);
        } catch (const geo::InputError& error) {
            throw geo::InputError("tour '" + tour_id + "', slide " + std::to_string(i + 1) + " (" +
                                  tour.slides[i].id + "): " + error.what());
        }
    }
    HandoutResult result{count, folder / "index.html"};
    check_writable(result.index);
    PendingOutputs pending;
    const std::string_view lang = text_language_code(base.text_language);
    std::string html = index_head(tour, lang);
    for (std::size_t i = 0; i < count; ++i) {
        const geo::Slide& slide = tour.slides[i];
        const ExportResult image = export_map(scene, font, slides[i], {}, &canvas, &pending);
        if (progress) {
            progress(i + 1, count);
        }
        html += index_section(source, slide, text_language_code(base.text_language), i + 1, count,
                              slides[i].out.filename().string(), image.sources);
    }
    html += "<p class=\"sources\">" +
            html_escape(std::string(i18n::tr(
                lang, "Coastlines: GSHHG 2.3.7 © P. Wessel & W. H. F. Smith, LGPL-3; country "
                      "borders: DCW-GMT, LGPL-3. Lines marked approx. are constructions, not "
                      "official lines."))) +
            "</p>\n</body>\n</html>\n";
    auto index = std::make_shared<AtomicFile>(result.index);
    index->write_text(html);
    index->sync();
    pending.hold(index, [index] { index->commit(); });
    pending.commit();
    return result;
}

} // namespace

} // namespace kuril
