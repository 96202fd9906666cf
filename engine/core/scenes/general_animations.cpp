// The general layer's animation interpreter: a play's animations become segments on the
// elements of their target (docs/scene-format.md, "play and its animations").
#include <algorithm>
#include <cmath>

#include "core/io/json_document.h"
#include "core/io/load_error.h"
#include "core/math/color.h"
#include "core/scenes/general_layer.h"
#include "core/timeline/group_timing.h"

namespace flowview::scenes {

using namespace description;

namespace {

float toFloat(double v) {
  return static_cast<float>(v);
}

glm::vec3 vec3Of(const Vec3& v) {
  return {toFloat(v[0]), toFloat(v[1]), toFloat(v[2])};
}

// Rates that end where they started (there_and_back...): a channel holds a segment's target once
// the segment is over, so the start value is put back when the animation ends.
bool returnsToStart(Rate rate) {
  return applyRate(rate, 1.0) < 0.5;
}

}  // namespace

void GeneralLayer::fadeIn(int e, TimeWindow w, glm::vec3 shift, Rate rate) {
  Element& el = builder_.element(e);
  const float now = el.opacity.finalValue();
  if (now > 0.0f || !el.opacity.animated()) {
    builder_.fadeIn(e, w, shift, rate);  // to the opacity it has (or was made with)
    return;
  }
  // Faded out earlier: come back to the opacity it was last shown with.
  const auto it = opacities_.find(e);
  const float target = it != opacities_.end() && it->second.shown > 0.0f ? it->second.shown : 1.0f;
  builder_.fadeIn(e, w, shift, rate, target);
}

GeneralLayer::Object GeneralLayer::target(const AnimationDescription& anim) const {
  if (auto it = objects_.find(anim.target); it != objects_.end()) return it->second;
  if (const ScenePart* part = builder_.findPart(anim.target); part && !part->elements.empty()) {
    // A part of the network flow ("attention2/block", "layer3"): its origin is the centre of its
    // elements' positions, so indicate and move scale about the part's middle.
    Object object;
    object.elements = part->elements;
    glm::vec3 centre(0.0f);
    for (int e : part->elements) centre += builder_.poseNow(e).position;
    centre /= static_cast<float>(part->elements.size());
    object.anchor = part->elements.front();
    const Pose anchor = builder_.poseNow(object.anchor);
    object.anchor_scale = anchor.scale.y;
    object.anchor_offset = centre - anchor.position;
    return object;
  }
  std::vector<std::string> ids;
  for (const auto& [id, object] : objects_) ids.push_back(id);
  for (const ScenePart& part : builder_.scene().parts) ids.push_back(part.id);
  std::string message = "no object with id \"" + io::clipForMessage(anim.target) + "\"";
  if (const std::string* near = io::closestName(anim.target, ids))
    message += " (did you mean \"" + *near + "\"?)";
  const SourceRef& at = anim.target_source;
  throw io::LoadError(at.file, at.pointer, at.location, message);
}

double GeneralLayer::animate(const AnimationDescription& anim, double t0, double default_run_time) {
  const std::string& type = anim.type;
  const double run_time = anim.run_time.value_or(default_run_time);
  TimeWindow w{t0, t0 + run_time};
  if (anim.time_span) w = {t0 + (*anim.time_span)[0], t0 + (*anim.time_span)[1]};
  // "rate" shapes every kind but remove and indicate (which has manim's fixed there-and-back).
  const Rate rate = type == "remove" || type == "indicate" ? Rate::Smooth : anim.rate;
  if (type == "camera") {
    Camera start = builder_.cameraNow();
    Camera target = start;
    if (anim.euler_deg) target.orientation = quatFromEulerDegrees(*anim.euler_deg);
    if (anim.center) target.center = vec3Of(*anim.center);
    if (anim.height) target.height = toFloat(*anim.height);
    builder_.moveCamera(w, target, rate);
    if (returnsToStart(rate)) builder_.mutableScene().camera.set(w.end, start);
    return w.end - t0;
  }
  if (type == "highlight") {
    highlight(anim, w, rate);
    return w.end - t0;
  }
  const Object object = target(anim);
  const std::vector<int>& elements = object.elements;
  const float lag = toFloat(anim.lag_ratio);
  const glm::vec3 shift = vec3Of(anim.shift);
  const int n = static_cast<int>(elements.size());

  const float flash_width = toFloat(anim.time_width);
  std::optional<glm::vec3> move_to;
  std::optional<float> move_scale, move_opacity;
  std::optional<Rgb> move_color;
  if (type == "move") {
    if (anim.to) move_to = vec3Of(*anim.to);
    if (anim.scale) move_scale = toFloat(*anim.scale);
    if (anim.opacity) move_opacity = toFloat(*anim.opacity);
    if (anim.color) move_color = parseColor(*anim.color).value_or(Rgb(1.0f));
  }
  const float indicate_scale = toFloat(anim.scale.value_or(1.2));
  const Rgb indicate_color = parseColor(anim.color.value_or("#FFFF00")).value_or(Rgb(1, 1, 0));
  const glm::vec3 origin = originNow(object);
  const float scale_now = scaleNow(object);

  for (int i = 0; i < n; ++i) {
    const int e = elements[i];
    const TimeWindow part = partWindow(i, n, lag, w.duration());
    const TimeWindow pw{w.start + part.start, w.start + part.end};
    Element& el = builder_.element(e);
    if (type == "fade_in") {
      fadeIn(e, pw, shift, rate);
    } else if (type == "fade_out") {
      builder_.fadeOut(e, pw, shift, rate);
    } else if (type == "show_creation") {
      // An arrow's tip appears as the shaft reaches it, over the last tenth of the window.
      if (tips_.count(e))
        builder_.reveal(e, {pw.end - 0.1 * pw.duration(), pw.end}, RevealStyle::Parts,
                        Rate::Linear);
      else
        builder_.reveal(e, pw, RevealStyle::Prefix, rate);
    } else if (type == "write") {
      builder_.reveal(e, pw, RevealStyle::Parts, rate, 0.2f);
    } else if (type == "grow") {
      builder_.reveal(e, pw, RevealStyle::Grow, rate);
    } else if (type == "flash") {
      builder_.reveal(e, pw, RevealStyle::Flash, rate, 0, flash_width);
    } else if (type == "show_creation_then_fade_out") {
      const double mid = 0.5 * (pw.start + pw.end);
      if (tips_.count(e))
        builder_.reveal(e, {mid - 0.05 * pw.duration(), mid}, RevealStyle::Parts, Rate::Linear);
      else
        builder_.reveal(e, {pw.start, mid}, RevealStyle::Prefix, rate);
      builder_.fadeOut(e, {mid, pw.end});
    } else if (type == "move") {
      const Pose start = builder_.poseNow(e);
      Pose pose = start;
      const float ratio = move_scale ? *move_scale / std::max(scale_now, 1e-6f) : 1.0f;
      const glm::vec3 new_origin = (move_to ? *move_to : origin) + shift;
      pose.position = new_origin + (start.position - origin) * ratio;
      pose.scale = start.scale * ratio;
      const Rgb start_color = el.color.finalValue();
      const float start_opacity = el.opacity.finalValue();
      builder_.moveTo(e, pw, pose, rate);
      if (move_opacity) {
        // Scene parts were not made here: their opacity now is their base.
        Opacity& o = opacities_.try_emplace(e, Opacity{start_opacity, start_opacity}).first->second;
        const float value = o.base * *move_opacity;
        builder_.fadeTo(e, pw, value, rate);
        if (!returnsToStart(rate)) o.shown = value;
      }
      if (move_color) builder_.recolor(e, pw, *move_color, rate);
      if (returnsToStart(rate)) {
        el.pose.set(pw.end, start);
        if (move_opacity) el.opacity.set(pw.end, start_opacity);
        if (move_color) el.color.set(pw.end, start_color);
      }
    } else if (type == "indicate") {
      // manim's Indicate: scale up about the object's origin and turn yellow, then back.
      const Pose start = builder_.poseNow(e);
      Pose big = start;
      big.position = origin + (start.position - origin) * indicate_scale;
      big.scale = start.scale * indicate_scale;
      const Rgb start_color = el.color.finalValue();
      const double mid = 0.5 * (pw.start + pw.end);
      builder_.moveTo(e, {pw.start, mid}, big, Rate::Smooth);
      builder_.moveTo(e, {mid, pw.end}, start, Rate::Smooth);
      builder_.recolor(e, {pw.start, mid}, indicate_color, Rate::Smooth);
      builder_.recolor(e, {mid, pw.end}, start_color, Rate::Smooth);
    } else if (type == "remove") {
      builder_.remove(e, pw.start);
    }
  }
  return w.end - t0;
}

}  // namespace flowview::scenes
