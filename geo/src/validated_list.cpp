// SPDX-License-Identifier: GPL-3.0-or-later
#include "geo/validated_list.hpp"

#include "geo/error.hpp"
#include "i18n/translate.hpp"

#include <array>
#include <cstdio>
#include <fstream>
#include <isa-l/crc64.h>
#include <memory>
#include <sstream>
#include <system_error>
#include <vector>

namespace fs = std::filesystem;

namespace geo {

namespace {

struct FileCloser {
    void operator()(std::FILE* file) const { std::fclose(file); }
};

} // namespace

std::uint64_t file_crc64(const fs::path& file) {
    const std::unique_ptr<std::FILE, FileCloser> in(std::fopen(file.c_str(), "rb"));
    if (!in) {
        throw InputError(i18n::N_("{file}: cannot be read"), {{"file", file.string()}});
    }
    std::vector<unsigned char> buffer(1 << 20);
    std::uint64_t crc = 0;
    for (;;) {
        const std::size_t got = std::fread(buffer.data(), 1, buffer.size(), in.get());
        if (got > 0) {
            crc = crc64_ecma_refl(crc, buffer.data(), got);
        }
        if (got < buffer.size()) {
            if (std::ferror(in.get()) != 0) {
                throw InputError(i18n::N_("{file}: cannot be read"), {{"file", file.string()}});
            }
            return crc;
        }
    }
}

std::string validated_line(const fs::path& file) {
    std::array<char, 17> hex{};
    std::snprintf(hex.data(), hex.size(), "%016llx",
                  static_cast<unsigned long long>(file_crc64(file)));
    return std::string(hex.data()) + "  " + std::to_string(fs::file_size(file)) + "  " +
           file.filename().string();
}

bool listed_as_validated(const fs::path& file) {
    std::ifstream list(file.parent_path() / validated_list_name);
    if (!list) {
        return false;
    }
    const std::string name = file.filename().string();
    std::error_code ec;
    const std::uintmax_t size = fs::file_size(file, ec);
    if (ec) {
        return false;
    }
    std::string line;
    while (std::getline(list, line)) {
        if (line.empty() || line.front() == '#') {
            continue;
        }
        std::istringstream fields(line);
        std::string crc;
        std::uintmax_t listed_size = 0;
        std::string listed_name;
        std::string extra;
        if (!(fields >> crc >> listed_size >> listed_name) || (fields >> extra) ||
            listed_name != name || listed_size != size || crc.size() != 16) {
            continue;
        }
        try {
            // Only the line naming it, with its size, costs a read of the file.
            return validated_line(file) == crc + "  " + std::to_string(size) + "  " + name;
        } catch (const InputError&) {
            return false;
        }
    }
    return false;
}

} // namespace geo
