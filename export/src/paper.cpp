// SPDX-License-Identifier: GPL-3.0-or-later
#include "export/paper.hpp"

#include "geo/error.hpp"
#include "i18n/translate.hpp"
#include "util/strings.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>

using i18n::N_;

namespace kuril {
namespace {

/// A side in millimetres: digits with an optional fraction, 10 to 2000.
double side_mm(const std::string& text, const std::string& whole) {
    const bool digits = !text.empty() &&
                        std::all_of(text.begin(), text.end(),
                                    [](char c) { return (c >= '0' && c <= '9') || c == '.'; }) &&
                        std::count(text.begin(), text.end(), '.') <= 1 && text.front() != '.' &&
                        text.back() != '.';
    const double value = digits ? std::strtod(text.c_str(), nullptr) : -1;
    if (!digits || value < 10 || value > 2000) {
        throw geo::InputError(N_("--paper {value}: expected a4, a3, letter or WxHmm with each "
                                 "side 10 to 2000 mm (e.g. 300x200mm)"),
                              {{"value", quoted_value(whole, 40)}});
    }
    return value;
}

} // namespace

PaperSize parse_paper(const std::string& paper, const std::string& orientation) {
    const std::string name = ascii_lower(paper);
    PaperSize size;
    if (name == "a4") {
        size = {210, 297};
    } else if (name == "a3") {
        size = {297, 420};
    } else if (name == "letter") {
        size = {215.9, 279.4};
    } else {
        const std::size_t x = name.find('x');
        if (name.size() < 2 || name.substr(name.size() - 2) != "mm" || x == std::string::npos) {
            throw geo::InputError(
                N_("--paper {value}: expected a4, a3, letter or WxHmm (e.g. 300x200mm)"),
                {{"value", quoted_value(paper, 40)}});
        }
        const double w = side_mm(name.substr(0, x), paper);
        const double h = side_mm(name.substr(x + 1, name.size() - 2 - x - 1), paper);
        size = {w, h};
    }
    const std::string turn = ascii_lower(orientation);
    if (!turn.empty() && turn != "portrait" && turn != "landscape") {
        throw geo::InputError(N_("--orientation {value}: expected portrait or landscape"),
                              {{"value", quoted_value(orientation, 40)}});
    }
    const bool wide = size.width_mm > size.height_mm;
    if ((turn == "landscape" && !wide) || (turn == "portrait" && wide)) {
        std::swap(size.width_mm, size.height_mm);
    }
    return size;
}

unsigned paper_pixels(double mm, double dpi) {
    return static_cast<unsigned>(std::lround(mm * dpi / 25.4));
}

} // namespace kuril
