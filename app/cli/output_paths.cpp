#include "cli/output_paths.h"

#include <filesystem>

#include "cli/arguments.h"
#include "core/image/image_io.h"

namespace flowview::cli {

namespace fs = std::filesystem;

void refuseEmptyOrInput(const std::string& out, const std::string& scene_path) {
  if (out.empty()) throw ArgumentError("--out needs a file name, got ''");
  std::error_code ec;
  if (fs::exists(out, ec) && fs::equivalent(out, scene_path, ec)) {
    throw ArgumentError("--out " + capForMessage(out) +
                        " is the scene file itself; give another name");
  }
}

void checkImageOutput(const std::string& out, const std::string& scene_path, bool transparent) {
  refuseEmptyOrInput(out, scene_path);
  std::error_code ec;
  if (out.back() == '/' || fs::is_directory(out, ec)) {
    throw ArgumentError("--out " + capForMessage(out) +
                        " is a folder; render writes one image: give a file name such as " +
                        capForMessage((fs::path(out) / "frame.png").lexically_normal().string()));
  }
  const auto format = imageFormatForPath(out);
  if (!format) {
    throw ArgumentError("--out " + capForMessage(out) +
                        ": unknown image type; give a name ending in .png, .jpg or .jpeg");
  }
  if (*format == ImageFormat::Jpeg && transparent) {
    throw ArgumentError("--transparent needs a .png: JPEG has no alpha channel");
  }
  const fs::path p(out);
  const fs::path dir = p.has_parent_path() ? p.parent_path() : fs::path(".");
  if (!fs::is_directory(dir, ec)) {
    throw ImageWriteError("cannot write " + capForMessage(out) + ": folder does not exist");
  }
}

}  // namespace flowview::cli
