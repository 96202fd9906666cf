#pragma once
// The two photographs of the seed's MoleExample1 (a shrew mole, a mole on a lip) as simple
// illustrations drawn with flowview's primitives: no image is downloaded. Each is 1 unit tall
// (the seed's set_height(1)), centred on the origin, inside a thin rounded frame with a small
// "illustration" label under it.
#include <string>
#include <vector>

#include "core/build/scene_builder.h"

namespace flowview::scenes {

struct Illustration {
  std::vector<int> elements;
  float height = 1.0f;
};

Illustration addShrewMole(SceneBuilder& b, const std::string& id, glm::vec3 center);
Illustration addMoleOnLip(SceneBuilder& b, const std::string& id, glm::vec3 center);

// A filled ellipse (a 40-gon) with semi-axes rx, ry: exposed for the tests.
FillGeometry ellipseFill(float rx, float ry, glm::vec3 center = glm::vec3(0.0f));

}  // namespace flowview::scenes
