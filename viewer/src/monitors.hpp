// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The screens of the display (Xinerama), for a tour's speaker notes: on a second screen when
// there is one, never over the slide.

#include <optional>
#include <vector>

namespace kuril {

/// A screen in the display's pixels.
struct Monitor {
    int x = 0;
    int y = 0;
    int width = 0;
    int height = 0;
    bool operator==(const Monitor&) const = default;
};

/// The screens of the X display ($DISPLAY) as Xinerama reports them; empty when it cannot be
/// asked (no display, no Xinerama): then there is no second screen either.
std::vector<Monitor> display_monitors();

/// The screen for the notes window while the slide's window covers (x, y, width, height): the
/// largest screen that shares no pixel with the slide's screen (the one holding the window's
/// centre). None when every screen overlaps it: one screen, or a projector that mirrors the
/// laptop's screen (both at the same place), where any window would cover the slide.
std::optional<Monitor> second_monitor(const std::vector<Monitor>& monitors, int x, int y, int width,
                                      int height);

} // namespace kuril
