#include "core/draw/draw_batches.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/draw/sheet_slots.h"
#include "core/math/bounds2.h"
#include "core/text/glyph_atlas.h"
#include "core/text/number_layout.h"
#include "core/text/text_layout.h"

namespace flowview {
namespace {

// Translucent spheres and lines outside the blocks write depth (Renderer::drawSlot): leaving one
// out also uncovers what it hid, so whatever its opacity, it is judged as if opaque. (Which ones
// sit inside a block is known only once they are placed among the sheets.)
constexpr float kDepthWriterLight = 1.0f;

float revealOf(const RevealState& r) {
  return static_cast<float>(applyRate(r.part_rate, r.alpha));
}

// Visible fraction [lo, hi] of a stroke and whether widths taper (passing flash).
struct StrokeRange {
  float lo = 0.0f, hi = 1.0f;
  bool taper = false;
};

StrokeRange strokeRange(const RevealState& r) {
  StrokeRange range;
  if (r.alpha >= 1.0f && r.style != RevealStyle::Flash) return range;
  const float a = revealOf(r);
  switch (r.style) {
    case RevealStyle::Flash: {
      const float width = r.flash_width;
      const float upper = a * (1.0f + width);
      range.lo = std::clamp(upper - width, 0.0f, 1.0f);
      range.hi = std::clamp(upper, 0.0f, 1.0f);
      range.taper = true;
      break;
    }
    case RevealStyle::Grow:
      break;
    default:
      range.hi = a;
      break;
  }
  return range;
}

// Opacity of a fill or a box after its reveal (they fade in rather than draw on).
float fadedOpacity(const ElementState& s, float base) {
  return s.reveal.alpha < 1.0f && s.reveal.style != RevealStyle::Grow ? base * revealOf(s.reveal)
                                                                      : base;
}

Pose grown(const ElementState& s) {
  Pose pose = s.pose;
  if (s.reveal.style == RevealStyle::Grow && s.reveal.alpha < 1.0f)
    pose.scale *= revealOf(s.reveal);
  return pose;
}

// One glyph quad of a layout placed in 3D: `local` is the layout origin in the element's frame.
GlyphInstance glyphInstance(const text::GlyphQuad& q, glm::vec3 local, float em, const Pose& pose,
                            const glm::mat3& basis, float outline_px, glm::vec4 color) {
  GlyphInstance gi;
  gi.origin = pose.apply(local + glm::vec3(q.x0 * em, q.y0 * em, 0.0f));
  gi.axis_x = basis * (pose.scale * glm::vec3((q.x1 - q.x0) * em, 0.0f, 0.0f));
  gi.axis_y = basis * (pose.scale * glm::vec3(0.0f, (q.y1 - q.y0) * em, 0.0f));
  gi.outline_px = outline_px;
  gi.em_pixels_hint = 0.0f;
  gi.pad = 0.0f;
  gi.uv = glm::vec4(q.u0, q.v0, q.u1, q.v1);
  gi.color = color;
  return gi;
}

// Anything fainter than this is not drawn.
constexpr float kInvisibleOpacity = 0.002f;

// The eight corners of the local box [lo, hi] placed by `pose`: their hull holds all of it.
void placedCorners(glm::vec3 lo, glm::vec3 hi, const Pose& pose, glm::vec3 (&corners)[8]) {
  for (int k = 0; k < 8; ++k)
    corners[k] =
        pose.apply(glm::vec3(k & 1 ? hi.x : lo.x, k & 2 ? hi.y : lo.y, k & 4 ? hi.z : lo.z));
}

}  // namespace

void DrawBatches::clear() {
  for (int p = 0; p < 2; ++p) {
    fills[p].clear();
    strokes[p].clear();
    spheres[p].clear();
    glyphs[p].clear();
  }
  lines.clear();
  box_faces.clear();
  sheet_ends.clear();
  sphere_slot_ends.clear();
  line_slot_ends.clear();
  sphere_slot_boxed.clear();
  line_slot_boxed.clear();
  front_fills.clear();
  front_strokes.clear();
  front_glyphs.clear();
}

size_t DrawBatches::instanceCount() const {
  size_t n = box_faces.size() / 6 + lines.size();
  for (int p = 0; p < 2; ++p)
    n += fills[p].size() / 3 + strokes[p].size() + spheres[p].size() + glyphs[p].size();
  return n;
}

Batcher::Batcher(text::GlyphAtlas& atlas)
    : atlas_(atlas), scratch_layout_(new text::TextLayout()), sheet_slots_(new SheetSlots()) {
  scratch_text_.reserve(64);
}

Batcher::~Batcher() {
  delete scratch_layout_;
  delete sheet_slots_;
}

void Batcher::build(const Scene& scene, const FrameState& state, DrawBatches& out) {
  out.clear();
  front_scratch_.clear();
  eye_ = state.camera.eyePosition();
  view_proj_ = state.camera.viewProjection(viewport_w_ / viewport_h_);
  pixels_per_unit_at_1_ =
      0.5f * viewport_h_ / std::tan(0.5f * glm::radians(state.camera.fovy_degrees));
  grid_stats_ = GridStats{};
  grid_quads_ = 0;
  grid_numbers_ = 0;
  veiled_stats_ = VeiledStats{};
  sheet_fills_.clear();
  sheet_fill_keys_.clear();
  face_boxes_.clear();
  front_face_boxes_.clear();
  collectVeils(scene, state);
  // Fixed-in-frame elements sit on a plane a quarter of the way from the eye to the center,
  // scaled so they look exactly as on the default frame: in front of everything else.
  const glm::mat3 camera_basis = state.camera.rotation();
  const float near_fraction = 0.25f;
  const glm::vec3 frame_center = eye_ + (state.camera.center - eye_) * near_fraction;
  const float frame_scale = state.camera.height / 8.0f * near_fraction;
  for (size_t i = 0; i < scene.elements.size(); ++i) {
    const ElementState& shown = state.elements[i];
    if (!shown.visible) continue;
    const Element& e = scene.elements[i];
    ElementState fixed;
    if (e.fixed_in_frame) {
      fixed = shown;
      fixed.pose.position = frame_center + camera_basis * (frame_scale * shown.pose.position);
      fixed.pose.rotation = state.camera.orientation * shown.pose.rotation;
      fixed.pose.scale = shown.pose.scale * frame_scale;
    }
    const ElementState& s = e.fixed_in_frame ? fixed : shown;
    const glm::vec4 color(s.color, s.opacity);
    // Fixed-in-frame elements (captions) sit in front of everything: drawn after the blocks too.
    DrawBatches& target = s.over_blocks || e.fixed_in_frame ? front_scratch_ : out;
    // Block faces tint what is drawn before them; elements over the blocks are drawn after.
    const Veils* veils =
        !veil_culling_ || s.over_blocks || e.fixed_in_frame || veils_.empty() ? nullptr : &veils_;
    switch (e.kind) {
      case ElementKind::Text:
        addText(scene, e, s, veils, target);
        break;
      case ElementKind::Stroke:
        addStroke(scene.strokes[e.geometry], s, color, veils, target);
        break;
      case ElementKind::Fill:
        addFill(scene.fills[e.geometry], s, color, veils, target);
        break;
      case ElementKind::Box:
        addBox(scene.boxes[e.geometry], s, color, target);
        break;
      case ElementKind::Spheres:
        addSpheres(scene.spheres[e.geometry], s, color, veils, target);
        break;
      case ElementKind::Lines:
        addLines(scene.lines[e.geometry], s, s.opacity, veils, target);
        break;
      case ElementKind::Grid:
        addGrid(scene.grids[e.geometry], s, target);
        break;
    }
  }
  for (int p = 0; p < 2; ++p) {
    out.front_fills.insert(out.front_fills.end(), front_scratch_.fills[p].begin(),
                           front_scratch_.fills[p].end());
    out.front_strokes.insert(out.front_strokes.end(), front_scratch_.strokes[p].begin(),
                             front_scratch_.strokes[p].end());
    out.front_glyphs.insert(out.front_glyphs.end(), front_scratch_.glyphs[p].begin(),
                            front_scratch_.glyphs[p].end());
    out.spheres[p].insert(out.spheres[p].end(), front_scratch_.spheres[p].begin(),
                          front_scratch_.spheres[p].end());
  }
  // Over the blocks, lines are drawn like any other stroke.
  out.front_strokes.insert(out.front_strokes.end(), front_scratch_.lines.begin(),
                           front_scratch_.lines.end());
  out.box_faces.insert(out.box_faces.end(), front_scratch_.box_faces.begin(),
                       front_scratch_.box_faces.end());
  face_boxes_.insert(face_boxes_.end(), front_face_boxes_.begin(), front_face_boxes_.end());
  sortSheets(out);
  // Translucent spheres and lines between the sheets; lines one draw per width within a slot,
  // the scene's order within a width.
  sheet_slots_->prepare(out.box_faces, out.sheet_ends, sheet_boxes_, eye_, view_proj_);
  sheet_slots_->assign(out);
}

void Batcher::sortSheets(DrawBatches& out) {
  // Translucent box faces and fills back to front so each tints what lies behind it exactly once.
  face_keys_.clear();
  for (uint32_t v = 0; v + 6 <= out.box_faces.size(); v += 6) {
    glm::vec3 c(0.0f);
    for (int k = 0; k < 6; ++k) c += out.box_faces[v + k].position;
    face_keys_.push_back({glm::length(c / 6.0f - eye_), v, 6, false, false, c / 6.0f});
  }
  // Behind ~16 translucent blocks (0.75 opacity each) nothing shows any more: only the nearest
  // faces are drawn, which keeps a 96-layer stack from costing 96 full-screen layers of blending.
  const auto farther = [](const FaceSortKey& a, const FaceSortKey& b) { return a.depth > b.depth; };
  if (face_keys_.size() > kMaxBoxFaces) {
    std::nth_element(face_keys_.begin(), face_keys_.end() - kMaxBoxFaces, face_keys_.end(),
                     farther);
    face_keys_.erase(face_keys_.begin(), face_keys_.end() - kMaxBoxFaces);
  }
  // A fill is sorted by the center of its triangles' bounds.
  for (FaceSortKey& key : sheet_fill_keys_) {
    glm::vec3 lo(1e30f), hi(-1e30f);
    for (uint32_t k = 0; k < key.vertex_count; ++k) {
      lo = glm::min(lo, sheet_fills_[key.first_vertex + k].position);
      hi = glm::max(hi, sheet_fills_[key.first_vertex + k].position);
    }
    key.center = 0.5f * (lo + hi);
    key.depth = glm::length(key.center - eye_);
    face_keys_.push_back(key);
  }
  std::stable_sort(face_keys_.begin(), face_keys_.end(), farther);
  splitAtBackdrops();
  size_t vertices = 0;
  for (const FaceSortKey& key : face_keys_) vertices += key.vertex_count;
  face_scratch_.resize(vertices);
  size_t w = 0;
  sheet_boxes_.clear();
  for (const FaceSortKey& key : face_keys_) {
    const std::vector<MeshVertex>& from = key.is_fill ? sheet_fills_ : out.box_faces;
    for (uint32_t k = 0; k < key.vertex_count; ++k) face_scratch_[w++] = from[key.first_vertex + k];
    out.sheet_ends.push_back(static_cast<uint32_t>(w));
    // A fill belongs to no box: empty bounds.
    sheet_boxes_.push_back(key.is_fill ? SheetBox{glm::vec3(1e30f), glm::vec3(-1e30f)}
                                       : face_boxes_[key.first_vertex / 6]);
  }
  out.box_faces.swap(face_scratch_);
}

void Batcher::splitAtBackdrops() {
  backdrop_keys_.clear();
  for (const FaceSortKey& key : face_keys_)
    if (key.backdrop && key.vertex_count >= 3) backdrop_keys_.push_back(key);
  if (backdrop_keys_.empty()) return;
  std::erase_if(face_keys_, [](const FaceSortKey& key) { return key.backdrop; });
  for (const FaceSortKey& backdrop : backdrop_keys_) {
    const glm::vec3 a = sheet_fills_[backdrop.first_vertex].position;
    const glm::vec3 normal = glm::cross(sheet_fills_[backdrop.first_vertex + 1].position - a,
                                        sheet_fills_[backdrop.first_vertex + 2].position - a);
    const float eye_side = glm::dot(eye_ - a, normal);
    // Behind its plane, in their distance order; then it; then the rest, in theirs. A plane
    // between two sheets decides which one can cover the other, whatever their distances.
    const auto front =
        std::stable_partition(face_keys_.begin(), face_keys_.end(), [&](const FaceSortKey& key) {
          return glm::dot(key.center - a, normal) * eye_side <= 0.0f;
        });
    face_keys_.insert(front, backdrop);
  }
}

uint64_t Batcher::veilCandidates(const Veils& veils, glm::vec3 local_lo, glm::vec3 local_hi,
                                 const Pose& pose, float margin_px, float margin_world) const {
  glm::vec3 corners[8];
  placedCorners(local_lo, local_hi, pose, corners);
  glm::vec3 lo(1e30f), hi(-1e30f);
  float far = 0.0f;
  for (const glm::vec3& corner : corners) {
    lo = glm::min(lo, corner);
    hi = glm::max(hi, corner);
    far = std::max(far, glm::length(corner - eye_));
  }
  return veils.candidatesFor(lo, hi, margin_world + worldPerPixels(margin_px, far + margin_world));
}

bool Batcher::veiled(const Veils& veils, const glm::vec3* points, int count, float margin_px,
                     float margin_world, float opacity, uint64_t candidates) const {
  float far = 0.0f;
  for (int i = 0; i < count; ++i) far = std::max(far, glm::length(points[i] - eye_));
  const float margin = margin_world + worldPerPixels(margin_px, far + margin_world);
  // Below it, the answer is known.
  const float enough = opacity > 0.0f ? invisible_light_ / opacity : 1e30f;
  // Only what a veil dims: faint elements in the open are drawn as they are.
  const float light = veils.transmittance(points, count, margin, enough * 0.999f, candidates);
  return light < 1.0f && light < enough;
}

bool Batcher::pointsVeiled(const Veils& veils, const std::vector<glm::vec3>& local_points,
                           const Pose& pose, float margin_px, float opacity) const {
  if (local_points.empty()) return false;
  // The corners of the points' bounding box bound everything drawn between them.
  glm::vec3 lo(1e30f), hi(-1e30f);
  for (const glm::vec3& p : local_points) {
    lo = glm::min(lo, p);
    hi = glm::max(hi, p);
  }
  glm::vec3 corners[8];
  placedCorners(lo, hi, pose, corners);
  return veiled(veils, corners, 8, margin_px, 0.0f, opacity);
}

bool Batcher::textIsVeiled(const text::TextLayout& layout, float shift, float em, const Pose& pose,
                           float outline_px, float opacity, const Veils& veils) const {
  // The quads' extent in the text's plane: a rectangle, so its four corners bound it.
  Bounds2 quads;
  for (const text::GlyphQuad& q : layout.quads) quads.add(q.x0, q.y0, q.x1, q.y1);
  const glm::vec3 corners[4] = {pose.apply(glm::vec3((shift + quads.x0) * em, quads.y0 * em, 0)),
                                pose.apply(glm::vec3((shift + quads.x1) * em, quads.y0 * em, 0)),
                                pose.apply(glm::vec3((shift + quads.x1) * em, quads.y1 * em, 0)),
                                pose.apply(glm::vec3((shift + quads.x0) * em, quads.y1 * em, 0))};
  // The outline (given at 1080p) and the anti-aliased edge reach past the quads' ink.
  return veiled(veils, corners, 4, outline_px * viewport_h_ / 1080.0f + 2.0f, 0.0f, opacity);
}

void Batcher::addText(const Scene& scene, const Element& e, const ElementState& s,
                      const Veils* veils, DrawBatches& out) {
  const TextGeometry& g = scene.texts[e.geometry];
  std::string_view text = g.utf8;
  Rgb rgb = s.color;
  if (g.is_number) {
    char buffer[64];
    const int n =
        std::snprintf(buffer, sizeof buffer, "%.*f", g.decimals, static_cast<double>(s.value));
    scratch_text_.assign(buffer, static_cast<size_t>(std::max(0, n)));
    scratch_text_ += g.suffix;
    text = scratch_text_;
    if (g.color_by_value) {
      const float t = std::clamp(std::abs(s.value) / g.value_max, 0.0f, 1.0f);
      rgb = interpolateHsl(hexColor(palette::kGreyC), hexColor(palette::kWhite), t);
    }
  }
  if (g.is_number) {
    text::layoutNumberInto(atlas_, text, *scratch_layout_);  // set as manim's DecimalNumber
  } else {
    text::layoutTextInto(atlas_, text, static_cast<text::TextAlign>(g.align), *scratch_layout_);
  }
  const text::TextLayout& layout = *scratch_layout_;
  const Pose pose = grown(s);
  const float em = g.em_size;
  float shift = 0.0f;  // layouts are centered; left/right alignment moves the origin to an edge
  if (g.align == 0) shift = 0.5f * layout.width;
  if (g.align == 2) shift = -0.5f * layout.width;
  const int count = static_cast<int>(layout.quads.size());
  if (veils && count > 0 &&
      textIsVeiled(layout, shift, em, pose, g.outline_px, s.opacity, *veils)) {
    veiled_stats_.glyphs += static_cast<size_t>(count);
    return;
  }
  const glm::mat3 basis = glm::mat3_cast(pose.rotation);
  for (int i = 0; i < count; ++i) {
    const text::GlyphQuad& q = layout.quads[i];
    float a = 1.0f;
    if (s.reveal.alpha < 1.0f && s.reveal.style == RevealStyle::Parts) {
      if (s.reveal.step) {
        a = i < static_cast<int>(revealOf(s.reveal) * count + 1e-4f) ? 1.0f : 0.0f;
      } else {
        a = static_cast<float>(
            laggedPartAlpha(s.reveal.alpha, i, count, s.reveal.lag, s.reveal.part_rate));
      }
    }
    const float opacity = s.opacity * a;
    if (opacity <= kInvisibleOpacity) continue;
    out.glyphs[passFor(opacity)].push_back(glyphInstance(q, glm::vec3(shift * em, 0.0f, 0.0f), em,
                                                         pose, basis, g.outline_px,
                                                         glm::vec4(rgb, opacity)));
  }
}

void Batcher::addStroke(const StrokeGeometry& g, const ElementState& s, const glm::vec4& color,
                        const Veils* veils, DrawBatches& out) {
  const size_t n = g.points.size();
  if (n < 2) return;
  const bool per_point = g.widths.size() == n;
  float widest = g.width;
  if (per_point) widest = *std::max_element(g.widths.begin(), g.widths.end());
  const Pose pose = grown(s);
  if (veils &&
      pointsVeiled(*veils, g.points, pose,
                   0.5f * (widest + g.backstroke_width) * pixelsPerStrokeWidth() + 2.0f, color.a)) {
    ++veiled_stats_.strokes;
    return;
  }
  const StrokeRange range = strokeRange(s.reveal);
  if (range.hi <= range.lo) return;
  const size_t segments = g.closed ? n : n - 1;
  scratch_lengths_.resize(segments + 1);
  scratch_lengths_[0] = 0.0f;
  for (size_t i = 0; i < segments; ++i) {
    const glm::vec3 a = pose.apply(g.points[i]), b = pose.apply(g.points[(i + 1) % n]);
    scratch_lengths_[i + 1] = scratch_lengths_[i] + glm::length(b - a);
  }
  const float total = scratch_lengths_[segments];
  if (total <= 0.0f) return;
  const float lo = range.lo * total, hi = range.hi * total;
  // A stroke that has barely begun (a reveal a rounding error past its start) is nothing yet,
  // not a round dot of its full width.
  if (hi - lo <= 1e-4f * total) return;
  auto& batch = out.strokes[passFor(color.a)];
  const size_t first_main = batch.size();
  const glm::vec3 plane_normal = glm::mat3_cast(pose.rotation) * glm::vec3(0.0f, 0.0f, 1.0f);
  for (size_t i = 0; i < segments; ++i) {
    const float l0 = scratch_lengths_[i], l1 = scratch_lengths_[i + 1];
    if (l1 <= lo || l0 >= hi || l1 <= l0) continue;
    const glm::vec3 a = pose.apply(g.points[i]), b = pose.apply(g.points[(i + 1) % n]);
    const float t0 = std::max(0.0f, (lo - l0) / (l1 - l0));
    const float t1 = std::min(1.0f, (hi - l0) / (l1 - l0));
    StrokeInstance si;
    si.a = a + (b - a) * t0;
    si.b = a + (b - a) * t1;
    const float w0 = per_point ? g.widths[i] : g.width;
    const float w1 = per_point ? g.widths[(i + 1) % n] : g.width;
    si.width_a = w0 + (w1 - w0) * t0;
    si.width_b = w0 + (w1 - w0) * t1;
    if (g.flat) {
      // A flat ribbon of width w along direction d, seen along v, looks |n.v| / |d x v| as wide
      // (its projected area over its projected length).
      const glm::vec3 view = glm::normalize(0.5f * (a + b) - eye_);
      const glm::vec3 along = glm::normalize(b - a);
      const float across = std::abs(glm::dot(plane_normal, view)) /
                           std::max(glm::length(glm::cross(along, view)), 1e-3f);
      const float foreshortening = std::clamp(across, 0.0f, 1.0f);
      si.width_a *= foreshortening;
      si.width_b *= foreshortening;
    }
    if (range.taper) {  // a flash is widest in its middle
      const float span = std::max(hi - lo, 1e-6f);
      const float u0 = (l0 + (l1 - l0) * t0 - lo) / span, u1 = (l0 + (l1 - l0) * t1 - lo) / span;
      si.width_a *= std::sin(3.14159265f * std::clamp(u0, 0.0f, 1.0f));
      si.width_b *= std::sin(3.14159265f * std::clamp(u1, 0.0f, 1.0f));
    }
    si.color = color;
    batch.push_back(si);
  }
  if (g.backstroke_width > 0.0f) {
    // The black backstroke goes first, under the whole stroke: every segment's, then the stroke's.
    const size_t count = batch.size() - first_main;
    batch.resize(batch.size() + count);
    std::copy_backward(batch.begin() + first_main, batch.end() - count, batch.end());
    for (size_t k = first_main; k < first_main + count; ++k) {
      StrokeInstance& back = batch[k];
      // Negative widths mark a backstroke: the renderer puts it a hair behind (stroke.vert).
      back.width_a = -(back.width_a + g.backstroke_width);
      back.width_b = -(back.width_b + g.backstroke_width);
      // Black; red carries the backstroke's own width, so the shader can skip the pixels the
      // stroke will cover anyway (most of the quad).
      back.color = glm::vec4(g.backstroke_width, 0.0f, 0.0f, color.a);
    }
  }
}

void Batcher::addFill(const FillGeometry& g, const ElementState& s, const glm::vec4& color,
                      const Veils* veils, DrawBatches& out) {
  glm::vec4 c = color;
  c.a = fadedOpacity(s, color.a);
  if (c.a <= kInvisibleOpacity) return;
  const Pose pose = grown(s);
  // Fill edges are not anti-aliased: a pixel of margin covers them (and the backstroke's ring).
  const float ring_px = 0.5f * g.backstroke_width * pixelsPerStrokeWidth();  // backstroke ring
  if (veils && pointsVeiled(*veils, g.triangles, pose, 1.5f + ring_px, c.a)) {
    veiled_stats_.fill_triangles += g.triangles.size() / 3;
    return;
  }
  // Translucent fills are sorted with the block faces (see DrawBatches::box_faces); over the
  // blocks they keep their own pass.
  const bool sheet = passFor(c.a) == 1 && &out != &front_scratch_;
  auto& batch = sheet ? sheet_fills_ : out.fills[passFor(c.a)];
  if (sheet)
    sheet_fill_keys_.push_back({0.0f, static_cast<uint32_t>(sheet_fills_.size()),
                                static_cast<uint32_t>(g.triangles.size()), true, g.backdrop});
  for (const glm::vec3& p : g.triangles) {
    batch.push_back({pose.apply(p), 0.0f, glm::vec3(0.0f), 0.0f, c});
  }
  if (g.backstroke_width <= 0.0f) return;
  // The backstroke's outer half: a black ring just outside each loop (a dot), its inner edge half
  // a pixel past the loop's widest extent on screen, so it never covers the fill whatever the
  // drawing order (over the blocks nothing writes depth). One point-like backstroke per loop
  // (StrokeInstance with a == b: a disc, and its red, the ring's width, keeps only an annulus):
  // one small quad instead of a stroke per side, which a software rasterizer pays for.
  for (const std::vector<glm::vec3>& loop : g.outlines) {
    if (loop.empty()) continue;
    glm::vec3 center(0.0f);
    for (const glm::vec3& p : loop) center += pose.apply(p);
    center /= static_cast<float>(loop.size());
    const glm::vec3 to_center = center - eye_;
    const float distance = glm::length(to_center);
    if (distance < 1e-6f) continue;
    const glm::vec3 view_dir = to_center / distance;
    float radius_world = 0.0f;  // across the sight line
    for (const glm::vec3& local : loop) {
      const glm::vec3 d = pose.apply(local) - center;
      radius_world = std::max(radius_world, glm::length(d - glm::dot(d, view_dir) * view_dir));
    }
    const float inner_px = radius_world / worldPerPixels(1.0f, distance) + 0.5f;
    const float outer_px = inner_px + ring_px;
    // stroke.vert: half width = 0.5 |width| * scale; stroke.frag keeps dist >= outer - ring - 1.
    const float width = -2.0f * outer_px / pixelsPerStrokeWidth();
    const float ring = 2.0f * std::max(ring_px - 1.0f, 1e-3f) / pixelsPerStrokeWidth();
    out.strokes[passFor(c.a)].push_back(
        {center, width, center, width, glm::vec4(ring, 0.0f, 0.0f, c.a)});
  }
}

void Batcher::addBox(const BoxGeometry& g, const ElementState& s, const glm::vec4& color,
                     DrawBatches& out) {
  glm::vec4 c = color;
  c.a = fadedOpacity(s, color.a);
  if (c.a <= kInvisibleOpacity) return;
  const Pose pose = grown(s);
  const glm::vec3 h = 0.5f * g.size;
  const glm::mat3 basis = glm::mat3_cast(pose.rotation);
  SheetBox box{glm::vec3(1e30f), glm::vec3(-1e30f)};
  for (int k = 0; k < 8; ++k) {
    const glm::vec3 corner =
        pose.apply(glm::vec3((k & 1) ? h.x : -h.x, (k & 2) ? h.y : -h.y, (k & 4) ? h.z : -h.z));
    box.lo = glm::min(box.lo, corner);
    box.hi = glm::max(box.hi, corner);
  }
  std::vector<SheetBox>& boxes = &out == &front_scratch_ ? front_face_boxes_ : face_boxes_;
  // An opaque box is solid: drawn in the opaque pass with depth writes, not sorted with the
  // translucent sheets (what lies behind it is then not shaded at all).
  const bool solid = passFor(c.a) == 0 && &out != &front_scratch_;
  const bool mirror_free = pose.scale.x > 0.0f && pose.scale.y > 0.0f && pose.scale.z > 0.0f;
  for (int face = 0; face < 6; ++face) {
    if (!(g.face_mask & (1u << face))) continue;
    if (!solid) boxes.push_back(box);
    const int axis = face / 2;
    const float sign = face % 2 == 0 ? 1.0f : -1.0f;
    const int u = (axis + 1) % 3, v = (axis + 2) % 3;
    glm::vec3 corners[4];
    for (int k = 0; k < 4; ++k) {
      glm::vec3 p(0.0f);
      p[axis] = sign * h[axis];
      p[u] = (k == 1 || k == 2 ? 1.0f : -1.0f) * h[u];
      p[v] = (k >= 2 ? 1.0f : -1.0f) * h[v];
      corners[k] = pose.apply(p);
    }
    glm::vec3 normal(0.0f);
    normal[axis] = sign;
    normal = glm::normalize(basis * normal);
    // A solid box's faces turned away from the eye are hidden by its others: not drawn (a
    // software rasterizer would still depth-test every pixel of them).
    if (solid && mirror_free && glm::dot(normal, eye_ - corners[0]) <= 0.0f) continue;
    const int order[6] = {0, 1, 2, 0, 2, 3};
    std::vector<MeshVertex>& faces = solid ? out.fills[0] : out.box_faces;
    for (int k : order) faces.push_back({corners[k], g.shading, normal, 0.0f, c});
  }
}

void Batcher::collectVeils(const Scene& scene, const FrameState& state) {
  veils_.clear();
  size_t faces = 0;
  for (size_t i = 0; i < scene.elements.size(); ++i) {
    const Element& e = scene.elements[i];
    const ElementState& s = state.elements[i];
    if (e.kind != ElementKind::Box || !s.visible) continue;
    const float opacity = fadedOpacity(s, s.opacity);
    // Opaque boxes are solid (addBox): neither sorted sheets nor veils.
    if (opacity <= kInvisibleOpacity || passFor(opacity) == 0) continue;
    const BoxGeometry& g = scene.boxes[e.geometry];
    for (int f = 0; f < 6; ++f) faces += (g.face_mask >> f) & 1u;  // every face drawn counts
    if (e.fixed_in_frame || s.over_blocks) continue;               // drawn elsewhere: not a veil
    veils_.addBoxFaces(grown(s), g.size, g.face_mask, opacity);
  }
  // Beyond the face budget the farthest faces are not drawn, so they tint nothing.
  if (faces > kMaxBoxFaces) veils_.clear();
  // A face nearer than the near plane is clipped away: boxes that close to the eye veil nothing.
  const float tan_half = std::tan(0.5f * glm::radians(state.camera.fovy_degrees));
  const float aspect = viewport_w_ / viewport_h_;
  const float clearance =
      state.camera.nearPlane() * std::sqrt(1.0f + tan_half * tan_half * (1.0f + aspect * aspect));
  veils_.prepare(eye_, clearance);
}

void Batcher::addSpheres(const SphereGeometry& g, const ElementState& s, const glm::vec4& color,
                         const Veils* veils, DrawBatches& out) {
  const Pose pose = grown(s);
  const int count = static_cast<int>(g.centers.size());
  const bool partial = s.reveal.alpha < 1.0f && s.reveal.style == RevealStyle::Parts;
  // Lit, a sphere turns toward white and never past it (sphere.frag).
  const float brightest = std::max({color.r, color.g, color.b});
  const float lit = std::max(1.0f, brightest);
  uint64_t candidates = 0;
  if (veils && count > 0) {
    glm::vec3 lo(1e30f), hi(-1e30f);
    float radius = 0.0f;
    for (const glm::vec4& c : g.centers) {
      lo = glm::min(lo, glm::vec3(c));
      hi = glm::max(hi, glm::vec3(c));
      radius = std::max(radius, c.w);
    }
    candidates = veilCandidates(*veils, lo, hi, pose, 2.0f, radius * pose.scale.x);
    if (veils->noneAmong(candidates)) veils = nullptr;  // none in the way
  }
  for (int i = 0; i < count; ++i) {
    float a = partial ? static_cast<float>(laggedPartAlpha(s.reveal.alpha, i, count, s.reveal.lag,
                                                           s.reveal.part_rate))
                      : 1.0f;
    const float opacity =
        color.a * a * (i < static_cast<int>(g.opacities.size()) ? g.opacities[i] : 1.0f);
    if (opacity <= kInvisibleOpacity) continue;
    const glm::vec4& c = g.centers[i];
    const glm::vec3 center = pose.apply(glm::vec3(c));
    const float radius = c.w * pose.scale.x;
    // The impostor's anti-aliased rim reaches a pixel past the silhouette. It writes depth,
    // hiding the sheets behind it: judged whatever its own opacity (kDepthWriterLight).
    if (veils && veiled(*veils, &center, 1, 2.0f, radius, kDepthWriterLight * lit, candidates)) {
      ++veiled_stats_.spheres;
      continue;
    }
    out.spheres[passFor(opacity)].push_back({center, radius, glm::vec4(glm::vec3(color), opacity)});
  }
}

void Batcher::addLines(const LineGeometry& g, const ElementState& s, float opacity,
                       const Veils* veils, DrawBatches& out) {
  const Pose pose = grown(s);
  const int count = static_cast<int>(g.lines.size());
  const bool partial = s.reveal.alpha < 1.0f;
  // Half the line's width plus its anti-aliased fringe.
  const float margin_px = 0.5f * g.width * pixelsPerStrokeWidth() + 2.0f;
  uint64_t candidates = 0;
  if (veils && count > 0) {
    glm::vec3 lo(1e30f), hi(-1e30f);
    for (const LineGeometry::Line& line : g.lines) {
      lo = glm::min(lo, glm::min(line.a, line.b));
      hi = glm::max(hi, glm::max(line.a, line.b));
    }
    candidates = veilCandidates(*veils, lo, hi, pose, margin_px, 0.0f);
    if (veils->noneAmong(candidates)) veils = nullptr;  // none in the way
  }
  for (int i = 0; i < count; ++i) {
    const LineGeometry::Line& line = g.lines[i];
    const float a = partial ? static_cast<float>(laggedPartAlpha(s.reveal.alpha, i, count,
                                                                 s.reveal.lag, s.reveal.part_rate))
                            : 1.0f;
    const float alpha = opacity * line.opacity;
    if (a <= 0.0f || alpha <= kInvisibleOpacity) continue;
    const glm::vec3 p0 = pose.apply(line.a), p1 = pose.apply(line.b);
    const StrokeInstance segment{p0, g.width, p0 + (p1 - p0) * a, g.width,
                                 glm::vec4(line.color, alpha)};
    const glm::vec3 ends[2] = {segment.a, segment.b};
    // A line writes depth too: judged whatever its own opacity, as a sphere is.
    if (veils && veiled(*veils, ends, 2, margin_px, 0.0f, kDepthWriterLight, candidates)) {
      ++veiled_stats_.lines;
      continue;
    }
    if (passFor(alpha) == 0) {
      out.strokes[0].push_back(segment);
    } else {
      out.lines.push_back(segment);
    }
  }
}

void Batcher::setViewport(int width, int height) {
  viewport_w_ = static_cast<float>(std::max(1, width));
  viewport_h_ = static_cast<float>(std::max(1, height));
}

void Batcher::addNumber(float value, int decimals, float em, const Pose& pose, glm::vec3 local,
                        Rgb rgb, float opacity, float outline_px, DrawBatches& out) {
  char buffer[32];
  const int n = std::snprintf(buffer, sizeof buffer, "%.*f", decimals, static_cast<double>(value));
  text::layoutNumberInto(atlas_, std::string_view(buffer, static_cast<size_t>(std::max(0, n))),
                         *scratch_layout_);
  const glm::mat3 basis = glm::mat3_cast(pose.rotation);
  for (const text::GlyphQuad& q : scratch_layout_->quads) {
    out.glyphs[passFor(opacity)].push_back(
        glyphInstance(q, local, em, pose, basis, outline_px, glm::vec4(rgb, opacity)));
  }
}

}  // namespace flowview
