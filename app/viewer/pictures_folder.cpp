#include "viewer/pictures_folder.h"

#include <cstdlib>
#include <filesystem>
#include <sstream>

#include "viewer/config_files.h"

namespace flowview::viewer {

std::string picturesFolder(const std::string& home, const std::string& user_dirs_text) {
  if (home.empty()) {
    std::error_code ec;
    const auto here = std::filesystem::absolute(".", ec);
    return ec ? std::string(".") : here.lexically_normal().string();
  }
  std::istringstream lines(user_dirs_text);
  for (std::string line; std::getline(lines, line);) {
    const std::string key = "XDG_PICTURES_DIR=";
    if (line.rfind(key, 0) != 0) continue;
    std::string value = line.substr(key.size());
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"')
      value = value.substr(1, value.size() - 2);
    if (value.rfind("$HOME", 0) == 0) value = home + value.substr(5);
    // The spec allows only $HOME-relative or absolute paths; "$HOME/" alone means no folder.
    if (!value.empty() && value.front() == '/' && value != home && value != home + "/")
      return std::filesystem::path(value).lexically_normal().string();
  }
  return (std::filesystem::path(home) / "Pictures").string();
}

std::string userPicturesFolder() {
  const char* home = std::getenv("HOME");
  const std::string home_text = home ? home : "";
  std::filesystem::path config;
  if (const char* xdg = std::getenv("XDG_CONFIG_HOME"); xdg && *xdg) {
    config = xdg;
  } else if (!home_text.empty()) {
    config = std::filesystem::path(home_text) / ".config";
  }
  std::string text;
  if (!config.empty()) readFile(config / "user-dirs.dirs", text);
  return picturesFolder(home_text, text);
}

}  // namespace flowview::viewer
