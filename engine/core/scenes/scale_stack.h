#pragma once
// A transformer at GPT-3 scale (2,048 tokens x 96 layers, 12,288 dimensions): every layer's
// embedding array is one Grid element drawn with level of detail, with opaque, tinted attention
// and MLP blocks between them and a dark gap between layers; captions naming the three sizes and
// a camera flight from one vector's numbers, down the row of tokens, up over the whole stack.
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

// Where the stack stands and the cameras that show it (the scene's four presets). Tests use it
// to check that no camera of the flight comes inside the stack.
struct ScaleStackLayout {
  float width = 0, height = 0,
        depth = 0;  // the blocks' extent: x centred, y centred, z in [-depth, 0]
  float first_column_x = 0;
  Camera close, row, layer, stack;
};
ScaleStackLayout scaleStackLayout(const ScaleStackParams& params);

void buildScaleStack(SceneBuilder& builder, text::GlyphAtlas& atlas,
                     const ScaleStackParams& params);

}  // namespace flowview::scenes
