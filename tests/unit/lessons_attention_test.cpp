// The attention lesson's numbers against a naive reference written with loops, and the exact
// identities the scene states (three averaging forms agree, rows sum to 1, masked weights are 0).
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "core/lessons/attention_gain.h"
#include "core/lessons/attention_head.h"
#include "core/lessons/causal_averaging.h"

namespace flowview::lessons {
namespace {

using Table = std::vector<std::vector<double>>;

Table product(const Matrix& a, const Matrix& b) {
  Table out(a.rows(), std::vector<double>(b.cols(), 0.0));
  for (int i = 0; i < a.rows(); ++i)
    for (int j = 0; j < b.cols(); ++j)
      for (int k = 0; k < a.cols(); ++k) out[i][j] += a(i, k) * b(k, j);
  return out;
}

// One head by the textbook formula, token by token: weights over s <= t only.
struct NaiveHead {
  Table weights, out;
};
NaiveHead naiveHead(const AttentionInputs& in, double gain) {
  const Table q = product(in.x, in.w_query), k = product(in.x, in.w_key),
              v = product(in.x, in.w_value);
  const int T = static_cast<int>(q.size()), d = static_cast<int>(q[0].size());
  NaiveHead h{Table(T, std::vector<double>(T, 0.0)), Table(T, std::vector<double>(d, 0.0))};
  for (int t = 0; t < T; ++t) {
    std::vector<double> e(t + 1);
    double total = 0;
    for (int s = 0; s <= t; ++s) {
      double dot = 0;
      for (int j = 0; j < d; ++j) dot += q[t][j] * k[s][j];
      e[s] = std::exp(gain * dot / std::sqrt(double(d)));
      total += e[s];
    }
    for (int s = 0; s <= t; ++s) {
      h.weights[t][s] = e[s] / total;
      for (int j = 0; j < d; ++j) h.out[t][j] += h.weights[t][s] * v[s][j];
    }
  }
  return h;
}

TEST(LessonsAttention, InputsHaveTheNotebookSizesAndAreDeterministic) {
  const AttentionInputs a = makeAttentionInputs({}, 1337), b = makeAttentionInputs({}, 1337);
  EXPECT_EQ(a.x.rows(), 8);
  EXPECT_EQ(a.x.cols(), 32);
  EXPECT_EQ(a.w_query.rows(), 32);
  EXPECT_EQ(a.w_query.cols(), 16);
  EXPECT_EQ(a.x, b.x);
  EXPECT_EQ(a.w_value, b.w_value);
  EXPECT_NE(a.x, makeAttentionInputs({}, 42).x);
  EXPECT_NE(a.w_query, a.w_key);
}

TEST(LessonsAttention, ThreeAveragingFormsAgree) {
  const Matrix x = makeAttentionInputs({}, 7).x;
  const Matrix by_loop = prefixMeanByLoop(x);
  // Independent reference: running sums.
  for (int t = 0; t < 8; ++t)
    for (int c = 0; c < 32; ++c) {
      double sum = 0;
      for (int s = 0; s <= t; ++s) sum += x(s, c);
      ASSERT_NEAR(by_loop(t, c), sum / (t + 1), 1e-12);
    }
  EXPECT_LT((prefixMeanByProduct(x) - by_loop).cwiseAbs().maxCoeff(), 1e-12);
  EXPECT_LT((prefixMeanBySoftmax(x) - by_loop).cwiseAbs().maxCoeff(), 1e-12);
  const Matrix w = averagingWeights(8);
  EXPECT_DOUBLE_EQ(w(0, 0), 1.0);
  EXPECT_DOUBLE_EQ(w(2, 1), 1.0 / 3.0);
  EXPECT_DOUBLE_EQ(w(7, 7), 0.125);
  EXPECT_EQ(w(1, 2), 0.0);
  EXPECT_LT((maskedSoftmaxWeights(8) - w).cwiseAbs().maxCoeff(), 1e-15);
}

TEST(LessonsAttention, HeadMatchesTheNaiveReference) {
  const AttentionInputs in = makeAttentionInputs({}, 1337);
  for (double gain : {1.0, 3.0, 0.25}) {
    const AttentionHead head = computeAttentionHead(in, true, gain);
    const NaiveHead ref = naiveHead(in, gain);
    for (int t = 0; t < 8; ++t) {
      for (int s = 0; s < 8; ++s) ASSERT_NEAR(head.weights(t, s), ref.weights[t][s], 1e-12);
      for (int j = 0; j < 16; ++j) ASSERT_NEAR(head.out(t, j), ref.out[t][j], 1e-12);
    }
  }
}

TEST(LessonsAttention, WeightsAreRowStochasticAndMaskedEntriesAreZero) {
  const AttentionHead head = computeAttentionHead(makeAttentionInputs({}, 1337));
  for (int t = 0; t < 8; ++t) {
    EXPECT_NEAR(head.weights.row(t).sum(), 1.0, 1e-12);
    for (int s = 0; s < 8; ++s) {
      if (s > t) {
        EXPECT_EQ(head.weights(t, s), 0.0);
        EXPECT_EQ(head.masked(t, s), kMinusInfinity);
      } else {
        EXPECT_GT(head.weights(t, s), 0.0);
        EXPECT_DOUBLE_EQ(head.masked(t, s), head.scaled(t, s));
      }
    }
  }
  EXPECT_DOUBLE_EQ(head.weights(0, 0), 1.0);  // the first token can only look at itself
}

TEST(LessonsAttention, WithoutTheMaskEveryTokenSeesEveryOther) {
  const AttentionHead head = computeAttentionHead(makeAttentionInputs({}, 1337), false);
  EXPECT_GT(head.weights.minCoeff(), 0.0);
  EXPECT_TRUE(head.masked.allFinite());
  for (int t = 0; t < 8; ++t) EXPECT_NEAR(head.weights.row(t).sum(), 1.0, 1e-12);
}

TEST(LessonsAttention, ScalingDividesTheVarianceByTheHeadSize) {
  const AttentionHead head = computeAttentionHead(makeAttentionInputs({}, 1337));
  EXPECT_NEAR(head.scores_variance / head.scaled_variance, 16.0, 1e-9);
  // q and k have about unit variance, so q·kᵀ has about d and the scaled scores about 1.
  EXPECT_NEAR(variance(head.q), 1.0, 0.5);
  EXPECT_NEAR(variance(head.k), 1.0, 0.5);
  EXPECT_GT(head.scores_variance, 6.0);
  EXPECT_LT(head.scaled_variance, 2.5);
  Matrix m(1, 4);
  m << 1, 2, 3, 4;
  EXPECT_DOUBLE_EQ(variance(m), 1.25);
}

TEST(LessonsAttention, GainSharpensTheWeights) {
  const AttentionHead head = computeAttentionHead(makeAttentionInputs({}, 1337));
  const Matrix flat = gainedWeights(head.scaled, 0.0, true);
  EXPECT_LT((flat - averagingWeights(8)).cwiseAbs().maxCoeff(), 1e-15);  // gain 0 = the average
  EXPECT_LT((gainedWeights(head.scaled, 1.0, true) - head.weights).cwiseAbs().maxCoeff(), 1e-15);
  double last_entropy = rowEntropies(flat).sum();
  double last_peak = rowPeaks(flat).sum();
  for (double gain : {0.5, 1.0, 2.0, 4.0, 8.0}) {
    const Matrix w = gainedWeights(head.scaled, gain, true);
    EXPECT_LT(rowEntropies(w).sum(), last_entropy) << gain;
    EXPECT_GT(rowPeaks(w).sum(), last_peak) << gain;
    last_entropy = rowEntropies(w).sum();
    last_peak = rowPeaks(w).sum();
  }
  EXPECT_NEAR(rowEntropies(flat)(7), std::log(8.0), 1e-12);
}

TEST(LessonsAttention, SoftmaxRejectsARowWithNothingToAttendTo) {
  Matrix m(1, 2);
  m << kMinusInfinity, kMinusInfinity;
  EXPECT_THROW(softmaxRows(m), std::invalid_argument);
}

TEST(LessonsAttention, NeuromatchGainPullsWeightTowardItsPattern) {
  const GainExample e = makeGainExample(20, 2);
  EXPECT_NEAR(e.q1.sum(), 1.0, 1e-12);
  EXPECT_GT(e.q1(0), e.q1(19));
  EXPECT_LT(e.q2(0), e.q2(19));
  const GainedAttention none = gainedDotProductAttention(e.x, e.q1, e.q2, 0, 0);
  EXPECT_NEAR(none.weights(3), 1.0 / 20, 1e-12);
  EXPECT_NEAR(none.output, e.x.mean(), 1e-12);
  const GainedAttention early = gainedDotProductAttention(e.x, e.q1, e.q2, 100, 0);
  const GainedAttention late = gainedDotProductAttention(e.x, e.q1, e.q2, 0, 100);
  EXPECT_GT(early.weights.head(5).sum(), 0.5);
  EXPECT_GT(late.weights.tail(5).sum(), 0.5);
  // Early context is the rising half of the sine, late the falling: the outputs differ in sign.
  EXPECT_GT(early.output, 0.0);
  EXPECT_LT(late.output, 0.0);
  double ref = 0;
  for (int i = 0; i < 20; ++i) ref += early.weights(i) * e.x(i);
  EXPECT_NEAR(early.output, ref, 1e-12);
}

}  // namespace
}  // namespace flowview::lessons
