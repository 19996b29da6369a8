#pragma once

#include "map/map_frame.hpp"

#include <string>
#include <vector>

namespace kuril {

/// What changed on the map between two frames (a timeline step): the lines that came into
/// force, the islands whose administration or claims changed, and a one-line caption naming
/// them, e.g. "1875: Treaty of Saint Petersburg — Urup, Shumshu → Japan; South Sakhalin →
/// Russian Empire".
struct StepSummary {
    std::vector<std::string> changed_lines;
    std::vector<std::string> changed_islands;
    std::string caption;
};

/// Compares the statuses and lines in force that the two frames (of the same scene) decided.
StepSummary summarize_step(const MapFrame& from, const MapFrame& to);

} // namespace kuril
