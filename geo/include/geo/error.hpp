#pragma once

#include <stdexcept>
#include <string>

namespace geo {

/// Bad input: a file, feature or value that is not what was expected. The message names the
/// file (and line or feature) and what was expected. The CLI maps it to exit status 2.
class InputError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

} // namespace geo
