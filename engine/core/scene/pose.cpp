#include "core/scene/pose.h"

namespace flowview {

glm::mat4 Pose::matrix() const {
  glm::mat4 m = glm::mat4_cast(rotation);
  m[0] *= scale.x;
  m[1] *= scale.y;
  m[2] *= scale.z;
  m[3] = glm::vec4(position, 1.0f);
  return m;
}

Pose lerpValue(const Pose& a, const Pose& b, float t) {
  glm::quat qb = b.rotation;
  if (glm::dot(a.rotation, qb) < 0.0f) qb = -qb;
  Pose out;
  out.position = a.position + (b.position - a.position) * t;
  out.rotation = glm::normalize(a.rotation * (1.0f - t) + qb * t);
  out.scale = a.scale + (b.scale - a.scale) * t;
  return out;
}

}  // namespace flowview
