// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What an input file is before it is opened: a FIFO would block the reader, a device could
// be read without end, so only regular files (or links to them) are read.

#include "i18n/message.hpp"

#include <cstdint>
#include <filesystem>
#include <string>

namespace geo {

/// The largest annotations or tour file read (256 MB): larger ones are refused unread.
inline constexpr std::uintmax_t max_annotations_bytes = std::uintmax_t{256} << 20;

/// What `path` is when it is not a regular file: "a directory", "a FIFO (named pipe)",
/// "a character device", "a block device", "a socket" or "not a regular file", to stand in a
/// message as its {kind} and be said in the reader's language; empty for a regular file or a
/// link to one. Asks the file system only: nothing is opened.
i18n::Message non_regular_kind(const std::filesystem::path& path);

/// Why `path` (a regular file) cannot be opened for reading, in words ("permission denied");
/// "" when it can.
std::string unreadable_reason(const std::filesystem::path& path);

} // namespace geo
