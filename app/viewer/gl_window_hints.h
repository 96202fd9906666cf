#pragma once
// The GLFW hints every flowview window is created with: an OpenGL 3.3 core context, scaled to
// the monitor. Resets all other hints to GLFW's defaults first.
namespace flowview::viewer {

void setGlWindowHints();

}  // namespace flowview::viewer
