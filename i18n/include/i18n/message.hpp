// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <initializer_list>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace i18n {

class Message;

/// One "{name}" part of a Message and what stands there: text said as it is (a file name, a
/// number, a value the user typed, what GDAL said) or another Message, said in the same language
/// as the one it stands in.
struct Argument {
    Argument(std::string_view name, std::string text);
    Argument(std::string_view name, const char* text);
    Argument(std::string_view name, std::string_view text);
    Argument(std::string_view name, const Message& message);

    std::string name;
    std::string text;                       ///< when `message` is empty
    std::shared_ptr<const Message> message; ///< a sentence inside the sentence
};

/// A sentence for people that is said later, in the language of whoever reads it: an error made
/// deep in a library is shown in the window's language by the viewer and in the locale's by the
/// command line. It is an English pattern, marked for xgettext with N_ where it is written and
/// looked up in the catalogue when said, with "{name}" parts filled in by its arguments
/// (translations may reorder them), or text said as it is in every language.
class Message {
public:
    Message() = default;
    /// Text said as it is in every language.
    Message(std::string verbatim); // NOLINT(google-explicit-constructor): any text may be said
    /// `pattern` (an English msgid marked with N_) and the values of its "{name}" parts.
    Message(const char* pattern, std::initializer_list<Argument> arguments = {}); // NOLINT

    /// The sentence in `language` ("en", "ja" or "ru"); English where the catalogue lacks it.
    std::string text(std::string_view language) const;
    /// The sentence in English (what() of an error that carries it).
    std::string english() const { return text("en"); }
    bool empty() const { return pattern_.empty(); }

private:
    std::string pattern_;
    bool translated_ = false;
    std::vector<Argument> arguments_;
};

} // namespace i18n
