#pragma once
// Turns an evaluated frame into a few flat instance arrays, one per GPU pipeline, so the
// renderer issues a small fixed number of draw calls whatever the number of elements. Pure CPU
// (no GL): unit-tested and benchmarked on its own. Buffers are reused between frames.
#include <glm/mat4x4.hpp>
#include <glm/vec3.hpp>
#include <glm/vec4.hpp>
#include <vector>

#include "core/draw/veils.h"
#include "core/scene/frame_state.h"
#include "core/scene/scene.h"

namespace flowview::text {
class GlyphAtlas;
struct TextLayout;
}  // namespace flowview::text

namespace flowview {

struct GlyphInstance {
  glm::vec3 origin;  // world position of the quad's bottom-left corner
  float outline_px;  // black backstroke width in pixels at 1080p
  glm::vec3 axis_x;  // world vector along the quad's width
  float em_pixels_hint;
  glm::vec3 axis_y;  // world vector along the quad's height
  float pad;
  glm::vec4 uv;     // u0, v0, u1, v1 in the atlas
  glm::vec4 color;  // rgb + opacity
};

struct StrokeInstance {
  glm::vec3 a;
  float width_a;  // manim stroke width at a; negative (both ends): a black backstroke
  glm::vec3 b;
  float width_b;
  glm::vec4 color;
};

struct MeshVertex {
  glm::vec3 position;
  float lit;  // 1: shaded with the scene light, 0: flat color
  glm::vec3 normal;
  float pad;
  glm::vec4 color;
};

// World bounds of the box a translucent sheet belongs to (a fill: lo > hi, none).
struct SheetBox {
  glm::vec3 lo, hi;
};

class SheetSlots;

struct SphereInstance {
  glm::vec3 center;
  float radius;
  glm::vec4 color;
};

// Per pass: [0] opaque (writes depth), [1] translucent (drawn after, no depth write).
struct DrawBatches {
  std::vector<MeshVertex> fills[2];
  std::vector<StrokeInstance> strokes[2];
  std::vector<SphereInstance> spheres[2];
  std::vector<GlyphInstance> glyphs[2];
  // Translucent straight segments of constant width (LineGeometry: the MLP connections), grouped
  // by slot, then by width. Drawn in the translucent pass (slot 0 before `strokes[1]`); a
  // renderer may draw them as wide GL lines, one primitive each instead of two long slivers.
  std::vector<StrokeInstance> lines;
  // Translucent sheets sorted back to front, drawn after all other translucent content: the
  // blocks' faces and every translucent fill (element by element), so a fill darkens the block
  // faces behind it and is tinted by those in front (the focus backdrop behind the last layer).
  std::vector<MeshVertex> box_faces;
  // One past the last vertex of each sheet in box_faces.
  std::vector<uint32_t> sheet_ends;
  // spheres[1] and lines in slots (SheetSlots): slot s, [ends[s - 1], ends[s]), is drawn after
  // sheet s - 1 and before sheet s; one slot more than sheets (empty when there are none).
  std::vector<uint32_t> sphere_slot_ends, line_slot_ends;
  // Where slot s's boxed ones (inside a translucent block: the sheets ignore their depth) start
  // (Renderer::drawSlot).
  std::vector<uint32_t> sphere_slot_boxed, line_slot_boxed;
  // Drawn after the box faces, without depth writes (ElementState::over_blocks).
  std::vector<MeshVertex> front_fills;
  std::vector<StrokeInstance> front_strokes;
  std::vector<GlyphInstance> front_glyphs;

  void clear();
  size_t instanceCount() const;
};

class Batcher {
 public:
  explicit Batcher(text::GlyphAtlas& atlas);
  ~Batcher();
  void build(const Scene& scene, const FrameState& state, DrawBatches& out);
  // The target's size in pixels: level of detail and culling depend on it.
  void setViewport(int width, int height);
  // Grid columns drawn as numbers / as bars / culled in the last build (for bench and tests).
  struct GridStats {
    size_t number_columns = 0, bar_columns = 0, slabs = 0, culled_columns = 0;
  };
  // Lines, spheres, glyphs, strokes (whole polylines) and fill triangles left out in the last build
  // because the block faces in front of them let through too little of their light to change a
  // pixel (see Veils).
  struct VeiledStats {
    size_t lines = 0, spheres = 0, glyphs = 0, strokes = 0, fill_triangles = 0;
  };
  const VeiledStats& veiledStats() const { return veiled_stats_; }
  // On by default; off draws everything (tests compare the two pictures).
  void setVeilCulling(bool on) { veil_culling_ = on; }
  // Elements whose light at the eye stays below this fraction are left out (Veils). The bound is
  // per element: left-out elements that overlap add up (in the worst case, many faint lines
  // meeting at one point inside a block would show). On the main scene's network frames, 4x
  // multisampled, the picture changes by at most 4/255 with the live threshold and 2/255 with
  // the stills' (tests/render/veils_test.cpp). Live views trade those levels for about 2 ms a
  // frame on a software rasterizer; stills (`render`, `export`, screenshots) take the stricter.
  static constexpr float kLiveInvisibleLight = 4.0f / 255.0f;
  static constexpr float kStillInvisibleLight = 2.0f / 255.0f;
  void setInvisibleLight(float fraction) { invisible_light_ = fraction; }
  const GridStats& gridStats() const { return grid_stats_; }

