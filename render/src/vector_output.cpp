// SPDX-License-Identifier: GPL-3.0-or-later
#include "render/vector_output.hpp"

#include "geo/error.hpp"
#include "i18n/translate.hpp"
#include "map_space.hpp"
#include "render/style.hpp"
#include "render/text.hpp"
#include "util/strings.hpp"

#include <algorithm>
#include <cairo-ft.h>
#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <cairo.h>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <ft2build.h>
#include <sstream>
#include FT_FREETYPE_H

namespace kuril {
namespace {

using i18n::N_;

void set_colour(cairo_t* cr, sf::Color c) {
    cairo_set_source_rgba(cr, c.r / 255.0, c.g / 255.0, c.b / 255.0, c.a / 255.0);
}

bool same_colour(sf::Color a, sf::Color b) {
    return a.r == b.r && a.g == b.g && a.b == b.b && a.a == b.a;
}

bool same_vertex(MapVertex a, MapVertex b) {
    return a.x == b.x && a.y == b.y;
}

/// The rings of a polygon set's fill pieces at the level of detail of the view's scale, as
/// closed subpaths in `to_screen`'s space, for an even-odd fill (the level was simplified to the
/// pixel size: never every vertex).
template <typename ToScreen>
void fan_rings_path(cairo_t* cr, const LodLevel& level, const geo::Box& visible,
                    const ToScreen& to_screen) {
    for (const auto& piece : level.fills) {
        if (!piece.bounds.overlaps(visible)) {
            continue;
        }
        for (const auto& ring : piece.rings) {
            if (ring.size() < 3) {
                continue;
            }
            const auto [x0, y0] = to_screen(ring.front());
            cairo_move_to(cr, x0, y0);
            for (std::size_t i = 1; i < ring.size(); ++i) {
                const auto [x, y] = to_screen(ring[i]);
                cairo_line_to(cr, x, y);
            }
            cairo_close_path(cr);
        }
    }
}

std::pair<double, double> on_screen(const MapView& view, MapVertex v) {
    const geo::Point s = view.map_to_screen({v.x, -v.y});
    return {s.x, s.y};
}

/// Bands 0 <= (x + y) mod period < width (image pixels) over the current clip, as the GL
/// path's pattern texture draws them.
void diagonal_bands(cairo_t* cr, float period, float width) {
    double x1 = 0;
    double y1 = 0;
    double x2 = 0;
    double y2 = 0;
    cairo_clip_extents(cr, &x1, &y1, &x2, &y2);
    cairo_set_line_width(cr, width / std::sqrt(2.0));
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
    const double first = std::floor((x1 + y1) / period) * period;
    for (double c = first; c <= x2 + y2 + period; c += period) {
        const double centre = c + width / 2.0;
        cairo_move_to(cr, centre - (y1 - 1), y1 - 1);
        cairo_line_to(cr, centre - (y2 + 1), y2 + 1);
    }
    cairo_stroke(cr);
}

std::string number(double v) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.3f", v);
    std::string s = buffer;
    while (!s.empty() && s.back() == '0') {
        s.pop_back();
    }
    if (!s.empty() && s.back() == '.') {
        s.pop_back();
    }
    return s == "-0" ? "0" : s;
}

std::string rgb(sf::Color c) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "#%02x%02x%02x", c.r, c.g, c.b);
    return buffer;
}

FT_Library freetype() {
    static FT_Library library = [] {
        FT_Library l = nullptr;
        if (FT_Init_FreeType(&l) != 0) {
            throw std::runtime_error("FreeType could not be initialised");
        }
        return l;
    }();
    return library;
}

const cairo_user_data_key_t face_key{};

/// A cairo font face for the font file; `bold`: emboldened as SFML's bold is.
cairo_font_face_t* open_face(const std::filesystem::path& file, bool bold) {
    FT_Face face = nullptr;
    if (FT_New_Face(freetype(), file.c_str(), 0, &face) != 0) {
        throw geo::InputError(N_("{file}: FreeType cannot open this font"),
                              {{"file", file.string()}});
    }
    cairo_font_face_t* cairo_face = cairo_ft_font_face_create_for_ft_face(face, 0);
    cairo_font_face_set_user_data(cairo_face, &face_key, face,
                                  [](void* f) { FT_Done_Face(static_cast<FT_Face>(f)); });
    if (bold) {
        cairo_ft_font_face_set_synthesize(cairo_face, CAIRO_FT_SYNTHESIZE_BOLD);
    }
    return cairo_face;
}

} // namespace

