// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "i18n/message.hpp"

#include <filesystem>
#include <string>
#include <string_view>

namespace geo {

/// A problem found in the input, with where it is: the file, the line in it, and the feature
/// or element concerned (a layer id, a slide id). Printed as "file:line: message".
struct Diagnostic {
    std::filesystem::path file; ///< empty: the message names its own place
    int line = 0;               ///< 1-based; 0: the file as a whole
    i18n::Message message;      ///< said in the reader's language
    std::string feature;        ///< the id of the layer, island, slide, ... concerned; may be empty

    /// "file:line: message", "file: message" without a line, the message alone without a file;
    /// the message in `language` ("en", "ja" or "ru").
    std::string to_string(std::string_view language = "en") const;
    /// The same as a message, to be said later or put into another message.
    i18n::Message placed() const;
};

} // namespace geo
