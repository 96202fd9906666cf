#pragma once
// Checks of an output path (--out) that make a bad value exit 2 before any work is done.
#include <string>

namespace flowview::cli {

// Throws ArgumentError when `out` is empty or is the scene file itself (also through a link).
void refuseEmptyOrInput(const std::string& out, const std::string& scene_path);

// For `render`: `out` must name an image file (.png, .jpg, .jpeg) in an existing folder, not a
// folder. Throws ArgumentError (exit 2), or ImageWriteError (exit 1) when the folder is missing.
void checkImageOutput(const std::string& out, const std::string& scene_path, bool transparent);

}  // namespace flowview::cli