std::optional<PageFormat> page_format_of(const std::filesystem::path& path) {
    const std::string ext = lower_extension(path);
    if (ext == ".pdf") {
        return PageFormat::pdf;
    }
    if (ext == ".svg") {
        return PageFormat::svg;
    }
    return std::nullopt;
}

struct VectorDocument::Impl {
    PageFormat format = PageFormat::pdf;
    std::filesystem::path file;
    cairo_surface_t* surface = nullptr;
    cairo_t* cr = nullptr;
    cairo_font_face_t* regular_face = nullptr;
    cairo_font_face_t* bold_face = nullptr;
    FT_Face ft = nullptr; ///< the regular face's: glyph indices
    std::string svg_text; ///< an SVG's <text> elements, added to the file when it is finished
    bool finished = false;
    bool page_drawn = false;

    void triangles(const CapturedTriangles& item);
    void text(const CapturedText& item, const sf::Font& font);
    void inset(const CapturedInset& item);
    void fill(const CapturedFill& item);
    void outline(const CapturedOutline& item);

    ~Impl() {
        if (cr != nullptr) {
            cairo_destroy(cr);
        }
        if (surface != nullptr) {
            cairo_surface_destroy(surface);
        }
        if (regular_face != nullptr) {
            cairo_font_face_destroy(regular_face);
        }
        if (bold_face != nullptr) {
            cairo_font_face_destroy(bold_face);
        }
    }
};

VectorDocument::VectorDocument(PageFormat format, const std::filesystem::path& file,
                               double width_pt, double height_pt,
                               const std::filesystem::path& font_file, const std::string& title)
    : impl_(std::make_unique<Impl>()) {
    impl_->format = format;
    impl_->file = file;
    impl_->regular_face = open_face(font_file, false);
    impl_->bold_face = open_face(font_file, true);
    impl_->ft = static_cast<FT_Face>(cairo_font_face_get_user_data(impl_->regular_face, &face_key));
    if (format == PageFormat::pdf) {
        impl_->surface = cairo_pdf_surface_create(file.c_str(), width_pt, height_pt);
        if (cairo_surface_status(impl_->surface) == CAIRO_STATUS_SUCCESS) {
            cairo_pdf_surface_set_metadata(impl_->surface, CAIRO_PDF_METADATA_CREATOR,
                                           "Kuril Atlas");
            if (!title.empty()) {
                cairo_pdf_surface_set_metadata(impl_->surface, CAIRO_PDF_METADATA_TITLE,
                                               title.c_str());
            }
        }
    } else {
        impl_->surface = cairo_svg_surface_create(file.c_str(), width_pt, height_pt);
    }
    if (cairo_surface_status(impl_->surface) != CAIRO_STATUS_SUCCESS) {
        throw geo::InputError(
            N_("{file}: cannot be written ({error})"),
            {{"file", file.string()},
             {"error", cairo_status_to_string(cairo_surface_status(impl_->surface))}});
    }
    impl_->cr = cairo_create(impl_->surface);
}

VectorDocument::~VectorDocument() = default;

void VectorDocument::Impl::fill(const CapturedFill& item) {
    const geo::Box visible = detail::visible_map_box(item.view, std::nullopt);
    const auto to_screen = [&](MapVertex v) {
        return on_screen(item.view, v);
    };
    cairo_save(cr);
    cairo_translate(cr, item.offset.x, item.offset.y);
    cairo_new_path(cr);
    for (const PolygonSet* set : item.sets) {
        if (set->empty() || !set->bounds.overlaps(visible)) {
            continue;
        }
        fan_rings_path(cr, set->fills_for(item.view.metres_per_pixel()), visible, to_screen);
    }
    cairo_set_fill_rule(cr, CAIRO_FILL_RULE_EVEN_ODD);
    set_colour(cr, item.colour);
    if (item.pattern_period <= 0) {
        cairo_fill(cr);
    } else {
        cairo_clip(cr);
        diagonal_bands(cr, item.pattern_period, item.pattern_width);
    }
    cairo_restore(cr);
}

