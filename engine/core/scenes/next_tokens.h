#pragma once
// Next-token probabilities: temperature re-weighting and its effect on the 3D bars.
#include <vector>

#include "core/scene/frame_state.h"
#include "core/scene/scene.h"

namespace flowview::scenes {

// p_i ∝ p_i^(1/T), rescaled to the candidates' original total mass (they are the top of a
// longer distribution). T <= 1e-3 is greedy: all the mass on the most likely candidate.
std::vector<double> reweightByTemperature(const std::vector<double>& probabilities,
                                          double temperature);

// Shows `probabilities` (one per candidate) in the evaluated frame: bar lengths and percentages.
// A no-op for scenes without next-token bars.
void applyNextTokenProbabilities(const Scene& scene, const std::vector<double>& probabilities,
                                 FrameState& state);

// How far the bars have grown in at time t (0 before the unembedding beat, 1 after).
double nextTokenReveal(const Scene& scene, double t);

}  // namespace flowview::scenes
