// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "geo/diagnostic.hpp"

#include <stdexcept>
#include <string>

namespace geo {

/// Bad input or a problem of the environment (a missing file, no display, a full disk): a
/// file, feature or value that is not what was expected. The message names the file (and line
/// or feature) and what was expected. The CLI maps it to exit status 2.
///
/// Beside the message it may carry where the problem is as fields (file, line, feature), so
/// that a caller can place it without reading the text; the feature id can be added on the
/// way up, by the code that knows which feature was being read (libosmium's set_id habit).
class InputError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
    /// what() is `where.message` as given (it names the place already); the fields are kept.
    explicit InputError(Diagnostic where);

    const std::filesystem::path& file() const { return where_.file; }
    int line() const { return where_.line; }
    const std::string& feature() const { return where_.feature; }
    /// Names the feature concerned unless one is named already. Does not change what().
    void set_feature(std::string feature);

private:
    Diagnostic where_; ///< its message is unused: what() holds it
};

/// A fault of the program itself (a broken invariant, a failed worker thread): never caused
/// by what the user gave. The CLI maps it to exit status 1.
class InternalError : public std::logic_error {
public:
    explicit InternalError(const std::string& what) : std::logic_error("internal: " + what) {}
};

} // namespace geo