void VectorDocument::Impl::outline(const CapturedOutline& item) {
    const MapView& view = item.view;
    const geo::Box visible = detail::visible_map_box(view, std::nullopt);
    const LodLevel& level = item.set->outlines_for(view.metres_per_pixel());
    cairo_save(cr);
    cairo_translate(cr, item.offset.x, item.offset.y);
    cairo_new_path(cr);
    for (const auto& chunk : level.outlines) {
        if (!chunk.bounds.overlaps(visible)) {
            continue;
        }
        bool open = false;
        MapVertex last;
        for (std::size_t i = 0; i + 1 < chunk.segments.size(); i += 2) {
            if (!open || !same_vertex(chunk.segments[i], last)) {
                const auto [x, y] = on_screen(view, chunk.segments[i]);
                cairo_move_to(cr, x, y);
                open = true;
            }
            const auto [x, y] = on_screen(view, chunk.segments[i + 1]);
            cairo_line_to(cr, x, y);
            last = chunk.segments[i + 1];
        }
    }
    set_colour(cr, item.colour);
    cairo_set_line_width(cr, 1.0);
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
    cairo_stroke(cr);
    cairo_restore(cr);
}

void VectorDocument::Impl::triangles(const CapturedTriangles& item) {
    // Runs of one colour are one path filled with the non-zero rule: a thick line's quads and
    // joins are one shape, without seams between them or doubled alpha where they overlap.
    const auto& v = item.vertices;
    std::size_t i = 0;
    cairo_set_fill_rule(cr, CAIRO_FILL_RULE_WINDING);
    while (i + 2 < v.size()) {
        const sf::Color colour = v[i].color;
        cairo_new_path(cr);
        for (; i + 2 < v.size() && same_colour(v[i].color, colour); i += 3) {
            // Each triangle wound the same way, so overlapping ones never cancel.
            const sf::Vector2f a = v[i].position;
            sf::Vector2f b = v[i + 1].position;
            sf::Vector2f c = v[i + 2].position;
            if ((b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x) < 0) {
                std::swap(b, c);
            }
            cairo_move_to(cr, a.x, a.y);
            cairo_line_to(cr, b.x, b.y);
            cairo_line_to(cr, c.x, c.y);
            cairo_close_path(cr);
        }
        if (colour.a > 0) {
            set_colour(cr, colour);
            cairo_fill(cr);
        } else {
            cairo_new_path(cr);
        }
    }
}

