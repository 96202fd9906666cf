#pragma once
// The notebook's first step toward attention: give each token the mean of itself and every
// earlier token, x̄_t = mean(x_0..x_t), written three ways that agree.
#include "core/lessons/seeded_values.h"

namespace flowview::lessons {

// By a loop over tokens (the notebook's "bag of words").
Matrix prefixMeanByLoop(const Matrix& x);
// T x T: the lower-triangular matrix of ones, each row divided by its sum.
Matrix averagingWeights(int tokens);
// T x T: softmax over zeros masked with -inf above the diagonal (the same matrix again).
Matrix maskedSoftmaxWeights(int tokens);
// x̄ as one product: averagingWeights(T) x.
Matrix prefixMeanByProduct(const Matrix& x);
// x̄ as softmax weights times x.
Matrix prefixMeanBySoftmax(const Matrix& x);

}  // namespace flowview::lessons
