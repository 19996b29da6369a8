// SPDX-License-Identifier: GPL-3.0-or-later
// A tour's speaker notes go on a second screen, never over the slide (issue 17).
#include "monitors.hpp"

#include <cstdlib>
#include <doctest/doctest.h>

using kuril::Monitor;
using kuril::second_monitor;

TEST_CASE("[viewer] the speaker notes' screen: a second screen, never one that shows the slide") {
    const Monitor laptop{0, 0, 1920, 1080};
    const Monitor projector{1920, 0, 1280, 720};
    // One screen: none.
    CHECK_FALSE(second_monitor({laptop}, 0, 0, 1920, 1080));
    CHECK_FALSE(second_monitor({}, 0, 0, 1920, 1080));
    // Side by side, the slide on the projector: the notes on the laptop, and the other way.
    CHECK(second_monitor({laptop, projector}, 1920, 0, 1280, 720) == laptop);
    CHECK(second_monitor({laptop, projector}, 100, 100, 1280, 720) == projector);
    // A projector mirroring the laptop (both at the origin, whatever their sizes): a notes
    // window anywhere would be on the class's screen.
    CHECK_FALSE(second_monitor({laptop, Monitor{0, 0, 1280, 720}}, 0, 0, 1280, 720));
    // Three screens, two mirrored with the slide's: the separate one.
    const Monitor side{-1600, 0, 1600, 900};
    CHECK(second_monitor({laptop, Monitor{0, 0, 1024, 768}, side}, 0, 0, 1920, 1080) == side);
    // Several free screens: the largest.
    const Monitor small{0, 1080, 800, 600};
    CHECK(second_monitor({laptop, small, projector}, 0, 0, 1920, 1080) == projector);
}

TEST_CASE("[viewer] the display's screens are read from X (Xinerama)") {
    if (std::getenv("DISPLAY") == nullptr) {
        return; // run by ctest under Xvfb; by hand without a display there is nothing to ask
    }
    const auto monitors = kuril::display_monitors();
    REQUIRE_FALSE(monitors.empty());
    for (const auto& monitor : monitors) {
        CHECK(monitor.width > 0);
        CHECK(monitor.height > 0);
    }
}
