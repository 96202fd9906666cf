#include "core/model/next_token.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>

namespace flowview::model {

std::vector<TokenProbability> topK(std::span<const float> logits, int k, double temperature) {
  if (!(temperature > 0.0)) throw std::invalid_argument("temperature must be positive");
  const int n = static_cast<int>(logits.size());
  k = std::clamp(k, 0, n);
  if (k == 0) return {};
  const double max = *std::max_element(logits.begin(), logits.end());
  double sum = 0.0;  // in double: 50,257 terms
  for (float logit : logits) sum += std::exp((logit - max) / temperature);
  std::vector<int> order(n);
  std::iota(order.begin(), order.end(), 0);
  std::partial_sort(order.begin(), order.begin() + k, order.end(), [&](int a, int b) {
    return logits[a] > logits[b] || (logits[a] == logits[b] && a < b);
  });
  std::vector<TokenProbability> top;
  for (int i = 0; i < k; ++i)
    top.push_back({order[i], std::exp((logits[order[i]] - max) / temperature) / sum});
  return top;
}

}  // namespace flowview::model
