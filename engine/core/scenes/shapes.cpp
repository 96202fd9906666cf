#include "core/scenes/shapes.h"

#include <cmath>
#include <glm/geometric.hpp>

namespace flowview::shapes {
namespace {
constexpr float kPi = 3.14159265358979f;

void addQuad(std::vector<glm::vec3>& t, glm::vec3 a, glm::vec3 b, glm::vec3 c, glm::vec3 d) {
  t.insert(t.end(), {a, b, c, a, c, d});
}
}  // namespace

StrokeGeometry rectangleOutline(float w, float h, float stroke_width) {
  StrokeGeometry g;
  g.points = {{-w / 2, -h / 2, 0}, {w / 2, -h / 2, 0}, {w / 2, h / 2, 0}, {-w / 2, h / 2, 0}};
  g.closed = true;
  g.width = stroke_width;
  return g;
}

FillGeometry rectangleFill(float w, float h) {
  FillGeometry g;
  addQuad(g.triangles, {-w / 2, -h / 2, 0}, {w / 2, -h / 2, 0}, {w / 2, h / 2, 0},
          {-w / 2, h / 2, 0});
  return g;
}

std::vector<glm::vec3> arcPoints(glm::vec3 a, glm::vec3 b, float angle, int segments) {
  std::vector<glm::vec3> points;
  if (std::abs(angle) < 1e-4f || glm::length(b - a) < 1e-6f) {
    points = {a, b};
    return points;
  }
  const glm::vec3 chord = b - a;
  const float length = glm::length(chord);
  const glm::vec3 dir = chord / length;
  const glm::vec3 left(-dir.y, dir.x, 0.0f);  // arcs live in planes of constant z here
  const glm::vec3 center = 0.5f * (a + b) + left * (0.5f * length / std::tan(0.5f * angle));
  const glm::vec3 r = a - center;
  points.reserve(static_cast<size_t>(segments) + 1);
  for (int i = 0; i <= segments; ++i) {
    const float t = angle * static_cast<float>(i) / segments;
    const float c = std::cos(t), s = std::sin(t);
    points.push_back(center + glm::vec3(c * r.x - s * r.y, s * r.x + c * r.y, r.z));
  }
  return points;
}

FillGeometry arrowFill(glm::vec3 a, glm::vec3 b, float shaft_width, float tip_length,
                       float tip_width, glm::vec3 origin, glm::vec3 normal) {
  FillGeometry g;
  const glm::vec3 d = b - a;
  const float length = glm::length(d);
  if (length < 1e-6f) return g;
  const glm::vec3 dir = d / length;
  const glm::vec3 side = glm::normalize(glm::cross(normal, dir));
  tip_length = std::min(tip_length, 0.5f * length);
  const glm::vec3 neck = b - dir * tip_length;
  const glm::vec3 hs = side * (0.5f * shaft_width), ht = side * (0.5f * tip_width);
  addQuad(g.triangles, a - hs - origin, neck - hs - origin, neck + hs - origin, a + hs - origin);
  g.triangles.insert(g.triangles.end(), {neck - ht - origin, b - origin, neck + ht - origin});
  return g;
}

FillGeometry arrowTip(glm::vec3 tip, glm::vec3 direction, float length, float width) {
  FillGeometry g;
  const glm::vec3 dir = glm::normalize(direction);
  const glm::vec3 side(-dir.y, dir.x, 0.0f);
  const glm::vec3 base = tip - dir * length;
  g.triangles = {base - side * (0.5f * width), tip, base + side * (0.5f * width)};
  return g;
}

StrokeGeometry bracket(float height, float serif, bool left, float stroke_width) {
  // Drawn like TeX's big bracket, a filled glyph with a black backstroke: a full-width stem and
  // arms that thin toward their ends, flat in its plane (edge-on it is a hairline, not a bar).
  StrokeGeometry g;
  const float s = left ? serif : -serif;
  g.points = {{s, height / 2, 0}, {0, height / 2, 0}, {0, -height / 2, 0}, {s, -height / 2, 0}};
  g.width = stroke_width;
  g.widths = {kBracketArmEnd * stroke_width, stroke_width, stroke_width,
              kBracketArmEnd * stroke_width};
  g.backstroke_width = kBracketBackstroke;
  g.flat = true;
  return g;
}

StrokeGeometry brace(float length, float depth, bool point_left, float stroke_width) {
  // A curly brace along y: the ends sit at x = 0, the body at depth / 2 and the tip at depth,
  // toward -x when `point_left`. Quarter turns are cubic Beziers.
  StrokeGeometry g;
  const float h = 0.5f * length, s = point_left ? -1.0f : 1.0f;
  const float r = std::min(0.5f * depth, 0.25f * h);  // radius of the turns
  const float body = s * 0.5f * depth, tip = s * depth;
  auto add = [&](const std::vector<glm::vec3>& pts) {
    for (const auto& p : pts) {
      if (g.points.empty() || glm::length(g.points.back() - p) > 1e-6f) g.points.push_back(p);
    }
  };
  constexpr float k = 0.5523f;  // cubic approximation of a quarter circle
  add(cubicBezier({0, h, 0}, {body * k, h, 0}, {body, h - r * (1 - k), 0}, {body, h - r, 0}, 8));
  add(cubicBezier({body, r, 0}, {body, r * (1 - k), 0}, {body + (tip - body) * (1 - k), 0, 0},
                  {tip, 0, 0}, 8));
  add(cubicBezier({tip, 0, 0}, {body + (tip - body) * (1 - k), 0, 0}, {body, -r * (1 - k), 0},
                  {body, -r, 0}, 8));
  add(cubicBezier({body, -h + r, 0}, {body, -h + r * (1 - k), 0}, {body * k, -h, 0}, {0, -h, 0},
                  8));
  g.width = stroke_width;
  return g;
}

FillGeometry dots(int count, float radius, float gap, glm::vec3 direction) {
  FillGeometry g;
  const glm::vec3 dir = glm::normalize(direction);
  constexpr int kSides = 12;
  for (int i = 0; i < count; ++i) {
    const glm::vec3 c = dir * (gap * (static_cast<float>(i) - 0.5f * (count - 1)));
    std::vector<glm::vec3>& rim = g.outlines.emplace_back();
    for (int k = 0; k < kSides; ++k) {
      const float a0 = 2 * kPi * k / kSides, a1 = 2 * kPi * (k + 1) / kSides;
      rim.push_back(c + radius * glm::vec3(std::cos(a0), std::sin(a0), 0));
      g.triangles.insert(g.triangles.end(),
                         {c, rim.back(), c + radius * glm::vec3(std::cos(a1), std::sin(a1), 0)});
    }
  }
  return g;
}

std::vector<glm::vec3> cubicBezier(glm::vec3 p0, glm::vec3 p1, glm::vec3 p2, glm::vec3 p3,
                                   int segments) {
  std::vector<glm::vec3> points;
  for (int i = 0; i <= segments; ++i) {
    const float t = static_cast<float>(i) / segments, u = 1 - t;
    points.push_back(u * u * u * p0 + 3 * u * u * t * p1 + 3 * u * t * t * p2 + t * t * t * p3);
  }
  return points;
}

}  // namespace flowview::shapes
