// SPDX-License-Identifier: GPL-3.0-or-later
#include "layer_prompt.hpp"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <system_error>

namespace fs = std::filesystem;

namespace kuril {

std::string expand_home(const std::string& typed) {
    if (typed == "~" || typed.starts_with("~/")) {
        if (const char* home = std::getenv("HOME"); home != nullptr && *home != '\0') {
            return std::string(home) + typed.substr(1);
        }
    }
    return typed;
}

PathCompletion complete_path(const std::string& typed, std::size_t max_shown) {
    PathCompletion out{typed, {}};
    const std::string expanded = expand_home(typed);
    const std::size_t slash = expanded.rfind('/');
    const std::string folder = slash == std::string::npos ? "." : expanded.substr(0, slash + 1);
    const std::string prefix = slash == std::string::npos ? expanded : expanded.substr(slash + 1);
    std::vector<std::string> names;
    std::error_code ec;
    for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
        std::string name = it->path().filename().string();
        if (!name.starts_with(prefix) || (name.starts_with('.') && !prefix.starts_with('.'))) {
            continue;
        }
        std::error_code kind;
        if (it->is_directory(kind)) {
            name += '/';
        }
        names.push_back(std::move(name));
    }
    if (names.empty()) {
        return out;
    }
    std::sort(names.begin(), names.end());
    std::string common = names.front();
    for (const auto& name : names) {
        std::size_t n = 0;
        while (n < common.size() && n < name.size() && common[n] == name[n]) {
            ++n;
        }
        common.resize(n);
    }
    // What was typed stays as typed ("~/" too); the completion is appended.
    out.path = typed + common.substr(prefix.size());
    if (names.size() > 1) {
        names.resize(std::min(names.size(), max_shown));
        out.candidates = std::move(names);
    }
    return out;
}

} // namespace kuril
