// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "geo/date.hpp"
#include "i18n/message.hpp"
#include "map/user_layer.hpp"
#include "map/view_spec.hpp"

#include <array>
#include <filesystem>
#include <optional>
#include <string>

namespace kuril {

struct ViewerOptions {
    std::filesystem::path annotations; ///< resolved annotations file
    std::string display_crs;
    std::string data_crs;
    std::string date;                 ///< YYYY-MM-DD; empty: today
    std::string language = "en+ru";   ///< the map labels'
    std::string text_language = "en"; ///< what a person reads: en, ja or ru (--ui-lang)
    std::string pov = "defacto";      ///< the point of view drawn (--pov)
    bool fullscreen = false;
    unsigned width = 1280;
    unsigned height = 800;
    double ui_scale = 0;              ///< 0: from the window height
    std::filesystem::path screenshot; ///< render, save this PNG, and exit (tests)
    bool play = false;                ///< start playing history at once (as P does)
    ViewSpec view;
    /// Start comparing these two dates (left, right): side by side, or under a swipe divider.
    std::optional<std::array<geo::Date, 2>> compare;
    bool swipe = false;
    /// The user's own layers (--layer), loaded before the window opens; more are added with
    /// the layer prompt.
    UserLayerOptions user_layers;

    // Settings (XDG config folder): the viewer starts where it was left, unless told otherwise.
    bool remember = true;        ///< read and save settings.ini (never for tours or screenshots)
    bool reset = false;          ///< --reset: start fresh, ignoring what was saved
    bool language_given = false; ///< --lang was on the command line (not taken from settings)
    bool text_language_given = false;
    bool pov_given = false;
    bool size_given = false;
    bool theme_given = false;
    /// Where the map was left: lon, lat and metres per pixel (from settings.ini).
    std::optional<std::array<double, 3>> start_view;
    std::string layers;             ///< the visible layers, comma-separated (from settings.ini)
    i18n::Message settings_message; ///< a problem with settings.ini, shown once in the window

    // Presentation mode (`kuril-atlas present`).
    bool present = false;
    std::string tour = "default";
    std::filesystem::path tour_file; ///< a user's tour file (may use the shipped ids)
    bool animation = true;
    bool notes_window = false;
    bool projector_theme = false;
    int start_slide = 1;
};

/// Opens the window and runs until it is closed. Returns the exit status. Bad data is shown in
/// the window; only a missing display or bad options end it early (geo::InputError).
int run_viewer(const ViewerOptions& options);

} // namespace kuril
