#pragma once
// The camera is a value: manimgl's CameraFrame with floor plane xz.
//
// Conventions (facts from manimgl, see docs/architecture.md):
//  - Units: the default frame is 8 units tall (14.22 wide at 16:9); x right, y up, z OUT.
//  - orientation R = Ry(theta) * Rx(phi) * Rz(gamma): Euler axes "zxy" applied extrinsically
//    (gamma about z first, then phi about x, then theta about y). Angles in degrees at the API.
//  - Vertical field of view 45 deg. focal distance = 0.5 * height / tan(fovy / 2).
//  - The eye sits at center + focal_distance * R[:,2] and looks at center.
//  - Flights interpolate orientation by normalized quaternion lerp (shortest way), center and
//    height linearly.
#include <glm/gtc/quaternion.hpp>
#include <glm/mat4x4.hpp>
#include <glm/vec2.hpp>
#include <glm/vec3.hpp>

namespace flowview {

struct EulerDegrees {
  float theta = 0, phi = 0, gamma = 0;
};

struct Camera {
  glm::quat orientation{1, 0, 0, 0};
  glm::vec3 center{0.0f};
  float height = 8.0f;  // visible frame height at the center, in scene units
  float fovy_degrees = 45.0f;

  static Camera fromEuler(EulerDegrees euler, glm::vec3 center = glm::vec3(0.0f),
                          float height = 8.0f);

  EulerDegrees euler() const;
  glm::mat3 rotation() const;
  float focalDistance() const;
  glm::vec3 eyePosition() const;
  // World -> eye space (camera looks down -z), in scene units.
  glm::mat4 viewMatrix() const;
  float nearPlane() const;  // distance of the near clipping plane from the eye
  glm::mat4 projectionMatrix(float aspect) const;
  glm::mat4 viewProjection(float aspect) const { return projectionMatrix(aspect) * viewMatrix(); }
  // Where a world point lands in normalized device coordinates (x, y in [-1, 1] when visible).
  glm::vec3 projectToNdc(glm::vec3 world, float aspect) const;
  // Pixel coordinates (origin top-left) in a width x height image.
  glm::vec2 projectToPixel(glm::vec3 world, int width, int height) const;

  // manimgl's reorient: unchanged arguments keep their value (pass NaN center/height to keep).
  Camera reoriented(EulerDegrees euler) const;
};

Camera interpolate(const Camera& a, const Camera& b, float alpha);
inline Camera lerpValue(const Camera& a, const Camera& b, float t) {
  return interpolate(a, b, t);
}
glm::quat quatFromEulerDegrees(EulerDegrees euler);

}  // namespace flowview
