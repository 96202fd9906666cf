#pragma once
// Temperature re-weighting of next-token probabilities: p_i ∝ p_i^(1/T), renormalised over the
// candidates shown. T = 1 leaves them as they are; T -> 0 becomes greedy (one-hot on the top one).
#include <vector>

namespace flowview::viewer {

// At or below this temperature all the mass goes to the most likely candidate (first of equal
// maxima wins). Re-weighting keeps the candidates' total mass (scenes::reweightByTemperature).
inline constexpr double kGreedyTemperature = 1e-3;

// Negative or non-finite inputs count as 0. Returns all zeros when every input is 0.
std::vector<double> applyTemperature(const std::vector<double>& probabilities, double temperature);

}  // namespace flowview::viewer
