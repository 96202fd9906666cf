#pragma once
// Neuromatch's "gained" dot-product attention: y = w·x with w = softmax(z_1 q_1 + z_2 q_2). Two
// attention patterns q_1 (early context) and q_2 (late context) and their gains z_1, z_2: raising
// a gain sharpens w toward the pattern it multiplies.
#include <cstdint>

#include "core/lessons/seeded_values.h"

namespace flowview::lessons {

struct GainExample {
  Vector x;   // a noisy sine over the context
  Vector q1;  // weight on early positions (1 - sigmoid, normalised to sum 1)
  Vector q2;  // weight on late positions (sigmoid, normalised to sum 1)
};
// The tutorial's example: context 20, x = sin(0..2π) + 0.1 noise.
GainExample makeGainExample(int context, uint64_t seed);

struct GainedAttention {
  Vector weights;     // softmax(z1 q1 + z2 q2)
  double output = 0;  // weights · x
};
GainedAttention gainedDotProductAttention(const Vector& x, const Vector& q1, const Vector& q2,
                                          double z1, double z2);

}  // namespace flowview::lessons
