#include "render/gl/gl_context.h"

#include <glad/gl.h>

#include <algorithm>
#include <cctype>
#include <cstdio>

namespace flowview::gl {

void loadGlFunctions(GetProcAddress get_proc, const std::string& context_name) {
  const int version = gladLoadGL(reinterpret_cast<GLADloadfunc>(get_proc));
  if (version == 0) {
    throw NoContextError(context_name + ": could not load OpenGL functions");
  }
  if (GLAD_VERSION_MAJOR(version) < 3 ||
      (GLAD_VERSION_MAJOR(version) == 3 && GLAD_VERSION_MINOR(version) < 3)) {
    throw NoContextError(context_name + ": OpenGL " + std::to_string(GLAD_VERSION_MAJOR(version)) +
                         "." + std::to_string(GLAD_VERSION_MINOR(version)) +
                         " is too old, 3.3 core is needed");
  }
}

bool isSoftwareRenderer() {
  const auto* name = reinterpret_cast<const char*>(glGetString(GL_RENDERER));
  if (!name) return false;
  std::string lower(name);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  for (const char* cpu : {"llvmpipe", "softpipe", "swiftshader", "lavapipe", "software"}) {
    if (lower.find(cpu) != std::string::npos) return true;
  }
  return false;
}

std::string rendererName() {
  const auto* name = reinterpret_cast<const char*>(glGetString(GL_RENDERER));
  return name ? name : "?";
}

void throwOnGlError(const char* where) {
  const GLenum error = glGetError();
  if (error != GL_NO_ERROR) {
    char buffer[96];
    std::snprintf(buffer, sizeof buffer, "OpenGL error 0x%04x %s", error, where);
    throw std::runtime_error(buffer);
  }
}

int liveSamples() {
  return isSoftwareRenderer() ? 1 : 4;
}

std::string GlContext::describe() const {
  auto str = [](GLenum name) {
    const auto* s = reinterpret_cast<const char*>(glGetString(name));
    return std::string(s ? s : "?");
  };
  return "OpenGL " + str(GL_VERSION) + " / " + str(GL_RENDERER);
}

}  // namespace flowview::gl
