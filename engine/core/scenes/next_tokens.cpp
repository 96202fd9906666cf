#include "core/scenes/next_tokens.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace flowview::scenes {

std::vector<double> reweightByTemperature(const std::vector<double>& p, double temperature) {
  std::vector<double> out(p.size(), 0.0);
  if (p.empty()) return out;
  const double mass = std::accumulate(p.begin(), p.end(), 0.0);
  if (temperature <= 1e-3) {
    out[static_cast<size_t>(std::max_element(p.begin(), p.end()) - p.begin())] = mass;
    return out;
  }
  // In log space so tiny temperatures do not underflow.
  const double max_log = std::log(std::max(*std::max_element(p.begin(), p.end()), 1e-300));
  double sum = 0.0;
  for (size_t i = 0; i < p.size(); ++i) {
    out[i] = p[i] > 0 ? std::exp((std::log(p[i]) - max_log) / temperature) : 0.0;
    sum += out[i];
  }
  for (double& v : out) v = sum > 0 ? v / sum * mass : 0.0;
  return out;
}

void applyNextTokenProbabilities(const Scene& scene, const std::vector<double>& probabilities,
                                 FrameState& state) {
  const NextTokenBars& bars = scene.next_tokens;
  const size_t n = std::min(bars.probabilities.size(), probabilities.size());
  for (size_t i = 0; i < n && i < bars.fills.size(); ++i) {
    const float base =
        std::max(0.01f, static_cast<float>(bars.probabilities[i]) * bars.length_scale);
    const float length = std::max(0.01f, static_cast<float>(probabilities[i]) * bars.length_scale);
    const float grow = length - base;
    for (int e : {bars.fills[i], bars.strokes[i]}) {
      ElementState& s = state.elements[static_cast<size_t>(e)];
      // Bars grow to the right from a fixed left edge.
      s.pose.position += s.pose.rotation * glm::vec3(0.5f * grow * s.pose.scale.x, 0, 0);
      s.pose.scale.x *= length / base;
    }
    ElementState& pct = state.elements[static_cast<size_t>(bars.percents[i])];
    pct.pose.position += pct.pose.rotation * glm::vec3(grow * pct.pose.scale.x, 0, 0);
    pct.value = static_cast<float>(100.0 * probabilities[i]);
  }
}

double nextTokenReveal(const Scene& scene, double t) {
  const NextTokenBars& bars = scene.next_tokens;
  if (bars.grow_end <= bars.grow_start) return t >= bars.grow_end ? 1.0 : 0.0;
  return std::clamp((t - bars.grow_start) / (bars.grow_end - bars.grow_start), 0.0, 1.0);
}

}  // namespace flowview::scenes
