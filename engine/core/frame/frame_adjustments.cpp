#include "core/frame/frame_adjustments.h"

#include "core/scenes/next_tokens.h"

namespace flowview {

const std::vector<double>& FrameAdjuster::nextTokenProbabilities(const Scene& scene,
                                                                 double temperature) {
  const std::vector<double>& scene_probabilities = scene.next_tokens.probabilities;
  if (temperature != weighted_temperature_ || scene_probabilities != weighted_from_) {
    weighted_ = scenes::reweightByTemperature(scene_probabilities, temperature);
    weighted_from_ = scene_probabilities;
    weighted_temperature_ = temperature;
  }
  return weighted_;
}

void FrameAdjuster::apply(const Scene& scene, const FrameAdjustments& adjustments,
                          FrameState& state) {
  // 1. Temperature. At exactly 1 the bars stay as evaluated (re-weighting would round them).
  if (adjustments.temperature != 1.0 && !scene.next_tokens.probabilities.empty()) {
    scenes::applyNextTokenProbabilities(
        scene, nextTokenProbabilities(scene, adjustments.temperature), state);
  }
  // 2. Camera.
  if (adjustments.camera) state.camera = *adjustments.camera;
}

}  // namespace flowview
