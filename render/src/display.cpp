#include "render/display.hpp"

#include "geo/error.hpp"

#include <X11/Xlib.h>
#include <cstdlib>
#include <string>

namespace kuril {

void require_display() {
    const char* name = std::getenv("DISPLAY");
    if (name == nullptr || *name == '\0') {
        throw geo::InputError("no display: DISPLAY is not set (run it on a desktop, or under "
                              "xvfb-run -a -s \"-screen 0 1920x1080x24\")");
    }
    Display* display = XOpenDisplay(name);
    if (display == nullptr) {
        throw geo::InputError(std::string("no display: cannot open DISPLAY ") + name);
    }
    XCloseDisplay(display);
}

} // namespace kuril
