// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace kuril {

/// SFML aborts (uncatchably) when it cannot open an X display, so check first. Throws
/// geo::InputError with one line saying what is missing. The connection it opens stays open
/// until the program ends, so that the server cannot reset before SFML connects.
void require_display();

/// Starts a private Xvfb when there is no DISPLAY (and stops it when destroyed). Throws
/// geo::InputError when there is no display and Xvfb is not installed.
class PrivateDisplay {
public:
    PrivateDisplay();
    ~PrivateDisplay();
    PrivateDisplay(const PrivateDisplay&) = delete;
    PrivateDisplay& operator=(const PrivateDisplay&) = delete;
    bool started() const { return pid_ > 0; }
    /// Stops the private Xvfb now, if one was started.
    void stop();

private:
    int pid_ = -1;
};

} // namespace kuril
