#include "core/draw/veils.h"

#include <algorithm>
#include <cmath>

namespace flowview {
namespace {

// Does the segment [p, q] meet the axis-aligned box of half extents `half` about the origin?
// Separating axes (the box's three, and their cross products with the segment): no division,
// which matters at a few thousand segments a frame.
bool segmentMeetsBox(glm::vec3 p, glm::vec3 q, glm::vec3 half) {
  const glm::vec3 mid = 0.5f * (p + q), d = 0.5f * (q - p);
  const glm::vec3 ad = glm::abs(d) + glm::vec3(1e-6f);  // keeps near-parallel axes robust
  if (std::abs(mid.x) > half.x + ad.x || std::abs(mid.y) > half.y + ad.y ||
      std::abs(mid.z) > half.z + ad.z)
    return false;
  if (std::abs(mid.y * d.z - mid.z * d.y) > half.y * ad.z + half.z * ad.y) return false;
  if (std::abs(mid.z * d.x - mid.x * d.z) > half.x * ad.z + half.z * ad.x) return false;
  if (std::abs(mid.x * d.y - mid.y * d.x) > half.x * ad.y + half.y * ad.x) return false;
  return true;
}

bool finite(glm::vec3 v) {
  return std::isfinite(v.x) && std::isfinite(v.y) && std::isfinite(v.z);
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

void Veils::prepare(glm::vec3 eye, float clearance) {
  closed_.clear();
  eye_ = eye;
  for (const Box& b : boxes_) {
    const float weakest = *std::min_element(b.face_opacity, b.face_opacity + 6);
    if (!(weakest > 0.01f)) continue;  // open on one side (or not there): lets light through
    const glm::quat inverse = glm::inverse(b.rotation);
    const glm::vec3 eye_local = inverse * (eye - b.center);
    // Not finite (a broken pose) or around the eye, near plane included: no bound.
    if (!finite(eye_local) || !finite(b.half)) continue;
    if (glm::all(glm::lessThanEqual(glm::abs(eye_local), b.half + glm::vec3(clearance)))) continue;
    const bool axis_aligned = b.rotation == glm::quat(1.0f, 0.0f, 0.0f, 0.0f);
    const glm::mat3 axes = glm::mat3_cast(b.rotation);
    glm::vec3 reach(0.0f);  // half extents of the rotated box along the world axes
    for (int i = 0; i < 3; ++i) reach += glm::abs(axes[i]) * b.half[i];
    closed_.push_back({b.center, inverse, axis_aligned, b.half, eye_local, 1.0f - weakest,
                       glm::length(eye - b.center), b.center - reach, b.center + reach});
  }
  // Nearer boxes hide more: testing them first lets transmittance() stop sooner.
  std::sort(closed_.begin(), closed_.end(),
            [](const Closed& x, const Closed& y) { return x.distance < y.distance; });
}

uint64_t Veils::candidatesFor(glm::vec3 lo, glm::vec3 hi, float margin) const {
  // Every sight line to the box [lo, hi] lies in the bounds of it and the eye.
  const glm::vec3 reach_lo = glm::min(lo, eye_) - glm::vec3(margin);
  const glm::vec3 reach_hi = glm::max(hi, eye_) + glm::vec3(margin);
  uint64_t mask = ~uint64_t{0};
  for (size_t i = 0; i < closed_.size() && i < 64; ++i) {
    const Closed& box = closed_[i];
    if (glm::any(glm::lessThan(box.world_hi, reach_lo)) ||
        glm::any(glm::greaterThan(box.world_lo, reach_hi)))
      mask &= ~(uint64_t{1} << i);
  }
  return mask;
}

float Veils::transmittance(const glm::vec3* points, int count, float margin, float enough,
                           uint64_t candidates) const {
  float light = 1.0f;
  glm::vec3 local[8];
  count = std::min(count, 8);
  for (size_t index = 0; index < closed_.size(); ++index) {
    if (index < 64 && !(candidates & (uint64_t{1} << index))) continue;
    const Closed& box = closed_[index];
    const glm::vec3 shrunk = box.half - glm::vec3(margin);
    if (shrunk.x <= 0.0f || shrunk.y <= 0.0f || shrunk.z <= 0.0f) continue;
    const glm::vec3 grown = box.half + glm::vec3(margin);
    // The eye must be outside the grown box, or the sight line may start past a face.
    if (glm::all(glm::lessThanEqual(glm::abs(box.eye_local), grown))) continue;
    // Every corner seen through the shrunk box: so is every point within `margin` of their hull.
    bool seen_through = true;
    glm::vec3 lo(1e30f), hi(-1e30f);
    for (int i = 0; i < count && seen_through; ++i) {
      local[i] = points[i] - box.center;
      if (!box.axis_aligned) local[i] = box.inverse_rotation * local[i];
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
    if (light <= enough) break;
  }
  return light;
}

}  // namespace flowview
