// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <CLI/CLI.hpp>
#include <string>

namespace kuril {

/// The manual page kuril-atlas(1) in roff, made from the command line's own definition (every
/// command and option, with its help) and the viewer's and presenter's key tables, so that it
/// cannot fall behind them. Options in the group "" (hidden) are left out.
std::string manual_page(const CLI::App& app, const std::string& version, const std::string& date);

/// A bash completion script for kuril-atlas: the commands, and each command's options.
std::string bash_completion(const CLI::App& app);

} // namespace kuril
