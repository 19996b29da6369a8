// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "export/exporter.hpp"

#include <cstddef>
#include <filesystem>
#include <functional>
#include <string>

namespace kuril {

struct HandoutResult {
    std::size_t slides = 0;
    std::filesystem::path index; ///< index.html
    std::filesystem::path pdf;   ///< handout.pdf
};

/// One image per slide of the tour `tour_id` (its view, date, layers, language, title and
/// caption), into the folder `base.out` (created if need be), a printable index.html naming
/// each with its caption and sources, and handout.pdf: one page per slide on
/// `base.handout_paper`, the tour's title and the slide's number at the top, the slide's map
/// (with its title, date and caption) as large as the page allows, its sources below. `progress` is
/// told after each slide (done, total). Throws geo::InputError for an unknown tour or a folder that
/// cannot be made. Every slide (its view, its output files) is checked before the first is drawn,
/// and all files are put in place together when all are written: a failed handout leaves the folder
/// as it was.
HandoutResult export_handouts(const MapScene& scene, const sf::Font& font,
                              const ExportOptions& base, const std::string& tour_id,
                              ExportCanvas& canvas,
                              const std::function<void(std::size_t, std::size_t)>& progress = {},
                              const geo::Annotations* tours = nullptr);

} // namespace kuril
