// SPDX-License-Identifier: GPL-3.0-or-later
#include "export/view_export.hpp"
#include "geo/projection.hpp"
#include "xdg.hpp"

#include <doctest/doctest.h>
#include <sstream>

TEST_CASE("[export] view_export: the window's view, date, language and layers, scaled") {
    const geo::Projection projection;
    const geo::Point centre = projection.forward({146.0, 44.0});
    kuril::MapView view({centre.x - 5e5, centre.y - 5e5, centre.x + 5e5, centre.y + 5e5}, 1280,
                        720);
    view.set(centre, 300);
    kuril::MapState state;
    state.date = {1956, 10, 19};
    state.language = kuril::LabelLanguage::ja;
    state.toggle(kuril::Layer::lakes);
    state.ui_scale = 1.25;
    const auto options = kuril::export_options_for_view(view, state, projection, 2, "/pictures");
    CHECK(options.width == 2560);
    CHECK(options.height == 1440);
    CHECK(options.scale == doctest::Approx(2.5));
    REQUIRE(options.exact_view.has_value());
    CHECK(options.exact_view->metres_per_pixel() == doctest::Approx(300));
    CHECK(options.date == state.date);
    CHECK(options.language == kuril::LabelLanguage::ja);
    CHECK(options.visible == state.visible);
    CHECK(options.out == "/pictures/kuril-atlas_1956-10-19_146.000E_44.000N_2560x1440.png");
}

TEST_CASE("[export] view_export: the file name rounds the centre to 0.001 degree") {
    CHECK(kuril::view_export_file_name({2024, 1, 2}, {145.12349, 43.9876}, 640, 480) ==
          "kuril-atlas_2024-01-02_145.123E_43.988N_640x480.png");
}

TEST_CASE("[viewer] xdg: the pictures folder from user-dirs.dirs, $HOME expanded") {
    std::istringstream dirs("# comment\nXDG_DESKTOP_DIR=\"$HOME/Desktop\"\n"
                            "XDG_PICTURES_DIR=\"$HOME/Bilder\"\n");
    CHECK(kuril::pictures_folder_from(dirs, "/home/ann") == "/home/ann/Bilder");
    std::istringstream absolute("XDG_PICTURES_DIR=\"/data/pics\"\n");
    CHECK(kuril::pictures_folder_from(absolute, "/home/ann") == "/data/pics");
    std::istringstream none("XDG_MUSIC_DIR=\"$HOME/Music\"\n");
    CHECK(kuril::pictures_folder_from(none, "/home/ann") == "/home/ann/Pictures");
}
