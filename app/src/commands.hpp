#pragma once

#include "app/cli.hpp"
#include "data_paths.hpp"
#include "geo/date.hpp"

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace kuril {

struct InfoOptions {
    DataOptions data;
    bool json = false;
    std::string date;                           ///< YYYY-MM-DD; empty: no time query
    std::vector<std::filesystem::path> sources; ///< extra vector sources to report
};

struct CheckOptions {
    DataOptions data;
    std::filesystem::path file; ///< empty: the shipped annotations
};

struct ExportCommandOptions {
    DataOptions data;
    std::filesystem::path out;
    std::string size = "1920x1080";
    double scale = 0;
    double dpi = 0;
    std::string bbox;
    std::string island;
    std::string center;
    double zoom = 0;
    bool zoom_given = false; ///< --zoom was on the command line (it needs --center)
    std::string date;
    std::string language = "en+ru";
    std::string layers;
    std::string title;
    bool no_legend = false;
    bool no_footer = false;
    bool no_credit = false; ///< with or without --no-footer: no credit in the image at all
    std::string format = "png";
    std::string tour;                ///< handouts: one image per slide of this tour, and index.html
    std::filesystem::path tour_file; ///< --tour-file: the tour is in this file of the user's
    std::filesystem::path manifest;  ///< --manifest: what was drawn, as JSON
};

/// Parses --size WxH; throws geo::InputError unless each side is within [min_side, max_side].
std::pair<unsigned, unsigned> parse_size(const std::string& text, unsigned min_side,
                                         unsigned max_side);

/// Parses a --date for export and info: a day within the timeline, 1850-01-01 to today;
/// throws geo::InputError naming that range for a day outside it.
geo::Date parse_timeline_date(const std::string& text);

/// Each returns the exit status and throws geo::InputError for bad input.
int run_info(const InfoOptions& options);
int run_check(const CheckOptions& options);
/// A successful single image leaves its data, font and OpenGL objects to a fast exit.
CommandExit run_export(const ExportCommandOptions& options);

} // namespace kuril