void VectorDocument::Impl::text(const CapturedText& item, const sf::Font& font) {
    const bool bold = (item.style & sf::Text::Bold) != 0;
    const bool italic = (item.style & sf::Text::Italic) != 0;
    const unsigned size = item.size;
    // SFML's own layout (sf::Text): the first baseline one character size below the top, each
    // glyph advanced by the font's advance, kerning and the letter spacing.
    float whitespace = font.getGlyph(U' ', size, bold).advance;
    const float letter_spacing = whitespace / 3.f * (item.letter_spacing - 1.f);
    whitespace += letter_spacing;
    const float line_spacing = font.getLineSpacing(size) * item.line_spacing;
    const float* m = item.transform.getMatrix();
    cairo_matrix_t matrix;
    cairo_matrix_init(&matrix, m[0], m[1], m[4], m[5], m[12], m[13]);
    cairo_save(cr);
    cairo_transform(cr, &matrix);
    cairo_set_font_face(cr, bold ? bold_face : regular_face);
    cairo_matrix_t font_matrix;
    cairo_matrix_init(&font_matrix, size, 0, italic ? -0.209 * size : 0, size, 0, 0);
    cairo_set_font_matrix(cr, &font_matrix);

    struct Line {
        std::vector<cairo_glyph_t> glyphs;
        std::vector<cairo_text_cluster_t> clusters;
        std::string utf8;
        std::vector<double> xs;
        std::string plain;
        double y = 0;
    };
    std::vector<Line> lines(1);
    float x = 0;
    auto y = static_cast<float>(size);
    lines.back().y = y;
    std::uint32_t previous = 0;
    for (const std::uint32_t cp : item.string) {
        if (cp == U'\r') {
            continue;
        }
        x += font.getKerning(previous, cp, size);
        previous = cp;
        if (cp == U'\n') {
            y += line_spacing;
            x = 0;
            lines.emplace_back();
            lines.back().y = y;
            continue;
        }
        Line& line = lines.back();
        std::string bytes;
        append_utf8(static_cast<char32_t>(cp), bytes);
        line.utf8 += bytes;
        line.clusters.push_back({static_cast<int>(bytes.size()), 1});
        line.glyphs.push_back(
            {FT_Get_Char_Index(ft, cp == U'\t' ? U' ' : cp), static_cast<double>(x), y});
        line.xs.push_back(x);
        if (cp == U' ' || cp == U'\t') {
            x += cp == U' ' ? whitespace : whitespace * 4;
        } else {
            x += font.getGlyph(cp, size, bold).advance + letter_spacing;
        }
    }
    for (const Line& line : lines) {
        if (line.glyphs.empty() || item.outline_thickness <= 0 || item.outline.a == 0) {
            continue;
        }
        cairo_new_path(cr);
        cairo_glyph_path(cr, line.glyphs.data(), static_cast<int>(line.glyphs.size()));
        set_colour(cr, item.outline);
        cairo_set_line_width(cr, 2.0 * item.outline_thickness);
        cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
        cairo_stroke(cr);
    }
    if (format == PageFormat::pdf) {
        set_colour(cr, item.fill);
        for (const Line& line : lines) {
            if (!line.glyphs.empty()) {
                cairo_show_text_glyphs(cr, line.utf8.c_str(), static_cast<int>(line.utf8.size()),
                                       line.glyphs.data(), static_cast<int>(line.glyphs.size()),
                                       line.clusters.data(), static_cast<int>(line.clusters.size()),
                                       static_cast<cairo_text_cluster_flags_t>(0));
            }
        }
    } else {
        // SVG: cairo draws glyphs as shapes; text a reader can select and search is a <text>
        // element, each character at SFML's position, in the user space of the page.
        cairo_matrix_t page;
        cairo_get_matrix(cr, &page);
        for (const Line& line : lines) {
            if (line.glyphs.empty()) {
                continue;
            }
            std::string xs;
            for (const double gx : line.xs) {
                if (!xs.empty()) {
                    xs += ' ';
                }
                xs += number(gx);
            }
            svg_text += "<text transform=\"matrix(" + number(page.xx) + " " + number(page.yx) +
                        " " + number(page.xy) + " " + number(page.yy) + " " + number(page.x0) +
                        " " + number(page.y0) + ")\" x=\"" + xs + "\" y=\"" + number(line.y) +
                        "\" font-family=\"'" + std::string(ft->family_name) +
                        "', sans-serif\" font-size=\"" + std::to_string(size) + "\"" +
                        (bold ? " font-weight=\"bold\"" : "") +
                        (italic ? " font-style=\"italic\"" : "") + " fill=\"" + rgb(item.fill) +
                        "\"" +
                        (item.fill.a < 255 ? " fill-opacity=\"" + number(item.fill.a / 255.0) + "\""
                                           : std::string()) +
                        " xml:space=\"preserve\">";
            svg_text += markup_escape(line.utf8);
            svg_text += "</text>\n";
        }
    }
    cairo_restore(cr);
}

