#include "core/lessons/attention_gain.h"

#include <cmath>

#include "core/lessons/attention_head.h"

namespace flowview::lessons {
namespace {

double sigmoid(double z) {
  return 1.0 / (1.0 + std::exp(-z));
}

}  // namespace

GainExample makeGainExample(int context, uint64_t seed) {
  constexpr double kTwoPi = 6.283185307179586;
  Random random(seed);
  const Matrix noise = normalMatrix(context, 1, random, 0.1);
  const Vector grid = Vector::LinSpaced(context, 0.0, 1.0);
  GainExample e;
  e.x = (kTwoPi * grid).array().sin() + noise.col(0).array();
  e.q1 = (-3.0 + 10.0 * grid.array()).unaryExpr([](double z) { return 1.0 - sigmoid(z); });
  e.q2 = (-7.0 + 10.0 * grid.array()).unaryExpr(&sigmoid);
  e.q1 /= e.q1.sum();
  e.q2 /= e.q2.sum();
  return e;
}

GainedAttention gainedDotProductAttention(const Vector& x, const Vector& q1, const Vector& q2,
                                          double z1, double z2) {
  GainedAttention g;
  const Matrix logits = (z1 * q1 + z2 * q2).transpose();  // one row
  g.weights = softmaxRows(logits).row(0).transpose();
  g.output = g.weights.dot(x);
  return g;
}

}  // namespace flowview::lessons
