#include "core/camera/camera.h"

#include <algorithm>
#include <cmath>
#include <glm/gtc/matrix_transform.hpp>

namespace flowview {

glm::quat quatFromEulerDegrees(EulerDegrees e) {
  const glm::quat qy = glm::angleAxis(glm::radians(e.theta), glm::vec3(0, 1, 0));
  const glm::quat qx = glm::angleAxis(glm::radians(e.phi), glm::vec3(1, 0, 0));
  const glm::quat qz = glm::angleAxis(glm::radians(e.gamma), glm::vec3(0, 0, 1));
  return glm::normalize(qy * qx * qz);
}

Camera Camera::fromEuler(EulerDegrees euler, glm::vec3 center, float height) {
  Camera camera;
  camera.orientation = quatFromEulerDegrees(euler);
  camera.center = center;
  camera.height = height;
  return camera;
}

Camera Camera::reoriented(EulerDegrees euler) const {
  Camera camera = *this;
  camera.orientation = quatFromEulerDegrees(euler);
  return camera;
}

glm::mat3 Camera::rotation() const {
  return glm::mat3_cast(orientation);
}

EulerDegrees Camera::euler() const {
  // R = Ry(theta) Rx(phi) Rz(gamma): row y of R is [cos(phi) sin(gamma), cos(phi) cos(gamma),
  // -sin(phi)] and column z is [sin(theta) cos(phi), -sin(phi), cos(theta) cos(phi)].
  const glm::mat3 r = rotation();  // glm is column-major: r[col][row]
  const float sin_phi = std::clamp(-r[2][1], -1.0f, 1.0f);
  EulerDegrees e;
  e.phi = glm::degrees(std::asin(sin_phi));
  if (std::abs(sin_phi) < 0.99999f) {
    e.theta = glm::degrees(std::atan2(r[2][0], r[2][2]));
    e.gamma = glm::degrees(std::atan2(r[0][1], r[1][1]));
  } else {  // gimbal lock: fold gamma into theta
    e.theta = glm::degrees(std::atan2(-r[0][2], r[0][0]));
    e.gamma = 0.0f;
  }
  return e;
}

float Camera::focalDistance() const {
  return 0.5f * height / std::tan(0.5f * glm::radians(fovy_degrees));
}

glm::vec3 Camera::eyePosition() const {
  return center + focalDistance() * rotation()[2];
}

glm::mat4 Camera::viewMatrix() const {
  // p -> R^T (p - eye): the eye looks down its -z axis at the center.
  const glm::mat3 rt = glm::transpose(rotation());
  glm::mat4 view(rt);
  view[3] = glm::vec4(-(rt * eyePosition()), 1.0f);
  return view;
}

float Camera::nearPlane() const {
  // Near/far scale with the frame so depth precision follows the zoom level.
  return std::max(0.01f, 0.02f * focalDistance());
}

glm::mat4 Camera::projectionMatrix(float aspect) const {
  const float far_plane = focalDistance() + 50.0f * height + 100.0f;
  return glm::perspective(glm::radians(fovy_degrees), aspect, nearPlane(), far_plane);
}

glm::vec3 Camera::projectToNdc(glm::vec3 world, float aspect) const {
  const glm::vec4 clip = viewProjection(aspect) * glm::vec4(world, 1.0f);
  return glm::vec3(clip) / clip.w;
}

glm::vec2 Camera::projectToPixel(glm::vec3 world, int width, int height_px) const {
  const glm::vec3 ndc = projectToNdc(world, static_cast<float>(width) / height_px);
  return {(ndc.x * 0.5f + 0.5f) * width, (0.5f - ndc.y * 0.5f) * height_px};
}

Camera interpolate(const Camera& a, const Camera& b, float alpha) {
  glm::quat qb = b.orientation;
  if (glm::dot(a.orientation, qb) < 0.0f) qb = -qb;  // take the short way round
  Camera out = a;
  out.orientation = glm::normalize(a.orientation * (1.0f - alpha) + qb * alpha);
  out.center = a.center + (b.center - a.center) * alpha;
  out.height = a.height + (b.height - a.height) * alpha;
  out.fovy_degrees = a.fovy_degrees + (b.fovy_degrees - a.fovy_degrees) * alpha;
  return out;
}

}  // namespace flowview
