// SPDX-License-Identifier: GPL-3.0-or-later
#include "i18n/message.hpp"

#include "i18n/translate.hpp"

#include <utility>

namespace i18n {

Argument::Argument(std::string_view name_, std::string text_)
    : name(name_), text(std::move(text_)) {}

Argument::Argument(std::string_view name_, const char* text_) : name(name_), text(text_) {}

Argument::Argument(std::string_view name_, std::string_view text_) : name(name_), text(text_) {}

Argument::Argument(std::string_view name_, const Message& message_)
    : name(name_), message(std::make_shared<const Message>(message_)) {}

Message::Message(std::string verbatim) : pattern_(std::move(verbatim)) {}

Message::Message(const char* pattern, std::initializer_list<Argument> arguments)
    : pattern_(pattern), translated_(true), arguments_(arguments) {}

std::string Message::text(std::string_view language) const {
    if (!translated_) {
        return pattern_;
    }
    const std::string_view pattern = tr(language, pattern_);
    if (arguments_.empty()) {
        return std::string(pattern);
    }
    // The arguments are said first, so that the values outlive the call to format.
    std::vector<std::string> said;
    said.reserve(arguments_.size());
    for (const Argument& argument : arguments_) {
        said.push_back(argument.message ? argument.message->text(language) : argument.text);
    }
    std::vector<std::pair<std::string_view, std::string_view>> values;
    values.reserve(arguments_.size());
    for (std::size_t i = 0; i < arguments_.size(); ++i) {
        values.emplace_back(arguments_[i].name, said[i]);
    }
    return format(pattern, values);
}

} // namespace i18n
