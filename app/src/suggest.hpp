// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <CLI/CLI.hpp>
#include <optional>
#include <string>

namespace kuril {

/// For a command line CLI11 refused: one line naming the unknown command or option and, when
/// one is close, what was probably meant ("unknown option '--szie' for export (did you mean
/// --size?)"). Nothing when the problem is something else.
std::optional<std::string> suggest_correction(const CLI::App& app, int argc, char** argv);

} // namespace kuril
