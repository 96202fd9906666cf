#include "core/camera/camera.h"

#include <gtest/gtest.h>

#include <cmath>

namespace flowview {
namespace {

constexpr float kTol = 1e-4f;
float deg(float d) {
  return d * 3.14159265358979f / 180.0f;
}

TEST(Camera, DefaultLooksDownMinusZFromFocalDistance) {
  const Camera c;
  // focal distance = 0.5 * 8 / tan(22.5 deg) = 9.6569
  EXPECT_NEAR(c.focalDistance(), 4.0f / std::tan(deg(22.5f)), kTol);
  const glm::vec3 eye = c.eyePosition();
  EXPECT_NEAR(eye.x, 0, kTol);
  EXPECT_NEAR(eye.y, 0, kTol);
  EXPECT_NEAR(eye.z, 9.65685f, 1e-3f);
  // The frame is 8 units tall: a point at y = 4 on the z = 0 plane is at the top edge.
  EXPECT_NEAR(c.projectToNdc({0, 4, 0}, 16.0f / 9.0f).y, 1.0f, kTol);
  EXPECT_NEAR(c.projectToNdc({64.0f / 9.0f, 0, 0}, 16.0f / 9.0f).x, 1.0f, kTol);
}

TEST(Camera, EulerZxyMatchesHandComputedRotation) {
  // R = Ry(theta) Rx(phi) Rz(gamma); third column = (sin t cos p, -sin p, cos t cos p).
  const Camera c = Camera::fromEuler({-40, -15, 0}, {-2, 0, 0}, 14);
  const glm::mat3 r = c.rotation();
  const float t = deg(-40), p = deg(-15);
  EXPECT_NEAR(r[2][0], std::sin(t) * std::cos(p), kTol);
  EXPECT_NEAR(r[2][1], -std::sin(p), kTol);
  EXPECT_NEAR(r[2][2], std::cos(t) * std::cos(p), kTol);
  const float f = 7.0f / std::tan(deg(22.5f));
  const glm::vec3 eye = c.eyePosition();
  EXPECT_NEAR(eye.x, -2 + f * std::sin(t) * std::cos(p), 1e-3f);
  EXPECT_NEAR(eye.y, f * -std::sin(p), 1e-3f);
  EXPECT_NEAR(eye.z, f * std::cos(t) * std::cos(p), 1e-3f);
  // The center projects to the middle of the image.
  const glm::vec2 px = c.projectToPixel({-2, 0, 0}, 1280, 720);
  EXPECT_NEAR(px.x, 640.0f, 1e-2f);
  EXPECT_NEAR(px.y, 360.0f, 1e-2f);
}

TEST(Camera, GammaRollsAboutZ) {
  const Camera c = Camera::fromEuler({0, 0, 30});
  const glm::mat3 r = c.rotation();
  EXPECT_NEAR(r[0][0], std::cos(deg(30)), kTol);  // first column = (cos g, sin g, 0)
  EXPECT_NEAR(r[0][1], std::sin(deg(30)), kTol);
}

TEST(Camera, EulerRoundTripForSeedOrientations) {
  const EulerDegrees cases[] = {{-40, -15, 0}, {-78, -10, 0}, {0, -37, 0}, {-51, -18, 0},
                                {-58, -12, 0}, {-3, -12, 0},  {20, 30, 10}};
  for (const auto& e : cases) {
    const EulerDegrees back = Camera::fromEuler(e).euler();
    EXPECT_NEAR(back.theta, e.theta, 1e-3f);
    EXPECT_NEAR(back.phi, e.phi, 1e-3f);
    EXPECT_NEAR(back.gamma, e.gamma, 1e-3f);
  }
}

TEST(Camera, SideViewSeesPointsAlongX) {
  // theta = -90: the eye sits on -x looking toward +x; +z is to the right of the image.
  const Camera c = Camera::fromEuler({-90, 0, 0});
  EXPECT_NEAR(c.eyePosition().x, -c.focalDistance(), 1e-3f);
  const glm::vec2 right = c.projectToPixel({0, 0, 1}, 1000, 1000);
  EXPECT_GT(right.x, 500.0f);
}

TEST(Camera, InterpolationIsNlerpAndLinear) {
  const Camera a = Camera::fromEuler({0, 0, 0}, {0, 0, 0}, 8);
  const Camera b = Camera::fromEuler({-90, 0, 0}, {2, 4, 6}, 16);
  const Camera mid = interpolate(a, b, 0.5f);
  EXPECT_NEAR(mid.euler().theta, -45.0f, 1e-3f);  // nlerp of a single-axis rotation halves it
  EXPECT_NEAR(mid.center.y, 2.0f, kTol);
  EXPECT_NEAR(mid.height, 12.0f, kTol);
  const Camera end = interpolate(a, b, 1.0f);
  EXPECT_NEAR(end.euler().theta, -90.0f, 1e-3f);
}

}  // namespace
}  // namespace flowview
