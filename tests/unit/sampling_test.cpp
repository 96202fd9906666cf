// Temperature, top-k and top-p over logits (core/model/sampling.h).
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "core/model/sampling.h"

using flowview::model::samplingProbabilities;
using flowview::model::SamplingSettings;

namespace {

const std::vector<float> kLogits = {2.0f, 1.0f, 0.0f, -1.0f};
const std::vector<int> kAll = {0, 1, 2, 3};

std::vector<double> softmax(double temperature) {
  std::vector<double> p;
  double total = 0;
  for (float l : kLogits) total += std::exp(l / temperature);
  for (float l : kLogits) p.push_back(std::exp(l / temperature) / total);
  return p;
}

}  // namespace

TEST(Sampling, TemperatureDividesTheLogits) {
  for (double t : {0.5, 1.0, 2.0}) {
    const auto p = samplingProbabilities(kLogits, kAll, {t, 0, 1.0});
    const auto expected = softmax(t);
    for (size_t i = 0; i < p.size(); ++i) EXPECT_NEAR(p[i], expected[i], 1e-12) << "T " << t;
  }
}

TEST(Sampling, GreedyPutsEverythingOnTheTopToken) {
  const auto p = samplingProbabilities(kLogits, kAll, {0.0, 0, 1.0});
  EXPECT_EQ(p, (std::vector<double>{1, 0, 0, 0}));
}

TEST(Sampling, TopKKeepsTheKMostLikelyRenormalised) {
  const auto p = samplingProbabilities(kLogits, kAll, {1.0, 2, 1.0});
  const auto full = softmax(1.0);
  EXPECT_NEAR(p[0], full[0] / (full[0] + full[1]), 1e-12);
  EXPECT_NEAR(p[1], full[1] / (full[0] + full[1]), 1e-12);
  EXPECT_EQ(p[2], 0.0);
  EXPECT_EQ(p[3], 0.0);
}

TEST(Sampling, TopPKeepsTheSmallestSetReachingTheMass) {
  const auto full = softmax(1.0);  // 0.644, 0.237, 0.087, 0.032
  // 0.7 needs the first two; 0.5 only the first.
  auto p = samplingProbabilities(kLogits, kAll, {1.0, 0, 0.7});
  EXPECT_NEAR(p[0], full[0] / (full[0] + full[1]), 1e-12);
  EXPECT_EQ(p[2], 0.0);
  p = samplingProbabilities(kLogits, kAll, {1.0, 0, 0.5});
  EXPECT_EQ(p, (std::vector<double>{1, 0, 0, 0}));
}

TEST(Sampling, IdsOutsideTheVocabularyGetZero) {
  const std::vector<int> ids = {1, 7, -1};
  const auto p = samplingProbabilities(kLogits, ids, {1.0, 0, 1.0});
  EXPECT_NEAR(p[0], softmax(1.0)[1], 1e-12);
  EXPECT_EQ(p[1], 0.0);
  EXPECT_EQ(p[2], 0.0);
}
