// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <vector>

namespace kuril {

/// One line of the keys' help: the keys (or the mouse gesture) and what they do.
struct KeyHelp {
    std::string keys;
    std::string meaning;
};

/// The viewer's keys, from the table the viewer dispatches with (for the manual page).
std::vector<KeyHelp> map_key_help();
/// The presenter's keys during a tour, likewise.
std::vector<KeyHelp> presenter_key_help();

} // namespace kuril
