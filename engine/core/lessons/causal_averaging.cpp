#include "core/lessons/causal_averaging.h"

#include "core/lessons/attention_head.h"

namespace flowview::lessons {

Matrix prefixMeanByLoop(const Matrix& x) {
  Matrix mean(x.rows(), x.cols());
  for (Eigen::Index t = 0; t < x.rows(); ++t) mean.row(t) = x.topRows(t + 1).colwise().mean();
  return mean;
}

Matrix averagingWeights(int tokens) {
  Matrix weights = Matrix::Zero(tokens, tokens);
  weights.triangularView<Eigen::Lower>().setOnes();
  const Vector row_sums = weights.rowwise().sum();
  return row_sums.cwiseInverse().asDiagonal() * weights;
}

Matrix maskedSoftmaxWeights(int tokens) {
  return softmaxRows(causalMask(tokens));
}

Matrix prefixMeanByProduct(const Matrix& x) {
  return averagingWeights(static_cast<int>(x.rows())) * x;  // [T, T] [T, C] -> [T, C]
}

Matrix prefixMeanBySoftmax(const Matrix& x) {
  return maskedSoftmaxWeights(static_cast<int>(x.rows())) * x;
}

}  // namespace flowview::lessons
