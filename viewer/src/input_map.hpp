// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <SFML/Window/Keyboard.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kuril {

/// What a key asks the viewer to do, independent of SFML.
enum class ViewerAction {
    pan_left,
    pan_right,
    pan_up,
    pan_down,
    zoom_in,
    zoom_out,
    whole_region,
    previous_date,
    next_date,
    cycle_language,
    cycle_pov,    ///< the next point of view of the annotations
    toggle_layer, ///< value: the layer's index
    toggle_layers_panel,
    toggle_measure,
    toggle_help,
    close, ///< help, then measuring, then the info panel, then the messages
    export_view,
    copy_source_url, ///< the first source shown in the info panel
    go_to_date,      ///< type a date, then Enter
    toggle_play,     ///< play history along the timeline, or pause it
    play_slower,
    play_faster,
    find_name,     ///< the search box: type a name, arrows, Enter flies there
    cycle_compare, ///< two moments: side by side, swipe, off
    add_layer,     ///< the layer prompt: type a file's path (Tab completes), Enter adds it
    remove_layer,  ///< removes the user layer of the feature whose panel is open
    quit,
    // A tour's keys.
    next_slide,
    previous_slide,
    first_slide,
    last_slide,
    blank_slide,
    enter_slide,
    slide_digit, ///< value: 0-9
    leave_tour,
    toggle_animation,
    toggle_fullscreen,
    toggle_notes_window,
};

struct ViewerCommand {
    ViewerAction action;
    int value = 0;
    bool operator==(const ViewerCommand&) const = default;
};

struct KeyBinding {
    sf::Keyboard::Key key;
    ViewerCommand command;
};

/// One line of the help: the keys (or the mouse gesture) and what they do, with the key
/// bindings it describes (none for a mouse gesture).
struct HelpRow {
    std::string_view keys;
    std::string_view meaning;
    std::vector<KeyBinding> bindings;
};

/// The map's keys, in the order the help lists them. The one table both dispatch and the help
/// are made from.
const std::vector<HelpRow>& map_keys();
/// The help overlay's lines: keys in a column, then what they do.
std::vector<std::string> help_lines();

/// The command of a key while exploring the map, if the key has one.
std::optional<ViewerCommand> map_command(sf::Keyboard::Key key);
/// The presenter's keys during a tour, in the order its help lists them: one table for dispatch
/// and help, as for the map.
const std::vector<HelpRow>& tour_keys();
/// The command of a key during a tour, if it is a presenter's key (others go to the map).
std::optional<ViewerCommand> tour_command(sf::Keyboard::Key key);

} // namespace kuril
