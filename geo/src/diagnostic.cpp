// SPDX-License-Identifier: GPL-3.0-or-later
#include "geo/diagnostic.hpp"

#include "geo/error.hpp"

namespace geo {

std::string Diagnostic::to_string() const {
    if (file.empty()) {
        return message;
    }
    if (line <= 0) {
        return file.string() + ": " + message;
    }
    return file.string() + ":" + std::to_string(line) + ": " + message;
}

InputError::InputError(Diagnostic where)
    : std::runtime_error(where.message), where_(std::move(where)) {
    where_.message.clear();
}

void InputError::set_feature(std::string feature) {
    if (where_.feature.empty()) {
        where_.feature = std::move(feature);
    }
}

} // namespace geo
