#pragma once
// The attention-math scene's live controls (issue 17): a gain slider and a mask toggle. A change
// rebuilds the scene from engine/core/lessons with the new values; the viewer swaps it in between
// frames, so evaluating a frame stays a pure function of time.
#include <optional>

#include "core/scene/scene.h"
#include "core/scenes/attention_math.h"

namespace flowview::text {
class GlyphAtlas;
}

namespace flowview::viewer {

class AttentionPanel {
 public:
  // Draws the controls (inside an open ImGui window) when `scene` is the attention-math scene;
  // returns the rebuilt scene when a control changed.
  std::optional<Scene> draw(const Scene& scene, text::GlyphAtlas& atlas);

 private:
  scenes::AttentionMathParams params_;
};

}  // namespace flowview::viewer
