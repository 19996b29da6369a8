// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "geo/date.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace geo {

/// The two parties to the dispute, by stable code. RU stands for the Russian Empire, Soviet
/// Russia, the USSR and the Russian Federation in turn.
enum class Party { JP, RU };

std::string_view party_code(Party party);
std::optional<Party> party_from_code(std::string_view code);

/// The state's name on that date: "Russian Empire" in 1880, "USSR" in 1956, "Japan".
std::string party_display_name(Party party, Date date);
/// As party_display_name, in `language` ("en", "ja", "ru"): "ソ連", "СССР".
std::string party_display_name(Party party, Date date, std::string_view language);

std::string party_codes(const std::vector<Party>& parties, std::string_view separator = " ");

} // namespace geo
