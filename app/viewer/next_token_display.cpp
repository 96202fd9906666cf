#include "viewer/next_token_display.h"

#include <cmath>

#include "core/scenes/next_tokens.h"

namespace flowview::viewer {

std::vector<double> sharesOfShown(const std::vector<double>& probabilities) {
  std::vector<double> shares(probabilities.size(), 0.0);
  double total = 0.0;
  for (size_t i = 0; i < probabilities.size(); ++i) {
    const double p = probabilities[i];
    shares[i] = std::isfinite(p) && p > 0.0 ? p : 0.0;
    total += shares[i];
  }
  if (total <= 0.0) return std::vector<double>(probabilities.size(), 0.0);
  for (double& s : shares) s /= total;
  return shares;
}

std::string nextTokenBarsPending(const Scene& scene, double time) {
  if (scene.next_tokens.tokens.empty() || scene.beats.empty()) return {};
  if (scenes::nextTokenReveal(scene, time) > 0.0) return {};
  const int beat = scene.beatAt(scene.next_tokens.grow_start);
  const Beat& grow = scene.beats[static_cast<size_t>(beat)];
  return "The bars come with beat " + std::to_string(beat + 1) + " (" + grow.name + ").";
}

}  // namespace flowview::viewer
