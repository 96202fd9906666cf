#pragma once
// The gradient-descent lesson (issue 17, docs/lessons-plan.md): 3Blue1Brown's
// InterpretGradientComponents (nn_part3) over the 784-16-16-10 digit network of
// engine/core/lessons. Every number on screen (the cost, the -gradient's entries, the costs after
// three descent steps, the isolated weights) comes from a real forward and backward pass.
#include <cstdint>

#include "core/build/scene_builder.h"
#include "core/scenes/matrix_object.h"

namespace flowview::text {
class GlyphAtlas;
}

namespace flowview::scenes {

struct GradientDescentParams {
  uint64_t seed = 3;   // the network's weights (makeDigitNetwork)
  double rate = 0.07;  // the descent steps' learning rate
};

struct GradientDescentHandles {
  MatrixHandles gradient;                // the -grad C column (values of the first step)
  int cost = -1;                         // the cost's number element
  int isolated_n = -1, isolated_k = -1;  // the two isolated weights' parameter indices
};

GradientDescentHandles buildGradientDescent(SceneBuilder& builder, text::GlyphAtlas& atlas,
                                            const GradientDescentParams& params);

}  // namespace flowview::scenes
