// SPDX-License-Identifier: GPL-3.0-or-later
#include "input_map.hpp"

#include <doctest/doctest.h>
#include <set>
#include <string>

namespace {

using K = sf::Keyboard;
using kuril::ViewerAction;
using kuril::ViewerCommand;

} // namespace

TEST_CASE("[viewer] input_map: every bound key has a help line, every key line has keys") {
    std::set<int> bound;
    for (const auto& row : kuril::map_keys()) {
        CAPTURE(row.keys);
        CHECK_FALSE(row.keys.empty());
        CHECK_FALSE(row.meaning.empty());
        const bool mouse_only = row.keys.rfind("Click", 0) == 0 || row.keys.rfind("Drag", 0) == 0;
        CHECK(mouse_only == row.bindings.empty());
        for (const auto& binding : row.bindings) {
            // A key bound twice would run the first binding while the help shows both.
            CHECK(bound.insert(binding.key).second);
            CHECK(kuril::map_command(binding.key) == binding.command);
        }
    }
    // And no key dispatches to a command the table (hence the help) does not list.
    for (int key = 0; key < K::KeyCount; ++key) {
        CAPTURE(key);
        CHECK(kuril::map_command(static_cast<K::Key>(key)).has_value() == (bound.count(key) == 1));
    }
    const auto lines = kuril::help_lines();
    REQUIRE(lines.size() == kuril::map_keys().size());
    for (std::size_t i = 0; i < lines.size(); ++i) {
        CHECK(lines[i].rfind(std::string(kuril::map_keys()[i].keys), 0) == 0);
        CHECK(lines[i].find(kuril::map_keys()[i].meaning) == 29); // one column for all meanings
    }
}

TEST_CASE("[viewer] input_map: the help reads as before, keys in one column") {
    const auto lines = kuril::help_lines();
    CHECK(lines.front() == "Mouse drag / arrow keys      pan");
    CHECK(lines[4] == "[ and ]                      previous / next key date");
    CHECK(lines.back() == "Q                            quit");
}

TEST_CASE("[viewer] input_map: keys of the map") {
    CHECK(kuril::map_command(K::Left) == ViewerCommand{ViewerAction::pan_left});
    CHECK(kuril::map_command(K::Equal) == ViewerCommand{ViewerAction::zoom_in});
    CHECK(kuril::map_command(K::Hyphen) == ViewerCommand{ViewerAction::zoom_out});
    CHECK(kuril::map_command(K::RBracket) == ViewerCommand{ViewerAction::next_date});
    CHECK(kuril::map_command(K::Num1) == ViewerCommand{ViewerAction::toggle_layer, 0});
    CHECK(kuril::map_command(K::Numpad8) == ViewerCommand{ViewerAction::toggle_layer, 7});
    CHECK(kuril::map_command(K::Num9) == ViewerCommand{ViewerAction::toggle_layer, 8}); // zones
    CHECK_FALSE(kuril::map_command(K::Num0).has_value());
    CHECK(kuril::map_command(K::F1) == ViewerCommand{ViewerAction::toggle_help});
    CHECK(kuril::map_command(K::Escape) == ViewerCommand{ViewerAction::close});
    CHECK_FALSE(kuril::map_command(K::Space).has_value());
}

TEST_CASE("[viewer] input_map: a presenter's keys take slide numbers and the clicker's keys") {
    CHECK(kuril::tour_command(K::PageDown) == ViewerCommand{ViewerAction::next_slide});
    CHECK(kuril::tour_command(K::Space) == ViewerCommand{ViewerAction::next_slide});
    CHECK(kuril::tour_command(K::BackSpace) == ViewerCommand{ViewerAction::previous_slide});
    CHECK(kuril::tour_command(K::Num0) == ViewerCommand{ViewerAction::slide_digit, 0});
    CHECK(kuril::tour_command(K::Numpad7) == ViewerCommand{ViewerAction::slide_digit, 7});
    CHECK(kuril::tour_command(K::Period) == ViewerCommand{ViewerAction::blank_slide});
    CHECK(kuril::tour_command(K::Escape) == ViewerCommand{ViewerAction::leave_tour});
    CHECK_FALSE(kuril::tour_command(K::L).has_value()); // the map's, also in a tour
}
