#pragma once
#include <memory>
#include <string>

#include "render/gl/gl_context.h"

namespace flowview::gl {

// A headless OpenGL context through EGL: Mesa's surfaceless platform first, then the EGL
// device platform, then the default display. Renders only into framebuffer objects.
class EglOffscreenContext final : public GlContext {
 public:
  // Throws NoContextError listing every platform tried and why it failed.
  static std::unique_ptr<EglOffscreenContext> create();
  ~EglOffscreenContext() override;
  void makeCurrent() override;
  const std::string& platformName() const { return platform_; }

 private:
  EglOffscreenContext() = default;
  void* display_ = nullptr;  // EGLDisplay
  void* context_ = nullptr;  // EGLContext
  std::string platform_;
};

}  // namespace flowview::gl
