#pragma once
// An OpenGL 3.3+ core context, made current on the calling thread. Two implementations: the
// app's GLFW window and EglOffscreenContext (no display server needed).
#include <memory>
#include <stdexcept>
#include <string>

namespace flowview::gl {

class GlContext {
 public:
  virtual ~GlContext() = default;
  virtual void makeCurrent() = 0;
  // "OpenGL 4.5 (Core Profile) Mesa 22.3.6 / llvmpipe (LLVM 15.0.6, 256 bits)"
  std::string describe() const;
};

// Thrown when no GL 3.3 core context can be had; the message names what was tried.
class NoContextError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Whether the current context renders on the CPU (llvmpipe, softpipe, SwiftShader, ...). There
// every covered pixel costs CPU time and 4x multisampling nearly doubles a frame, so live views
// default to single-sampled frames (the shaders anti-alias strokes, text, spheres and lines).
bool isSoftwareRenderer();
// Multisampling for a live view on the current context: 1 on a software rasterizer, else 4.
int liveSamples();

// GL_RENDERER of the current context ("llvmpipe (LLVM 15.0.6, 256 bits)"), "?" when unknown.
std::string rendererName();
// Throws std::runtime_error("OpenGL error 0x0502 <where>") when the context has recorded an error.
void throwOnGlError(const char* where);

// Loads GL entry points with glad through `get_proc`, checks the version (>= 3.3). Throws
// NoContextError on failure.
using GetProcAddress = void (*(*)(const char*))();
void loadGlFunctions(GetProcAddress get_proc, const std::string& context_name);

}  // namespace flowview::gl
