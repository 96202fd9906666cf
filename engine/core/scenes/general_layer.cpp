#include "core/scenes/general_layer.h"

#include <cmath>
#include <map>

#include "core/scenes/scene_json.h"
#include "core/scenes/shapes.h"
#include "core/scenes/units.h"

namespace flowview::scenes {
namespace {
constexpr float kPi = 3.14159265358979f;
}  // namespace

using io::ObjectReader;

// ---------------------------------------------------------------------------------------------
// The general layer: objects_ with ids and play / wait steps on them.

GeneralLayer::GeneralLayer(SceneBuilder& builder, text::GlyphAtlas& atlas) : builder_(builder), atlas_(atlas) {}

void GeneralLayer::addObject(ObjectReader obj) {
    const std::string id = obj.required<std::string>("id");
    if (id.empty()) obj.fail("id", "must not be empty");
    if (objects_.count(id)) obj.fail("id", "duplicate object id \"" + id + "\"");
    const std::string type = obj.required<std::string>("type");
    const glm::vec3 position = vec3Of(obj.optional<std::array<double, 3>>("position", {0, 0, 0}));
    const Rgb color = readColor(obj, "color", Rgb(1.0f));
    const float opacity = static_cast<float>(obj.optionalInRange<double>("opacity", 1.0, 0.0, 1.0));
    Pose pose;
    pose.position = position;
    if (auto r = obj.optional<std::array<double, 3>>("rotation_deg")) {
      pose.rotation = quatFromEulerDegrees({static_cast<float>((*r)[0]), static_cast<float>((*r)[1]), static_cast<float>((*r)[2])});
    }
    std::vector<int>& out = objects_[id];
    if (type == "text") {
      TextGeometry g;
      g.utf8 = obj.required<std::string>("text");
      g.em_size = static_cast<float>(obj.optionalInRange<double>("font_size", 48.0, 1.0, 2000.0)) * kEmPerFontSize;
      g.outline_px = static_cast<float>(obj.optionalInRange<double>("outline", 0.0, 0.0, 50.0));
      const std::string align = obj.optional<std::string>("align", "center");
      if (align != "left" && align != "center" && align != "right") obj.fail("align", "expected \"left\", \"center\" or \"right\"");
      g.align = align == "left" ? 0 : align == "center" ? 1 : 2;
      out.push_back(builder_.addText(id, g, pose, color, opacity));
    } else if (type == "rectangle") {
      const float w = static_cast<float>(obj.requiredInRange<double>("width", 0.0, 1e4));
      const float h = static_cast<float>(obj.requiredInRange<double>("height", 0.0, 1e4));
      const float fill = static_cast<float>(obj.optionalInRange<double>("fill_opacity", 0.0, 0.0, 1.0));
      const float stroke = static_cast<float>(obj.optionalInRange<double>("stroke_width", 2.0, 0.0, 100.0));
      const Rgb fill_color = readColor(obj, "fill_color", color);
      if (fill > 0) out.push_back(builder_.addFill(id + "/fill", shapes::rectangleFill(w, h), pose, fill_color, fill * opacity));
      if (stroke > 0) out.push_back(builder_.addStroke(id, shapes::rectangleOutline(w, h, stroke), pose, color, opacity));
    } else if (type == "box") {
      BoxGeometry g;
      g.size = vec3Of(obj.required<std::array<double, 3>>("size"));
      g.shading = static_cast<float>(obj.optionalInRange<double>("shading", 0.5, 0.0, 1.0));
      out.push_back(builder_.addBox(id, g, pose, color, opacity));
    } else if (type == "line" || type == "arrow") {
      const glm::vec3 from = vec3Of(obj.required<std::array<double, 3>>("from"));
      const glm::vec3 to = vec3Of(obj.required<std::array<double, 3>>("to"));
      const float arc = static_cast<float>(obj.optionalInRange<double>("path_arc_deg", 0.0, -359.0, 359.0)) * kPi / 180.0f;
      StrokeGeometry g;
      g.points = shapes::arcPoints(from, to, arc);
      g.width = static_cast<float>(obj.optionalInRange<double>("stroke_width", type == "arrow" ? 4.0 : 2.0, 0.0, 100.0));
      if (type == "arrow") {
        const float tip = static_cast<float>(obj.optionalInRange<double>("tip_length", 0.25, 0.0, 100.0));
        const glm::vec3 dir = g.points.back() - g.points[g.points.size() - 2];
        if (glm::length(dir) > 1e-6f) {
          g.points.back() -= glm::normalize(dir) * (0.8f * tip);
          out.push_back(builder_.addFill(id + "/tip", shapes::arrowTip(to, dir, tip, tip), pose, color, opacity));
        }
      }
      out.insert(out.begin(), builder_.addStroke(id, g, pose, color, opacity));
    } else if (type == "brace") {
      const float length = static_cast<float>(obj.requiredInRange<double>("length", 0.01, 1e4));
      const std::string direction = obj.optional<std::string>("direction", "down");
      const std::map<std::string, float> angles = {{"left", 0}, {"down", 90}, {"right", 180}, {"up", 270}};
      if (!angles.count(direction)) obj.fail("direction", "expected \"left\", \"right\", \"up\" or \"down\"");
      pose.rotation = pose.rotation * glm::angleAxis(angles.at(direction) * kPi / 180.0f, glm::vec3(0, 0, 1));
      out.push_back(builder_.addStroke(id, shapes::brace(length, 0.25f, true, 3.0f), pose, color, opacity));
    } else if (type == "spheres") {
      SphereGeometry g;
      const float radius = static_cast<float>(obj.optionalInRange<double>("radius", 0.1, 0.0, 1e3));
      auto points = obj.array("points");
      for (const auto& p : points) {
        const auto xyz = p.as<std::array<double, 3>>();
        g.centers.push_back(glm::vec4(vec3Of(xyz), radius));
        g.opacities.push_back(1.0f);
      }
      out.push_back(builder_.addSpheres(id, g, pose, color, opacity));
    } else if (type == "bars") {
      auto values = obj.required<std::vector<double>>("values");
      const float pitch = static_cast<float>(obj.optionalInRange<double>("pitch", 0.5, 0.01, 100.0));
      const float scale = static_cast<float>(obj.optionalInRange<double>("length_scale", 4.0, 0.0, 1e4));
      for (size_t i = 0; i < values.size(); ++i) {
        if (values[i] < 0 || values[i] > 1) obj.fail("values", "every value must be between 0 and 1, got " + io::formatNumber(values[i]));
        const float len = std::max(0.01f, static_cast<float>(values[i]) * scale);
        Pose bar = pose;
        bar.position += glm::vec3(len / 2, -pitch * static_cast<float>(i), 0);
        out.push_back(builder_.addFill(id + "/" + std::to_string(i), shapes::rectangleFill(len, 0.5f * pitch), bar, color, 0.8f * opacity));
      }
    } else {
      obj.fail("type", "unknown object type \"" + type + "\" (text, rectangle, box, line, arrow, brace, spheres, bars)");
    }
    obj.ignore("notes");
    obj.finish();
  }

double GeneralLayer::animate(ObjectReader anim, double t0, double default_run_time) {
    const std::string type = anim.required<std::string>("type");
    const double run_time = anim.optionalInRange<double>("run_time", default_run_time, 0.0, 1e5);
    TimeWindow w{t0, t0 + run_time};
    if (auto span = anim.optional<std::array<double, 2>>("time_span")) {
      if ((*span)[0] < 0 || (*span)[1] < (*span)[0]) anim.fail("time_span", "expected [start, end] with 0 <= start <= end");
      w = {t0 + (*span)[0], t0 + (*span)[1]};
    }
    const Rate rate = readRate(anim, "rate", Rate::Smooth);
    const float lag = static_cast<float>(anim.optionalInRange<double>("lag_ratio", 0.0, 0.0, 10.0));
    if (type == "camera") {
      Camera target = builder_.cameraNow();
      if (auto e = readOrientation(anim, "euler_deg", std::nullopt)) target.orientation = quatFromEulerDegrees(*e);
      if (auto c = anim.optional<std::array<double, 3>>("center")) target.center = vec3Of(*c);
      if (auto h = anim.optional<double>("height")) target.height = static_cast<float>(anim.document().requireRange(*h, 0.01, 1e6, anim.childPointer("height")));
      builder_.moveCamera(w, target, rate);
      anim.finish();
      return w.end - t0;
    }
    const std::string target = anim.required<std::string>("target");
    auto it = objects_.find(target);
    if (it == objects_.end()) anim.fail("target", "no object with id \"" + target + "\"");
    const std::vector<int>& elements = it->second;
    const glm::vec3 shift = vec3Of(anim.optional<std::array<double, 3>>("shift", {0, 0, 0}));
    const int n = static_cast<int>(elements.size());
    for (int i = 0; i < n; ++i) {
      const int e = elements[i];
      const TimeWindow part = partWindow(i, n, lag, w.duration());
      const TimeWindow pw{w.start + part.start, w.start + part.end};
      if (type == "fade_in") builder_.fadeIn(e, pw, shift, rate);
      else if (type == "fade_out") builder_.fadeOut(e, pw, shift, rate);
      else if (type == "show_creation") builder_.reveal(e, pw, RevealStyle::Prefix, rate);
      else if (type == "write") builder_.reveal(e, pw, RevealStyle::Parts, rate, 0.2f);
      else if (type == "grow") builder_.reveal(e, pw, RevealStyle::Grow, rate);
      else if (type == "flash") builder_.reveal(e, pw, RevealStyle::Flash, rate, 0, static_cast<float>(anim.optional<double>("time_width", 1.0)));
      else if (type == "show_creation_then_fade_out") {
        const double mid = 0.5 * (pw.start + pw.end);
        builder_.reveal(e, {pw.start, mid}, RevealStyle::Prefix, rate);
        builder_.fadeOut(e, {mid, pw.end});
      } else if (type == "move") {
        Pose pose = builder_.poseNow(e);
        if (auto p = anim.optional<std::array<double, 3>>("to")) pose.position = vec3Of(*p) + (pose.position - builder_.poseNow(elements[0]).position);
        pose.position += shift;
        if (auto s = anim.optional<double>("scale")) pose.scale = glm::vec3(static_cast<float>(*s));
        builder_.moveTo(e, pw, pose, rate);
        if (auto o = anim.optional<double>("opacity")) builder_.fadeTo(e, pw, static_cast<float>(anim.document().requireRange(*o, 0.0, 1.0, anim.childPointer("opacity"))), rate);
        if (anim.has("color")) builder_.recolor(e, pw, readColor(anim, "color", Rgb(1.0f)), rate);
      } else if (type == "remove") {
        builder_.remove(e, pw.start);
      } else {
        anim.fail("type", "unknown animation \"" + type + "\" (fade_in, fade_out, show_creation, write, grow, flash, show_creation_then_fade_out, move, remove, camera)");
      }
    }
    anim.ignore("time_width");
    anim.finish();
    return w.end - t0;
  }

}  // namespace flowview::scenes
