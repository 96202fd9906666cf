#include "core/scene/element.h"

#include <cmath>

namespace flowview {

RevealState lerpValue(const RevealState& a, const RevealState& b, float t) {
  RevealState out = b;  // style, lag and rates belong to the animation being played
  out.alpha = a.alpha + (b.alpha - a.alpha) * t;
  return out;
}

float GridGeometry::value(int column, int row) const {
  // splitmix64 of (seed, column, row): the same value on every machine, nothing stored.
  uint64_t z = seed * 0x9E3779B97F4A7C15ull +
               static_cast<uint64_t>(column) * 0xBF58476D1CE4E5B9ull +
               static_cast<uint64_t>(row) * 0x94D049BB133111EBull + 0x2545F4914F6CDD1Dull;
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  z ^= z >> 31;
  return std::round(static_cast<float>(z >> 40) / static_cast<float>(1ull << 24) * value_max *
                    10.0f) /
         10.0f;
}

}  // namespace flowview
