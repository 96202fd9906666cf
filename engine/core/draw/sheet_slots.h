#pragma once
// Where translucent spheres and lines go among the translucent sheets (block faces and fills,
// sorted back to front). A sheet drawn after them covers them wherever it lies in front of them,
// and blending order matters: each one is drawn just before the first sheet, back to front, that
// crosses its sight line (lies between the eye and it) or that belongs to a box around it, and
// after every sheet before that one. They write depth (Renderer::drawSlot, as manimgl's
// depth-tested neurons and lines do), so the faces of their own box that lie behind them are
// hidden where they are. Not by those inside a block (boxed): manimgl draws a block's body
// after its network without a depth test, so every face of the block veils the network, the far
// ones too; the boxed ones mark the stencil, and the sheets ignore their depth there.
#include <cstdint>
#include <glm/mat4x4.hpp>
#include <glm/vec2.hpp>
#include <glm/vec3.hpp>
#include <vector>

#include "core/draw/draw_batches.h"

namespace flowview {

class SheetSlots {
 public:
  // `sheet_ends[i]`: one past the last vertex of sheet i in `vertices` (whole triangles).
  // `boxes[i]`: the world bounds of the box sheet i belongs to (none: lo > hi).
  void prepare(const std::vector<MeshVertex>& vertices, const std::vector<uint32_t>& sheet_ends,
               const std::vector<SheetBox>& boxes, glm::vec3 eye, const glm::mat4& view_proj);
  // The index of the first sheet crossing the segment from the eye to `p` or around `p` and in
  // front of it on screen; the sheet count when none is (drawn after them all).
  uint32_t slotOf(glm::vec3 p) const { return place(p).slot; }
  // The slot, and whether it was chosen by a box around `p` (p is inside a translucent block).
  struct Place {
    uint32_t slot;
    bool boxed;
  };
  Place place(glm::vec3 p) const;
  uint32_t sheetCount() const { return static_cast<uint32_t>(sheets_.size()); }

  // Reorders out.spheres[1] and out.lines by slot, within a slot the open ones (no box around
  // them) before the boxed ones (lines keep their width order within each), and writes
  // out.sphere_slot_ends / out.line_slot_ends and out.sphere_slot_boxed / out.line_slot_boxed.
  // `prepare` must have been called with out.box_faces and out.sheet_ends.
  void assign(DrawBatches& out);

 private:
  struct Sheet {
    glm::vec2 lo, hi;  // on-screen bounds (normalized device coordinates)
    bool anywhere;     // a vertex behind the eye: the bounds say nothing
    uint32_t first, end;
    SheetBox box;
  };
  struct Key {
    uint32_t slot;
    bool boxed;
    float width;
    uint32_t index;
  };
  std::vector<Sheet> sheets_;
  const std::vector<MeshVertex>* vertices_ = nullptr;
  glm::vec3 eye_{0.0f};
  glm::mat4 view_proj_{1.0f};
  std::vector<Key> keys_;
  std::vector<SphereInstance> sphere_scratch_;
  std::vector<StrokeInstance> line_scratch_;
};

}  // namespace flowview
