#include "viewer/screenshot.h"

#include <cstdio>
#include <cstdlib>
#include <filesystem>

#include "viewer/pictures_folder.h"

namespace flowview::viewer {

std::string screenshotPath(const std::string& folder, const std::string& scene_path, double time) {
  std::string stem = std::filesystem::path(scene_path).stem().string();
  if (stem.empty()) stem = "flowview";
  char stamp[64];
  std::snprintf(stamp, sizeof stamp, "_t%.2f", time);
  const std::filesystem::path dir =
      folder.empty() ? std::filesystem::path(".") : std::filesystem::path(folder);
  std::filesystem::path path = dir / (stem + stamp + ".png");
  std::error_code ec;
  for (int i = 2; std::filesystem::exists(path, ec) && i < 10000; ++i) {
    path = dir / (stem + stamp + "_" + std::to_string(i) + ".png");
  }
  return path.string();
}

std::string defaultScreenshotFolder() {
  return userPicturesFolder();
}

}  // namespace flowview::viewer
