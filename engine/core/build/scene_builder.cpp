#include "core/build/scene_builder.h"

#include <utility>

namespace flowview {

SceneBuilder::SceneBuilder(std::string title) {
  scene_.title = std::move(title);
}

int SceneBuilder::addElement(ElementKind kind, uint32_t geometry, const std::string& id, Pose pose,
                             Rgb color, float opacity) {
  Element e;
  e.kind = kind;
  e.geometry = geometry;
  e.id = id;
  e.added_at = now_;
  e.pose.setInitial(pose);
  e.color.setInitial(color);
  e.opacity.setInitial(opacity);
  scene_.elements.push_back(std::move(e));
  return static_cast<int>(scene_.elements.size()) - 1;
}

int SceneBuilder::addText(const std::string& id, TextGeometry g, Pose pose, Rgb color,
                          float opacity) {
  scene_.texts.push_back(std::move(g));
  return addElement(ElementKind::Text, static_cast<uint32_t>(scene_.texts.size() - 1), id, pose,
                    color, opacity);
}
int SceneBuilder::addStroke(const std::string& id, StrokeGeometry g, Pose pose, Rgb color,
                            float opacity) {
  scene_.strokes.push_back(std::move(g));
  return addElement(ElementKind::Stroke, static_cast<uint32_t>(scene_.strokes.size() - 1), id, pose,
                    color, opacity);
}
int SceneBuilder::addFill(const std::string& id, FillGeometry g, Pose pose, Rgb color,
                          float opacity) {
  scene_.fills.push_back(std::move(g));
  return addElement(ElementKind::Fill, static_cast<uint32_t>(scene_.fills.size() - 1), id, pose,
                    color, opacity);
}
int SceneBuilder::addBox(const std::string& id, BoxGeometry g, Pose pose, Rgb color,
                         float opacity) {
  scene_.boxes.push_back(std::move(g));
  return addElement(ElementKind::Box, static_cast<uint32_t>(scene_.boxes.size() - 1), id, pose,
                    color, opacity);
}
int SceneBuilder::addSpheres(const std::string& id, SphereGeometry g, Pose pose, Rgb color,
                             float opacity) {
  scene_.spheres.push_back(std::move(g));
  return addElement(ElementKind::Spheres, static_cast<uint32_t>(scene_.spheres.size() - 1), id,
                    pose, color, opacity);
}
int SceneBuilder::addLines(const std::string& id, LineGeometry g, Pose pose, float opacity) {
  scene_.lines.push_back(std::move(g));
  return addElement(ElementKind::Lines, static_cast<uint32_t>(scene_.lines.size() - 1), id, pose,
                    Rgb(1.0f), opacity);
}

int SceneBuilder::addGrid(const std::string& id, GridGeometry g, Pose pose, float opacity) {
  scene_.grids.push_back(std::move(g));
  return addElement(ElementKind::Grid, static_cast<uint32_t>(scene_.grids.size() - 1), id, pose,
                    Rgb(1.0f), opacity);
}

void SceneBuilder::endPlay(double run_time, const std::string& name, const std::string& section,
                           const std::string& notes) {
  Beat beat;
  beat.index = static_cast<int>(scene_.beats.size());
  beat.kind = BeatKind::Play;
  beat.start = now_;
  beat.end = now_ + run_time;
  beat.name = name;
  beat.section = section;
  beat.notes = notes;
  scene_.beats.push_back(std::move(beat));
  now_ += run_time;
}

void SceneBuilder::wait(double duration, const std::string& name, const std::string& section,
                        const std::string& notes) {
  endPlay(duration, name, section, notes);
  scene_.beats.back().kind = BeatKind::Wait;
}

void SceneBuilder::fadeIn(int e, TimeWindow w, glm::vec3 shift, Rate rate, float target_opacity) {
  Element& el = element(e);
  const float now = el.opacity.finalValue();
  const float target = target_opacity >= 0.0f ? target_opacity : now > 0.0f ? now : 1.0f;
  // Hidden until the fade starts.
  if (el.opacity.segments().empty()) {
    el.opacity.setInitial(0.0f);
  } else {
    el.opacity.set(w.start, 0.0f);
  }
  el.opacity.animate(w.start, w.end, target, rate);
  if (shift != glm::vec3(0.0f)) {
    Pose end = el.pose.finalValue();
    Pose start = end;
    start.position -= shift;
    el.pose.set(w.start, start);
    el.pose.animate(w.start, w.end, end, rate);
  }
}

void SceneBuilder::fadeOut(int e, TimeWindow w, glm::vec3 shift, Rate rate) {
  Element& el = element(e);
  el.opacity.animate(w.start, w.end, 0.0f, rate);
  if (shift != glm::vec3(0.0f)) {
    Pose end = el.pose.finalValue();
    end.position += shift;
    el.pose.animate(w.start, w.end, end, rate);
  }
}

void SceneBuilder::fadeTo(int e, TimeWindow w, float opacity, Rate rate) {
  element(e).opacity.animate(w.start, w.end, opacity, rate);
}

void SceneBuilder::moveTo(int e, TimeWindow w, Pose target, Rate rate) {
  element(e).pose.animate(w.start, w.end, target, rate);
}

void SceneBuilder::recolor(int e, TimeWindow w, Rgb target, Rate rate) {
  element(e).color.animate(w.start, w.end, target, rate);
}

void SceneBuilder::reveal(int e, TimeWindow w, RevealStyle style, Rate part_rate, float lag,
                          float flash_width, bool step) {
  Element& el = element(e);
  RevealState start{0.0f, style, part_rate, lag, flash_width, step};
  RevealState end = start;
  end.alpha = 1.0f;
  if (el.reveal.segments().empty()) {
    el.reveal.setInitial(start);  // not drawn before its reveal begins
  } else {
    el.reveal.set(w.start, start);
  }
  el.reveal.animate(w.start, w.end, end, Rate::Linear);
  if (style == RevealStyle::Flash) {
    // A flash leaves nothing behind.
    el.removed_at = std::min(el.removed_at, w.end);
  }
}

void SceneBuilder::changeValue(int e, TimeWindow w, float target, Rate rate) {
  element(e).value.animate(w.start, w.end, target, rate);
}

void SceneBuilder::remove(int e, double t) {
  element(e).removed_at = t;
}
void SceneBuilder::hideUntil(int e, double t) {
  element(e).added_at = t;
}

void SceneBuilder::moveCamera(TimeWindow w, Camera target, Rate rate) {
  scene_.camera.animate(w.start, w.end, target, rate);
}

void SceneBuilder::addPreset(std::string name, Camera camera) {
  scene_.presets.push_back({std::move(name), camera});
}

void SceneBuilder::addPart(const std::string& id, const std::string& kind,
                           std::vector<int> elements) {
  for (ScenePart& part : scene_.parts) {
    if (part.id == id) {
      part.kind = kind;
      part.elements = std::move(elements);
      return;
    }
  }
  scene_.parts.push_back(ScenePart{id, kind, std::move(elements)});
}

Scene SceneBuilder::finish() {
  scene_.duration = now_;
  return std::move(scene_);
}

}  // namespace flowview
