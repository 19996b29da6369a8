// SPDX-License-Identifier: GPL-3.0-or-later
#include "geo/diagnostic.hpp"

#include "geo/error.hpp"

namespace geo {

i18n::Message Diagnostic::placed() const {
    // The place is written alike in every language (as compilers write it): not in the catalogue.
    if (file.empty()) {
        return message;
    }
    if (line <= 0) {
        return {"{file}: {message}", {{"file", file.string()}, {"message", message}}};
    }
    return {"{file}:{line}: {message}",
            {{"file", file.string()}, {"line", std::to_string(line)}, {"message", message}}};
}

std::string Diagnostic::to_string(std::string_view language) const {
    return placed().text(language);
}

InputError::InputError(const std::string& verbatim) : InputError(Diagnostic{{}, 0, verbatim, {}}) {}

InputError::InputError(const char* pattern, std::initializer_list<i18n::Argument> arguments)
    : InputError(i18n::Message(pattern, arguments)) {}

InputError::InputError(i18n::Message message)
    : InputError(Diagnostic{{}, 0, std::move(message), {}}) {}

InputError::InputError(Diagnostic where)
    : std::runtime_error(where.message.english()), where_(std::move(where)) {}

void InputError::set_feature(std::string feature) {
    if (where_.feature.empty()) {
        where_.feature = std::move(feature);
    }
}

} // namespace geo
