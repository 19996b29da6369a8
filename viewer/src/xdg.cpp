// SPDX-License-Identifier: GPL-3.0-or-later
#include "xdg.hpp"

#include <cstdlib>
#include <fstream>
#include <string>

namespace kuril {

std::filesystem::path pictures_folder_from(std::istream& user_dirs, const std::string& home) {
    std::filesystem::path folder = std::filesystem::path(home) / "Pictures";
    const std::string key = "XDG_PICTURES_DIR=\"";
    std::string line;
    while (std::getline(user_dirs, line)) {
        if (line.rfind(key, 0) == 0 && line.size() > key.size()) {
            std::string value = line.substr(key.size(), line.size() - key.size() - 1);
            if (value.rfind("$HOME", 0) == 0) {
                value = home + value.substr(5);
            }
            folder = value;
        }
    }
    return folder;
}

std::filesystem::path config_folder() {
    const char* config_env = std::getenv("XDG_CONFIG_HOME");
    if (config_env != nullptr && *config_env != '\0') {
        return config_env;
    }
    const char* home_env = std::getenv("HOME");
    return std::filesystem::path(home_env != nullptr && *home_env != '\0' ? home_env : "/tmp") /
           ".config";
}

std::filesystem::path pictures_folder() {
    const char* home_env = std::getenv("HOME");
    const std::string home = home_env != nullptr ? home_env : "/tmp";
    std::ifstream in(config_folder() / "user-dirs.dirs");
    const std::filesystem::path folder = pictures_folder_from(in, home);
    std::error_code ec;
    std::filesystem::create_directories(folder, ec);
    return folder;
}

} // namespace kuril
