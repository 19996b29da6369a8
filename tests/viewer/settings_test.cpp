// SPDX-License-Identifier: GPL-3.0-or-later
// The viewer remembers where it was left (settings.ini in the XDG config folder, issue 17).
#include "geo/error.hpp"
#include "settings.hpp"
#include "test_paths.hpp"

#include <doctest/doctest.h>
#include <fstream>

namespace fs = std::filesystem;

namespace {

fs::path write_settings(const std::string& name, const std::string& text) {
    const fs::path file = test_paths::scratch("settings-" + name) / "settings.ini";
    std::ofstream(file) << text;
    return file;
}

const char* const saved = "# a comment\n"
                          "date = 1956-10-19\n"
                          "view = 146 44 385.25\n"
                          "language = ja\n"
                          "ui-language = ru\n"
                          "pov = jp\n"
                          "layers = sea,land,labels\n"
                          "theme = projector\n"
                          "width = 1000\n"
                          "height = 700\n"
                          "from-a-newer-version = 1\n";

} // namespace

TEST_CASE("[viewer] settings: written and read back alike") {
    const kuril::ViewerSettings settings = kuril::parse_settings(saved, "settings.ini");
    REQUIRE(settings.date);
    CHECK(*settings.date == geo::Date{1956, 10, 19});
    REQUIRE(settings.view);
    CHECK(settings.view->lon == 146);
    CHECK(settings.view->metres_per_pixel == doctest::Approx(385.25));
    CHECK(settings.layers == "sea,land,labels");
    CHECK(settings.theme == "projector");
    const auto again = kuril::parse_settings(kuril::format_settings(settings), "settings.ini");
    CHECK(kuril::format_settings(again) == kuril::format_settings(settings));
    const fs::path file = test_paths::scratch("settings-saved") / "sub" / "settings.ini";
    fs::remove_all(file.parent_path());
    kuril::save_settings(file, settings); // the folder is made
    CHECK(kuril::format_settings(kuril::load_settings(file)) == kuril::format_settings(settings));
}

TEST_CASE("[viewer] settings: the viewer starts where it was left, unless told otherwise") {
    const fs::path file = write_settings("applied", saved);
    kuril::ViewerOptions options;
    const auto applied = kuril::apply_settings(options, file);
    CHECK(applied.remember);
    CHECK(applied.date == "1956-10-19");
    CHECK(applied.language == "ja");
    CHECK(applied.text_language == "ru");
    CHECK(applied.pov == "jp");
    CHECK(applied.layers == "sea,land,labels");
    CHECK(applied.projector_theme);
    CHECK(applied.width == 1000);
    CHECK(applied.height == 700);
    REQUIRE(applied.start_view);
    CHECK((*applied.start_view)[2] == doctest::Approx(385.25));
    CHECK(applied.settings_message.empty());

    // The command line wins.
    kuril::ViewerOptions given;
    given.date = "2020-01-01";
    given.language = "en";
    given.language_given = true;
    given.pov = "ru";
    given.pov_given = true;
    given.size_given = true;
    given.theme_given = true; // --theme default
    given.view.center = geo::Point{147, 45};
    const auto kept = kuril::apply_settings(given, file);
    CHECK(kept.date == "2020-01-01");
    CHECK(kept.language == "en");
    CHECK(kept.pov == "ru");
    CHECK_FALSE(kept.projector_theme);
    CHECK(kept.width == 1280);
    CHECK_FALSE(kept.start_view);
    CHECK(kept.text_language == "ru"); // not given: remembered

    // --reset, a tour and a screenshot start fresh.
    kuril::ViewerOptions reset;
    reset.reset = true;
    CHECK(kuril::apply_settings(reset, file).date.empty());
    kuril::ViewerOptions tour;
    tour.present = true;
    CHECK_FALSE(kuril::apply_settings(tour, file).remember);
    kuril::ViewerOptions shot;
    shot.screenshot = "x.png";
    CHECK(kuril::apply_settings(shot, file).date.empty());
    // No file yet: nothing to apply, nothing to say.
    const auto none = kuril::apply_settings(options, file.parent_path() / "none.ini");
    CHECK(none.date.empty());
    CHECK(none.settings_message.empty());
}

TEST_CASE("[viewer] settings: a bad line is said in Japanese and Russian, the place as is") {
    try {
        (void)kuril::parse_settings("width = 0\n", "s.ini");
        FAIL("a width of 0 was not refused");
    } catch (const geo::InputError& error) {
        CHECK(std::string(error.what()) ==
              "s.ini:1: expected a window width (1 to 32768 pixels), got '0'");
        CHECK(error.text("ja") ==
              "s.ini:1: ウィンドウの幅（1～32768 ピクセル）が必要ですが、'0' でした");
        CHECK(error.text("ru") ==
              "s.ini:1: ожидается ширина окна (от 1 до 32768 пикселей), получено '0'");
    }
    // The message a window shows of a file that cannot be read, in its interface language.
    const fs::path file = write_settings("corrupt-ja", "view = 200 10 5\n");
    const auto applied = kuril::apply_settings(kuril::ViewerOptions{}, file);
    CHECK(applied.settings_message.text("ja").starts_with(
        file.string() + ":1: 経度、緯度、正の縮尺が必要ですが、'200 10 5' でした。"));
    CHECK(applied.settings_message.text("ru").starts_with(
        file.string() +
        ":1: ожидаются долгота, широта и положительный масштаб, получено '200 10 5'; "));
}

TEST_CASE("[viewer] settings: a file that cannot be read is said once, not fatal") {
    const fs::path file = write_settings("corrupt", "date = 1956-10-19\nview = here\n");
    kuril::ViewerOptions options;
    const auto applied = kuril::apply_settings(options, file);
    CHECK(applied.remember);
    CHECK(applied.date.empty()); // nothing of a file that cannot be read is used
    CHECK(applied.settings_message.english() ==
          file.string() +
              ":2: expected 'lon lat metres-per-pixel', got 'here'; starting fresh (the file is "
              "replaced when the window closes)");
    CHECK_THROWS_WITH_AS(kuril::parse_settings("width = 0\n", "s.ini"),
                         "s.ini:1: expected a window width (1 to 32768 pixels), got '0'",
                         geo::InputError);
    CHECK_THROWS_WITH_AS(kuril::parse_settings("date = 1956-13-01\n", "s.ini"),
                         doctest::Contains("s.ini:1: "), geo::InputError);
    CHECK_THROWS_WITH_AS(kuril::parse_settings("theme = dark\n", "s.ini"),
                         "s.ini:1: theme 'dark': expected default or projector", geo::InputError);
    CHECK_THROWS_WITH_AS(kuril::parse_settings("just words\n", "s.ini"),
                         "s.ini:1: expected 'key = value', got 'just words'", geo::InputError);
    const fs::path folder = test_paths::scratch("settings-folder") / "settings.ini";
    fs::create_directories(folder);
    CHECK(kuril::apply_settings(options, folder).settings_message.english() ==
          folder.string() +
              ": is not a regular file; starting fresh (the file is replaced when the window "
              "closes)");
}
