#pragma once
// Hold beats: wait beats in which nothing on screen changes (no element or camera animation, no
// element appearing or leaving). In presentation they need no click of their own.
#include <vector>

#include "core/scene/scene.h"

namespace flowview::viewer {

// One flag per beat of `scene`; all false when the scene asks for the old behaviour
// (Scene::present_every_beat).
std::vector<bool> holdBeats(const Scene& scene);

}  // namespace flowview::viewer
