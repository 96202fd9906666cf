#pragma once
// An axis-aligned 2D box that grows to hold what is added (text ink, layout extents). Starts
// empty: adding to an empty box gives exactly what was added.
#include <algorithm>
#include <limits>

namespace flowview {

struct Bounds2 {
  float x0 = std::numeric_limits<float>::max(), y0 = std::numeric_limits<float>::max();
  float x1 = -std::numeric_limits<float>::max(), y1 = -std::numeric_limits<float>::max();

  bool empty() const { return x0 > x1; }
  void add(float ax0, float ay0, float ax1, float ay1) {
    x0 = std::min(x0, ax0);
    y0 = std::min(y0, ay0);
    x1 = std::max(x1, ax1);
    y1 = std::max(y1, ay1);
  }
  void add(const Bounds2& o) {
    if (!o.empty()) add(o.x0, o.y0, o.x1, o.y1);
  }
};

}  // namespace flowview
