#include "core/scene/scene.h"

#include <algorithm>

namespace flowview {

int Scene::findElement(const std::string& id) const {
  for (size_t i = 0; i < elements.size(); ++i) {
    if (elements[i].id == id) return static_cast<int>(i);
  }
  return -1;
}

const ScenePart* Scene::findPart(std::string_view id) const {
  for (const ScenePart& part : parts) {
    if (part.id == id) return &part;
  }
  return nullptr;
}

int Scene::beatAt(double t) const {
  if (beats.empty()) return 0;
  auto it = std::upper_bound(beats.begin(), beats.end(), t,
                             [](double time, const Beat& b) { return time < b.start; });
  if (it == beats.begin()) return 0;
  return static_cast<int>(it - beats.begin()) - 1;
}

}  // namespace flowview
