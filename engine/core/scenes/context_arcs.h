#pragma once
// Arcs flashing from context words (or vectors) to a focus word: how the seed's ContextAnimation
// and the attention block show information moving toward one token. Drawn in the style of the
// network flow's attention arcs (random bright colours in the arc hues, widths up to 5, a
// passing flash, then the arc fades).
#include <glm/vec3.hpp>
#include <string>
#include <vector>

#include "core/build/scene_builder.h"
#include "core/math/random.h"

namespace flowview::scenes {

struct ContextArcsParams {
  double start = 0, run_time = 3;
  double lag_ratio = 0.1;    // between the sources, as a LaggedStart
  float angle = 1.5707964f;  // path_arc
  std::string id = "context";
};

// One flash per source, from `sources[i]` to `target`. Returns the elements added (each hidden
// outside its window).
std::vector<int> addContextArcs(SceneBuilder& b, Random& random,
                                const std::vector<glm::vec3>& sources, glm::vec3 target,
                                const ContextArcsParams& params);

}  // namespace flowview::scenes
