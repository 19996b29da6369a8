// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "app/cli.hpp"
#include "data_paths.hpp"
#include "geo/date.hpp"
#include "map/map_state.hpp"
#include "map/user_layer.hpp"

#include <array>
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

/// The user's own layers as the command line gives them (view and export: --layer,
/// --label-field, --layer-style).
struct UserLayerArgs {
    std::vector<std::filesystem::path> files;
    std::string label_field;
    std::vector<std::string> styles;
};

/// The user layers' options: the style parsed (geo::InputError in one line if it is wrong),
/// --data-crs as the CRS of a source that declares none. --label-field or --layer-style
/// without --layer is refused unless `later_files` (the viewer, whose prompt adds files).
UserLayerOptions user_layer_options(const UserLayerArgs& args, const DataOptions& data,
                                    bool later_files = false);

struct ExportCommandOptions {
    DataOptions data;
    UserLayerArgs user_layers; ///< --layer FILE...
    std::filesystem::path out;
    std::string size = "1920x1080";
    std::string scale; ///< empty: from the size
    std::string dpi;
    std::string paper;       ///< --paper a4|a3|letter|WxHmm: the page (with --dpi, the pixels)
    std::string orientation; ///< --orientation portrait|landscape (with --paper)
    std::string bbox;
    std::string island;
    std::string center;
    std::string zoom;
    bool zoom_given = false; ///< --zoom was on the command line (it needs --center)
    std::string date;
    std::string language = "en+ru";
    std::string text_language = "en"; ///< --ui-lang
    std::string pov = "defacto";      ///< --pov: a point of view of the annotations
    std::string layers;
    std::string title;
    bool no_legend = false;
    bool no_footer = false;
    bool no_credit = false;          ///< with or without --no-footer: no credit in the image at all
    std::string format;              ///< empty: from --out's extension
    std::string tour;                ///< handouts: one image per slide of this tour, and index.html
    std::filesystem::path tour_file; ///< --tour-file: the tour is in this file of the user's
    std::filesystem::path manifest;  ///< --manifest: what was drawn, as JSON
    std::string compare;             ///< --compare DATE_A,DATE_B: two halves side by side
    std::string pov_compare;         ///< --pov-compare A,B: two halves, a point of view each
    bool size_given = false;         ///< --size was on the command line
    std::string animate;             ///< --animate FROM:TO: a film (.webm, .mp4, .gif)
    std::string frames;              ///< --frames FROM:TO: numbered PNGs into the folder --out
    std::string fps = "25";
    std::string speed = "4"; ///< years a second between key dates
    std::string hold = "2";  ///< seconds held at each key date
};

/// Parses --ui-lang (en, ja or ru); throws geo::InputError in one line otherwise.
TextLanguage parse_ui_language(const std::string& code);

/// Parses --size WxH; throws geo::InputError unless each side is within [min_side, max_side].
std::pair<unsigned, unsigned> parse_size(const std::string& text, unsigned min_side,
                                         unsigned max_side);

/// Parses the value of a numeric option: a finite number from `min` to `max`; otherwise throws
/// geo::InputError in one line ("--scale '1e6': expected a number from 0.1 to 20").
double parse_number(const char* option, const std::string& text, double min, double max);

/// The bounds of --scale (text and symbols; --dpi is 96 times it) and of view's --ui-scale.
inline constexpr double min_export_scale = 0.1;
inline constexpr double max_export_scale = 20;
inline constexpr double min_dpi = 30;
inline constexpr double max_dpi = 1200;
inline constexpr double min_ui_scale = 0.5;
inline constexpr double max_ui_scale = 8;

/// Parses a --date: YYYY-MM-DD (or YYYY-MM, YYYY for its first day); a long value or one with
/// control characters is refused before the date parser echoes it.
geo::Date parse_date_text(const std::string& text);

/// Parses a --date for export and info: a day within the timeline, 1850-01-01 to today;
/// throws geo::InputError naming that range for a day outside it.
geo::Date parse_timeline_date(const std::string& text);

/// Splits an option's value "A,B" into its two items; throws geo::InputError naming the option
/// unless there are exactly two, neither empty ("--compare '1944-01-01': expected two dates,
/// A,B (e.g. 1944-01-01,1950-01-01)"). `what` names the items (a word marked with N_, said in
/// the error's language) and `example` shows a pair. Each compare option (--compare, and one of
/// points of view) reads its pair through it.
std::array<std::string, 2> parse_pair(const char* option, const std::string& text, const char* what,
                                      const char* example);

/// Parses --compare DATE_A,DATE_B: two days within the timeline, not the same one (the left
/// half's first). Throws geo::InputError in one line naming the date that is wrong.
std::array<geo::Date, 2> parse_compare_dates(const std::string& text);

/// Each returns the exit status and throws geo::InputError for bad input.
CommandExit run_info(const InfoOptions& options);
int run_check(const CheckOptions& options);
/// A successful single image leaves its data, font and OpenGL objects to a fast exit.
CommandExit run_export(const ExportCommandOptions& options);

} // namespace kuril