 private:
  void addText(const Scene& scene, const Element& e, const ElementState& s, const Veils* veils,
               DrawBatches& out);
  // True when everything within `margin_px` pixels plus `margin_world` of the hull of `points`,
  // at `opacity`, would reach the eye below invisible_light_.
  bool veiled(const Veils& veils, const glm::vec3* points, int count, float margin_px,
              float margin_world, float opacity, uint64_t candidates = ~uint64_t{0}) const;
  // Veils::candidatesFor an element whose parts lie in the local box [local_lo, local_hi].
  uint64_t veilCandidates(const Veils& veils, glm::vec3 local_lo, glm::vec3 local_hi,
                          const Pose& pose, float margin_px, float margin_world) const;
  // veiled() for everything within the bounding box of `local_points` placed by `pose`.
  bool pointsVeiled(const Veils& veils, const std::vector<glm::vec3>& local_points,
                    const Pose& pose, float margin_px, float opacity) const;
  bool textIsVeiled(const text::TextLayout& layout, float shift, float em, const Pose& pose,
                    float outline_px, float opacity, const Veils& veils) const;
  void addStroke(const StrokeGeometry& g, const ElementState& s, const glm::vec4& color,
                 const Veils* veils, DrawBatches& out);
  void addFill(const FillGeometry& g, const ElementState& s, const glm::vec4& color,
               const Veils* veils, DrawBatches& out);
  void addBox(const BoxGeometry& g, const ElementState& s, const glm::vec4& color,
              DrawBatches& out);
  // `veils`: the block faces drawn over the element, or null when none are (over_blocks).
  void addSpheres(const SphereGeometry& g, const ElementState& s, const glm::vec4& color,
                  const Veils* veils, DrawBatches& out);
  void addLines(const LineGeometry& g, const ElementState& s, float opacity, const Veils* veils,
                DrawBatches& out);
  void collectVeils(const Scene& scene, const FrameState& state);
  // Sorts out.box_faces and the frame's translucent fills together, back to front.
  void sortSheets(DrawBatches& out);
  // World units covered by `pixels` on screen at `distance` from the eye.
  float worldPerPixels(float pixels, float distance) const {
    return pixels * distance / pixels_per_unit_at_1_;
  }
  // On-screen pixels of one manim stroke-width unit (the renderer's rule: 1% of 8 units' height).
  float pixelsPerStrokeWidth() const { return 0.01f * viewport_h_ / 8.0f; }
  void addGrid(const GridGeometry& g, const ElementState& s, DrawBatches& out);
  void addNumber(float value, int decimals, float em, const Pose& pose, glm::vec3 local, Rgb rgb,
                 float opacity, float outline_px, DrawBatches& out);

  text::GlyphAtlas& atlas_;
  text::TextLayout* scratch_layout_;  // reused for text laid out per frame (numbers)
  SheetSlots* sheet_slots_;           // places translucent spheres and lines among the sheets
  std::string scratch_text_;
  std::vector<float> scratch_lengths_;
  struct FaceSortKey {
    float depth;
    uint32_t first_vertex;  // in out.box_faces (a face: 6 vertices) or in sheet_fills_
    uint32_t vertex_count;
    bool is_fill;
    bool backdrop = false;  // FillGeometry::backdrop
    glm::vec3 center{0.0f};
  };
  // Puts the sheets behind each backdrop's plane before it and the rest after it.
  void splitAtBackdrops();
  std::vector<FaceSortKey> backdrop_keys_;
  std::vector<FaceSortKey> face_keys_;
  // Translucent fills of this frame (not over the blocks), sorted with the box faces in build().
  std::vector<MeshVertex> sheet_fills_;
  std::vector<FaceSortKey> sheet_fill_keys_;
  std::vector<MeshVertex> face_scratch_;
  // The world bounds of the box each face in out.box_faces belongs to (before sorting; over
  // the blocks ones apart until merged), and of each sheet after sorting (fills: empty).
  std::vector<SheetBox> face_boxes_, front_face_boxes_, sheet_boxes_;
  glm::vec3 eye_{0.0f};
  glm::mat4 view_proj_{1.0f};
  float viewport_w_ = 1920.0f, viewport_h_ = 1080.0f;
  float pixels_per_unit_at_1_ = 1.0f;  // on-screen pixels of 1 unit seen at distance 1
  GridStats grid_stats_;
  Veils veils_;
  VeiledStats veiled_stats_;
  bool veil_culling_ = true;
  float invisible_light_ = kLiveInvisibleLight;
  DrawBatches front_scratch_;  // elements drawn over the blocks, before merging into `out`
  size_t grid_quads_ = 0;      // bar quads emitted this frame
  static constexpr size_t kGridQuadBudget = 6000;    // beyond it, grids fall back to slabs
  size_t grid_numbers_ = 0;                          // numbers laid out this frame
  static constexpr size_t kGridNumberBudget = 1500;  // beyond it, readable grids become bars
  // A grid's entries are numbers while a row is at least this tall on screen (the digits then
  // stand about 5 px tall, the least that reads); below it they are bars, which cost a quad
  // where a number costs three or four glyphs.
  static constexpr float kGridNumberRowPx = 12.0f;
  // Bars below this many pixels merge with their neighbours (their mean value), and rows below it
  // are not striped (grid_batch.cpp).
  static constexpr float kGridMinBarPx = 4.0f;
  // The values' variation fades from full (a column this many pixels wide on screen) to none, the
  // flat tone of the mean value (kGridFlatColumnPx): no pixel-sized random shades, no moire.
  static constexpr float kGridFullContrastPx = 4.0f;
  static constexpr float kGridFlatColumnPx = 1.5f;
  static constexpr size_t kMaxBoxFaces = 96;  // nearest translucent faces drawn
};

// The opacity pass an element goes into.
inline int passFor(float opacity) {
  return opacity >= 0.999f ? 0 : 1;
}

}  // namespace flowview
