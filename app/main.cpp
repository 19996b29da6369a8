// SPDX-License-Identifier: GPL-3.0-or-later
// kuril-atlas: a thin main over the libraries; the commands live in app/src.
#include "app/cli.hpp"
#include "util/phase_timer.hpp"

#include <csignal>
#include <cstdio>
#include <cstdlib>

int main(int argc, char** argv) {
    // A file size limit (ulimit -f) shows as a write error with a message, not a killed process.
    std::signal(SIGXFSZ, SIG_IGN);
    kuril::PhaseTimer::global().mark("start");
    const kuril::CommandExit exit = kuril::run_cli(argc, argv);
    kuril::PhaseTimer::global().mark("leave main");
    if (exit.leftovers) {
        // Everything is written and renamed into place: end here, leaving what the command
        // holds (and the libraries' static state) to the operating system.
        std::fflush(nullptr);
        std::_Exit(exit.status);
    }
    return exit.status;
}
