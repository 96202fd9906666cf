#pragma once
// Veils: closed translucent boxes (the Attention and MLP blocks) and how much light from what
// lies inside or behind them can still reach the eye. The batcher asks it for an upper bound on
// that fraction and leaves out elements whose light would change no pixel: the MLP networks of
// earlier layers sit behind two to seven block faces at 0.75 opacity each.
//
// The bound is exact geometry, not a heuristic. For a box B and the eye e outside it:
//  - the set of points p whose sight line [e, p] meets B is convex (for p1, p2 in it, the sight
//    line to any point between them crosses the chord joining the points where [e, p1] and
//    [e, p2] meet B, and that chord lies in B), so when both ends of a segment see through B,
//    every point of it does: at least one face of B (the one the sight line enters) tints it;
//  - a point outside B whose sight line meets B is beyond it: two faces tint it.
// Every box face is drawn after the elements it tints, blending (1 - alpha) of what is under it,
// so a point seen through k faces of opacity >= a keeps at most (1 - a)^k of its light.
// Pixels a few pixels off the element (line width, anti-aliased rims) are covered by a margin:
// boxes are shrunk by it for "sees through" and grown by it for "lies outside".
#include <cstdint>
#include <glm/gtc/quaternion.hpp>
#include <glm/vec3.hpp>
#include <vector>

#include "core/scene/pose.h"

namespace flowview {

class Veils {
 public:
  void clear();
  // One box element's faces (bit i of `face_mask`: +x, -x, +y, -y, +z, -z) at `opacity`. Faces of
  // elements with the same pose and size add up to one box (the blocks' body and front face).
  void addBoxFaces(const Pose& pose, glm::vec3 size, unsigned face_mask, float opacity);
  // Call once after the last addBoxFaces of a frame. Keeps the boxes closed on all six sides and
  // farther than `clearance` from the eye: a face nearer than the near clipping plane is not
  // drawn (clearance: the distance from the eye to the near plane's corners).
  void prepare(glm::vec3 eye, float clearance = 0.0f);
  bool empty() const { return closed_.empty(); }
  size_t closedCount() const { return closed_.size(); }

  // Upper bound on the fraction of light that reaches the eye from any point within `margin`
  // (world units) of the convex hull of `points` (a segment, a sphere's center, a text's corners;
  // at most 8). 1 when no veil is in the way. Stops early once the bound is at most `enough`.
  float transmittance(const glm::vec3* points, int count, float margin, float enough = 0.0f,
                      uint64_t candidates = ~uint64_t{0}) const;
  // The veils that may lie on a sight line to anything in the world box [lo, hi] grown by
  // `margin`, as a mask for transmittance() (bit i: the i-th veil; veils past 64 always count).
  // Worked out once per element, it spares each of its lines the veils behind it.
  uint64_t candidatesFor(glm::vec3 lo, glm::vec3 hi, float margin) const;
  // True when no veil counts under `candidates`.
  bool noneAmong(uint64_t candidates) const { return candidates == 0 && closed_.size() <= 64; }
  float transmittance(glm::vec3 a, glm::vec3 b, float margin) const {
    const glm::vec3 ends[2] = {a, b};
    return transmittance(ends, 2, margin);
  }

 private:
  struct Box {
    glm::vec3 center;
    glm::quat rotation;  // world from box axes
    glm::vec3 half;      // half extents along the box axes, world units
    float face_opacity[6];
  };
  struct Closed {
    glm::vec3 center;
    glm::quat inverse_rotation;  // box axes from world
    bool axis_aligned;           // no rotation: the blocks (skips a quaternion per point)
    glm::vec3 half;
    glm::vec3 eye_local;
    float clearness;               // 1 - the smallest face opacity
    float distance;                // from the eye: the nearest are tested first
    glm::vec3 world_lo, world_hi;  // world-axis bounds
  };
  std::vector<Box> boxes_;
  std::vector<Closed> closed_;
  glm::vec3 eye_{0.0f};
};

}  // namespace flowview
