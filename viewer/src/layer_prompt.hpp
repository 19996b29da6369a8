// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The layer prompt (O): a path typed with Tab completion of file names, to add a user layer
// while the viewer runs.

#include <string>
#include <vector>

namespace kuril {

/// What Tab does to a typed path: the path extended to the longest name that all entries of its
/// folder starting with what was typed share ("~/" is the home folder; a folder gets a '/'), and
/// those entries' names (at most `max_shown`, sorted; hidden ones only when a '.' was typed).
struct PathCompletion {
    std::string path;
    std::vector<std::string> candidates;
};
PathCompletion complete_path(const std::string& typed, std::size_t max_shown = 8);

/// The typed path as a file name: "~/" expanded to $HOME.
std::string expand_home(const std::string& typed);

} // namespace kuril
