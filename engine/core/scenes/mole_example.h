#pragma once
// MoleExample1 from network_flow.py (issue 17, docs/lessons-plan.md): "mole" in three phrases
// with three meanings, each word's embedding (the same vector for every "mole"), then attention
// moving information between the vectors of one phrase. The seed's two photographs are drawn as
// labelled illustrations (mole_illustrations.h).
#include <cstdint>

#include "core/build/scene_builder.h"

namespace flowview::text {
class GlyphAtlas;
}

namespace flowview::scenes {

struct MoleExampleParams {
  uint64_t seed = 0;  // the embedding values and the arcs
};

void buildMoleExample(SceneBuilder& builder, text::GlyphAtlas& atlas,
                      const MoleExampleParams& params);

}  // namespace flowview::scenes
