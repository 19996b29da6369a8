// SPDX-License-Identifier: GPL-3.0-or-later
#include "input_map.hpp"

#include "viewer/key_help.hpp"

namespace kuril {
namespace {

using K = sf::Keyboard;
using A = ViewerAction;

std::vector<KeyBinding> numbered(K::Key first, K::Key first_on_keypad, int count, A action,
                                 int first_value) {
    std::vector<KeyBinding> bindings;
    for (int i = 0; i < count; ++i) {
        bindings.push_back({static_cast<K::Key>(first + i), {action, first_value + i}});
        bindings.push_back({static_cast<K::Key>(first_on_keypad + i), {action, first_value + i}});
    }
    return bindings;
}

std::vector<HelpRow> make_map_keys() {
    return {
        {"Mouse drag / arrow keys",
         "pan",
         {{K::Left, {A::pan_left}},
          {K::Right, {A::pan_right}},
          {K::Up, {A::pan_up}},
          {K::Down, {A::pan_down}}}},
        {"Wheel / + and -",
         "zoom (about the cursor)",
         {{K::Add, {A::zoom_in}},
          {K::Equal, {A::zoom_in}},
          {K::Subtract, {A::zoom_out}},
          {K::Hyphen, {A::zoom_out}}}},
        {"Home", "whole region", {{K::Home, {A::whole_region}}}},
        {"Click island, place, marker", "its panel: names, area, status, events, sources", {}},
        {"[ and ]",
         "previous / next key date",
         {{K::LBracket, {A::previous_date}}, {K::RBracket, {A::next_date}}}},
        {"Drag the timeline", "any date from 1850 to today", {}},
        {"P or the play button",
         "play history to today, pausing at each key date (from 1855 if none is ahead)",
         {{K::P, {A::toggle_play}}}},
        {", and .",
         "play slower / faster (years a second)",
         {{K::Comma, {A::play_slower}}, {K::Period, {A::play_faster}}}},
        {"G",
         "go to a date: type 1956, 1956-10 or 1956-10-19, then Enter",
         {{K::G, {A::go_to_date}}}},
        {"/",
         "find a place or island: type a name (en, ja, ru), arrows choose, Enter flies there",
         {{K::Slash, {A::find_name}}, {K::Divide, {A::find_name}}}},
        {"S",
         "compare two dates: side by side, swipe, off (click a half: the timeline moves it)",
         {{K::S, {A::cycle_compare}}}},
        {"L", "label language: en, ja, ru, en+ja, en+ru, ja+ru", {{K::L, {A::cycle_language}}}},
        {"V or click a button",
         "point of view: de facto, Japan's maps, Russia's maps, neutral",
         {{K::V, {A::cycle_pov}}}},
        {"1 to 9", "layers: sea, land, lakes, graticule, status, lines, events, labels, zones",
         numbered(K::Num1, K::Numpad1, 9, A::toggle_layer, 0)},
        {"Tab", "layers and legend panel", {{K::Tab, {A::toggle_layers_panel}}}},
        {"O",
         "add a layer of your own: type a file's path (Tab completes), Enter (any GDAL vector "
         "file)",
         {{K::O, {A::add_layer}}}},
        {"Delete",
         "remove your layer whose feature's panel is open (click a feature first)",
         {{K::Delete, {A::remove_layer}}}},
        {"M", "measure a geodesic distance (two clicks)", {{K::M, {A::toggle_measure}}}},
        {"E", "export the view (PNG + world file) to Pictures", {{K::E, {A::export_view}}}},
        {"C or click a source",
         "copy the URL of the first source shown in the panel",
         {{K::C, {A::copy_source_url}}}},
        {"F or F11",
         "full screen on or off",
         {{K::F, {A::toggle_fullscreen}}, {K::F11, {A::toggle_fullscreen}}}},
        {"Esc", "close panel / cancel measuring", {{K::Escape, {A::close}}}},
        {"H or F1", "this help", {{K::H, {A::toggle_help}}, {K::F1, {A::toggle_help}}}},
        {"Q", "quit", {{K::Q, {A::quit}}}},
    };
}

std::vector<HelpRow> make_tour_keys() {
    return {
        {"Right, Down, Page Down, Space",
         "next slide",
         {{K::Right, {A::next_slide}},
          {K::Down, {A::next_slide}},
          {K::PageDown, {A::next_slide}},
          {K::Space, {A::next_slide}}}},
        {"Left, Up, Page Up, Backspace",
         "previous slide",
         {{K::Left, {A::previous_slide}},
          {K::Up, {A::previous_slide}},
          {K::PageUp, {A::previous_slide}},
          {K::BackSpace, {A::previous_slide}}}},
        {"Home and End",
         "first and last slide",
         {{K::Home, {A::first_slide}}, {K::End, {A::last_slide}}}},
        {"Number, then Enter", "go to that slide",
         [] {
             auto keys = numbered(K::Num0, K::Numpad0, 10, A::slide_digit, 0);
             keys.push_back({K::Enter, {A::enter_slide}});
             return keys;
         }()},
        {"B or .",
         "blank the screen (again: back)",
         {{K::B, {A::blank_slide}}, {K::Period, {A::blank_slide}}}},
        {"A", "slide transitions on or off", {{K::A, {A::toggle_animation}}}},
        {"N",
         "speaker notes window: open or close (it opens by itself on a second screen)",
         {{K::N, {A::toggle_notes_window}}}},
        {"F", "full screen or window", {{K::F, {A::toggle_fullscreen}}}},
        {"Esc, then Esc or Enter",
         "leave the tour (the first Esc asks)",
         {{K::Escape, {A::leave_tour}}}},
    };
}

} // namespace

const std::vector<HelpRow>& map_keys() {
    static const std::vector<HelpRow> rows = make_map_keys();
    return rows;
}

std::vector<std::string> help_lines() {
    std::vector<std::string> lines;
    for (const auto& row : map_keys()) {
        std::string line(row.keys);
        line.resize(29, ' ');
        lines.push_back(line + std::string(row.meaning));
    }
    return lines;
}

std::optional<ViewerCommand> map_command(sf::Keyboard::Key key) {
    for (const auto& row : map_keys()) {
        for (const auto& binding : row.bindings) {
            if (binding.key == key) {
                return binding.command;
            }
        }
    }
    return std::nullopt;
}

const std::vector<HelpRow>& tour_keys() {
    static const std::vector<HelpRow> rows = make_tour_keys();
    return rows;
}

std::optional<ViewerCommand> tour_command(sf::Keyboard::Key key) {
    for (const auto& row : tour_keys()) {
        for (const auto& binding : row.bindings) {
            if (binding.key == key) {
                return binding.command;
            }
        }
    }
    return std::nullopt;
}

namespace {

std::vector<KeyHelp> key_help(const std::vector<HelpRow>& rows) {
    std::vector<KeyHelp> out;
    for (const auto& row : rows) {
        out.push_back({std::string(row.keys), std::string(row.meaning)});
    }
    return out;
}

} // namespace

std::vector<KeyHelp> map_key_help() {
    return key_help(map_keys());
}

std::vector<KeyHelp> presenter_key_help() {
    return key_help(tour_keys());
}

} // namespace kuril
