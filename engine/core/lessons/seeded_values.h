#pragma once
// Deterministic matrices for the lessons: values drawn from flowview's own seeded generator, so
// every machine shows the same numbers (std:: distributions differ between libraries).
#include <Eigen/Core>
#include <cstdint>

#include "core/math/random.h"

namespace flowview::lessons {

using Matrix = Eigen::MatrixXd;
using Vector = Eigen::VectorXd;

// Standard normal samples (Box-Muller on the generator's uniforms), times `stddev`.
Matrix normalMatrix(int rows, int cols, Random& random, double stddev = 1.0);
// Uniform samples in [lo, hi).
Matrix uniformMatrix(int rows, int cols, Random& random, double lo, double hi);

}  // namespace flowview::lessons
