#include "core/image/yuv420.h"

#include <algorithm>
#include <cmath>

namespace flowview {

namespace {

uint8_t toByte(double value) {
  return static_cast<uint8_t>(std::clamp(std::lround(value), 0l, 255l));
}

}  // namespace

YuvSample bt709Limited(double r, double g, double b) {
  constexpr double kr = 0.2126, kb = 0.0722, kg = 1.0 - kr - kb;
  const double luma = (kr * r + kg * g + kb * b) / 255.0;
  return {16.0 + 219.0 * luma, 128.0 + 112.0 * (b / 255.0 - luma) / (1.0 - kb),
          128.0 + 112.0 * (r / 255.0 - luma) / (1.0 - kr)};
}

void rgbaToYuv420p(const Image& rgba, Image& out) {
  const int w = rgba.width, h = rgba.height;
  out.width = w;
  out.height = h;
  out.layout = PixelLayout::Yuv420p;
  out.rgba.resize(yuv420pSize(w, h));
  uint8_t* y_plane = out.rgba.data();
  uint8_t* u_plane = y_plane + static_cast<size_t>(w) * h;
  uint8_t* v_plane = u_plane + static_cast<size_t>(w / 2) * (h / 2);
  for (int row = 0; row < h; ++row) {
    for (int col = 0; col < w; ++col) {
      const uint8_t* p = rgba.pixel(col, row);
      y_plane[static_cast<size_t>(row) * w + col] = toByte(bt709Limited(p[0], p[1], p[2]).y);
    }
  }
  for (int row = 0; row < h / 2; ++row) {
    for (int col = 0; col < w / 2; ++col) {
      double sum[3] = {0, 0, 0};
      for (int dy = 0; dy < 2; ++dy) {
        for (int dx = 0; dx < 2; ++dx) {
          const uint8_t* p = rgba.pixel(2 * col + dx, 2 * row + dy);
          for (int c = 0; c < 3; ++c) sum[c] += p[c];
        }
      }
      const YuvSample s = bt709Limited(sum[0] / 4, sum[1] / 4, sum[2] / 4);
      const size_t at = static_cast<size_t>(row) * (w / 2) + col;
      u_plane[at] = toByte(s.u);
      v_plane[at] = toByte(s.v);
    }
  }
}

}  // namespace flowview
