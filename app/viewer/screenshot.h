#pragma once
// Where the viewer's screenshots go. The pictures themselves come from the engine:
// FrameRenderer::renderStill (the 3D view at any size, tiled) and readWindowPixels (the window as
// shown, with the UI; render/window_surface.h).
#include <string>

#include "render/window_surface.h"

namespace flowview::viewer {

// "<folder>/<stem>_t<time>.png", with _2, _3... added when that file exists already.
std::string screenshotPath(const std::string& folder, const std::string& scene_path, double time);
// The user's pictures folder (XDG_PICTURES_DIR, else ~/Pictures), as a full path.
std::string defaultScreenshotFolder();

}  // namespace flowview::viewer
