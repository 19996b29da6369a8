#pragma once

#include "geo/annotations.hpp"
#include "geo/history.hpp"

#include <string>
#include <vector>

namespace kuril {

/// What changed between two dates: the lines that came into or went out of force, the islands
/// whose administration or claims changed, and a one-line caption naming them, e.g.
/// "1875: Treaty of Saint Petersburg — Urup, Shumshu → Japan; South Sakhalin → Russian Empire".
struct StepSummary {
    std::vector<std::string> changed_lines;
    std::vector<std::string> changed_islands;
    std::string caption;
};

StepSummary summarize_step(const geo::Annotations& annotations, const geo::History& history,
                           geo::Date from, geo::Date to);

} // namespace kuril
