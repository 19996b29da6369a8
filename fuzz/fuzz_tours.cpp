// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzzes a user's tour file read over the shipped data, as `present --tour-file` and
// `export --tour --tour-file` read it (the shipped annotations as base, the map's tour check),
// then asks the time model about what was read: the lines in force and each island's status
// on the slides' dates and on a few fixed ones.

#include "geo/annotations.hpp"
#include "geo/atlas.hpp"
#include "geo/date.hpp"
#include "geo/error.hpp"
#include "geo/history.hpp"
#include "map/tour_check.hpp"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

namespace {

struct Shipped {
    std::unique_ptr<geo::Atlas> atlas;
    std::vector<geo::BoundaryLine> lines; ///< the shipped boundary lines, without geometry
};

const Shipped& shipped() {
    static const Shipped data = [] {
        Shipped loaded;
        loaded.atlas = geo::load_atlas(KURIL_FUZZ_SHIPPED_DIR "/annotations.xml");
        loaded.lines = loaded.atlas->history->lines();
        for (auto& line : loaded.lines) {
            line.geometry.clear(); // the time model reads periods, not vertices
        }
        return loaded;
    }();
    return data;
}

void query(const geo::History& history, const geo::Annotations& annotations, geo::Date date) {
    (void)history.lines_in_force(date);
    (void)history.line_ids_in_force(date);
    for (const auto& island : annotations.islands) {
        (void)history.island_status(island.id, date);
    }
    (void)history.events_between(date, date);
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    (void)shipped();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const Shipped& base = shipped();
    const std::string_view xml(reinterpret_cast<const char*>(data), size);
    try {
        const geo::Annotations tours =
            geo::parse_annotations(xml, "/tmp/fuzz/tour.xml",
                                   geo::ParseOptions{&base.atlas->annotations, kuril::check_tours});
        const geo::History history(tours, base.lines);
        std::vector<geo::Date> dates = {{1855, 2, 7}, {1905, 9, 5}, {1945, 9, 2}, {1956, 10, 19}};
        for (const auto& tour : tours.tours) {
            for (const auto& slide : tour.slides) {
                dates.push_back(slide.date);
            }
        }
        for (const auto& event : tours.events) {
            dates.push_back(event.first_day());
            (void)history.events_between(event.first_day(), event.last_day());
        }
        const auto key_dates = history.key_dates();
        if (!key_dates.empty()) {
            dates.push_back(key_dates.front());
            dates.push_back(key_dates.back());
        }
        for (const auto date : dates) {
            query(history, tours, date);
        }
        // The slides' islands are the shipped ones: asked of the shipped time model, as the
        // presenter asks when it shows a slide.
        const geo::History& shipped_history = *base.atlas->history;
        for (const auto& tour : tours.tours) {
            for (const auto& slide : tour.slides) {
                if (!slide.island.empty() && base.atlas->annotations.island(slide.island)) {
                    (void)shipped_history.island_status(slide.island, slide.date);
                }
            }
        }
    } catch (const geo::InputError&) {
        // Refused with a message: what bad input is meant to get.
    }
    return 0;
}
