// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>

namespace kuril {

/// A sheet of paper in millimetres, as turned (portrait: width <= height).
struct PaperSize {
    double width_mm = 210;
    double height_mm = 297;
};

/// --paper a4|a3|letter|WxHmm with --orientation portrait|landscape (empty: portrait for the
/// named sizes, as given for WxHmm). Throws geo::InputError in one line naming the option.
PaperSize parse_paper(const std::string& paper, const std::string& orientation);

/// The dots per inch of a paper export without --dpi.
inline constexpr double default_paper_dpi = 150;

/// Pixels for millimetres at a resolution: mm * dpi / 25.4, rounded.
unsigned paper_pixels(double mm, double dpi);

} // namespace kuril
