#pragma once
// The GLFW hints every flowview window is created with: an OpenGL 3.3 core context, scaled to
// the monitor. Resets all other hints to GLFW's defaults first.
#include <glm/vec4.hpp>

namespace flowview::viewer {

void setGlWindowHints();

// What every flowview window shows behind its UI (clearWindow).
inline constexpr glm::vec4 kWindowBackground{0.06f, 0.06f, 0.07f, 1.0f};

}  // namespace flowview::viewer
