// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <filesystem>
#include <string>

namespace geo {

/// A problem found in the input, with where it is: the file, the line in it, and the feature
/// or element concerned (a layer id, a slide id). Printed as "file:line: message".
struct Diagnostic {
    std::filesystem::path file; ///< empty: the message names its own place
    int line = 0;               ///< 1-based; 0: the file as a whole
    std::string message;
    std::string feature; ///< the id of the layer, island, slide, ... concerned; may be empty

    /// "file:line: message", "file: message" without a line, the message alone without a file.
    std::string to_string() const;
};

} // namespace geo
