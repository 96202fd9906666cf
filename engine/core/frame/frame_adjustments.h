#pragma once
// Per-frame adjustments: what a viewer changes in an evaluated frame before it is batched. A plain
// value; FrameAdjuster::apply() applies its entries in this order, always the same:
//
//   1. temperature  re-weights the next-token bars (lengths and percentages), p_i ∝ p_i^(1/T)
//                   (scenes::reweightByTemperature); 1 leaves the scene's bars as they are.
//   2. camera       replaces the timeline's camera (the viewer's orbit, presets and glides).
//
// A new adjustment (live edits of elements, say) is one more field here and one more step in
// apply(), after the ones above unless it must see their result. Pure: no GL; unit-tested.
#include <optional>
#include <vector>

#include "core/camera/camera.h"
#include "core/scene/frame_state.h"
#include "core/scene/scene.h"

namespace flowview {

struct FrameAdjustments {
  double temperature = 1.0;      // next-token re-weighting; 1: none
  std::optional<Camera> camera;  // none: the timeline's camera
};

class FrameAdjuster {
 public:
  // Applies `adjustments` to `state`, evaluated from `scene`. No allocation while the
  // temperature and the scene's bars stay as they were in the last call.
  void apply(const Scene& scene, const FrameAdjustments& adjustments, FrameState& state);
  // The scene's next-token probabilities re-weighted for `temperature` (cached the same way).
  const std::vector<double>& nextTokenProbabilities(const Scene& scene, double temperature);

 private:
  double weighted_temperature_ = -1.0;
  std::vector<double> weighted_from_;  // the scene's probabilities the cache was made from
  std::vector<double> weighted_;
};

}  // namespace flowview
