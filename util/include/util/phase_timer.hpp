// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>

namespace kuril {

/// Prints how long each phase of a command took, on stderr, when KURIL_PROFILE is set:
/// "profile: font 5.4 ms (total 6.5 ms, this thread's CPU 5.3 ms)". Costs nothing otherwise.
/// Marks come from one thread (the one that draws); the CPU figure is that thread's.
class PhaseTimer {
public:
    static PhaseTimer& global() {
        static PhaseTimer timer;
        return timer;
    }
    void mark(const char* phase) {
        if (!enabled_) {
            return;
        }
        const auto now = std::chrono::steady_clock::now();
        if (first_) {
            // The clock's own reading, to compare with one taken before the process started.
            first_ = false;
            std::fprintf(stderr, "profile: monotonic %.6f s at the first mark\n",
                         std::chrono::duration<double>(now.time_since_epoch()).count());
        }
        timespec cpu{};
        ::clock_gettime(CLOCK_THREAD_CPUTIME_ID, &cpu);
        const double cpu_ms =
            static_cast<double>(cpu.tv_sec) * 1e3 + static_cast<double>(cpu.tv_nsec) / 1e6;
        std::fprintf(
            stderr, "profile: %-22s %7.1f ms (total %7.1f ms, this thread's CPU %6.1f ms)\n", phase,
            std::chrono::duration<double, std::milli>(now - last_).count(),
            std::chrono::duration<double, std::milli>(now - start_).count(), cpu_ms - last_cpu_ms_);
        last_ = now;
        last_cpu_ms_ = cpu_ms;
    }

private:
    PhaseTimer() : enabled_(std::getenv("KURIL_PROFILE") != nullptr) {}
    bool enabled_;
    bool first_ = true;
    double last_cpu_ms_ = 0;
    std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
    std::chrono::steady_clock::time_point last_ = start_;
};

} // namespace kuril
