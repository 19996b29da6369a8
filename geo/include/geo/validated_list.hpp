// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A folder's validated.txt: the polygon shapefiles in it whose every polygon was found valid
// when the list was written (shapes/recipe/make-validated.sh, for the shipped data), each by
// its size and CRC-64. Loading a listed file whose size and checksum still match skips the
// validity check (about 15 ms of every start with the shipped data); a file not listed, or
// changed since, is checked in full. A line that cannot be read is ignored: the file it names is
// then checked.
//
//   # comment
//   <CRC-64/XZ, 16 hex digits>  <size in bytes>  <file name>

#include <cstdint>
#include <filesystem>
#include <string>

namespace geo {

/// The list's name, beside the files it lists.
inline constexpr const char* validated_list_name = "validated.txt";

/// The CRC-64 (ECMA-182, reflected, as xz and `crc64` print it) of a file's bytes. Throws
/// InputError when it cannot be read.
std::uint64_t file_crc64(const std::filesystem::path& file);

/// The list's line for `file` as it is now: checksum, size, name.
std::string validated_line(const std::filesystem::path& file);

/// Whether the validated.txt beside `file` lists it with its present size and checksum.
/// False when there is no list, or it cannot be read.
bool listed_as_validated(const std::filesystem::path& file);

} // namespace geo
