// SPDX-License-Identifier: GPL-3.0-or-later
#include "monitors.hpp"

#include <X11/Xlib.h>
#include <X11/extensions/Xinerama.h>
#include <memory>

namespace kuril {

std::vector<Monitor> display_monitors() {
    std::vector<Monitor> monitors;
    const std::unique_ptr<Display, int (*)(Display*)> display(XOpenDisplay(nullptr),
                                                              &XCloseDisplay);
    if (!display) {
        return monitors;
    }
    int events = 0;
    int errors = 0;
    if (!XineramaQueryExtension(display.get(), &events, &errors) ||
        !XineramaIsActive(display.get())) {
        // One screen: the display's own size.
        const int screen = DefaultScreen(display.get());
        monitors.push_back(
            {0, 0, DisplayWidth(display.get(), screen), DisplayHeight(display.get(), screen)});
        return monitors;
    }
    int count = 0;
    XineramaScreenInfo* screens = XineramaQueryScreens(display.get(), &count);
    for (int i = 0; i < count; ++i) {
        monitors.push_back(
            {screens[i].x_org, screens[i].y_org, screens[i].width, screens[i].height});
    }
    if (screens != nullptr) {
        XFree(screens);
    }
    return monitors;
}

std::optional<Monitor> second_monitor(const std::vector<Monitor>& monitors, int x, int y, int width,
                                      int height) {
    if (monitors.size() < 2) {
        return std::nullopt;
    }
    const int cx = x + width / 2;
    const int cy = y + height / 2;
    const Monitor* slide = &monitors.front();
    for (const auto& monitor : monitors) {
        if (cx >= monitor.x && cx < monitor.x + monitor.width && cy >= monitor.y &&
            cy < monitor.y + monitor.height) {
            slide = &monitor;
            break;
        }
    }
    const auto overlaps = [](const Monitor& a, const Monitor& b) {
        return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height &&
               b.y < a.y + a.height;
    };
    std::optional<Monitor> best;
    for (const auto& monitor : monitors) {
        if (overlaps(monitor, *slide)) {
            continue; // the slide's own screen, or one that mirrors it
        }
        if (!best || static_cast<long>(monitor.width) * monitor.height >
                         static_cast<long>(best->width) * best->height) {
            best = monitor;
        }
    }
    return best;
}

} // namespace kuril
