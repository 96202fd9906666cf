// libFuzzer target for the scene loader and validator (scenes::loadSceneString, which parses the
// JSON, validates every field and builds the scene). The contract (scene_file.h): any input
// either loads or throws io::LoadError. Anything else escaping, a crash, a sanitizer report or a
// hang is a bug. Scenes that load are also evaluated and batched at a few times, so a scene
// the validator accepts cannot crash the per-frame path either.
//
// Built only with -DFLOWVIEW_BUILD_FUZZERS=ON and clang; scripts/fuzz.sh builds and runs it.
// Reproduce a finding: build/fuzz/tests/fuzz/scene_loader_fuzz FILE
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>

#include "core/draw/draw_batches.h"
#include "core/io/load_error.h"
#include "core/scenes/scene_file.h"
#include "core/text/font_locator.h"
#include "core/text/glyph_atlas.h"
#include "core/timeline/evaluate.h"

namespace {

// One atlas for the whole run (fonts are opened once; glyphs accumulate like in the viewer).
flowview::text::GlyphAtlas& atlas() {
  static flowview::text::GlyphAtlas instance(flowview::text::locateFonts());
  return instance;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  atlas();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view json(reinterpret_cast<const char*>(data), size);
  flowview::Scene scene;
  try {
    scene = flowview::scenes::loadSceneString(json, "fuzz.json", atlas());
  } catch (const flowview::io::LoadError&) {
    return 0;  // rejected with a clear error: fine
  }
  // Accepted: the frame path must cope with it too.
  flowview::FrameState state;
  flowview::DrawBatches batches;
  flowview::Batcher batcher(atlas());
  for (const double u : {0.0, 0.37, 0.5, 1.0}) {
    flowview::evaluate(scene, u * scene.duration, state);
    batcher.build(scene, state, batches);
  }
  return 0;
}
