#pragma once
// The window's default framebuffer as the viewer and the presenter console use it around their
// ImGui frames (the scene itself goes through FrameRenderer). Needs the window's context current.
#include <glm/vec4.hpp>

#include "core/image/image_io.h"

namespace flowview {

// Binds the default framebuffer, resets viewport and scissor to all of it and clears color and
// depth to `color`: the background the UI and the 3D view are drawn over.
void clearWindow(int framebuffer_width, int framebuffer_height, const glm::vec4& color);

// Reads the default framebuffer's back buffer (call before swapping), rows top to bottom, with
// alpha 255 (a window is opaque).
void readWindowPixels(int width, int height, Image& out);

}  // namespace flowview
