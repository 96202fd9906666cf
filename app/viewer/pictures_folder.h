#pragma once
// The user's pictures folder (XDG user dirs), where screenshots go unless the user picks another.
#include <string>

namespace flowview::viewer {

// XDG_PICTURES_DIR from the text of a user-dirs.dirs file ("$HOME/Pictures" expands to `home`),
// else `home`/Pictures; the current folder, made absolute, when `home` is empty. Always a full
// path, so the panel can show it whole.
std::string picturesFolder(const std::string& home, const std::string& user_dirs_text);

// picturesFolder() for this user: $HOME and $XDG_CONFIG_HOME (or ~/.config)/user-dirs.dirs.
std::string userPicturesFolder();

}  // namespace flowview::viewer
