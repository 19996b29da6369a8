// SPDX-License-Identifier: GPL-3.0-or-later
#include "geo/input_file.hpp"

#include "i18n/translate.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace geo {

using i18n::N_;

i18n::Message non_regular_kind(const fs::path& path) {
    std::error_code ec;
    const fs::file_status status = fs::status(path, ec);
    switch (status.type()) {
    case fs::file_type::regular:
        return {};
    case fs::file_type::directory:
        return N_("a directory");
    case fs::file_type::fifo:
        return N_("a FIFO (named pipe)");
    case fs::file_type::character:
        return N_("a character device");
    case fs::file_type::block:
        return N_("a block device");
    case fs::file_type::socket:
        return N_("a socket");
    default:
        return N_("not a regular file");
    }
}

std::string unreadable_reason(const fs::path& path) {
    // O_NONBLOCK: should the file have been swapped for a FIFO since it was looked at, the
    // open does not wait for a writer.
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd >= 0) {
        ::close(fd);
        return {};
    }
    std::string reason = std::strerror(errno);
    if (!reason.empty() && reason[0] >= 'A' && reason[0] <= 'Z') {
        reason[0] = static_cast<char>(reason[0] - 'A' + 'a');
    }
    return reason;
}

} // namespace geo
