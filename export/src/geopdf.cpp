// SPDX-License-Identifier: GPL-3.0-or-later
#include "geopdf.hpp"

#include "geo/error.hpp"
#include "i18n/translate.hpp"

#include <cstdio>
#include <fstream>
#include <regex>
#include <sstream>

using i18n::N_;

namespace kuril::detail {
namespace {

std::string number(double v, int digits) {
    char buffer[48];
    std::snprintf(buffer, sizeof buffer, "%.*f", digits, v);
    return buffer;
}

/// A PDF literal string: backslashes and parentheses escaped.
std::string pdf_string(const std::string& text) {
    std::string out = "(";
    for (const char c : text) {
        if (c == '\\' || c == '(' || c == ')') {
            out += '\\';
        }
        out += c == '\n' ? ' ' : c;
    }
    return out + ")";
}

} // namespace

std::string geo_viewport(const MapView& view, const geo::Projection& projection,
                         double page_width_pt, double page_height_pt, double pt_per_px) {
    const double w = page_width_pt;
    const double h = page_height_pt;
    const double width_px = w / pt_per_px;
    const double height_px = h / pt_per_px;
    // The unit square of the viewport's box, counter-clockwise from its lower left (the PDF's
    // y runs up), and the image pixels at those corners.
    const double lpts[4][2] = {{0, 0}, {0, 1}, {1, 1}, {1, 0}};
    std::string gpts;
    std::string lp;
    for (const auto& corner : lpts) {
        const geo::Point screen{corner[0] * width_px, (1 - corner[1]) * height_px};
        const geo::Point lon_lat = projection.inverse(view.screen_to_map(screen));
        for (const std::string& value : {number(lon_lat.y, 9), number(lon_lat.x, 9)}) {
            gpts += ' ';
            gpts += value;
        }
        for (const std::string& value : {number(corner[0], 0), number(corner[1], 0)}) {
            lp += ' ';
            lp += value;
        }
    }
    return "[ << /Type /Viewport /BBox [ 0 0 " + number(w, 4) + " " + number(h, 4) +
           " ] /Name (Map) /Measure << /Type /Measure /Subtype /GEO /Bounds [ 0 0 0 1 1 1 1 0 ]"
           " /GPTS [" +
           gpts + " ] /LPTS [" + lp + " ] /GCS << /Type /PROJCS /WKT " +
           pdf_string(projection.target_wkt_esri()) + " >> >> >> ]";
}

void add_page_viewport(const std::filesystem::path& file, const std::string& viewport) {
    std::string pdf;
    {
        std::ifstream in(file, std::ios::binary);
        std::stringstream buffer;
        buffer << in.rdbuf();
        pdf = buffer.str();
    }
    // `pattern`: "{file}: what is wrong; the PDF is not georeferenced as expected".
    const auto refuse = [&](const char* pattern) {
        return geo::InputError(pattern, {{"file", file.string()}});
    };
    // The one page object ("/Type /Page", not "/Pages").
    static const std::regex page_re(R"((\d+) 0 obj\s*<<\s*/Type\s*/Page\b(?!s))");
    std::smatch page;
    if (!std::regex_search(pdf, page, page_re)) {
        throw refuse(N_("{file}: no page object; the PDF is not georeferenced as expected"));
    }
    const std::size_t body_start = static_cast<std::size_t>(page.position(0));
    const std::size_t end = pdf.find("endobj", body_start);
    const std::size_t dict_end = pdf.rfind(">>", end);
    if (end == std::string::npos || dict_end == std::string::npos || dict_end < body_start) {
        throw refuse(
            N_("{file}: the page object has no end; the PDF is not georeferenced as expected"));
    }
    const std::string object_number = page[1].str();
    std::string object =
        pdf.substr(body_start, dict_end - body_start) + "\n   /VP " + viewport + "\n>>\nendobj\n";
    // The last trailer: its size, root and info, and where its cross-reference table is.
    static const std::regex trailer_re(R"(trailer\s*<<([\s\S]*?)>>\s*startxref\s*(\d+))");
    std::smatch trailer;
    std::string::const_iterator from = pdf.cbegin();
    std::smatch found;
    bool any = false;
    while (std::regex_search(from, pdf.cend(), found, trailer_re)) {
        trailer = found;
        any = true;
        from = found[0].second;
    }
    if (!any) {
        throw refuse(N_("{file}: no trailer; the PDF is not georeferenced as expected"));
    }
    const std::string dictionary = trailer[1].str();
    std::smatch size;
    std::smatch root;
    std::smatch info;
    static const std::regex size_re(R"(/Size\s+(\d+))");
    static const std::regex root_re(R"(/Root\s+(\d+\s+\d+\s+R))");
    static const std::regex info_re(R"(/Info\s+(\d+\s+\d+\s+R))");
    if (!std::regex_search(dictionary, size, size_re) ||
        !std::regex_search(dictionary, root, root_re)) {
        throw refuse(N_(
            "{file}: a trailer without /Size or /Root; the PDF is not georeferenced as expected"));
    }
    const bool has_info = std::regex_search(dictionary, info, info_re);
    std::string update;
    if (pdf.back() != '\n') {
        update += '\n';
    }
    const std::size_t object_offset = pdf.size() + update.size();
    update += object_number + " 0 obj\n" + object.substr(object.find("<<"));
    const std::size_t xref_offset = pdf.size() + update.size();
    char entry[32];
    std::snprintf(entry, sizeof entry, "%010zu 00000 n \n", object_offset);
    update += "xref\n" + object_number + " 1\n" + entry + "trailer\n<< /Size " + size[1].str() +
              " /Root " + root[1].str() + (has_info ? " /Info " + info[1].str() : "") + " /Prev " +
              trailer[2].str() + " >>\nstartxref\n" + std::to_string(xref_offset) + "\n%%EOF\n";
    std::ofstream out(file, std::ios::binary | std::ios::app);
    out << update;
    out.close();
    if (!out) {
        throw geo::InputError(N_("{file}: cannot be written"), {{"file", file.string()}});
    }
}

} // namespace kuril::detail
