#pragma once
// The attention-math lesson (issue 17, docs/lessons-plan.md): one causal self-attention head with
// the notebook's sizes, step by step, every matrix computed by engine/core/lessons at build time
// and drawn with the matrix object. Not yet reachable from scene files: the lead wires it into
// the scene reader after its redesign.
#include <cstdint>
#include <string>
#include <vector>

#include "core/build/scene_builder.h"
#include "core/scenes/matrix_object.h"

namespace flowview::text {
class GlyphAtlas;
}

namespace flowview::scenes {

struct AttentionMathParams {
  uint64_t seed = 1337;                   // the attention inputs (the notebook's manual_seed)
  std::vector<double> gains = {0, 1, 4};  // the weights shown side by side in the gain beat
  uint64_t gain_seed = 2;                 // the noise of neuromatch's example (makeGainExample)
  // The head of beats 8-10 (mask, softmax, weights times values): the viewer's gain slider and
  // mask toggle rebuild the scene with other values (computeAttentionHead).
  double gain = 1.0;
  bool causal = true;
};

// What the builder made, so a viewer can recompute the weights and output for a gain and a mask
// (computeAttentionHead) and write them into these cells.
struct AttentionMathHandles {
  MatrixHandles weights, out;
};

AttentionMathHandles buildAttentionMath(SceneBuilder& builder, text::GlyphAtlas& atlas,
                                        const AttentionMathParams& params);

// The whole scene, for a viewer that rebuilds it when the gain or the mask changes (outside the
// frame path: evaluation stays a pure function of time).
Scene buildAttentionMathScene(text::GlyphAtlas& atlas, const std::string& title,
                              const AttentionMathParams& params);
// Whether `scene` was built by buildAttentionMath (it has the lesson's parts).
bool isAttentionMathScene(const Scene& scene);

}  // namespace flowview::scenes
