#include "viewer/temperature.h"

#include <cmath>

namespace flowview::viewer {

std::vector<double> applyTemperature(const std::vector<double>& probabilities, double temperature) {
  std::vector<double> out(probabilities.size(), 0.0);
  int best = -1;
  for (size_t i = 0; i < probabilities.size(); ++i) {
    const double p = probabilities[i];
    if (!std::isfinite(p) || p <= 0.0) continue;
    if (best < 0 || p > probabilities[best]) best = static_cast<int>(i);
  }
  if (best < 0) return out;
  if (!(temperature > kGreedyTemperature)) {
    out[best] = 1.0;
    return out;
  }
  // In log space relative to the maximum, so tiny temperatures neither overflow nor underflow
  // everything to zero.
  const double log_max = std::log(probabilities[best]);
  double sum = 0.0;
  for (size_t i = 0; i < probabilities.size(); ++i) {
    const double p = probabilities[i];
    if (!std::isfinite(p) || p <= 0.0) continue;
    out[i] = std::exp((std::log(p) - log_max) / temperature);
    sum += out[i];
  }
  for (double& v : out) v /= sum;
  return out;
}

}  // namespace flowview::viewer
