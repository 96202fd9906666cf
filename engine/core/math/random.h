#pragma once
// One seeded generator per scene. Own implementation (splitmix64 + xoshiro256**) and own
// distributions, because std:: distributions differ between standard libraries and a scene
// must look identical on every machine.
#include <cstdint>

#include "core/math/color.h"

namespace flowview {

class Random {
 public:
  explicit Random(uint64_t seed);
  uint64_t next();
  double uniform();                      // [0, 1)
  double uniform(double lo, double hi);  // [lo, hi)
  int below(int n);                      // [0, n)
  // manim's random_bright_color: HSL with hue in [lo, hi], saturation 0.5-0.8, lightness 0.5-1
  // (so some come out near white).
  Rgb brightColor(double hue_lo, double hue_hi);

 private:
  uint64_t state_[4];
};

}  // namespace flowview