void VectorDocument::Impl::inset(const CapturedInset& item) {
    const ScreenRect& r = item.layout.rect;
    cairo_save(cr);
    cairo_translate(cr, item.offset.x, item.offset.y);
    // The frame: sea, a one-pixel border outside it.
    cairo_rectangle(cr, r.left, r.top, r.width, r.height);
    set_colour(cr, style::sea);
    cairo_fill(cr);
    cairo_rectangle(cr, r.left - 0.5, r.top - 0.5, r.width + 1, r.height + 1);
    set_colour(cr, style::panel_border);
    cairo_set_line_width(cr, 1);
    cairo_stroke(cr);
    const geo::Box& world = item.world;
    const double sx = r.width / (world.max_x - world.min_x);
    const double sy = r.height / (world.max_y - world.min_y);
    cairo_save(cr);
    cairo_rectangle(cr, r.left, r.top, r.width, r.height);
    cairo_clip(cr);
    if (item.land != nullptr && !item.land->empty()) {
        const auto to_inset = [&](MapVertex v) {
            return std::pair<double, double>{r.left + (v.x - world.min_x) * sx,
                                             r.top + (v.y + world.max_y) * sy};
        };
        cairo_new_path(cr);
        const geo::Box everything{-1e30, -1e30, 1e30, 1e30};
        fan_rings_path(cr, item.land->level(item.land->level_count() - 1), everything, to_inset);
        cairo_set_fill_rule(cr, CAIRO_FILL_RULE_EVEN_ODD);
        set_colour(cr, style::inset_land);
        cairo_fill(cr);
    }
    // What the map shows, with a border inset_box_border pixels wide outside it.
    const double x0 = r.left + (item.shown.min_x - world.min_x) * sx;
    const double y0 = r.top + (world.max_y - item.shown.max_y) * sy;
    const double w = (item.shown.max_x - item.shown.min_x) * sx;
    const double h = (item.shown.max_y - item.shown.min_y) * sy;
    cairo_rectangle(cr, x0, y0, w, h);
    set_colour(cr, style::inset_box_fill);
    cairo_fill(cr);
    const double border = style::inset_box_border;
    cairo_rectangle(cr, x0 - border / 2, y0 - border / 2, w + border, h + border);
    set_colour(cr, style::inset_box_edge);
    cairo_set_line_width(cr, border);
    cairo_stroke(cr);
    cairo_restore(cr);
    cairo_restore(cr);
}

void VectorDocument::draw(const VectorCapture& capture, const sf::Font& font, double width_px,
                          double height_px, double x_pt, double y_pt, double pt_per_px) {
    cairo_t* cr = impl_->cr;
    cairo_save(cr);
    cairo_translate(cr, x_pt, y_pt);
    cairo_scale(cr, pt_per_px, pt_per_px);
    cairo_rectangle(cr, 0, 0, width_px, height_px);
    cairo_clip(cr);
    bool clipped = false;
    for (const CapturedItem& item : capture.items()) {
        if (const auto* clip = std::get_if<CapturedClip>(&item)) {
            if (clipped) {
                cairo_restore(cr);
            }
            cairo_save(cr);
            clipped = true;
            cairo_rectangle(cr, clip->area.left, clip->area.top, clip->area.width,
                            clip->area.height);
            cairo_clip(cr);
        } else if (const auto* fill = std::get_if<CapturedFill>(&item)) {
            impl_->fill(*fill);
        } else if (const auto* outline = std::get_if<CapturedOutline>(&item)) {
            impl_->outline(*outline);
        } else if (const auto* tris = std::get_if<CapturedTriangles>(&item)) {
            impl_->triangles(*tris);
        } else if (const auto* lines = std::get_if<CapturedLines>(&item)) {
            cairo_new_path(cr);
            for (std::size_t i = 0; i + 1 < lines->vertices.size(); i += 2) {
                const auto& a = lines->vertices[i];
                const auto& b = lines->vertices[i + 1];
                cairo_move_to(cr, a.position.x, a.position.y);
                cairo_line_to(cr, b.position.x, b.position.y);
                if (i + 3 >= lines->vertices.size() ||
                    !same_colour(lines->vertices[i + 2].color, a.color)) {
                    set_colour(cr, a.color);
                    cairo_set_line_width(cr, 1);
                    cairo_stroke(cr);
                }
            }
        } else if (const auto* rect = std::get_if<CapturedRect>(&item)) {
            const sf::FloatRect& r = rect->rect;
            cairo_rectangle(cr, r.left, r.top, r.width, r.height);
            set_colour(cr, rect->fill);
            cairo_fill(cr);
            if (rect->border_width > 0 && rect->border.a > 0) {
                const double t = rect->border_width;
                cairo_rectangle(cr, r.left - t / 2, r.top - t / 2, r.width + t, r.height + t);
                set_colour(cr, rect->border);
                cairo_set_line_width(cr, t);
                cairo_stroke(cr);
            }
        } else if (const auto* text = std::get_if<CapturedText>(&item)) {
            impl_->text(*text, font);
        } else if (const auto* inset = std::get_if<CapturedInset>(&item)) {
            impl_->inset(*inset);
        }
    }
    if (clipped) {
        cairo_restore(cr);
    }
    cairo_restore(cr);
    impl_->page_drawn = true;
}

