// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzzes the annotations parser: the input is an annotations file (docs/annotations.md).
// A file the parser refuses must raise geo::InputError (AnnotationsError); anything else that
// escapes, and any memory error or undefined behaviour, is a crash.

#include "geo/annotations.hpp"
#include "geo/error.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view xml(reinterpret_cast<const char*>(data), size);
    try {
        const geo::Annotations annotations =
            geo::parse_annotations(xml, "/tmp/fuzz/annotations.xml");
        // Reach every lookup the rest of the program uses on what was read.
        for (const auto& island : annotations.islands) {
            (void)annotations.island(island.id);
            (void)island.display_name();
            for (const auto& period : island.status) {
                (void)period.holds_on(period.from);
            }
        }
        for (const auto& event : annotations.events) {
            (void)event.date.display();
            (void)event.first_day().long_text();
            (void)event.last_day().iso();
        }
        for (const auto& tour : annotations.tours) {
            (void)annotations.tour(tour.id);
        }
    } catch (const geo::InputError&) {
        // Refused with a message: what bad input is meant to get.
    }
    return 0;
}
