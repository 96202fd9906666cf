#include "render/window_surface.h"

#include <glad/gl.h>

#include <cstring>
#include <vector>

namespace flowview {

void clearWindow(int framebuffer_width, int framebuffer_height, const glm::vec4& color) {
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
  glDisable(GL_SCISSOR_TEST);
  glViewport(0, 0, framebuffer_width, framebuffer_height);
  glClearColor(color.r, color.g, color.b, color.a);
  glClear(GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT);
}

void readWindowPixels(int width, int height, Image& out) {
  out.width = width;
  out.height = height;
  const size_t row = static_cast<size_t>(width) * 4;
  out.rgba.resize(row * height);
  glBindFramebuffer(GL_READ_FRAMEBUFFER, 0);
  glReadBuffer(GL_BACK);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, out.rgba.data());
  std::vector<uint8_t> tmp(row);
  for (int y = 0; y < height / 2; ++y) {  // GL rows go bottom-up
    uint8_t* a = out.rgba.data() + row * y;
    uint8_t* b = out.rgba.data() + row * (height - 1 - y);
    std::memcpy(tmp.data(), a, row);
    std::memcpy(a, b, row);
    std::memcpy(b, tmp.data(), row);
  }
  for (size_t i = 3; i < out.rgba.size(); i += 4) out.rgba[i] = 255;
}

}  // namespace flowview
