#pragma once
// Everything the renderer needs to draw one moment: evaluated element properties and the camera.
#include <vector>

#include "core/camera/camera.h"
#include "core/scene/element.h"

namespace flowview {

struct ElementState {
  bool visible = false;
  bool over_blocks = false;  // drawn after the translucent block faces (Element::over_blocks_until)
  Pose pose;
  Rgb color{1.0f};
  float opacity = 1.0f;
  RevealState reveal;
  float value = 0.0f;
};

struct FrameState {
  double time = 0.0;
  int beat = 0;
  Camera camera;
  std::vector<ElementState> elements;  // parallel to Scene::elements
};

}  // namespace flowview
