// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <filesystem>
#include <istream>
#include <string>

namespace kuril {

/// The user's configuration folder: $XDG_CONFIG_HOME, else $HOME/.config ($HOME, when unset
/// or empty, /tmp).
std::filesystem::path config_folder();

/// The user's pictures folder: XDG_PICTURES_DIR from $XDG_CONFIG_HOME/user-dirs.dirs (default
/// ~/.config), else ~/Pictures; created if missing. $HOME defaults to /tmp.
std::filesystem::path pictures_folder();

/// The pictures folder a user-dirs.dirs stream names (the last XDG_PICTURES_DIR line, $HOME
/// expanded), else `home`/Pictures. Does not touch the file system.
std::filesystem::path pictures_folder_from(std::istream& user_dirs, const std::string& home);

} // namespace kuril
