#pragma once

#include <stdexcept>
#include <string>

namespace geo {

/// Bad input or a problem of the environment (a missing file, no display, a full disk): a
/// file, feature or value that is not what was expected. The message names the file (and line
/// or feature) and what was expected. The CLI maps it to exit status 2.
class InputError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// A fault of the program itself (a broken invariant, a failed worker thread): never caused
/// by what the user gave. The CLI maps it to exit status 1.
class InternalError : public std::logic_error {
public:
    explicit InternalError(const std::string& what) : std::logic_error("internal: " + what) {}
};

} // namespace geo
