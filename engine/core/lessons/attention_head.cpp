#include "core/lessons/attention_head.h"

#include <cmath>
#include <stdexcept>

#include "core/math/random.h"

namespace flowview::lessons {

AttentionInputs makeAttentionInputs(const AttentionSizes& sizes, uint64_t seed) {
  Random random(seed);
  AttentionInputs in;
  const double w_std = 1.0 / std::sqrt(static_cast<double>(sizes.channels));
  in.x = normalMatrix(sizes.tokens, sizes.channels, random);
  in.w_query = normalMatrix(sizes.channels, sizes.head_size, random, w_std);
  in.w_key = normalMatrix(sizes.channels, sizes.head_size, random, w_std);
  in.w_value = normalMatrix(sizes.channels, sizes.head_size, random, w_std);
  return in;
}

Matrix causalMask(int tokens) {
  Matrix mask = Matrix::Zero(tokens, tokens);
  mask.triangularView<Eigen::StrictlyUpper>().setConstant(kMinusInfinity);
  return mask;
}

Matrix applyCausalMask(const Matrix& scores) {
  Matrix masked = scores;
  masked.triangularView<Eigen::StrictlyUpper>().setConstant(kMinusInfinity);
  return masked;
}

Matrix softmaxRows(const Matrix& scores) {
  Matrix out(scores.rows(), scores.cols());
  for (Eigen::Index r = 0; r < scores.rows(); ++r) {
    const double peak = scores.row(r).maxCoeff();
    if (!std::isfinite(peak)) throw std::invalid_argument("softmaxRows: a row has no finite score");
    // Subtracting the peak keeps exp() in range; exp(-inf) is exactly 0.
    out.row(r) = (scores.row(r).array() - peak).exp();
    out.row(r) /= out.row(r).sum();
  }
  return out;
}

double variance(const Matrix& m) {
  const double mean = m.mean();
  return (m.array() - mean).square().mean();
}

Matrix gainedWeights(const Matrix& scaled, double gain, bool causal) {
  const Matrix gained = gain * scaled;
  return softmaxRows(causal ? applyCausalMask(gained) : gained);
}

AttentionHead computeAttentionHead(const AttentionInputs& in, bool causal, double gain) {
  AttentionHead h;
  h.q = in.x * in.w_query;  // [T, C] [C, d] -> [T, d]
  h.k = in.x * in.w_key;
  h.v = in.x * in.w_value;
  h.scores = h.q * h.k.transpose();  // [T, d] [d, T] -> [T, T]
  h.scaled = h.scores / std::sqrt(static_cast<double>(h.q.cols()));
  h.masked = causal ? applyCausalMask(gain * h.scaled) : Matrix(gain * h.scaled);
  h.weights = softmaxRows(h.masked);
  h.out = h.weights * h.v;  // [T, T] [T, d] -> [T, d]
  h.scores_variance = variance(h.scores);
  h.scaled_variance = variance(h.scaled);
  return h;
}

Vector rowPeaks(const Matrix& weights) {
  return weights.rowwise().maxCoeff();
}

Vector rowEntropies(const Matrix& weights) {
  Vector entropy(weights.rows());
  for (Eigen::Index r = 0; r < weights.rows(); ++r) {
    double sum = 0;
    for (Eigen::Index c = 0; c < weights.cols(); ++c)
      if (weights(r, c) > 0) sum -= weights(r, c) * std::log(weights(r, c));
    entropy(r) = sum;
  }
  return entropy;
}

}  // namespace flowview::lessons
