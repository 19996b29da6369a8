#pragma once

namespace kuril {

/// Parses the command line and runs a command. Returns the exit status: 0 success, 2 bad input
/// (one line on stderr naming the file and problem), 1 internal failure.
int run_cli(int argc, char** argv);

} // namespace kuril
