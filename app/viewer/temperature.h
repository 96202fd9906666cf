#pragma once
// Temperature re-weighting of next-token probabilities: p_i ∝ p_i^(1/T), renormalised over the
// candidates shown. T = 1 leaves them as they are; T -> 0 becomes greedy (one-hot on the top one).
#include <vector>

namespace flowview::viewer {

// Below this temperature the result is exactly one-hot (first of equal maxima wins).
inline constexpr double kGreedyTemperature = 1e-3;

// Negative or non-finite inputs count as 0. Returns all zeros when every input is 0.
std::vector<double> applyTemperature(const std::vector<double>& probabilities, double temperature);

}  // namespace flowview::viewer
