#include "viewer/gl_window_hints.h"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

namespace flowview::viewer {

void setGlWindowHints() {
  glfwDefaultWindowHints();
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
  glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
#ifdef __APPLE__
  // Required there; elsewhere it would forbid wide lines (Renderer::drawLines).
  glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
#endif
  glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_TRUE);
}

}  // namespace flowview::viewer
