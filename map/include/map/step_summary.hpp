// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "map/map_frame.hpp"

#include <string>
#include <vector>

namespace kuril {

/// What changed on the map between two frames (a timeline step): the lines that came into
/// force, the islands whose administration or claims changed, and a short caption naming them
/// in the frames' label language (the first of two), never by id.
///
/// Forwards the caption tells the change, with the event that made it when one happened in the
/// step: "1875: Treaty of Saint Petersburg — Urup, Simushir, Paramushir, Shumshu → Japan".
/// Backwards it describes the state arrived at: "1952, before Soviet–Japanese Joint Declaration
/// (1956): Implied line of the 1956 Joint Declaration (approx.) not yet in force".
struct StepSummary {
    std::vector<std::string> changed_lines;   ///< ids, for highlighting
    std::vector<std::string> changed_islands; ///< ids, for highlighting
    std::string caption;
};

/// Compares the statuses and lines in force that the two frames (of the same scene) decided.
StepSummary summarize_step(const MapFrame& from, const MapFrame& to);

} // namespace kuril
