#include "core/math/random.h"

namespace flowview {
namespace {
uint64_t splitmix(uint64_t& x) {
  uint64_t z = (x += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}
uint64_t rotl(uint64_t x, int k) {
  return (x << k) | (x >> (64 - k));
}
}  // namespace

Random::Random(uint64_t seed) {
  for (auto& s : state_) s = splitmix(seed);
}

uint64_t Random::next() {
  const uint64_t result = rotl(state_[1] * 5, 7) * 9;
  const uint64_t t = state_[1] << 17;
  state_[2] ^= state_[0];
  state_[3] ^= state_[1];
  state_[1] ^= state_[2];
  state_[0] ^= state_[3];
  state_[2] ^= t;
  state_[3] = rotl(state_[3], 45);
  return result;
}

double Random::uniform() {
  return static_cast<double>(next() >> 11) * 0x1.0p-53;
}
double Random::uniform(double lo, double hi) {
  return lo + (hi - lo) * uniform();
}
int Random::below(int n) {
  return n <= 0 ? 0 : static_cast<int>(uniform() * n);
}

Rgb Random::brightColor(double hue_lo, double hue_hi) {
  const float h = static_cast<float>(uniform(hue_lo, hue_hi));
  const float s = static_cast<float>(uniform(0.5, 0.8));
  const float l = static_cast<float>(uniform(0.5, 1.0));
  return hslToRgb({h, s, l});
}

}  // namespace flowview
