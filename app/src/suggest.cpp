// SPDX-License-Identifier: GPL-3.0-or-later
#include "suggest.hpp"

#include "util/strings.hpp"

#include <vector>

namespace kuril {

std::optional<std::string> suggest_correction(const CLI::App& app, int argc, char** argv) {
    std::vector<std::string> commands;
    for (const auto* sub : app.get_subcommands([](const CLI::App*) { return true; })) {
        commands.push_back(sub->get_name());
    }
    const CLI::App* command = &app;
    std::string command_name;
    int first = 1;
    if (argc > 1 && argv[1][0] != '-') {
        const std::string word = argv[1];
        const auto found = std::find(commands.begin(), commands.end(), word);
        if (found == commands.end()) {
            const auto near = closest_matches(word, commands);
            return "unknown command " + quoted_value(word) +
                   (near.empty() ? std::string() : " (did you mean " + or_list(near) + "?)") +
                   "; commands: view, info, check, export, present";
        }
        command = app.get_subcommand(word);
        command_name = word;
        first = 2;
    }
    // Options of the command (and of the application, as a command inherits none here).
    std::vector<std::string> names;
    for (const CLI::Option* option :
         command->get_options([](const CLI::Option*) { return true; })) {
        for (const auto& name : option->get_lnames()) {
            names.push_back("--" + name);
        }
    }
    for (int i = first; i < argc; ++i) {
        std::string word = argv[i];
        if (word.rfind("--", 0) != 0) {
            continue;
        }
        word = word.substr(0, word.find('='));
        if (std::find(names.begin(), names.end(), word) != names.end()) {
            continue;
        }
        const auto near = closest_matches(word, names);
        return "unknown option " + quoted_value(word) +
               (command_name.empty() ? std::string() : " for " + command_name) +
               (near.empty() ? std::string() : " (did you mean " + or_list(near) + "?)");
    }
    return std::nullopt;
}

} // namespace kuril
