#pragma once
// The next-token distribution from the last position's logits.
#include <span>
#include <vector>

namespace flowview::model {

struct TokenProbability {
  int id;
  double probability;
};

// The k most likely tokens, most likely first, with probabilities softmax(logits / temperature)
// over the whole vocabulary. Requires temperature > 0; k is clamped to the vocabulary size.
std::vector<TokenProbability> topK(std::span<const float> logits, int k, double temperature);

}  // namespace flowview::model
