// kuril-atlas: a thin main over the libraries; the commands live in viewer/src.
#include "viewer/cli.hpp"
#include "viewer/phase_timer.hpp"

int main(int argc, char** argv) {
    kuril::PhaseTimer::global().mark("start");
    const int status = kuril::run_cli(argc, argv);
    kuril::PhaseTimer::global().mark("leave main");
    return status;
}
