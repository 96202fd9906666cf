#pragma once
// Shared by the batching unit tests: a built scene evaluated at one time and batched for a
// 640x360 target.
#include "core/build/scene_builder.h"
#include "core/draw/draw_batches.h"
#include "core/text/font_locator.h"
#include "core/text/glyph_atlas.h"
#include "core/timeline/evaluate.h"

namespace flowview::test_support {

struct BatchedFrame {
  explicit BatchedFrame(SceneBuilder& builder, double t = 0.5)
      : scene(finished(builder)), atlas(text::locateFonts()), batcher(atlas) {
    evaluate(scene, t, state);
    batcher.setViewport(640, 360);
    batcher.build(scene, state, batches);
  }
  // Batches the same frame again (after changing the batcher's settings).
  void rebuild() { batcher.build(scene, state, batches); }

  Scene scene;
  FrameState state;
  text::GlyphAtlas atlas;
  Batcher batcher;
  DrawBatches batches;

 private:
  static Scene finished(SceneBuilder& builder) {
    builder.wait(1.0, "hold", "s");
    return builder.finish();
  }
};

}  // namespace flowview::test_support
