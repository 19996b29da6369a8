// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>

namespace kuril {

/// 76481 -> "76,481"; 3224.06 with 1 decimal -> "3,224.1".
std::string with_thousands(double value, int decimals = 0);

} // namespace kuril
