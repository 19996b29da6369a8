// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <filesystem>
#include <string>

namespace kuril {

/// The options every command that reads data shares.
struct DataOptions {
    std::filesystem::path data_dir;    ///< --data: a folder holding annotations.xml
    std::filesystem::path annotations; ///< --annotations: the file itself
    std::string display_crs;           ///< --crs
    std::string data_crs;              ///< --data-crs: CRS for sources without one
};

/// The annotations file to read: --annotations, else --data/annotations.xml, else the shipped
/// one found next to the executable (installed or in the build tree), never the current folder.
std::filesystem::path resolve_annotations(const DataOptions& options);

/// The folder holding the shipped annotations.xml and shapes/.
std::filesystem::path shipped_data_dir();

} // namespace kuril
