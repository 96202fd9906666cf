#include "core/scenes/outlines.h"

#include <algorithm>
#include <cmath>

#include <glm/geometric.hpp>

#include "core/scenes/shapes.h"

namespace flowview::shapes {
namespace {
constexpr float kPi = 3.14159265358979f;
}  // namespace

// A closed outline of a rectangle with round corners (radius 0: sharp corners).
std::vector<glm::vec3> roundedRectanglePoints(float w, float h, float radius) {
  if (radius <= 0.0f)
    return {{-w / 2, -h / 2, 0}, {w / 2, -h / 2, 0}, {w / 2, h / 2, 0}, {-w / 2, h / 2, 0}};
  std::vector<glm::vec3> points;
  constexpr int kSteps = 8;
  const glm::vec2 centers[4] = {{w / 2 - radius, -h / 2 + radius},
                                {w / 2 - radius, h / 2 - radius},
                                {-w / 2 + radius, h / 2 - radius},
                                {-w / 2 + radius, -h / 2 + radius}};
  for (int corner = 0; corner < 4; ++corner) {
    const float start = -0.5f * kPi + 0.5f * kPi * static_cast<float>(corner);
    for (int i = 0; i <= kSteps; ++i) {
      const float a = start + 0.5f * kPi * static_cast<float>(i) / kSteps;
      points.push_back(
          {centers[corner].x + radius * std::cos(a), centers[corner].y + radius * std::sin(a), 0});
    }
  }
  return points;
}

// Triangle fan over a convex closed outline.
FillGeometry convexFill(const std::vector<glm::vec3>& outline) {
  FillGeometry g;
  glm::vec3 center(0.0f);
  for (const auto& p : outline) center += p;
  center /= static_cast<float>(outline.size());
  for (size_t i = 0; i < outline.size(); ++i) {
    g.triangles.insert(g.triangles.end(), {center, outline[i], outline[(i + 1) % outline.size()]});
  }
  return g;
}

std::vector<glm::vec3> circlePoints(float radius) {
  std::vector<glm::vec3> points;
  constexpr int kSides = 64;
  for (int i = 0; i < kSides; ++i) {
    const float a = 2 * kPi * static_cast<float>(i) / kSides;
    points.push_back({radius * std::cos(a), radius * std::sin(a), 0});
  }
  return points;
}

// Replaces each inner corner of a polyline by a circular fillet of `radius` (limited to half of
// the shorter neighbouring segment).
std::vector<glm::vec3> filletCorners(const std::vector<glm::vec3>& points, float radius) {
  if (radius <= 0.0f || points.size() < 3) return points;
  std::vector<glm::vec3> out{points.front()};
  for (size_t i = 1; i + 1 < points.size(); ++i) {
    const glm::vec3 p = points[i];
    const glm::vec3 a = points[i - 1] - p, b = points[i + 1] - p;
    const float la = glm::length(a), lb = glm::length(b);
    if (la < 1e-6f || lb < 1e-6f) continue;
    const glm::vec3 da = a / la, db = b / lb;
    const float cos_angle = std::clamp(glm::dot(da, db), -1.0f, 1.0f);
    const float angle = std::acos(cos_angle);  // between the two legs
    if (angle > kPi - 1e-3f || angle < 1e-3f) {
      out.push_back(p);
      continue;
    }
    // Tangent distance from the corner for a fillet of `radius`.
    float r = radius;
    float d = r / std::tan(0.5f * angle);
    const float limit = 0.5f * std::min(la, lb);
    if (d > limit) {
      d = limit;
      r = d * std::tan(0.5f * angle);
    }
    const glm::vec3 p0 = p + da * d, p1 = p + db * d;
    // Quadratic-ish circular approximation through the two tangent points: sample a cubic Bezier.
    const float k = 4.0f / 3.0f * std::tan(0.25f * (kPi - angle));
    const auto curve = cubicBezier(p0, p0 - da * (k * r), p1 - db * (k * r), p1, 8);
    out.insert(out.end(), curve.begin(), curve.end());
  }
  out.push_back(points.back());
  return out;
}

}  // namespace flowview::shapes
