// SPDX-License-Identifier: GPL-3.0-or-later
#include "manual.hpp"

#include "viewer/key_help.hpp"

#include <algorithm>
#include <sstream>
#include <vector>

namespace kuril {
namespace {

/// Text for roff: backslashes doubled, hyphens as \-, a leading dot or quote protected.
std::string roff(const std::string& text) {
    std::string out;
    for (char c : text) {
        if (c == '\\') {
            out += "\\e";
        } else if (c == '-') {
            out += "\\-";
        } else {
            out += c;
        }
    }
    if (!out.empty() && (out.front() == '.' || out.front() == '\'')) {
        out.insert(0, "\\&");
    }
    return out;
}

std::vector<const CLI::App*> commands(const CLI::App& app) {
    return app.get_subcommands([](const CLI::App*) { return true; });
}

/// "--size WxH" style: the option's names and, unless it is a flag, its value's name.
std::string option_synopsis(const CLI::Option& option) {
    std::string names;
    for (char c : option.get_name(false, true)) {
        names += c == ',' ? std::string(", ") : std::string(1, c); // "-h, --help"
    }
    if (option.get_expected_min() > 0) {
        const std::string type = option.get_type_name();
        if (!type.empty()) {
            names += " " + type;
        }
    }
    return names;
}

std::vector<const CLI::Option*> positionals(const CLI::App& command) {
    std::vector<const CLI::Option*> out;
    for (const CLI::Option* option : command.get_options()) {
        if (!option->nonpositional()) {
            out.push_back(option);
        }
    }
    return out;
}

void key_table(std::ostringstream& out, const std::vector<KeyHelp>& keys) {
    for (const auto& key : keys) {
        out << ".TP\n.B " << roff(key.keys) << '\n' << roff(key.meaning) << '\n';
    }
}

} // namespace

std::string manual_page(const CLI::App& app, const std::string& version, const std::string& date) {
    std::ostringstream out;
    out << ".TH KURIL\\-ATLAS 1 \"" << date << "\" \"kuril-atlas " << version
        << "\" \"User Commands\"\n";
    out << ".SH NAME\nkuril\\-atlas \\- " << roff(app.get_description()) << '\n';
    out << ".SH SYNOPSIS\n.B kuril\\-atlas\n[\\fICOMMAND\\fR] [\\fIOPTIONS\\fR]\n.br\n"
        << ".B kuril\\-atlas\n\\-\\-version | \\-\\-help\n";
    out << ".SH DESCRIPTION\n"
           "Kuril Atlas is a desktop map of the Kuril Islands dispute between Japan and Russia: "
           "who administered and who claimed each island on any date from 1855 to today, every "
           "boundary, treaty line and proposal, each with its source, in English, Japanese and "
           "Russian. Without a command it opens the map window (\\fBview\\fR).\n";
    out << ".SH COMMANDS\n";
    for (const CLI::App* command : commands(app)) {
        out << ".SS " << roff(command->get_name());
        for (const CLI::Option* positional : positionals(*command)) {
            out << " [" << roff(positional->get_name()) << "]";
        }
        out << '\n' << roff(command->get_description()) << '\n';
        for (const CLI::Option* positional : positionals(*command)) {
            out << ".TP\n.I " << roff(positional->get_name()) << '\n'
                << roff(positional->get_description()) << '\n';
        }
        for (const CLI::Option* option : command->get_options()) {
            if (option->get_group().empty() || !option->nonpositional()) {
                continue;
            }
            out << ".TP\n.B " << roff(option_synopsis(*option)) << '\n'
                << roff(option->get_description()) << '\n';
        }
    }
    out << ".SH OPTIONS\n";
    for (const CLI::Option* option : app.get_options()) {
        if (option->get_group().empty()) {
            continue;
        }
        out << ".TP\n.B " << roff(option_synopsis(*option)) << '\n'
            << roff(option->get_description()) << '\n';
    }
    out << ".SH KEYS\nIn the map window (\\fBview\\fR):\n";
    key_table(out, map_key_help());
    out << ".SH PRESENTER KEYS\nDuring a tour (\\fBpresent\\fR), with a clicker or the "
           "keyboard; other keys act on the map as above:\n";
    key_table(out, presenter_key_help());
    out << ".SH FILES\n.TP\n.I /usr/share/kuril\\-atlas/\n"
           "The shipped data: annotations.xml (sources, statuses, lines, events, places, zones, "
           "tours) and shapes/ (GSHHG coastlines, DCW borders, boundary lines, maritime zones, "
           "each with its source and licence in shapes/README.md). An installed binary uses "
           "the data under its own prefix; \\fB\\-\\-data\\fR and \\fB\\-\\-annotations\\fR "
           "choose other data.\n";
    out << ".SH EXIT STATUS\n.TP\n.B 0\nSuccess.\n.TP\n.B 1\nAn internal fault.\n.TP\n.B 2\n"
           "Bad input: the message, one line on standard error, names the file, line or "
           "option and what was expected. Nothing partial is written.\n";
    out << ".SH ENVIRONMENT\n.TP\n.B DISPLAY\nThe X display of the window; \\fBexport\\fR "
           "without one starts a private Xvfb.\n.TP\n.B KURIL_PROFILE\n"
           "When set, the commands print how long each phase took, on standard error.\n"
           ".TP\n.B LC_ALL\\fR, \\fBLC_MESSAGES\\fR, \\fBLANG\n"
           "Without \\fB\\-\\-ui\\-lang\\fR, the first of them that is set chooses the "
           "interface language: ja_* Japanese, ru_* Russian, anything else English.\n";
    out << ".SH LICENCE\nThe program is free software under the GNU GPL version 3 or later; "
           "annotations.xml and the documentation are under CC BY 4.0; the coastline and border "
           "data keep GSHHG's and DCW\\-GMT's LGPL\\-3 or later. See "
           "/usr/share/doc/kuril\\-atlas/copyright.\n";
    out << ".SH SEE ALSO\n.BR gmt (1),\n.BR ogr2ogr (1)\n";
    return out.str();
}

std::string bash_completion(const CLI::App& app) {
    std::ostringstream out;
    std::string command_names;
    for (const CLI::App* command : commands(app)) {
        command_names += (command_names.empty() ? "" : " ") + command->get_name();
    }
    std::string alternatives = command_names; // "info|check|...": a case pattern
    std::replace(alternatives.begin(), alternatives.end(), ' ', '|');
    const auto option_words = [](const CLI::App& command, bool values) {
        std::string words;
        for (const CLI::Option* option : command.get_options()) {
            if (option->get_group().empty() || !option->nonpositional()) {
                continue;
            }
            const bool takes_value = option->get_expected_min() > 0;
            if (takes_value != values) {
                continue;
            }
            for (const auto& name : option->get_lnames()) {
                words += (words.empty() ? "--" : " --") + name;
            }
        }
        return words;
    };
    out << "# bash completion for kuril-atlas, made by `kuril-atlas --bash-completion`.\n"
           "_kuril_atlas() {\n"
           "    local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}\n"
           "    local command='' word\n"
           "    for word in \"${COMP_WORDS[@]:1:COMP_CWORD-1}\"; do\n"
           "        case $word in "
        << alternatives
        << ") command=$word; break ;; esac\n"
           "    done\n"
           "    local flags values\n"
           "    case $command in\n";
    for (const CLI::App* command : commands(app)) {
        out << "        " << command->get_name() << ") flags='" << option_words(*command, false)
            << "' values='" << option_words(*command, true) << "' ;;\n";
    }
    out << "        *) flags='" << option_words(app, false) << "' values='"
        << option_words(app, true) << "' ;;\n"
        << "    esac\n"
           "    local value\n"
           "    for value in $values; do\n"
           "        if [ \"$prev\" = \"$value\" ]; then\n"
           "            compopt -o default 2>/dev/null\n"
           "            COMPREPLY=()\n"
           "            return 0\n"
           "        fi\n"
           "    done\n"
           "    if [ -z \"$command\" ] && [[ $cur != -* ]]; then\n"
           "        COMPREPLY=($(compgen -W '"
        << command_names
        << "' -- \"$cur\"))\n"
           "        return 0\n"
           "    fi\n"
           "    COMPREPLY=($(compgen -W \"$flags $values\" -- \"$cur\"))\n"
           "}\n"
           "complete -F _kuril_atlas kuril-atlas\n";
    return out.str();
}

} // namespace kuril
