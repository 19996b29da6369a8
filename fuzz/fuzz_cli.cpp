// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzzes the command line's parsing layer without running a command: the input is split on
// NUL or newline into arguments. The value after each option (or after its "=") goes through
// that option's parser (--bbox, --center, --date, --lang, --layers, --layer-style; then the view
// checks), and the whole command line through CLI11 and the "did you mean" hint
// (suggest_correction) over an application with kuril-atlas's commands and long options
// (app/src/cli.cpp; kept in step by hand, as only the names matter to the hint). No command runs:
// nothing is drawn or written.

#include "geo/date.hpp"
#include "geo/error.hpp"
#include "map/map_state.hpp"
#include "map/user_layer.hpp"
#include "map/view_spec.hpp"
#include "suggest.hpp"

#include <CLI/CLI.hpp>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <sstream>
#include <string>
#include <vector>

namespace {

/// The commands and options of app/src/cli.cpp, each option a string (the hint and CLI11's
/// splitting of the command line care about names and arity, not types).
struct Cli {
    CLI::App app{"kuril-atlas"};
    std::deque<std::string> values; /// stable addresses: the options write into them
    std::vector<std::string> list;
    bool flag = false;

    Cli() {
        app.set_version_flag("--version", "kuril-atlas 0.1.0");
        app.require_subcommand(0, 1);
        const auto add = [this](CLI::App& command, std::initializer_list<const char*> options,
                                std::initializer_list<const char*> flags) {
            for (const char* name : {"--data", "--annotations", "--crs", "--data-crs"}) {
                command.add_option(name, values.emplace_back());
            }
            for (const char* name : options) {
                command.add_option(name, values.emplace_back());
            }
            for (const char* name : flags) {
                command.add_flag(name, flag);
            }
        };
        add(*app.add_subcommand("info"), {"--date"}, {"--json"});
        app.get_subcommand("info")->add_option("sources", list);
        add(*app.add_subcommand("check"), {}, {});
        app.get_subcommand("check")->add_option("file", values.emplace_back());
        add(*app.add_subcommand("export"),
            {"--out",     "--size",      "--scale", "--dpi",         "--bbox",
             "--island",  "--center",    "--zoom",  "--date",        "--lang",
             "--ui-lang", "--layers",    "--title", "--format",      "--manifest",
             "--tour",    "--tour-file", "--layer", "--label-field", "--layer-style"},
            {"--no-legend", "--no-footer", "--no-credit"});
        add(*app.add_subcommand("present"),
            {"--tour", "--tour-file", "--size", "--theme", "--slide", "--screenshot", "--ui-lang"},
            {"--window", "--no-animation", "--notes-window"});
        add(*app.add_subcommand("view"),
            {"--date", "--lang", "--ui-lang", "--size", "--ui-scale", "--screenshot", "--bbox",
             "--island", "--center", "--zoom", "--layer", "--label-field", "--layer-style"},
            {"--fullscreen"});
    }
};

/// An option's value as the commands read it (`option` is its name: --bbox, --date, ...):
/// each parser either accepts it or throws geo::InputError. Only the parser of that option
/// runs: throwing is the slow path, and every word through every parser would be mostly that.
void parse_value(const std::string& option, const std::string& text, kuril::ViewSpec& view) {
    try {
        if (option == "--bbox") {
            view.bbox = kuril::ViewSpec::parse_bbox(text);
        } else if (option == "--center") {
            view.center = kuril::ViewSpec::parse_center(text);
        } else if (option == "--island") {
            view.island = text;
        } else if (option == "--date") {
            (void)geo::parse_day(text).long_text();
            (void)geo::parse_partial_date(text).display();
        } else if (option == "--layer-style") {
            (void)kuril::parse_layer_style(text);
        } else if (option == "--lang") {
            (void)kuril::language_from_code(text);
        } else if (option == "--ui-lang") {
            (void)kuril::text_language_from_code(text);
        } else if (option == "--layers") {
            // Names, or +name/-name, comma-separated.
            std::vector<std::string> names;
            std::stringstream in(text);
            for (std::string item; std::getline(in, item, ',');) {
                if (!item.empty() && (item[0] == '+' || item[0] == '-')) {
                    item.erase(0, 1);
                }
                (void)kuril::layer_from_name(item);
                names.push_back(item);
            }
            (void)kuril::layers_from_names(names);
        }
    } catch (const geo::InputError&) {
        // Refused with a message: what a bad value is meant to get.
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::vector<std::string> words = {"kuril-atlas"};
    std::string word;
    for (std::size_t i = 0; i < size; ++i) {
        const char c = static_cast<char>(data[i]);
        if (c == '\0' || c == '\n') {
            words.push_back(word);
            word.clear();
        } else {
            word += c;
        }
    }
    words.push_back(word);

    kuril::ViewSpec view;
    for (std::size_t i = 1; i < words.size(); ++i) {
        const std::string& text = words[i];
        const auto equals = text.find('=');
        if (equals != std::string::npos) {
            parse_value(text.substr(0, equals), text.substr(equals + 1), view); // --date=1956
        } else if (i + 1 < words.size()) {
            parse_value(text, words[i + 1], view); // --date 1956
        }
    }
    try {
        view.check_options(size % 2 == 0);
    } catch (const geo::InputError&) {
    }

    std::vector<char*> argv;
    for (auto& each : words) {
        argv.push_back(each.data());
    }
    argv.push_back(nullptr);
    const int argc = static_cast<int>(words.size());
    // Built once (building it costs more than a parse); clear() forgets the last parse.
    static Cli cli;
    cli.app.clear();
    try {
        cli.app.parse(argc, argv.data());
    } catch (const CLI::ParseError&) {
        (void)kuril::suggest_correction(cli.app, argc, argv.data());
    }
    return 0;
}
