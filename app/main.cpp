// kuril-atlas: a thin main over the libraries; the commands live in app/src.
#include "app/cli.hpp"
#include "util/phase_timer.hpp"

#include <csignal>

int main(int argc, char** argv) {
    // A file size limit (ulimit -f) shows as a write error with a message, not a killed process.
    std::signal(SIGXFSZ, SIG_IGN);
    kuril::PhaseTimer::global().mark("start");
    const int status = kuril::run_cli(argc, argv);
    kuril::PhaseTimer::global().mark("leave main");
    return status;
}
