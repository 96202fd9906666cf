#include "core/lessons/seeded_values.h"

#include <cmath>

namespace flowview::lessons {

Matrix normalMatrix(int rows, int cols, Random& random, double stddev) {
  constexpr double kTwoPi = 6.283185307179586;
  Matrix m(rows, cols);
  for (Eigen::Index i = 0; i < m.size(); ++i) {
    // 1 - u lies in (0, 1], so the logarithm is finite.
    const double u1 = 1.0 - random.uniform(), u2 = random.uniform();
    m(i) = stddev * std::sqrt(-2.0 * std::log(u1)) * std::cos(kTwoPi * u2);
  }
  return m;
}

Matrix uniformMatrix(int rows, int cols, Random& random, double lo, double hi) {
  Matrix m(rows, cols);
  for (Eigen::Index i = 0; i < m.size(); ++i) m(i) = random.uniform(lo, hi);
  return m;
}

}  // namespace flowview::lessons
