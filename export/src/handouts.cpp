// SPDX-License-Identifier: GPL-3.0-or-later
#include "export/handouts.hpp"

#include "export/exporter.hpp"
#include "geo/error.hpp"
#include "i18n/translate.hpp"
#include "imageio/atomic_file.hpp"
#include "render/fonts.hpp"
#include "render/furniture.hpp"
#include "render/text.hpp"
#include "render/vector_output.hpp"
#include "util/strings.hpp"

#include <SFML/Graphics/RenderTexture.hpp>
#include <SFML/Graphics/View.hpp>
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <vector>

namespace fs = std::filesystem;
using i18n::N_;

namespace kuril {
namespace {

const geo::Tour& find_tour(const geo::Annotations& annotations, const std::string& tour_id) {
    const geo::Tour* tour = annotations.tour(tour_id);
    if (tour == nullptr) {
        std::string known;
        for (const auto& t : annotations.tours) {
            known += (known.empty() ? "" : ", ") + t.id;
        }
        throw geo::InputError(N_("unknown tour '{id}' (known: {known})"),
                              {{"id", tour_id}, {"known", known}});
    }
    return *tour;
}

std::string index_head(const geo::Tour& tour, std::string_view lang) {
    const std::string title = markup_escape(tour.title.empty() ? tour.id : tour.title);
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
        "<section>\n<img src=\"" + markup_escape(image) + "\" alt=\"" + markup_escape(alt) +
        "\">\n<p class=\"slide\">" +
        markup_escape(
            i18n::format(i18n::tr(lang, "Slide {number} of {count}"),
                         {{"number", std::to_string(number)}, {"count", std::to_string(count)}})) +
        "</p>\n<p class=\"sources\">" + markup_escape(std::string(i18n::tr(lang, "Sources: ")));
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
        html += markup_escape(source->title + source->language_note());
        if (!source->publisher.empty() || !source->date.empty()) {
            html += " (" + markup_escape(source->publisher) +
                    (source->publisher.empty() || source->date.empty() ? "" : ", ") +
                    markup_escape(source->date) + ")";
        }
        if (!source->isbn.empty()) {
            html += ", ISBN " + markup_escape(source->isbn);
        }
        if (!source->url.empty()) {
            html += ", <a href=\"" + markup_escape(source->url) + "\">" +
                    markup_escape(source->url) + "</a>";
        }
    }
    if (first) {
        html += markup_escape(std::string(i18n::tr(lang, "none for what this slide shows.")));
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
    static constexpr double gap_mm = 4;
    static constexpr unsigned heading_pt = 10;
    static constexpr unsigned caption_pt = 11;
    static constexpr unsigned sources_pt = 7;
    static constexpr double legend_pt = 8;
    /// The map's pixels: its level of detail and layout (a paper export's default).
    static constexpr double dpi = default_paper_dpi;
    /// The smallest map text is a label's smallest variant, 0.65 of 12 px before the scale:
    /// this scale sets it at 7 pt on paper.
    static constexpr double min_label_pt = 7;
    static double map_scale() { return min_label_pt / (0.65 * 12) * dpi / 72; }
};

/// The text with every word wider than `width` (an address) cut where it reaches it, so that
/// wrapping keeps it on the page.
std::string cut_long_words(const std::string& text, const sf::Font& font, unsigned size,
                           float width) {
    const sf::String in = utf8(text);
    sf::String out;
    float run = 0;
    for (const sf::Uint32 cp : in) {
        if (cp == U' ' || cp == U'\n') {
            run = 0;
        } else {
            const float advance = font.getGlyph(cp, size * 8, false).advance / 8;
            if (run + advance > width && run > 0) {
                out += U'\n';
                run = 0;
            }
            run += advance;
        }
        out += cp;
    }
    const auto bytes = out.toUtf8();
    return {bytes.begin(), bytes.end()};
}

/// Numbered source lines set in two columns: which go in the first.
struct SourceColumns {
    std::vector<std::string> items;
    std::size_t first_column = 0; ///< items [0, first_column) in the left column
};

/// The sources in two columns at most `max_height` high; those that do not fit are counted in
/// a last line naming the file that lists them all (`sources_file`).
SourceColumns source_columns(const std::vector<const geo::Source*>& sources, const sf::Font& font,
                             unsigned size, double column_width, double max_height,
                             const std::string& sources_file, std::string_view lang) {
    SourceColumns columns;
    const auto height_of = [&](const std::string& item) {
        return VectorDocument::text_height(font, item, size, column_width) + size / 3.0;
    };
    std::vector<double> heights;
    double total = 0;
    for (std::size_t k = 0; k < sources.size(); ++k) {
        columns.items.push_back(
            cut_long_words(std::to_string(k + 1) + ". " + source_line(*sources[k]), font, size,
                           static_cast<float>(column_width)));
        heights.push_back(height_of(columns.items.back()));
        total += heights.back();
    }
    if (columns.items.empty()) {
        columns.items.push_back(
            std::string(i18n::tr(lang, "No source is cited for what this slide shows.")));
        columns.first_column = 1;
        return columns;
    }
    if (total <= 2 * max_height) {
        // All fit: the left column takes items up to half the total height, the right the rest.
        double left = 0;
        std::size_t k = 0;
        for (; k < heights.size() && (k == 0 || left + heights[k] / 2 <= total / 2); ++k) {
            left += heights[k];
        }
        if (left <= max_height && total - left <= max_height) {
            columns.first_column = k;
            return columns;
        }
    }
    // Too many for the page: each column filled in turn, the rest counted in a last line.
    double left = 0;
    std::size_t k = 0;
    for (; k < heights.size() && left + heights[k] <= max_height; ++k) {
        left += heights[k];
    }
    columns.first_column = k;
    double right = 0;
    std::size_t end = k;
    for (; end < heights.size() && right + heights[end] <= max_height; ++end) {
        right += heights[end];
    }
    const auto rest_line = [&](std::size_t shown) {
        return cut_long_words(
            i18n::format(
                i18n::tr(lang, "\u2026 and {count} more sources of what the map shows, "
                               "listed in {file}"),
                {{"count", std::to_string(heights.size() - shown)}, {"file", sources_file}}),
            font, size, static_cast<float>(column_width));
    };
    while (end > k && right + height_of(rest_line(end)) > max_height) {
        --end;
        right -= heights[end];
    }
    columns.items.resize(end);
    columns.items.push_back(rest_line(end));
    return columns;
}

/// Writes handout.pdf into `file` (a temporary name): for each slide, the heading (the tour's
/// title, the slide's number), the slide's map drawn for the page with its title band and date,
/// the caption and the legend below it, and its sources in two columns.
void write_handout_pdf(const MapScene& scene, const sf::Font& font, const geo::Tour& tour,
                       const std::vector<ExportOptions>& slides,
                       const std::vector<std::vector<const geo::Source*>>& sources,
                       const ExportOptions& base, ExportCanvas& canvas, const fs::path& file) {
    constexpr double pt_per_mm = 72 / 25.4;
    const PaperSize paper = base.paper.value_or(PaperSize{});
    const double page_w = paper.width_mm * pt_per_mm;
    const double page_h = paper.height_mm * pt_per_mm;
    const double margin = HandoutPage::margin_mm * pt_per_mm;
    const double gap = HandoutPage::gap_mm * pt_per_mm;
    const double width = page_w - 2 * margin;
    const double column_width = (width - gap) / 2;
    const std::string tour_title = tour.title.empty() ? tour.id : tour.title;
    const std::string_view lang = text_language_code(base.text_language);
    const std::string sources_heading(i18n::tr(lang, "Sources"));
    VectorDocument pdf(PageFormat::pdf, file, page_w, page_h, find_map_font().path, tour_title);
    const double pt_per_px = 72 / HandoutPage::dpi;
    // One texture for every slide's legend, grown when a legend needs more room; drawing uses
    // its top left w x h only (a view and viewport of that size), so the capture is the same.
    sf::RenderTexture legend_texture;
    sf::Vector2u legend_room{0, 0};
    for (std::size_t i = 0; i < slides.size(); ++i) {
        const std::string heading = tour_title + " \u2014 " +
                                    i18n::format(i18n::tr(lang, "Slide {number} of {count}"),
                                                 {{"number", std::to_string(i + 1)},
                                                  {"count", std::to_string(slides.size())}});
        const std::string& caption = slides[i].caption;
        const double heading_h =
            VectorDocument::text_height(font, heading, HandoutPage::heading_pt, width);
        const unsigned sources_pt = HandoutPage::sources_pt;
        const double sources_title_h =
            VectorDocument::text_height(font, sources_heading, sources_pt, width);
        // The map as large as the page allows: three quarters as high as it is wide, or 0.6 of
        // the page's height below the heading on a wide page.
        const double below_heading = page_h - 2 * margin - heading_h - gap;
        const double map_h = std::min(width * 0.75, below_heading * 0.6);
        ExportOptions options = slides[i];
        options.paper.reset();
        options.caption.clear(); // set below the map, as text
        // The legend goes beside the caption, in print the size of the sources', so that the
        // map keeps its area (a comparison's: both halves' rows, once).
        const bool legend_beside = options.legend;
        options.legend = !legend_beside;
        options.width = static_cast<unsigned>(std::lround(width / pt_per_px));
        options.height = static_cast<unsigned>(std::lround(map_h / pt_per_px));
        options.scale = HandoutPage::map_scale();
        options.dpi = HandoutPage::dpi;
        VectorCapture capture;
        options.record = &capture;
        const ExportResult drawn = export_map(scene, font, options, {}, &canvas);
        // The legend box at its own scale: its 13 px text at four times that size (SFML's
        // whole-pixel advances, and its bold's extra pixel, are even there), drawn at legend_pt.
        constexpr float legend_scale = 4;
        const double legend_pt_per_px = HandoutPage::legend_pt / (13.0 * legend_scale);
        LegendBox legend;
        if (legend_beside && !drawn.legend.empty()) {
            legend = LegendBox(font, drawn.legend, legend_scale,
                               static_cast<float>(width * 0.48 / legend_pt_per_px));
        }
        const double legend_w = legend.empty() ? 0 : legend.width() * legend_pt_per_px;
        const double legend_h = legend.empty() ? 0 : legend.height() * legend_pt_per_px;
        const double caption_w = legend.empty() ? width : width - legend_w - gap;
        const double caption_h =
            caption.empty()
                ? 0
                : VectorDocument::text_height(font, caption, HandoutPage::caption_pt, caption_w);
        const double block_h = std::max(caption_h, legend_h);
        const double sources_room = page_h - 2 * margin - heading_h - gap - map_h - gap - block_h -
                                    (block_h > 0 ? gap : 0) - sources_title_h;
        const std::string sources_file = sources_file_path(slides[i].out).filename().string();
        const SourceColumns columns = source_columns(sources[i], font, sources_pt, column_width,
                                                     sources_room, sources_file, lang);
        double y = margin;
        y += pdf.text(font, heading, HandoutPage::heading_pt, margin, y, width, true);
        y += gap;
        pdf.draw(capture, font, options.width, options.height, margin, y, pt_per_px);
        y += options.height * pt_per_px + gap;
        if (!caption.empty()) {
            pdf.text(font, caption, HandoutPage::caption_pt, margin, y, caption_w);
        }
        if (!legend.empty()) {
            // Drawn on a texture while recorded, then replayed onto the page.
            const auto w = static_cast<unsigned>(std::ceil(legend.width())) + 2;
            const auto h = static_cast<unsigned>(std::ceil(legend.height())) + 2;
            if (w > legend_room.x || h > legend_room.y) {
                legend_room = {std::max(w, legend_room.x), std::max(h, legend_room.y)};
                if (!legend_texture.create(legend_room.x, legend_room.y)) {
                    throw geo::InputError(N_("cannot create a texture for the handout's legend"));
                }
            }
            sf::View legend_view(sf::FloatRect(0, 0, static_cast<float>(w), static_cast<float>(h)));
            legend_view.setViewport(
                sf::FloatRect(0, 0, static_cast<float>(w) / static_cast<float>(legend_room.x),
                              static_cast<float>(h) / static_cast<float>(legend_room.y)));
            legend_texture.setView(legend_view);
            VectorCapture legend_capture;
            legend_capture.start();
            legend.draw(legend_texture, ScreenRect{1, 1, legend.width(), legend.height()});
            legend_capture.stop();
            pdf.draw(legend_capture, font, w, h, margin + width - legend_w, y, legend_pt_per_px);
        }
        y += block_h + (block_h > 0 ? gap : 0);
        y += pdf.text(font, sources_heading, sources_pt, margin, y, width, true);
        double left_y = y;
        double right_y = y;
        for (std::size_t k = 0; k < columns.items.size(); ++k) {
            const bool left = k < columns.first_column;
            double& at = left ? left_y : right_y;
            at += pdf.text(font, columns.items[k], sources_pt,
                           left ? margin : margin + column_width + gap, at, column_width) +
                  sources_pt / 3.0;
        }
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
        throw geo::InputError(N_("{folder}: cannot create the handout folder"),
                              {{"folder", folder.string()}});
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
            throw geo::InputError(N_("tour '{tour}', slide {number} ({id}): {error}"),
                                  {{"tour", tour_id},
                                   {"number", std::to_string(i + 1)},
                                   {"id", tour.slides[i].id},
                                   {"error", error.message()}});
        }
    }
    HandoutResult result{count, folder / "index.html", folder / "handout.pdf"};
    check_writable(result.index);
    check_writable(result.pdf);
    PendingOutputs pending;
    const std::string_view lang = text_language_code(base.text_language);
    std::string html = index_head(tour, lang);
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
    html += "<p class=\"sources\">" +
            markup_escape(std::string(i18n::tr(
                lang, "Coastlines: GSHHG 2.3.7 © P. Wessel & W. H. F. Smith, LGPL-3; country "
                      "borders: DCW-GMT, LGPL-3. Lines marked approx. are constructions, not "
                      "official lines."))) +
            "</p>\n</body>\n</html>\n";
    auto index = std::make_shared<AtomicFile>(result.index);
    index->write_text(html);
    index->sync();
    pending.hold(index, [index] { index->commit(); });
    auto pdf = std::make_shared<AtomicFile>(result.pdf);
    write_handout_pdf(scene, font, tour, slides, sources, base, canvas, pdf->temporary());
    pdf->sync();
    pending.hold(pdf, [pdf] { pdf->commit(); });
    pending.commit();
    return result;
}

} // namespace

} // namespace kuril
