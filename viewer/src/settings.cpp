// SPDX-License-Identifier: GPL-3.0-or-later
#include "settings.hpp"

#include "geo/error.hpp"
#include "i18n/translate.hpp"
#include "imageio/atomic_file.hpp"
#include "map/map_state.hpp"
#include "xdg.hpp"

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <system_error>

namespace fs = std::filesystem;
using i18n::N_;

namespace kuril {
namespace {

std::string trim(const std::string& text) {
    const auto first = text.find_first_not_of(" \t\r");
    if (first == std::string::npos) {
        return "";
    }
    return text.substr(first, text.find_last_not_of(" \t\r") - first + 1);
}

/// `what`: the value expected, an N_-marked msgid ("a longitude").
double number(const std::string& text, const char* what) {
    double value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc{} || end != text.data() + text.size() || !std::isfinite(value)) {
        throw geo::InputError(N_("expected {what}, got '{got}'"),
                              {{"what", i18n::Message(what)}, {"got", text}});
    }
    return value;
}

unsigned pixels(const std::string& text, const char* what) {
    const double value = number(text, what);
    if (value < 1 || value > 32768 || value != std::floor(value)) {
        throw geo::InputError(N_("expected {what} (1 to 32768 pixels), got '{got}'"),
                              {{"what", i18n::Message(what)}, {"got", text}});
    }
    return static_cast<unsigned>(value);
}

/// "lon lat metres_per_pixel".
SavedView view(const std::string& text) {
    std::istringstream in(text);
    std::string lon, lat, mpp, extra;
    in >> lon >> lat >> mpp;
    if (mpp.empty() || (in >> extra)) {
        throw geo::InputError(N_("expected 'lon lat metres-per-pixel', got '{got}'"),
                              {{"got", text}});
    }
    SavedView out{number(lon, N_("a longitude")), number(lat, N_("a latitude")),
                  number(mpp, N_("metres per pixel"))};
    if (std::abs(out.lon) > 180 || std::abs(out.lat) > 90 || out.metres_per_pixel <= 0) {
        throw geo::InputError(
            N_("expected a longitude, a latitude and a positive scale, got '{got}'"),
            {{"got", text}});
    }
    return out;
}

} // namespace

fs::path settings_file() {
    return config_folder() / "kuril-atlas" / "settings.ini";
}

ViewerSettings parse_settings(const std::string& text, const std::string& where) {
    ViewerSettings settings;
    std::istringstream in(text);
    std::string line;
    int number_of_line = 0;
    while (std::getline(in, line)) {
        ++number_of_line;
        line = trim(line);
        if (line.empty() || line.front() == '#') {
            continue;
        }
        const auto equals = line.find('=');
        try {
            if (equals == std::string::npos) {
                throw geo::InputError(N_("expected 'key = value', got '{got}'"),
                                      {{"got", line.substr(0, 60)}});
            }
            const std::string key = trim(line.substr(0, equals));
            const std::string value = trim(line.substr(equals + 1));
            if (key == "date") {
                settings.date = geo::parse_day(value);
            } else if (key == "view") {
                settings.view = view(value);
            } else if (key == "language") {
                settings.language = value;
            } else if (key == "ui-language") {
                settings.ui_language = value;
            } else if (key == "pov") {
                settings.pov = value;
            } else if (key == "layers") {
                settings.layers = value;
            } else if (key == "theme") {
                if (!is_theme_name(value)) {
                    throw geo::InputError(N_("theme '{value}': expected default or projector"),
                                          {{"value", value.substr(0, 40)}});
                }
                settings.theme = value;
            } else if (key == "width") {
                settings.width = pixels(value, N_("a window width"));
            } else if (key == "height") {
                settings.height = pixels(value, N_("a window height"));
            }
        } catch (const geo::InputError& error) {
            // The place is written alike in every language (Diagnostic::placed).
            throw geo::InputError(
                geo::Diagnostic{where, number_of_line, error.message(), {}}.placed());
        }
    }
    return settings;
}

std::string format_settings(const ViewerSettings& settings) {
    std::ostringstream out;
    out.precision(10);
    out << "# Kuril Atlas: where the viewer was left (kuril-atlas view --reset starts fresh)\n";
    if (settings.date) {
        out << "date = " << settings.date->iso() << '\n';
    }
    if (settings.view) {
        out << "view = " << settings.view->lon << ' ' << settings.view->lat << ' '
            << settings.view->metres_per_pixel << '\n';
    }
    const auto text = [&out](const char* key, const std::optional<std::string>& value) {
        if (value) {
            out << key << " = " << *value << '\n';
        }
    };
    text("language", settings.language);
    text("ui-language", settings.ui_language);
    text("pov", settings.pov);
    text("layers", settings.layers);
    text("theme", settings.theme);
    if (settings.width && settings.height) {
        out << "width = " << *settings.width << "\nheight = " << *settings.height << '\n';
    }
    return out.str();
}

ViewerSettings load_settings(const fs::path& file) {
    std::error_code ec;
    if (!fs::exists(file, ec)) {
        return {};
    }
    if (!fs::is_regular_file(file, ec)) {
        throw geo::InputError(N_("{file}: is not a regular file"), {{"file", file.string()}});
    }
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        throw geo::InputError(N_("{file}: cannot be read"), {{"file", file.string()}});
    }
    std::ostringstream text;
    text << in.rdbuf();
    if (text.str().size() > 64 * 1024) {
        throw geo::InputError(N_("{file}: too large for a settings file"),
                              {{"file", file.string()}});
    }
    return parse_settings(text.str(), file.string());
}

void save_settings(const fs::path& file, const ViewerSettings& settings) {
    std::error_code ec;
    fs::create_directories(file.parent_path(), ec);
    AtomicFile out(file);
    out.write_text(format_settings(settings));
    out.commit();
}

ViewerOptions apply_settings(ViewerOptions options, const fs::path& file) {
    options.remember = !options.present && options.screenshot.empty();
    if (!options.remember || options.reset) {
        return options;
    }
    ViewerSettings saved;
    try {
        saved = load_settings(file);
    } catch (const geo::InputError& error) {
        options.settings_message =
            i18n::Message(N_("{error}; starting fresh (the file is replaced when the window "
                             "closes)"),
                          {{"error", error.message()}});
        return options;
    }
    const bool view_given =
        options.view.bbox || !options.view.island.empty() || options.view.center;
    if (saved.date && options.date.empty() && !options.compare) {
        options.date = saved.date->iso();
    }
    if (saved.view && !view_given) {
        options.start_view =
            std::array<double, 3>{saved.view->lon, saved.view->lat, saved.view->metres_per_pixel};
    }
    if (saved.language && !options.language_given && language_from_code(*saved.language)) {
        options.language = *saved.language;
    }
    if (saved.ui_language && !options.text_language_given &&
        text_language_from_code(*saved.ui_language)) {
        options.text_language = *saved.ui_language;
    }
    if (saved.pov && !options.pov_given) {
        options.pov = *saved.pov; // one the annotations no longer define draws as de facto
    }
    if (saved.theme && !options.theme_given) {
        options.projector_theme = *saved.theme == "projector";
    }
    if (saved.layers) {
        options.layers = *saved.layers;
    }
    if (saved.width && saved.height && !options.size_given && !options.fullscreen) {
        options.width = *saved.width;
        options.height = *saved.height;
    }
    return options;
}

} // namespace kuril
