// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace i18n::detail {

/// One language's .mo file as msgfmt wrote it, linked into the program.
struct CompiledCatalogue {
    std::string_view language;
    const unsigned char* bytes;
    std::size_t size;
};

const std::vector<CompiledCatalogue>& compiled_catalogues();

} // namespace i18n::detail
