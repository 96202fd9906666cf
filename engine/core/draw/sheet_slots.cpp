#include "core/draw/sheet_slots.h"

#include <algorithm>
#include <cmath>
#include <glm/geometric.hpp>
#include <glm/vec4.hpp>
#include <glm/vector_relational.hpp>

namespace flowview {
namespace {

// Whether the segment from `from` to `to` crosses the triangle (a, b, c) strictly between its
// ends (Moller-Trumbore).
bool segmentCrosses(glm::vec3 from, glm::vec3 to, glm::vec3 a, glm::vec3 b, glm::vec3 c) {
  const glm::vec3 d = to - from, e1 = b - a, e2 = c - a;
  const glm::vec3 p = glm::cross(d, e2);
  const float det = glm::dot(e1, p);
  if (std::abs(det) < 1e-12f) return false;  // parallel to the triangle
  const float inv = 1.0f / det;
  const glm::vec3 s = from - a;
  const float u = glm::dot(s, p) * inv;
  if (u < 0.0f || u > 1.0f) return false;
  const glm::vec3 q = glm::cross(s, e1);
  const float v = glm::dot(d, q) * inv;
  if (v < 0.0f || u + v > 1.0f) return false;
  const float t = glm::dot(e2, q) * inv;
  return t > 1e-4f && t < 1.0f - 1e-4f;
}

}  // namespace

void SheetSlots::prepare(const std::vector<MeshVertex>& vertices,
                         const std::vector<uint32_t>& sheet_ends,
                         const std::vector<SheetBox>& boxes, glm::vec3 eye,
                         const glm::mat4& view_proj) {
  vertices_ = &vertices;
  eye_ = eye;
  view_proj_ = view_proj;
  sheets_.clear();
  uint32_t first = 0;
  for (uint32_t end : sheet_ends) {
    Sheet sheet{glm::vec2(1e30f),
                glm::vec2(-1e30f),
                false,
                first,
                end,
                sheets_.size() < boxes.size() ? boxes[sheets_.size()]
                                              : SheetBox{glm::vec3(1e30f), glm::vec3(-1e30f)}};
    for (uint32_t v = first; v < end; ++v) {
      const glm::vec4 clip = view_proj * glm::vec4(vertices[v].position, 1.0f);
      if (clip.w <= 1e-6f) {
        sheet.anywhere = true;
        break;
      }
      const glm::vec2 ndc = glm::vec2(clip) / clip.w;
      sheet.lo = glm::min(sheet.lo, ndc);
      sheet.hi = glm::max(sheet.hi, ndc);
    }
    sheets_.push_back(sheet);
    first = end;
  }
}

SheetSlots::Place SheetSlots::place(glm::vec3 p) const {
  const glm::vec4 clip = view_proj_ * glm::vec4(p, 1.0f);
  const bool on_screen = clip.w > 1e-6f;
  const glm::vec2 ndc = on_screen ? glm::vec2(clip) / clip.w : glm::vec2(0.0f);
  for (uint32_t i = 0; i < sheets_.size(); ++i) {
    const Sheet& sheet = sheets_[i];
    if (on_screen && !sheet.anywhere &&
        (ndc.x < sheet.lo.x || ndc.x > sheet.hi.x || ndc.y < sheet.lo.y || ndc.y > sheet.hi.y))
      continue;
    if (glm::all(glm::greaterThanEqual(p, sheet.box.lo)) &&
        glm::all(glm::lessThanEqual(p, sheet.box.hi)))
      return {i, true};  // inside this sheet's box, and on screen within the sheet's bounds
    const std::vector<MeshVertex>& v = *vertices_;
    for (uint32_t k = sheet.first; k + 3 <= sheet.end; k += 3) {
      if (segmentCrosses(eye_, p, v[k].position, v[k + 1].position, v[k + 2].position))
        return {i, false};
    }
  }
  return {sheetCount(), false};
}

void SheetSlots::assign(DrawBatches& out) {
  const uint32_t slots = sheetCount() + 1;
  const auto keyOf = [this](glm::vec3 p, float width, uint32_t index) {
    const Place at = sheets_.empty() ? Place{0u, false} : place(p);
    return Key{at.slot, at.boxed, width, index};
  };
  const auto by_slot = [](const Key& a, const Key& b) {
    if (a.slot != b.slot) return a.slot < b.slot;
    if (a.boxed != b.boxed) return !a.boxed;
    return a.width < b.width;
  };
  // Counts per slot (and of its open ones) -> running ends (and where its boxed ones start).
  const auto tally = [&](std::vector<uint32_t>& ends, std::vector<uint32_t>& boxed) {
    ends.assign(slots, 0);
    boxed.assign(slots, 0);
    for (const Key& key : keys_) {
      ++ends[key.slot];
      boxed[key.slot] += !key.boxed;
    }
    uint32_t before = 0;
    for (uint32_t s = 0; s < slots; ++s) {
      boxed[s] += before;
      ends[s] += before;
      before = ends[s];
    }
  };
  // Spheres: by slot, in their order otherwise.
  std::vector<SphereInstance>& spheres = out.spheres[1];
  keys_.clear();
  for (uint32_t i = 0; i < spheres.size(); ++i) keys_.push_back(keyOf(spheres[i].center, 0.0f, i));
  std::stable_sort(keys_.begin(), keys_.end(), by_slot);
  sphere_scratch_.resize(spheres.size());
  for (size_t k = 0; k < keys_.size(); ++k) sphere_scratch_[k] = spheres[keys_[k].index];
  tally(out.sphere_slot_ends, out.sphere_slot_boxed);
  spheres.swap(sphere_scratch_);
  // Lines: by slot (their midpoint's), then by width (one draw per width).
  keys_.clear();
  for (uint32_t i = 0; i < out.lines.size(); ++i) {
    const StrokeInstance& line = out.lines[i];
    keys_.push_back(keyOf(0.5f * (line.a + line.b), line.width_a, i));
  }
  std::stable_sort(keys_.begin(), keys_.end(), by_slot);
  line_scratch_.resize(out.lines.size());
  for (size_t k = 0; k < keys_.size(); ++k) line_scratch_[k] = out.lines[keys_[k].index];
  tally(out.line_slot_ends, out.line_slot_boxed);
  out.lines.swap(line_scratch_);
}

}  // namespace flowview
