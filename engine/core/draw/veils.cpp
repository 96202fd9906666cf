#include "core/draw/veils.h"

#include <algorithm>
#include <cmath>

namespace flowview {
namespace {

// Does the segment [p, q] meet the axis-aligned box of half extents `half` about the origin?
// Slab test.
bool segmentMeetsBox(glm::vec3 p, glm::vec3 q, glm::vec3 half) {
  float t0 = 0.0f, t1 = 1.0f;
  const glm::vec3 d = q - p;
  for (int i = 0; i < 3; ++i) {
    if (std::abs(d[i]) < 1e-12f) {
      if (std::abs(p[i]) > half[i]) return false;
      continue;
    }
    const float inv = 1.0f / d[i];
    float ta = (-half[i] - p[i]) * inv, tb = (half[i] - p[i]) * inv;
    if (ta > tb) std::swap(ta, tb);
    t0 = std::max(t0, ta);
    t1 = std::min(t1, tb);
    if (t0 > t1) return false;
  }
  return true;
}

bool sameBox(const Pose& pose, glm::vec3 half, glm::vec3 center, glm::quat rotation,
             glm::vec3 other_half) {
  return center == pose.position && rotation == pose.rotation && half == other_half;
}

}  // namespace

void Veils::clear() {
  boxes_.clear();
  closed_.clear();
}

void Veils::addBoxFaces(const Pose& pose, glm::vec3 size, unsigned face_mask, float opacity) {
  const glm::vec3 half = 0.5f * glm::abs(size * pose.scale);
  Box* box = nullptr;
  for (Box& b : boxes_) {
    if (sameBox(pose, half, b.center, b.rotation, b.half)) box = &b;
  }
  if (!box) {
    boxes_.push_back({pose.position, pose.rotation, half, {0, 0, 0, 0, 0, 0}});
    box = &boxes_.back();
  }
  const float a = std::clamp(opacity, 0.0f, 1.0f);
  for (int face = 0; face < 6; ++face) {
    if (!(face_mask & (1u << face))) continue;
    // Two coincident faces tint like one of their combined opacity.
    box->face_opacity[face] = 1.0f - (1.0f - box->face_opacity[face]) * (1.0f - a);
  }
}

void Veils::prepare(glm::vec3 eye) {
  closed_.clear();
  for (const Box& b : boxes_) {
    const float weakest = *std::min_element(b.face_opacity, b.face_opacity + 6);
    if (!(weakest > 0.01f)) continue;  // open on one side (or not there): lets light through
    const glm::quat inverse = glm::inverse(b.rotation);
    const glm::vec3 eye_local = inverse * (eye - b.center);
    if (glm::all(glm::lessThanEqual(glm::abs(eye_local), b.half))) continue;  // eye inside
    closed_.push_back({b.center, inverse, b.half, eye_local, 1.0f - weakest});
  }
}

float Veils::transmittance(const glm::vec3* points, int count, float margin) const {
  float light = 1.0f;
  glm::vec3 local[8];
  count = std::min(count, 8);
  for (const Closed& box : closed_) {
    const glm::vec3 shrunk = box.half - glm::vec3(margin);
    if (shrunk.x <= 0.0f || shrunk.y <= 0.0f || shrunk.z <= 0.0f) continue;
    const glm::vec3 grown = box.half + glm::vec3(margin);
    // The eye must be outside the grown box, or the sight line may start past a face.
    if (glm::all(glm::lessThanEqual(glm::abs(box.eye_local), grown))) continue;
    // Every corner seen through the shrunk box: so is every point within `margin` of their hull.
    bool seen_through = true;
    glm::vec3 lo(1e30f), hi(-1e30f);
    for (int i = 0; i < count && seen_through; ++i) {
      local[i] = box.inverse_rotation * (points[i] - box.center);
      seen_through = segmentMeetsBox(box.eye_local, local[i], shrunk);
      lo = glm::min(lo, local[i]);
      hi = glm::max(hi, local[i]);
    }
    if (!seen_through) continue;
    // Entirely outside the box as well (their bounding box misses it): beyond it, behind two of
    // its faces. A segment is tested exactly.
    const bool outside =
        count == 2 ? !segmentMeetsBox(local[0], local[1], grown)
                   : glm::any(glm::greaterThan(lo, grown)) || glm::any(glm::lessThan(hi, -grown));
    light *= outside ? box.clearness * box.clearness : box.clearness;
  }
  return light;
}

}  // namespace flowview
