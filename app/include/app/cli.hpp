// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <memory>
#include <utility>

namespace kuril {

/// How a command ends the process.
struct CommandExit {
    // An exit status converts: a command that leaves nothing returns its status.
    CommandExit(int exit_status,
                std::shared_ptr<void> left = {}) // NOLINT(google-explicit-constructor)
        : status(exit_status), leftovers(std::move(left)) {}

    /// 0 success, 2 bad input (one line on stderr naming the file and problem), 1 internal
    /// failure.
    int status;
    /// Set once all output is in place: what main leaves to the operating system by ending the
    /// process at once (std::_Exit) instead of tearing it down (the data, fonts and OpenGL
    /// objects: Mesa, LLVM and GDAL take milliseconds to unload piece by piece).
    std::shared_ptr<void> leftovers;
};

/// Parses the command line and runs a command.
CommandExit run_cli(int argc, char** argv);

} // namespace kuril
