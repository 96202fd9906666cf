#pragma once
// Where an element sits: translation, rotation and per-axis scale about its own origin.
#include <glm/gtc/quaternion.hpp>
#include <glm/mat4x4.hpp>
#include <glm/vec3.hpp>

namespace flowview {

struct Pose {
  glm::vec3 position{0.0f};
  glm::quat rotation{1, 0, 0, 0};
  glm::vec3 scale{1.0f};

  glm::mat4 matrix() const;
  glm::vec3 apply(glm::vec3 local) const { return position + rotation * (scale * local); }
};

Pose lerpValue(const Pose& a, const Pose& b, float t);

// An unrotated pose at `position`, uniformly scaled: how scene builders place most elements.
inline Pose poseAt(glm::vec3 position, float scale = 1.0f) {
  Pose pose;
  pose.position = position;
  pose.scale = glm::vec3(scale);
  return pose;
}

}  // namespace flowview
