// The general layer's object factory: descriptions become elements (docs/scene-format.md).
#include "core/scenes/general_layer.h"

#include <algorithm>
#include <cmath>

#include "core/math/color.h"
#include "core/scenes/outlines.h"
#include "core/scenes/shapes.h"
#include "core/scenes/units.h"
#include "core/text/formula.h"
#include "core/text/glyph_atlas.h"
#include "core/text/utf8.h"

namespace flowview::scenes {

using namespace description;

namespace {

constexpr float kPi = 3.14159265358979f;

float toFloat(double v) {
  return static_cast<float>(v);
}

glm::vec3 vec3Of(const Vec3& v) {
  return {toFloat(v[0]), toFloat(v[1]), toFloat(v[2])};
}

// The reader checked every color name.
Rgb colorOf(const std::string& name) {
  return parseColor(name).value_or(Rgb(1.0f));
}

int alignOf(const std::string& align) {
  return align == "left" ? 0 : align == "center" ? 1 : 2;
}

}  // namespace

GeneralLayer::GeneralLayer(SceneBuilder& builder, text::GlyphAtlas& atlas)
    : builder_(builder), atlas_(atlas) {}

int GeneralLayer::track(int element, float base_opacity) {
  opacities_[element] = {base_opacity, builder_.opacityNow(element)};
  return element;
}

glm::vec3 GeneralLayer::originNow(const Object& object) const {
  if (object.anchor < 0) return glm::vec3(0.0f);
  return builder_.poseNow(object.anchor).position + object.anchor_offset * scaleNow(object);
}

float GeneralLayer::scaleNow(const Object& object) const {
  if (object.anchor < 0) return 1.0f;
  return builder_.poseNow(object.anchor).scale.y / object.anchor_scale;
}

void GeneralLayer::addFormula(const FormulaObject& formula, const std::string& id, const Pose& pose,
                              Rgb color, float opacity, Object& out) {
  const float font_size = toFloat(formula.font_size);
  const float em = font_size * kEmPerFontSize;
  const float outline = toFloat(formula.outline);
  const float stroke = toFloat(formula.stroke_width.value_or(0.055 * formula.font_size));

  text::AtlasMetrics metrics(atlas_);
  // The reader checked the markup; a font cannot make it invalid.
  const text::FormulaBox box = text::layoutFormula(metrics, formula.text);
  const Bounds2 ink = text::formulaInk(metrics, box);
  if (ink.empty()) return;
  const float dx = formula.align == "left"    ? -ink.x0
                   : formula.align == "right" ? -ink.x1
                                              : -0.5f * (ink.x0 + ink.x1);
  const float dy = -0.5f * (ink.y0 + ink.y1);
  auto place = [&](glm::vec2 local) {
    return pose.position +
           pose.rotation * (pose.scale * (em * glm::vec3(local.x + dx, local.y + dy, 0.0f)));
  };

  // Pieces in reading order (left to right), so "write" with a lag_ratio goes across the formula.
  struct Piece {
    float left;
    const text::FormulaRun* run;
    const std::vector<glm::vec2>* path;
  };
  std::vector<Piece> pieces;
  for (const text::FormulaRun& run : box.runs) {
    const Bounds2 ri = text::formulaRunInk(metrics, run);
    if (!ri.empty()) pieces.push_back({ri.x0, &run, nullptr});
  }
  for (const auto& path : box.paths) {
    float left = path.front().x;
    for (const auto& q : path) left = std::min(left, q.x);
    pieces.push_back({left, nullptr, &path});
  }
  std::stable_sort(pieces.begin(), pieces.end(),
                   [](const Piece& a, const Piece& b) { return a.left < b.left; });
  int index = 0;
  for (const Piece& piece : pieces) {
    const std::string element_id = id + "/" + std::to_string(index++);
    if (piece.run) {
      const text::FormulaRun& run = *piece.run;
      const Bounds2 ri = text::formulaRunInk(metrics, run);
      TextGeometry g;
      g.utf8 = text::encodeUtf8(run.text);
      g.em_size = em * run.scale;
      g.outline_px = outline;
      g.align = 1;
      Pose p = pose;
      p.position = place({0.5f * (ri.x0 + ri.x1), 0.5f * (ri.y0 + ri.y1)});
      p.scale = pose.scale * glm::vec3(run.sx, run.sy, 1.0f);
      out.elements.push_back(track(builder_.addText(element_id, g, p, color, opacity), 1.0f));
    } else {
      StrokeGeometry g;
      const glm::vec3 origin = place(piece.path->front());
      for (const auto& q : *piece.path)
        g.points.push_back(glm::inverse(pose.rotation) * (place(q) - origin));
      g.width = stroke;
      Pose p = pose;
      p.position = origin;
      p.scale = glm::vec3(1.0f);
      out.elements.push_back(track(builder_.addStroke(element_id, g, p, color, opacity), 1.0f));
    }
  }
  // The anchor's origin differs from the object's position; remember the offset.
  if (!out.elements.empty()) {
    out.anchor = out.elements.front();
    out.anchor_offset = pose.position - builder_.poseNow(out.anchor).position;
    out.anchor_scale = builder_.poseNow(out.anchor).scale.y;
  }
}

void GeneralLayer::addObject(const ObjectDescription& object) {
  const std::string& id = object.id;
  if (const auto* group = std::get_if<GroupObject>(&object.shape)) {
    Object out;
    for (const std::string& member : group->members) {
      const Object& m = objects_.at(member);  // the reader checked they exist
      if (out.anchor < 0) {
        out.anchor = m.anchor;
        out.anchor_offset = m.anchor_offset;
        out.anchor_scale = m.anchor_scale;
      }
      out.elements.insert(out.elements.end(), m.elements.begin(), m.elements.end());
    }
    builder_.addPart(id, "group", out.elements);
    objects_[id] = std::move(out);
    return;
  }
  const glm::vec3 position = vec3Of(object.position);
  const Rgb color = colorOf(object.color);
  const float opacity = toFloat(object.opacity);
  Pose pose;
  pose.position = position;
  if (const auto& r = object.rotation_deg)
    pose.rotation = quatFromEulerDegrees({toFloat((*r)[0]), toFloat((*r)[1]), toFloat((*r)[2])});
  Object out;
  auto fillColor = [&](const std::optional<std::string>& name) {
    return name ? colorOf(*name) : color;
  };
  auto addOutlined = [&](std::vector<glm::vec3> outline, double fill_opacity, double stroke_width,
                         Rgb fill_color) {
    const float fill = toFloat(fill_opacity);
    const float stroke = toFloat(stroke_width);
    if (fill > 0)
      out.elements.push_back(track(builder_.addFill(id + "/fill", shapes::convexFill(outline), pose,
                                                    fill_color, fill * opacity),
                                   fill));
    if (stroke > 0) {
      StrokeGeometry g;
      g.points = std::move(outline);
      g.closed = true;
      g.width = stroke;
      out.elements.push_back(track(builder_.addStroke(id, g, pose, color, opacity), 1.0f));
    }
  };

  if (const auto* text = std::get_if<TextObject>(&object.shape)) {
    TextGeometry g;
    g.utf8 = text->text;
    g.em_size = toFloat(text->font_size) * kEmPerFontSize;
    g.outline_px = toFloat(text->outline);
    g.align = alignOf(text->align);
    out.elements.push_back(track(builder_.addText(id, g, pose, color, opacity), 1.0f));
  } else if (const auto* formula = std::get_if<FormulaObject>(&object.shape)) {
    addFormula(*formula, id, pose, color, opacity, out);
  } else if (const auto* rect = std::get_if<RectangleObject>(&object.shape)) {
    addOutlined(shapes::roundedRectanglePoints(toFloat(rect->width), toFloat(rect->height),
                                               toFloat(rect->corner_radius)),
                rect->fill_opacity, rect->stroke_width, fillColor(rect->fill_color));
  } else if (const auto* circle = std::get_if<CircleObject>(&object.shape)) {
    addOutlined(shapes::circlePoints(toFloat(circle->radius)), circle->fill_opacity,
                circle->stroke_width, fillColor(circle->fill_color));
  } else if (const auto* box = std::get_if<BoxObject>(&object.shape)) {
    BoxGeometry g;
    g.size = vec3Of(box->size);
    g.shading = toFloat(box->shading);
    out.elements.push_back(track(builder_.addBox(id, g, pose, color, opacity), 1.0f));
  } else if (const auto* line = std::get_if<LineObject>(&object.shape)) {
    std::vector<glm::vec3> points;
    if (line->points) {
      for (const Vec3& p : *line->points) points.push_back(vec3Of(p));
      points = shapes::filletCorners(points, toFloat(line->corner_radius));
    } else {
      points = shapes::arcPoints(vec3Of(line->from), vec3Of(line->to),
                                 toFloat(line->path_arc_deg) * kPi / 180.0f);
    }
    // The element's origin is the start point, so "grow" grows the line out of its start.
    const glm::vec3 start = points.front();
    for (auto& p : points) p -= start;
    pose.position += pose.rotation * start;
    StrokeGeometry g;
    g.width = toFloat(line->stroke_width);
    int tip_element = -1;
    if (line->arrow) {
      const float tip = toFloat(line->tip_length);
      const float tip_width = toFloat(line->tip_width.value_or(line->tip_length));
      const glm::vec3 end = points.back();
      const glm::vec3 dir = end - points[points.size() - 2];
      if (glm::length(dir) > 1e-6f && tip > 0.0f) {
        points.back() -= glm::normalize(dir) * (0.8f * tip);
        tip_element =
            track(builder_.addFill(id + "/tip", shapes::arrowTip(end, dir, tip, tip_width), pose,
                                   color, opacity),
                  1.0f);
        tips_.insert(tip_element);
      }
    }
    g.points = std::move(points);
    out.elements.push_back(track(builder_.addStroke(id, g, pose, color, opacity), 1.0f));
    if (tip_element >= 0) out.elements.push_back(tip_element);
  } else if (const auto* brace = std::get_if<BraceObject>(&object.shape)) {
    const float angle = brace->direction == "left"    ? 0.0f
                        : brace->direction == "down"  ? 90.0f
                        : brace->direction == "right" ? 180.0f
                                                      : 270.0f;
    pose.rotation = pose.rotation * glm::angleAxis(angle * kPi / 180.0f, glm::vec3(0, 0, 1));
    out.elements.push_back(
        track(builder_.addStroke(id,
                                 shapes::brace(toFloat(brace->length), toFloat(brace->depth), true,
                                               toFloat(brace->stroke_width)),
                                 pose, color, opacity),
              1.0f));
  } else if (const auto* spheres = std::get_if<SpheresObject>(&object.shape)) {
    SphereGeometry g;
    const float radius = toFloat(spheres->radius);
    for (const Vec3& p : spheres->points) {
      g.centers.push_back(glm::vec4(vec3Of(p), radius));
      g.opacities.push_back(1.0f);
    }
    out.elements.push_back(track(builder_.addSpheres(id, g, pose, color, opacity), 1.0f));
  } else if (const auto* matrix = std::get_if<MatrixObject>(&object.shape)) {
    addMatrixObject(*matrix, id, pose, color, opacity, object.fixed_in_frame, out);
  } else if (const auto* bars = std::get_if<BarsObject>(&object.shape)) {
    const float pitch = toFloat(bars->pitch);
    const float scale = toFloat(bars->length_scale);
    for (size_t i = 0; i < bars->values.size(); ++i) {
      const float len = std::max(0.01f, toFloat(bars->values[i]) * scale);
      // Origin on the bar's left end, so "grow" grows it to the right.
      Pose bar = pose;
      bar.position += pose.rotation * glm::vec3(0, -pitch * static_cast<float>(i), 0);
      FillGeometry g = shapes::rectangleFill(len, 0.5f * pitch);
      for (auto& p : g.triangles) p.x += 0.5f * len;
      out.elements.push_back(track(
          builder_.addFill(id + "/" + std::to_string(i), g, bar, color, 0.8f * opacity), 0.8f));
    }
  }
  for (int e : out.elements) builder_.element(e).fixed_in_frame = object.fixed_in_frame;
  if (out.anchor < 0 && !out.elements.empty()) {
    out.anchor = out.elements.front();
    out.anchor_offset = position - builder_.poseNow(out.anchor).position;
    out.anchor_scale = builder_.poseNow(out.anchor).scale.y;
  }
  builder_.addPart(id, objectTypeName(object), out.elements);
  objects_[id] = std::move(out);
}

}  // namespace flowview::scenes
