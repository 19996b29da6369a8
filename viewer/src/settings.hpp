// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "geo/date.hpp"
#include "viewer/viewer_app.hpp"

#include <filesystem>
#include <optional>
#include <string>

namespace kuril {

/// Where the map was left: its centre (lon/lat) and scale.
struct SavedView {
    double lon = 0;
    double lat = 0;
    double metres_per_pixel = 0;
};

/// What the viewer remembers between runs (settings.ini in the XDG config folder); each field
/// is absent until saved once.
struct ViewerSettings {
    std::optional<geo::Date> date;
    std::optional<SavedView> view;
    std::optional<std::string> language;    ///< the map labels': en, en+ru, ...
    std::optional<std::string> ui_language; ///< en, ja or ru
    std::optional<std::string> pov;         ///< a point of view id
    std::optional<std::string> layers;      ///< the visible layers, comma-separated
    std::optional<std::string> theme;       ///< default or projector
    std::optional<unsigned> width;
    std::optional<unsigned> height;
};

/// $XDG_CONFIG_HOME/kuril-atlas/settings.ini ($XDG_CONFIG_HOME defaults to ~/.config).
std::filesystem::path settings_file();

/// Reads settings from "key = value" lines (# comments, blank lines). Throws geo::InputError
/// naming `where`, the line and what was expected for a line it cannot read; unknown keys are
/// skipped (a newer version's).
ViewerSettings parse_settings(const std::string& text, const std::string& where);

/// The text parse_settings reads back.
std::string format_settings(const ViewerSettings& settings);

/// The settings in `file`: none when it does not exist. Throws geo::InputError for a file it
/// cannot read or parse.
ViewerSettings load_settings(const std::filesystem::path& file);

/// Writes `settings` to `file` (its folder created; a temporary file renamed over it). Throws
/// geo::InputError when it cannot.
void save_settings(const std::filesystem::path& file, const ViewerSettings& settings);

/// The options with what `file` remembers filled in where the command line said nothing
/// (never for a tour or a screenshot, which set `remember` false, nor with --reset). A file that
/// cannot be read sets `settings_message` (shown once in the window); it is replaced when the
/// viewer closes.
ViewerOptions apply_settings(ViewerOptions options, const std::filesystem::path& file);

} // namespace kuril
