// SPDX-License-Identifier: GPL-3.0-or-later
#include "render/display.hpp"

#include "geo/error.hpp"
#include "i18n/translate.hpp"

#include <X11/Xlib.h>
#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <string>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

namespace fs = std::filesystem;
using i18n::N_;

namespace kuril {

void require_display() {
    const char* name = std::getenv("DISPLAY");
    if (name == nullptr || *name == '\0') {
        throw geo::InputError(N_("no display: DISPLAY is not set (run it on a desktop, or under "
                                 "xvfb-run -a -s \"-screen 0 1920x1080x24\")"));
    }
    // Kept open until the program ends (the system closes it then; closing it at exit could
    // meet a private Xvfb already stopped): an X server started without -noreset (xvfb-run's
    // default) resets when its last client leaves, and SFML, opening the display a moment
    // after a close here, would then find it refusing connections and abort.
    static Display* connection = nullptr;
    if (connection != nullptr) {
        return;
    }
    connection = XOpenDisplay(name);
    if (connection == nullptr) {
        throw geo::InputError(N_("no display: cannot open DISPLAY {display}"), {{"display", name}});
    }
}

PrivateDisplay::PrivateDisplay() {
    const char* display = std::getenv("DISPLAY");
    if (display != nullptr && *display != '\0') {
        return;
    }
    // Find Xvfb on the PATH.
    std::string xvfb;
    const char* path = std::getenv("PATH");
    std::string dirs = path != nullptr ? path : "/usr/bin:/bin";
    for (std::size_t from = 0; from <= dirs.size();) {
        const std::size_t end = std::min(dirs.find(':', from), dirs.size());
        const fs::path candidate = fs::path(dirs.substr(from, end - from)) / "Xvfb";
        if (::access(candidate.c_str(), X_OK) == 0) {
            xvfb = candidate.string();
            break;
        }
        from = end + 1;
    }
    if (xvfb.empty()) {
        throw geo::InputError(N_("no display (DISPLAY is not set) and Xvfb is not installed; "
                                 "install the xvfb package"));
    }
    int fds[2];
    if (::pipe(fds) != 0) {
        throw geo::InputError(N_("cannot start Xvfb: pipe: {error}"),
                              {{"error", std::strerror(errno)}});
    }
    // Everything the child needs is made before the fork: it only makes system calls.
    const std::string fd = std::to_string(fds[1]);
    const pid_t pid = ::fork();
    if (pid < 0) {
        throw geo::InputError(N_("cannot start Xvfb: fork: {error}"),
                              {{"error", std::strerror(errno)}});
    }
    if (pid == 0) {
        ::close(fds[0]);
        // Xvfb dies with us, even if we crash, and holds none of our output streams open.
        ::prctl(PR_SET_PDEATHSIG, SIGTERM);
        const int null = ::open("/dev/null", O_RDWR);
        if (null >= 0) {
            ::dup2(null, 0);
            ::dup2(null, 1);
            ::dup2(null, 2);
        }
        ::execl(xvfb.c_str(), "Xvfb", "-displayfd", fd.c_str(), "-screen", "0", "1280x1024x24",
                "-noreset", "-nolisten", "tcp", static_cast<char*>(nullptr));
        ::_exit(127);
    }
    ::close(fds[1]);
    pid_ = pid;
    std::string number;
    char c = 0;
    while (::read(fds[0], &c, 1) == 1 && c != '\n') {
        number += c;
    }
    ::close(fds[0]);
    if (number.empty()) {
        ::kill(pid_, SIGTERM);
        ::waitpid(pid_, nullptr, 0);
        pid_ = -1;
        throw geo::InputError(N_("cannot start Xvfb ({program})"), {{"program", xvfb}});
    }
    ::setenv("DISPLAY", (":" + number).c_str(), 1);
}

PrivateDisplay::~PrivateDisplay() {
    stop();
}

void PrivateDisplay::stop() {
    if (pid_ > 0) {
        ::kill(pid_, SIGTERM);
        ::waitpid(pid_, nullptr, 0);
        ::unsetenv("DISPLAY");
        pid_ = -1;
    }
}

} // namespace kuril
