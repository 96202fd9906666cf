#pragma once
// What the sampler would draw the next token from: softmax(logits / temperature), then top-k and
// top-p (nucleus) filtering, renormalised. The viewer's next-token bars show this distribution
// for the candidates on screen, recomputed when a slider moves (never per frame).
#include <span>
#include <vector>

namespace flowview::model {

// At or below this temperature sampling is greedy: probability 1 on the most likely token.
inline constexpr double kGreedyTemperature = 1e-3;

struct SamplingSettings {
  double temperature = 1.0;  // > 0; <= kGreedyTemperature is greedy
  int top_k = 0;             // keep the k most likely tokens; 0 keeps all
  double top_p = 1.0;  // keep the smallest most-likely set whose mass reaches top_p; 1 keeps all
};

// The probability of each of `ids` (indices into `logits`) under `settings`: tokens the filters
// drop get 0. Ties are broken by the lower id. Ids outside the vocabulary get 0.
std::vector<double> samplingProbabilities(std::span<const float> logits, std::span<const int> ids,
                                          const SamplingSettings& settings);

}  // namespace flowview::model
