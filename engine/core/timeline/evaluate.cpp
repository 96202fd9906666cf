#include "core/timeline/evaluate.h"

#include <algorithm>

namespace flowview {

void evaluate(const Scene& scene, double t, FrameState& out) {
  t = std::clamp(t, 0.0, scene.duration);
  out.time = t;
  out.beat = scene.beatAt(t);
  out.camera = scene.camera.at(t);
  out.elements.resize(scene.elements.size());
  for (size_t i = 0; i < scene.elements.size(); ++i) {
    const Element& e = scene.elements[i];
    ElementState& s = out.elements[i];
    s.visible = t >= e.added_at && t < e.removed_at;
    s.over_blocks = t < e.over_blocks_until;
    if (!s.visible) continue;
    s.opacity = e.opacity.at(t);
    if (s.opacity <= 0.0f) {
      s.visible = false;
      continue;
    }
    s.pose = e.pose.at(t);
    s.color = e.color.at(t);
    s.reveal = e.reveal.at(t);
    s.value = e.value.at(t);
  }
}

Camera timelineCamera(const Scene& scene, double t) {
  return scene.camera.at(std::clamp(t, 0.0, scene.duration));
}

FrameState evaluate(const Scene& scene, double t) {
  FrameState state;
  evaluate(scene, t, state);
  return state;
}

}  // namespace flowview
