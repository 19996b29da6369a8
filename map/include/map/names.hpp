// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Names of lines as every part of the product shows them (map labels, legend, captions,
// panels): one name per line, in the chosen language.

#include "geo/annotations.hpp"
#include "geo/history.hpp"
#include "map/map_state.hpp"

#include <string>
#include <string_view>

namespace kuril {

/// The name of a line in one language ("en", "ja", "ru"): annotations.xml's <line> name, or
/// the boundaries layer's label when annotations.xml has none. A constructed (approximate)
/// line's name says so in that language ("(approx.)", "（概略）", "(приблизительно)") unless
/// the name already does.
std::string line_name_in(const geo::Annotations& annotations, const geo::BoundaryLine& line,
                         std::string_view lang);

/// The name of a line in a label language: one language's name, or for two languages both,
/// on two lines (first language first), as place labels are.
std::string line_name(const geo::Annotations& annotations, const geo::BoundaryLine& line,
                      LabelLanguage language);

/// What happened on a key date of the timeline, in a language ("en", "ja", "ru"; English where
/// a text has none): the events of that day, else the lines that came into force or ended on
/// it, by name. Empty when the record names nothing for that day.
std::string key_date_name(const geo::Annotations& annotations, const geo::History& history,
                          geo::Date date, std::string_view lang);

} // namespace kuril
