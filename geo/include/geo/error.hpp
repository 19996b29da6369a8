// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "geo/diagnostic.hpp"
#include "i18n/message.hpp"

#include <initializer_list>
#include <stdexcept>
#include <string>
#include <string_view>

namespace geo {

/// Bad input or a problem of the environment (a missing file, no display, a full disk): a
/// file, feature or value that is not what was expected. The message names the file (and line
/// or feature) and what was expected. The CLI maps it to exit status 2.
///
/// Beside the message it may carry where the problem is as fields (file, line, feature), so
/// that a caller can place it without reading the text; the feature id can be added on the
/// way up, by the code that knows which feature was being read (libosmium's set_id habit).
///
/// The message is an i18n::Message: what() says it in English, text() in the reader's language.
/// Written as `InputError(N_("{file}: expected ..."), {{"file", name}})`, so xgettext finds the
/// pattern; a caught error goes into another's message as an argument, `{"error",
/// error.message()}`, and is said in the same language.
class InputError : public std::runtime_error {
public:
    /// Text said as it is in every language (what a library said).
    explicit InputError(const std::string& verbatim);
    /// An English pattern marked with N_ and the values of its "{name}" parts.
    explicit InputError(const char* pattern, std::initializer_list<i18n::Argument> arguments = {});
    explicit InputError(i18n::Message message);
    /// The message is `where.message` as given (it names the place already); the fields are kept.
    explicit InputError(Diagnostic where);

    /// The message, to be said in a language or put into another message.
    const i18n::Message& message() const { return where_.message; }
    /// The message in `language` ("en", "ja" or "ru"); what() is the English.
    std::string text(std::string_view language) const { return where_.message.text(language); }

    const std::filesystem::path& file() const { return where_.file; }
    int line() const { return where_.line; }
    const std::string& feature() const { return where_.feature; }
    /// Names the feature concerned unless one is named already. Does not change what().
    void set_feature(std::string feature);

private:
    Diagnostic where_; ///< the message (naming its place already) and its place as fields
};

/// A fault of the program itself (a broken invariant, a failed worker thread): never caused
/// by what the user gave. The CLI maps it to exit status 1.
class InternalError : public std::logic_error {
public:
    explicit InternalError(const std::string& what) : std::logic_error("internal: " + what) {}
};

} // namespace geo
