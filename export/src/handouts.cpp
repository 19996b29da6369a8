// SPDX-License-Identifier: GPL-3.0-or-later
#include "export/handouts.hpp"

#include "export/exporter.hpp"
#include "geo/error.hpp"
#include "imageio/atomic_file.hpp"
#include "render/fonts.hpp"
#include "render/vector_output.hpp"

#include <algorithm>
#include <cmath>
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

std::string index_head(const geo::Tour& tour) {
    const std::string title = html_escape(tour.title.empty() ? tour.id : tour.title);
    // On paper: one slide per landscape page, the image as large as the page allows, the
    // sources in small print below it, links printed as text.
    return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>" +
           title +
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
        slide.title_in(lang) + " (" + slide.date.long_text() + "). " + slide.caption_in(lang);
    // The page's own words are English; the image and its description are in `lang`.
    const std::string img_lang = lang == "en" ? "" : " lang=\"" + std::string(lang) + "\"";
    std::string html = "<section>\n<img src=\"" + html_escape(image) + "\"" + img_lang + " alt=\"" +
                       html_escape(alt) + "\">\n<p class=\"slide\">Slide " +
                       std::to_string(number) + " of " + std::to_string(count) +
                       "</p>\n<p class=\"sources\">Sources: ";
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
        html += "none for what this slide shows.";
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

/// A slide's sources: its own, then those of what its map shows, each once.
std::vector<const geo::Source*>
slide_sources(const std::function<const geo::Source*(const std::string&)>& find_source,
              const geo::Slide& slide, const std::vector<std::string>& shown_sources) {
    std::vector<std::string> ids = slide.sources;
    for (const auto& id : shown_sources) {
        if (std::find(ids.begin(), ids.end(), id) == ids.end()) {
            ids.push_back(id);
        }
    }
    std::vector<const geo::Source*> sources;
    for (const auto& id : ids) {
        if (const geo::Source* s = find_source(id)) {
            sources.push_back(s);
        }
    }
    return sources;
}

/// handout.pdf's page layout, in points.
struct HandoutPage {
    static constexpr double margin_mm = 12;
    static constexpr unsigned heading_pt = 10;
    static constexpr unsigned sources_pt = 8;
    static constexpr double dpi = 150; ///< the map's pixels: its level of detail and layout
    /// The smallest map text is a label's smallest variant, 0.65 of 12 px before the scale:
    /// this scale sets it at 7 pt on paper.
    static constexpr double min_label_pt = 7;
    static double map_scale() { return min_label_pt / (0.65 * 12) * dpi / 72; }
};

/// Writes handout.pdf into `file` (a temporary name): for each slide, the heading (the tour's
/// title, the slide's number), the slide's map drawn for the page, and its sources.
void write_handout_pdf(const MapScene& scene, const sf::Font& font, const geo::Tour& tour,
                       const std::vector<ExportOptions>& slides,
                       const std::vector<std::vector<const geo::Source*>>& sources,
                       const ExportOptions& base, const fs::path& file) {
    constexpr double pt_per_mm = 72 / 25.4;
    const PaperSize paper = base.paper.value_or(PaperSize{});
    const double page_w = paper.width_mm * pt_per_mm;
    const double page_h = paper.height_mm * pt_per_mm;
    const double margin = HandoutPage::margin_mm * pt_per_mm;
    const double width = page_w - 2 * margin;
    const std::string tour_title = tour.title.empty() ? tour.id : tour.title;
    VectorDocument pdf(VectorFormat::pdf, file, page_w, page_h, find_map_font().path, tour_title);
    const double pt_per_px = 72 / HandoutPage::dpi;
    for (std::size_t i = 0; i < slides.size(); ++i) {
        std::string list;
        for (std::size_t k = 0; k < sources[i].size(); ++k) {
            if (k > 0) {
                list += '\n';
            }
            list += std::to_string(k + 1) + ". " + source_line(*sources[i][k]);
        }
        if (list.empty()) {
            list = "No source is cited for what this slide shows.";
        }
        const std::string heading = tour_title + " — slide " + std::to_string(i + 1) + " of " +
                                    std::to_string(slides.size());
        const double heading_h =
            VectorDocument::text_height(font, heading, HandoutPage::heading_pt, width);
        const double list_h =
            VectorDocument::text_height(font, "Sources", HandoutPage::sources_pt, width) +
            VectorDocument::text_height(font, list, HandoutPage::sources_pt, width);
        // The map as large as the page allows, at most as high as it is wide.
        const double gap = 4 * pt_per_mm;
        const double map_h =
            std::clamp(page_h - 2 * margin - heading_h - list_h - 2 * gap, width * 0.5, width);
        ExportOptions options = slides[i];
        options.paper.reset();
        options.width = static_cast<unsigned>(std::lround(width / pt_per_px));
        options.height = static_cast<unsigned>(std::lround(map_h / pt_per_px));
        options.scale = HandoutPage::map_scale();
        options.dpi = HandoutPage::dpi;
        VectorCapture capture;
        options.record = &capture;
        export_map(scene, font, options);
        double y = margin;
        y += pdf.text(font, heading, HandoutPage::heading_pt, margin, y, width, true);
        y += gap;
        pdf.draw(capture, font, options.width, options.height, margin, y, pt_per_px);
        y += options.height * pt_per_px + gap;
        y += pdf.text(font, "Sources", HandoutPage::sources_pt, margin, y, width, true);
        pdf.text(font, list, HandoutPage::sources_pt, margin, y, width);
        pdf.next_page();
    }
    pdf.finish();
}

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
    HandoutResult result{count, folder / "index.html", folder / "handout.pdf"};
    check_writable(result.index);
    check_writable(result.pdf);
    PendingOutputs pending;
    std::string html = index_head(tour);
    std::vector<std::vector<const geo::Source*>> sources;
    for (std::size_t i = 0; i < count; ++i) {
        const geo::Slide& slide = tour.slides[i];
        const ExportResult image = export_map(scene, font, slides[i], {}, &canvas, &pending);
        if (progress) {
            progress(i + 1, count);
        }
        sources.push_back(slide_sources(source, slide, image.sources));
        html += index_section(source, slide, text_language_code(base.text_language), i + 1, count,
                              slides[i].out.filename().string(), image.sources);
    }
    html += "<p class=\"sources\">Coastlines: GSHHG 2.3.7 © P. Wessel &amp; W. H. F. Smith, "
            "LGPL-3; country borders: DCW-GMT, LGPL-3. Lines marked approx. are constructions, "
            "not official lines.</p>\n"
            "</body>\n</html>\n";
    auto index = std::make_shared<AtomicFile>(result.index);
    index->write_text(html);
    index->sync();
    pending.hold(index, [index] { index->commit(); });
    auto pdf = std::make_shared<AtomicFile>(result.pdf);
    write_handout_pdf(scene, font, tour, slides, sources, base, pdf->temporary());
    pdf->sync();
    pending.hold(pdf, [pdf] { pdf->commit(); });
    pending.commit();
    return result;
}

} // namespace

} // namespace kuril
