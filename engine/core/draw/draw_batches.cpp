#include "core/draw/draw_batches.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/text/glyph_atlas.h"
#include "core/text/text_layout.h"

namespace flowview {
namespace {

float revealOf(const RevealState& r) { return static_cast<float>(applyRate(r.part_rate, r.alpha)); }

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

Pose grown(const ElementState& s) {
  Pose pose = s.pose;
  if (s.reveal.style == RevealStyle::Grow && s.reveal.alpha < 1.0f) pose.scale *= revealOf(s.reveal);
  return pose;
}

}  // namespace

void DrawBatches::clear() {
  for (int p = 0; p < 2; ++p) {
    fills[p].clear();
    strokes[p].clear();
    spheres[p].clear();
    glyphs[p].clear();
  }
  box_faces.clear();
}

size_t DrawBatches::instanceCount() const {
  size_t n = box_faces.size() / 6;
  for (int p = 0; p < 2; ++p) n += fills[p].size() / 3 + strokes[p].size() + spheres[p].size() + glyphs[p].size();
  return n;
}

Batcher::Batcher(text::GlyphAtlas& atlas) : atlas_(atlas), scratch_layout_(new text::TextLayout()) {
  scratch_text_.reserve(64);
}

Batcher::~Batcher() { delete scratch_layout_; }

void Batcher::build(const Scene& scene, const FrameState& state, DrawBatches& out) {
  out.clear();
  eye_ = state.camera.eyePosition();
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
    switch (e.kind) {
      case ElementKind::Text: addText(scene, e, s, out); break;
      case ElementKind::Stroke: addStroke(scene.strokes[e.geometry], s, color, out); break;
      case ElementKind::Fill: addFill(scene.fills[e.geometry], s, color, out); break;
      case ElementKind::Box: addBox(scene.boxes[e.geometry], s, color, out); break;
      case ElementKind::Spheres: addSpheres(scene.spheres[e.geometry], s, color, out); break;
      case ElementKind::Lines: addLines(scene.lines[e.geometry], s, s.opacity, out); break;
    }
  }
  // Translucent box faces back to front so each tints what lies behind it exactly once.
  face_keys_.clear();
  for (uint32_t v = 0; v + 6 <= out.box_faces.size(); v += 6) {
    glm::vec3 c(0.0f);
    for (int k = 0; k < 6; ++k) c += out.box_faces[v + k].position;
    face_keys_.push_back({glm::length(c / 6.0f - eye_), v});
  }
  std::sort(face_keys_.begin(), face_keys_.end(),
            [](const FaceSortKey& a, const FaceSortKey& b) { return a.depth > b.depth; });
  face_scratch_.resize(out.box_faces.size());
  size_t w = 0;
  for (const FaceSortKey& key : face_keys_) {
    for (int k = 0; k < 6; ++k) face_scratch_[w++] = out.box_faces[key.first_vertex + k];
  }
  out.box_faces.swap(face_scratch_);
}

void Batcher::addText(const Scene& scene, const Element& e, const ElementState& s, DrawBatches& out) {
  const TextGeometry& g = scene.texts[e.geometry];
  std::string_view text = g.utf8;
  Rgb rgb = s.color;
  if (g.is_number) {
    char buffer[64];
    const int n = std::snprintf(buffer, sizeof buffer, "%.*f", g.decimals, static_cast<double>(s.value));
    scratch_text_.assign(buffer, static_cast<size_t>(std::max(0, n)));
    scratch_text_ += g.suffix;
    text = scratch_text_;
    if (g.color_by_value) {
      const float t = std::clamp(std::abs(s.value) / g.value_max, 0.0f, 1.0f);
      rgb = interpolateHsl(hexColor(palette::kGreyC), hexColor(palette::kWhite), t);
    }
  }
  const auto align = static_cast<text::TextAlign>(g.align);
  text::layoutTextInto(atlas_, text, align, *scratch_layout_);
  const text::TextLayout& layout = *scratch_layout_;
  const Pose pose = grown(s);
  const float em = g.em_size;
  float shift = 0.0f;  // layouts are centered; left/right alignment moves the origin to an edge
  if (g.align == 0) shift = 0.5f * layout.width;
  if (g.align == 2) shift = -0.5f * layout.width;
  const int count = static_cast<int>(layout.quads.size());
  const glm::mat3 basis = glm::mat3_cast(pose.rotation);
  for (int i = 0; i < count; ++i) {
    const text::GlyphQuad& q = layout.quads[i];
    float a = 1.0f;
    if (s.reveal.alpha < 1.0f && s.reveal.style == RevealStyle::Parts) {
      if (s.reveal.step) {
        a = i < static_cast<int>(revealOf(s.reveal) * count + 1e-4f) ? 1.0f : 0.0f;
      } else {
        a = static_cast<float>(laggedPartAlpha(s.reveal.alpha, i, count, s.reveal.lag, s.reveal.part_rate));
      }
    }
    const float opacity = s.opacity * a;
    if (opacity <= 0.002f) continue;
    GlyphInstance gi;
    gi.origin = pose.apply(glm::vec3((q.x0 + shift) * em, q.y0 * em, 0.0f));
    gi.axis_x = basis * (pose.scale * glm::vec3((q.x1 - q.x0) * em, 0.0f, 0.0f));
    gi.axis_y = basis * (pose.scale * glm::vec3(0.0f, (q.y1 - q.y0) * em, 0.0f));
    gi.outline_px = g.outline_px;
    gi.em_pixels_hint = 0.0f;
    gi.pad = 0.0f;
    gi.uv = glm::vec4(q.u0, q.v0, q.u1, q.v1);
    gi.color = glm::vec4(rgb, opacity);
    out.glyphs[passFor(opacity)].push_back(gi);
  }
}

