#pragma once
// A transformer at GPT-3 scale (2,048 tokens x 96 layers, 12,288 dimensions): every layer's
// embedding array is one Grid element drawn with level of detail, with attention and MLP blocks
// between them, labels and a camera flight from the numbers to the whole stack.
#include <string>

#include "core/build/scene_builder.h"

namespace flowview::text {
class GlyphAtlas;
}

namespace flowview::scenes {

struct ScaleStackParams {
  int tokens = 2048;
  int layers = 96;
  int rows = 10;  // entries shown per vector (the rest stands behind the ellipsis)
  std::string dimension_label = "12,288";
  uint64_t seed = 0;
};

void buildScaleStack(SceneBuilder& builder, text::GlyphAtlas& atlas,
                     const ScaleStackParams& params);

}  // namespace flowview::scenes
