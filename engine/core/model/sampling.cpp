#include "core/model/sampling.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace flowview::model {

std::vector<double> samplingProbabilities(std::span<const float> logits, std::span<const int> ids,
                                          const SamplingSettings& settings) {
  std::vector<double> out(ids.size(), 0.0);
  const int vocab = static_cast<int>(logits.size());
  if (vocab == 0) return out;
  // Order of the whole vocabulary, most likely first (the filters need ranks).
  std::vector<int> order(static_cast<size_t>(vocab));
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return logits[a] > logits[b]; });
  std::vector<double> probability(static_cast<size_t>(vocab), 0.0);
  if (settings.temperature <= kGreedyTemperature) {
    probability[static_cast<size_t>(order[0])] = 1.0;
  } else {
    const double top = logits[order[0]];
    double total = 0.0;
    for (int i = 0; i < vocab; ++i) {
      probability[i] = std::exp((logits[i] - top) / settings.temperature);
      total += probability[i];
    }
    for (double& p : probability) p /= total;
    // Keep the first `kept` tokens of `order`: top-k, then the nucleus.
    int kept = settings.top_k > 0 ? std::min(settings.top_k, vocab) : vocab;
    if (settings.top_p < 1.0) {
      double mass = 0.0;
      int nucleus = 0;
      while (nucleus < kept && mass < settings.top_p) mass += probability[order[nucleus++]];
      kept = std::max(1, nucleus);
    }
    double kept_mass = 0.0;
    for (int r = 0; r < kept; ++r) kept_mass += probability[order[r]];
    for (int r = kept; r < vocab; ++r) probability[order[r]] = 0.0;
    for (int r = 0; r < kept; ++r) probability[order[r]] /= kept_mass;
  }
  for (size_t i = 0; i < ids.size(); ++i)
    if (ids[i] >= 0 && ids[i] < vocab) out[i] = probability[static_cast<size_t>(ids[i])];
  return out;
}

}  // namespace flowview::model
