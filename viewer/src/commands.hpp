#pragma once

#include "data_paths.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace kuril {

struct InfoOptions {
    DataOptions data;
    bool json = false;
    std::string date;                           ///< YYYY-MM-DD; empty: no time query
    std::vector<std::filesystem::path> sources; ///< extra vector sources to report
};

struct CheckOptions {
    DataOptions data;
    std::filesystem::path file; ///< empty: the shipped annotations
};

/// Each returns the exit status and throws geo::InputError for bad input.
int run_info(const InfoOptions& options);
int run_check(const CheckOptions& options);

} // namespace kuril