namespace {
/// Page text is laid out at this many times its size and drawn scaled down: SFML's advances
/// are whole pixels (hinted), too coarse at 7 pixels, fine at 56.
constexpr unsigned page_text_oversize = 8;
} // namespace

double VectorDocument::text_height(const sf::Font& font, const std::string& utf8_text,
                                   unsigned size_pt, double max_width_pt) {
    const unsigned size = size_pt * page_text_oversize;
    const std::string wrapped =
        wrap_text(utf8_text, font, size, static_cast<float>(max_width_pt * page_text_oversize));
    const auto lines = static_cast<double>(std::count(wrapped.begin(), wrapped.end(), '\n') + 1);
    return lines * font.getLineSpacing(size) / page_text_oversize;
}

double VectorDocument::text(const sf::Font& font, const std::string& utf8_text, unsigned size_pt,
                            double x_pt, double y_pt, double max_width_pt, bool bold,
                            sf::Color colour) {
    if (utf8_text.empty()) {
        return 0;
    }
    const unsigned size = size_pt * page_text_oversize;
    const std::string wrapped =
        wrap_text(utf8_text, font, size, static_cast<float>(max_width_pt * page_text_oversize));
    CapturedText item;
    item.string = utf8(wrapped);
    item.size = size;
    item.style = bold ? sf::Text::Bold : sf::Text::Regular;
    item.fill = colour;
    item.transform.translate(static_cast<float>(x_pt), static_cast<float>(y_pt));
    item.transform.scale(1.f / page_text_oversize, 1.f / page_text_oversize);
    impl_->text(item, font);
    impl_->page_drawn = true;
    return text_height(font, utf8_text, size_pt, max_width_pt);
}

void VectorDocument::next_page() {
    if (impl_->page_drawn) {
        cairo_show_page(impl_->cr);
        impl_->page_drawn = false;
    }
}

void VectorDocument::finish() {
    if (impl_->finished) {
        return;
    }
    impl_->finished = true;
    cairo_surface_flush(impl_->surface);
    cairo_surface_finish(impl_->surface);
    const cairo_status_t status = cairo_surface_status(impl_->surface);
    if (status != CAIRO_STATUS_SUCCESS) {
        throw geo::InputError(
            N_("{file}: cannot be written ({error})"),
            {{"file", impl_->file.string()}, {"error", cairo_status_to_string(status)}});
    }
    if (impl_->format == PageFormat::svg && !impl_->svg_text.empty()) {
        // The texts go last, above everything (as the GL path draws labels and bands' texts
        // last, with nothing drawn over them).
        std::ifstream in(impl_->file, std::ios::binary);
        std::stringstream buffer;
        buffer << in.rdbuf();
        std::string svg = buffer.str();
        const std::size_t end = svg.rfind("</svg>");
        if (end == std::string::npos) {
            throw geo::InputError(N_("{file}: cairo wrote no closing </svg>"),
                                  {{"file", impl_->file.string()}});
        }
        svg.insert(end, "<g id=\"text\">\n" + impl_->svg_text + "</g>\n");
        std::ofstream out(impl_->file, std::ios::binary | std::ios::trunc);
        out << svg;
        out.close();
        if (!out) {
            throw geo::InputError(N_("{file}: cannot be written"),
                                  {{"file", impl_->file.string()}});
        }
    }
}

} // namespace kuril
