#include "viewer/cli.hpp"

#include "commands.hpp"
#include "geo/error.hpp"

#include <CLI/CLI.hpp>
#include <iostream>

namespace kuril {
namespace {

void add_data_options(CLI::App& command, DataOptions& data) {
    command.add_option("--data", data.data_dir,
                       "Folder with annotations.xml and the shapes it names (default: shipped)");
    command.add_option("--annotations", data.annotations, "Annotations file to use");
    command.add_option("--crs", data.display_crs,
                       "Display CRS: PROJ string, WKT or EPSG:n (default: Lambert conformal "
                       "conic 43/50 N, 147 E)");
    command.add_option("--data-crs", data.data_crs,
                       "CRS to assume for sources that declare none (no .prj)");
}

} // namespace

int run_cli(int argc, char** argv) {
    CLI::App app{"Kuril Atlas: a map of the Kuril Islands dispute, 1855 to today"};
    app.set_version_flag("--version", "kuril-atlas 0.1.0");
    app.require_subcommand(0, 1);

    InfoOptions info;
    auto* info_command = app.add_subcommand(
        "info", "Print the layers and the four disputed islands with their geodesic areas");
    add_data_options(*info_command, info.data);
    info_command->add_flag("--json", info.json, "Print JSON");
    info_command->add_option("--date", info.date,
                             "YYYY-MM-DD: add the lines in force and each island's status");
    info_command->add_option("sources", info.sources,
                             "Other vector sources (any OGR format) to report instead");

    CheckOptions check;
    auto* check_command =
        app.add_subcommand("check", "Validate an annotations file and the shapes it refers to");
    add_data_options(*check_command, check.data);
    check_command->add_option("file", check.file, "Annotations file (default: the shipped one)");

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& error) {
        return app.exit(error) == 0 ? 0 : 2;
    }

    try {
        if (*check_command) {
            return run_check(check);
        }
        // No command: until the viewer exists, `info` is the default.
        return run_info(info);
    } catch (const geo::InputError& error) {
        std::cerr << "kuril-atlas: " << error.what() << '\n';
        return 2;
    } catch (const std::exception& error) {
        std::cerr << "kuril-atlas: internal error: " << error.what() << '\n';
        return 1;
    }
}

} // namespace kuril