void Batcher::addStroke(const StrokeGeometry& g, const ElementState& s, const glm::vec4& color,
                        DrawBatches& out) {
  const size_t n = g.points.size();
  if (n < 2) return;
  const Pose pose = grown(s);
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
  auto& batch = out.strokes[passFor(color.a)];
  for (size_t i = 0; i < segments; ++i) {
    const float l0 = scratch_lengths_[i], l1 = scratch_lengths_[i + 1];
    if (l1 <= lo || l0 >= hi || l1 <= l0) continue;
    const glm::vec3 a = pose.apply(g.points[i]), b = pose.apply(g.points[(i + 1) % n]);
    const float t0 = std::max(0.0f, (lo - l0) / (l1 - l0));
    const float t1 = std::min(1.0f, (hi - l0) / (l1 - l0));
    StrokeInstance si;
    si.a = a + (b - a) * t0;
    si.b = a + (b - a) * t1;
    si.width_a = si.width_b = g.width;
    if (range.taper) {  // a flash is widest in its middle
      const float span = std::max(hi - lo, 1e-6f);
      const float u0 = (l0 + (l1 - l0) * t0 - lo) / span, u1 = (l0 + (l1 - l0) * t1 - lo) / span;
      si.width_a = g.width * std::sin(3.14159265f * std::clamp(u0, 0.0f, 1.0f));
      si.width_b = g.width * std::sin(3.14159265f * std::clamp(u1, 0.0f, 1.0f));
    }
    si.color = color;
    batch.push_back(si);
  }
}

void Batcher::addFill(const FillGeometry& g, const ElementState& s, const glm::vec4& color,
                      DrawBatches& out) {
  glm::vec4 c = color;
  if (s.reveal.alpha < 1.0f && s.reveal.style != RevealStyle::Grow) c.a *= revealOf(s.reveal);
  if (c.a <= 0.002f) return;
  const Pose pose = grown(s);
  auto& batch = out.fills[passFor(c.a)];
  for (const glm::vec3& p : g.triangles) {
    batch.push_back({pose.apply(p), 0.0f, glm::vec3(0.0f), 0.0f, c});
  }
}

void Batcher::addBox(const BoxGeometry& g, const ElementState& s, const glm::vec4& color,
                     DrawBatches& out) {
  glm::vec4 c = color;
  if (s.reveal.alpha < 1.0f && s.reveal.style != RevealStyle::Grow) c.a *= revealOf(s.reveal);
  if (c.a <= 0.002f) return;
  const Pose pose = grown(s);
  const glm::vec3 h = 0.5f * g.size;
  const glm::mat3 basis = glm::mat3_cast(pose.rotation);
  for (int face = 0; face < 6; ++face) {
    if (!(g.face_mask & (1u << face))) continue;
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
    const int order[6] = {0, 1, 2, 0, 2, 3};
    for (int k : order) out.box_faces.push_back({corners[k], g.shading, normal, 0.0f, c});
  }
}

void Batcher::addSpheres(const SphereGeometry& g, const ElementState& s, const glm::vec4& color,
                         DrawBatches& out) {
  const Pose pose = grown(s);
  const int count = static_cast<int>(g.centers.size());
  const bool partial = s.reveal.alpha < 1.0f && s.reveal.style == RevealStyle::Parts;
  for (int i = 0; i < count; ++i) {
    float a = partial ? static_cast<float>(laggedPartAlpha(s.reveal.alpha, i, count, s.reveal.lag, s.reveal.part_rate)) : 1.0f;
    const float opacity = color.a * a * (i < static_cast<int>(g.opacities.size()) ? g.opacities[i] : 1.0f);
    if (opacity <= 0.002f) continue;
    const glm::vec4& c = g.centers[i];
    out.spheres[passFor(opacity)].push_back(
        {pose.apply(glm::vec3(c)), c.w * pose.scale.x, glm::vec4(glm::vec3(color), opacity)});
  }
}

void Batcher::addLines(const LineGeometry& g, const ElementState& s, float opacity, DrawBatches& out) {
  const Pose pose = grown(s);
  const int count = static_cast<int>(g.lines.size());
  const bool partial = s.reveal.alpha < 1.0f;
  for (int i = 0; i < count; ++i) {
    const LineGeometry::Line& line = g.lines[i];
    const float a = partial ? static_cast<float>(laggedPartAlpha(s.reveal.alpha, i, count, s.reveal.lag, s.reveal.part_rate)) : 1.0f;
    const float alpha = opacity * line.opacity;
    if (a <= 0.0f || alpha <= 0.002f) continue;
    const glm::vec3 p0 = pose.apply(line.a), p1 = pose.apply(line.b);
    out.strokes[passFor(alpha)].push_back(
        {p0, g.width, p0 + (p1 - p0) * a, g.width, glm::vec4(line.color, alpha)});
  }
}

}  // namespace flowview
