#include "render/gl/offscreen_target.h"

#include <algorithm>
#include <cstring>
#include <stdexcept>
#include <string>

namespace flowview::gl {

int maxFramebufferSize() {
  GLint rb = 0, dims[2] = {0, 0};
  glGetIntegerv(GL_MAX_RENDERBUFFER_SIZE, &rb);
  glGetIntegerv(GL_MAX_VIEWPORT_DIMS, dims);
  return std::min({rb, dims[0], dims[1]});
}

OffscreenTarget::OffscreenTarget(int width, int height, int samples)
    : width_(width), height_(height) {
  GLint max_samples = 1;
  glGetIntegerv(GL_MAX_SAMPLES, &max_samples);
  // 1 means no multisampling: a multisampled renderbuffer of 1 sample gets the driver's
  // smallest real count (4 on llvmpipe).
  samples_ = samples <= 1 || max_samples < 2 ? 0 : std::min(samples, static_cast<int>(max_samples));

  glBindRenderbuffer(GL_RENDERBUFFER, msaa_color_.id());
  glRenderbufferStorageMultisample(GL_RENDERBUFFER, samples_, GL_RGBA8, width, height);
  glBindRenderbuffer(GL_RENDERBUFFER, msaa_depth_.id());
  // With a stencil: Renderer marks the networks inside blocks in it.
  glRenderbufferStorageMultisample(GL_RENDERBUFFER, samples_, GL_DEPTH24_STENCIL8, width, height);
  glBindFramebuffer(GL_FRAMEBUFFER, msaa_fbo_.id());
  glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER,
                            msaa_color_.id());
  glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_DEPTH_STENCIL_ATTACHMENT, GL_RENDERBUFFER,
                            msaa_depth_.id());
  if (glCheckFramebufferStatus(GL_FRAMEBUFFER) != GL_FRAMEBUFFER_COMPLETE) {
    throw std::runtime_error("cannot create a " + std::to_string(width) + "x" +
                             std::to_string(height) + " multisampled framebuffer");
  }

  glBindTexture(GL_TEXTURE_2D, resolved_color_.id());
  glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, nullptr);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
  glBindFramebuffer(GL_FRAMEBUFFER, resolved_fbo_.id());
  glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, resolved_color_.id(),
                         0);
  if (glCheckFramebufferStatus(GL_FRAMEBUFFER) != GL_FRAMEBUFFER_COMPLETE) {
    throw std::runtime_error("cannot create the resolve framebuffer");
  }
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
}

void OffscreenTarget::resolve() const {
  glBindFramebuffer(GL_READ_FRAMEBUFFER, msaa_fbo_.id());
  glBindFramebuffer(GL_DRAW_FRAMEBUFFER, resolved_fbo_.id());
  glBlitFramebuffer(0, 0, width_, height_, 0, 0, width_, height_, GL_COLOR_BUFFER_BIT, GL_NEAREST);
}

void OffscreenTarget::readPixels(std::vector<uint8_t>& rgba) const {
  resolve();
  glBindFramebuffer(GL_READ_FRAMEBUFFER, resolved_fbo_.id());
  const size_t row = static_cast<size_t>(width_) * 4;
  rgba.resize(row * height_);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadPixels(0, 0, width_, height_, GL_RGBA, GL_UNSIGNED_BYTE, rgba.data());
  // GL's rows go bottom-up; images go top-down.
  std::vector<uint8_t> tmp(row);
  for (int y = 0; y < height_ / 2; ++y) {
    uint8_t* a = rgba.data() + row * y;
    uint8_t* b = rgba.data() + row * (height_ - 1 - y);
    std::memcpy(tmp.data(), a, row);
    std::memcpy(a, b, row);
    std::memcpy(b, tmp.data(), row);
  }
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
}

}  // namespace flowview::gl
