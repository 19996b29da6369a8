// kuril-atlas: a thin main over the libraries; the commands live in viewer/src.
#include "viewer/cli.hpp"

int main(int argc, char** argv) {
    return kuril::run_cli(argc, argv);
}
