#pragma once
// One causal self-attention head, step by step, as Karpathy's notebook builds it (T = 8 tokens,
// C = 32 channels, head size 16). Every intermediate matrix is kept so a scene can show it.
// Row i of a T x . matrix is token i.
#include <cstdint>
#include <limits>

#include "core/lessons/seeded_values.h"

namespace flowview::lessons {

inline constexpr double kMinusInfinity = -std::numeric_limits<double>::infinity();

struct AttentionSizes {
  int tokens = 8;      // T
  int channels = 32;   // C
  int head_size = 16;  // d
};

// The head's inputs: token vectors and the three projections (bias-free linear maps).
struct AttentionInputs {
  Matrix x;                        // T x C, standard normal
  Matrix w_query, w_key, w_value;  // C x d, normal with variance 1/C: q, k, v keep unit variance
};
AttentionInputs makeAttentionInputs(const AttentionSizes& sizes, uint64_t seed);

// T x T: 0 on and below the diagonal, -inf above (a token never looks at later tokens).
Matrix causalMask(int tokens);
// scores + causalMask: entries above the diagonal become -inf.
Matrix applyCausalMask(const Matrix& scores);
// Softmax of every row; -inf entries give exactly 0. A row of only -inf is an input error.
Matrix softmaxRows(const Matrix& scores);
// Population variance of all entries (mean of squared deviations from the mean).
double variance(const Matrix& m);

struct AttentionHead {
  Matrix q, k, v;  // T x d: x W_q, x W_k, x W_v
  Matrix scores;   // T x T: q kᵀ
  Matrix scaled;   // T x T: scores / sqrt(d)
  Matrix masked;   // T x T: gain * scaled with -inf above the diagonal (equals gain * scaled
                   //        when the mask is off)
  Matrix weights;  // T x T: softmax of `masked`, row by row
  Matrix out;      // T x d: weights v
  double scores_variance = 0, scaled_variance = 0;  // why scale: d times smaller after
};

// `gain` multiplies the scaled scores before the softmax (neuromatch's gain: > 1 sharpens the
// weights toward the largest score, < 1 flattens them toward the plain average, 0 is the
// average). `causal` false leaves every token free to attend to every other.
AttentionHead computeAttentionHead(const AttentionInputs& inputs, bool causal = true,
                                   double gain = 1.0);

// The weights for a given gain from already scaled scores (what a gain slider recomputes).
Matrix gainedWeights(const Matrix& scaled, double gain, bool causal);
// Per row: the largest weight (1 = all attention on one token).
Vector rowPeaks(const Matrix& weights);
// Per row: the entropy in nats (0 = one token, log(n) = an even spread over n tokens).
Vector rowEntropies(const Matrix& weights);

}  // namespace flowview::lessons
