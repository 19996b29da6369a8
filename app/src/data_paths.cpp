// SPDX-License-Identifier: GPL-3.0-or-later
#include "data_paths.hpp"

#include "geo/error.hpp"
#include "i18n/translate.hpp"

#include <vector>

namespace fs = std::filesystem;

namespace kuril {

using i18n::N_;

fs::path shipped_data_dir() {
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    std::vector<fs::path> candidates;
    if (!ec) {
        const fs::path bin = exe.parent_path();
        candidates.push_back(bin.parent_path() / "share" / "kuril-atlas"); // installed
        candidates.push_back(bin.parent_path());                           // build/ in the tree
        candidates.push_back(bin.parent_path().parent_path());             // build/sub/
    }
    candidates.emplace_back(KURIL_SOURCE_DIR); // the source tree this binary was built from
    for (const auto& candidate : candidates) {
        if (fs::is_regular_file(candidate / "annotations.xml", ec)) {
            return fs::weakly_canonical(candidate, ec);
        }
    }
    throw geo::InputError(N_("cannot find the shipped data (annotations.xml and shapes/) next to "
                             "{file}; pass --data DIR"),
                          {{"file", exe.string()}});
}

fs::path resolve_annotations(const DataOptions& options) {
    if (!options.annotations.empty()) {
        return options.annotations;
    }
    if (!options.data_dir.empty()) {
        std::error_code ec;
        if (!fs::is_directory(options.data_dir, ec)) {
            throw geo::InputError(N_("{file}: --data expects a folder"),
                                  {{"file", options.data_dir.string()}});
        }
        return options.data_dir / "annotations.xml";
    }
    return shipped_data_dir() / "annotations.xml";
}

} // namespace kuril
