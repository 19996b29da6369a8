// SPDX-License-Identifier: GPL-3.0-or-later
#include "text_format.hpp"

#include <cmath>
#include <cstdio>

namespace kuril {

std::string with_thousands(double value, int decimals) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, std::fabs(value));
    std::string digits = buffer;
    const auto dot = digits.find('.');
    std::string integer = digits.substr(0, dot);
    const std::string fraction = dot == std::string::npos ? "" : digits.substr(dot);
    std::string grouped;
    for (std::size_t i = 0; i < integer.size(); ++i) {
        if (i > 0 && (integer.size() - i) % 3 == 0) {
            grouped += ',';
        }
        grouped += integer[i];
    }
    return (value < 0 && std::fabs(value) > 0 ? "-" : "") + grouped + fraction;
}

} // namespace kuril
