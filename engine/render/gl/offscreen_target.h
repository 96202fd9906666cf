#pragma once
// A multisampled framebuffer to render into without a window, resolved into a plain one whose
// pixels can be read back (screenshots, tests, export).
#include <cstdint>
#include <vector>

#include "render/gl/gl_objects.h"
#include "render/render_target.h"

namespace flowview::gl {

class OffscreenTarget {
 public:
  OffscreenTarget(int width, int height, int samples);
  // The multisampled framebuffer, all of it: where Renderer::draw puts the frame.
  RenderTarget renderTarget() const { return {msaa_fbo_.id(), 0, 0, width_, height_, false}; }
  // Resolves the samples into resolvedTexture() (for drawing it elsewhere).
  void resolve() const;
  // Resolves the samples and reads RGBA8 rows top-to-bottom into `rgba` (resized to w*h*4).
  void readPixels(std::vector<uint8_t>& rgba) const;
  int width() const { return width_; }
  int height() const { return height_; }
  GLuint resolvedTexture() const { return resolved_color_.id(); }

 private:
  int width_, height_, samples_;
  Framebuffer msaa_fbo_, resolved_fbo_;
  Renderbuffer msaa_color_, msaa_depth_;
  Texture resolved_color_;
};

// Largest size one framebuffer can have here (GL_MAX_RENDERBUFFER_SIZE and viewport limits).
int maxFramebufferSize();

}  // namespace flowview::gl
