// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// CMake tells the tests where their data is; they never rely on the current folder.
#include <filesystem>

namespace test_paths {

inline std::filesystem::path fixtures() {
    return KURIL_TEST_DATA_DIR;
}
inline std::filesystem::path shipped() {
    return KURIL_SHIPPED_DATA_DIR;
}

/// A fresh, empty folder under the build tree for one test.
inline std::filesystem::path scratch(const std::string& name) {
    const std::filesystem::path dir = std::filesystem::path(KURIL_TEST_SCRATCH_DIR) / name;
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir;
}

} // namespace test_paths
