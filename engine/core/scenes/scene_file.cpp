#include "core/scenes/scene_file.h"

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <map>

#include "core/build/scene_builder.h"
#include "core/io/json_document.h"
#include "core/math/color.h"
#include "core/scenes/network_flow.h"
#include "core/scenes/shapes.h"
#include "core/scenes/units.h"
#include "core/text/glyph_atlas.h"

namespace flowview::scenes {
namespace {

using io::ArrayReader;
using io::JsonDocument;
using io::ObjectReader;

constexpr float kPi = 3.14159265358979f;

glm::vec3 vec3Of(const std::array<double, 3>& a) {
  return {static_cast<float>(a[0]), static_cast<float>(a[1]), static_cast<float>(a[2])};
}

Rgb readColor(ObjectReader& obj, std::string_view key, Rgb fallback) {
  auto text = obj.optional<std::string>(key);
  if (!text) return fallback;
  auto color = parseColor(*text);
  if (!color) obj.fail(key, "unknown color \"" + *text + "\" (use #RRGGBB or a manim name like BLUE_E)");
  return *color;
}

Rate readRate(ObjectReader& obj, std::string_view key, Rate fallback) {
  auto name = obj.optional<std::string>(key);
  if (!name) return fallback;
  auto rate = rateFromName(*name);
  if (!rate) {
    int count = 0;
    const char* const* names = rateNames(&count);
    std::string list;
    for (int i = 0; i < count; ++i) list += (i ? ", " : "") + std::string(names[i]);
    obj.fail(key, "unknown rate function \"" + *name + "\" (one of: " + list + ")");
  }
  return *rate;
}

// [theta, phi, gamma] in degrees, or "current" (keep the camera's orientation).
std::optional<EulerDegrees> readOrientation(ObjectReader& obj, std::string_view key,
                                            std::optional<EulerDegrees> fallback) {
  if (!obj.has(key)) return fallback;
  const auto& value = obj.json()[std::string(key)];
  if (value.is_string()) {
    if (value.get<std::string>() == "current") return std::nullopt;
    obj.fail(key, "expected [theta, phi, gamma] in degrees or \"current\"");
  }
  const auto e = obj.required<std::array<double, 3>>(key);
  return EulerDegrees{static_cast<float>(e[0]), static_cast<float>(e[1]), static_cast<float>(e[2])};
}

Camera readCamera(ObjectReader& obj) {
  const auto euler = obj.optional<std::array<double, 3>>("euler_deg", {0, 0, 0});
  const auto center = obj.optional<std::array<double, 3>>("center", {0, 0, 0});
  const double height = obj.optionalInRange<double>("height", 8.0, 0.01, 1e6);
  return Camera::fromEuler({static_cast<float>(euler[0]), static_cast<float>(euler[1]), static_cast<float>(euler[2])},
                           vec3Of(center), static_cast<float>(height));
}

// Splits `text` into pieces that concatenate back to it: words keep their leading space and
// punctuation stands alone, like GPT-2's pre-tokenizer.
std::vector<std::string> splitWords(const std::string& text, bool split_punctuation) {
  std::vector<std::string> pieces;
  std::string current;
  for (char c : text) {
    const bool space = c == ' ';
    const bool punct = split_punctuation && std::ispunct(static_cast<unsigned char>(c)) && c != '\'';
    if ((space || punct) && !current.empty() && current != " ") {
      pieces.push_back(current);
      current.clear();
    }
    current += c;
    if (punct) {
      pieces.push_back(current);
      current.clear();
    }
  }
  if (!current.empty()) pieces.push_back(current);
  return pieces;
}

// ---------------------------------------------------------------------------------------------
// The general layer: objects with ids and play / wait steps on them.

struct GeneralLayer {
  SceneBuilder& b;
  text::GlyphAtlas& atlas;
  const JsonDocument& doc;
  std::map<std::string, std::vector<int>> objects;  // id -> elements

  void addObject(ObjectReader obj) {
    const std::string id = obj.required<std::string>("id");
    if (id.empty()) obj.fail("id", "must not be empty");
    if (objects.count(id)) obj.fail("id", "duplicate object id \"" + id + "\"");
    const std::string type = obj.required<std::string>("type");
    const glm::vec3 position = vec3Of(obj.optional<std::array<double, 3>>("position", {0, 0, 0}));
    const Rgb color = readColor(obj, "color", Rgb(1.0f));
    const float opacity = static_cast<float>(obj.optionalInRange<double>("opacity", 1.0, 0.0, 1.0));
    Pose pose;
    pose.position = position;
    if (auto r = obj.optional<std::array<double, 3>>("rotation_deg")) {
      pose.rotation = quatFromEulerDegrees({static_cast<float>((*r)[0]), static_cast<float>((*r)[1]), static_cast<float>((*r)[2])});
    }
    std::vector<int>& out = objects[id];
    if (type == "text") {
      TextGeometry g;
      g.utf8 = obj.required<std::string>("text");
      g.em_size = static_cast<float>(obj.optionalInRange<double>("font_size", 48.0, 1.0, 2000.0)) * kEmPerFontSize;
      g.outline_px = static_cast<float>(obj.optionalInRange<double>("outline", 0.0, 0.0, 50.0));
      const std::string align = obj.optional<std::string>("align", "center");
      if (align != "left" && align != "center" && align != "right") obj.fail("align", "expected \"left\", \"center\" or \"right\"");
      g.align = align == "left" ? 0 : align == "center" ? 1 : 2;
      out.push_back(b.addText(id, g, pose, color, opacity));
    } else if (type == "rectangle") {
      const float w = static_cast<float>(obj.requiredInRange<double>("width", 0.0, 1e4));
      const float h = static_cast<float>(obj.requiredInRange<double>("height", 0.0, 1e4));
      const float fill = static_cast<float>(obj.optionalInRange<double>("fill_opacity", 0.0, 0.0, 1.0));
      const float stroke = static_cast<float>(obj.optionalInRange<double>("stroke_width", 2.0, 0.0, 100.0));
      const Rgb fill_color = readColor(obj, "fill_color", color);
      if (fill > 0) out.push_back(b.addFill(id + "/fill", shapes::rectangleFill(w, h), pose, fill_color, fill * opacity));
      if (stroke > 0) out.push_back(b.addStroke(id, shapes::rectangleOutline(w, h, stroke), pose, color, opacity));
    } else if (type == "box") {
      BoxGeometry g;
      g.size = vec3Of(obj.required<std::array<double, 3>>("size"));
      g.shading = static_cast<float>(obj.optionalInRange<double>("shading", 0.5, 0.0, 1.0));
      out.push_back(b.addBox(id, g, pose, color, opacity));
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
          out.push_back(b.addFill(id + "/tip", shapes::arrowTip(to, dir, tip, tip), pose, color, opacity));
        }
      }
      out.insert(out.begin(), b.addStroke(id, g, pose, color, opacity));
    } else if (type == "brace") {
      const float length = static_cast<float>(obj.requiredInRange<double>("length", 0.01, 1e4));
      const std::string direction = obj.optional<std::string>("direction", "down");
      const std::map<std::string, float> angles = {{"left", 0}, {"down", 90}, {"right", 180}, {"up", 270}};
      if (!angles.count(direction)) obj.fail("direction", "expected \"left\", \"right\", \"up\" or \"down\"");
      pose.rotation = pose.rotation * glm::angleAxis(angles.at(direction) * kPi / 180.0f, glm::vec3(0, 0, 1));
      out.push_back(b.addStroke(id, shapes::brace(length, 0.25f, true, 3.0f), pose, color, opacity));
    } else if (type == "spheres") {
      SphereGeometry g;
      const float radius = static_cast<float>(obj.optionalInRange<double>("radius", 0.1, 0.0, 1e3));
      auto points = obj.array("points");
      for (const auto& p : points) {
        const auto xyz = p.as<std::array<double, 3>>();
        g.centers.push_back(glm::vec4(vec3Of(xyz), radius));
        g.opacities.push_back(1.0f);
      }
      out.push_back(b.addSpheres(id, g, pose, color, opacity));
    } else if (type == "bars") {
      auto values = obj.required<std::vector<double>>("values");
      const float pitch = static_cast<float>(obj.optionalInRange<double>("pitch", 0.5, 0.01, 100.0));
      const float scale = static_cast<float>(obj.optionalInRange<double>("length_scale", 4.0, 0.0, 1e4));
      for (size_t i = 0; i < values.size(); ++i) {
        if (values[i] < 0 || values[i] > 1) obj.fail("values", "every value must be between 0 and 1, got " + io::formatNumber(values[i]));
        const float len = std::max(0.01f, static_cast<float>(values[i]) * scale);
        Pose bar = pose;
        bar.position += glm::vec3(len / 2, -pitch * static_cast<float>(i), 0);
        out.push_back(b.addFill(id + "/" + std::to_string(i), shapes::rectangleFill(len, 0.5f * pitch), bar, color, 0.8f * opacity));
      }
    } else {
      obj.fail("type", "unknown object type \"" + type + "\" (text, rectangle, box, line, arrow, brace, spheres, bars)");
    }
    obj.ignore("notes");
    obj.finish();
  }

  // One animation inside a play that starts at `t0`; returns its end relative to t0.
  double animate(ObjectReader anim, double t0, double default_run_time) {
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
      Camera target = b.cameraNow();
      if (auto e = readOrientation(anim, "euler_deg", std::nullopt)) target.orientation = quatFromEulerDegrees(*e);
      if (auto c = anim.optional<std::array<double, 3>>("center")) target.center = vec3Of(*c);
      if (auto h = anim.optional<double>("height")) target.height = static_cast<float>(anim.document().requireRange(*h, 0.01, 1e6, anim.childPointer("height")));
      b.moveCamera(w, target, rate);
      anim.finish();
      return w.end - t0;
    }
    const std::string target = anim.required<std::string>("target");
    auto it = objects.find(target);
    if (it == objects.end()) anim.fail("target", "no object with id \"" + target + "\"");
    const std::vector<int>& elements = it->second;
    const glm::vec3 shift = vec3Of(anim.optional<std::array<double, 3>>("shift", {0, 0, 0}));
    const int n = static_cast<int>(elements.size());
    for (int i = 0; i < n; ++i) {
      const int e = elements[i];
      const TimeWindow part = partWindow(i, n, lag, w.duration());
      const TimeWindow pw{w.start + part.start, w.start + part.end};
      if (type == "fade_in") b.fadeIn(e, pw, shift, rate);
      else if (type == "fade_out") b.fadeOut(e, pw, shift, rate);
      else if (type == "show_creation") b.reveal(e, pw, RevealStyle::Prefix, rate);
      else if (type == "write") b.reveal(e, pw, RevealStyle::Parts, rate, 0.2f);
      else if (type == "grow") b.reveal(e, pw, RevealStyle::Grow, rate);
      else if (type == "flash") b.reveal(e, pw, RevealStyle::Flash, rate, 0, static_cast<float>(anim.optional<double>("time_width", 1.0)));
      else if (type == "show_creation_then_fade_out") {
        const double mid = 0.5 * (pw.start + pw.end);
        b.reveal(e, {pw.start, mid}, RevealStyle::Prefix, rate);
        b.fadeOut(e, {mid, pw.end});
      } else if (type == "move") {
        Pose pose = b.poseNow(e);
        if (auto p = anim.optional<std::array<double, 3>>("to")) pose.position = vec3Of(*p) + (pose.position - b.poseNow(elements[0]).position);
        pose.position += shift;
        if (auto s = anim.optional<double>("scale")) pose.scale = glm::vec3(static_cast<float>(*s));
        b.moveTo(e, pw, pose, rate);
        if (auto o = anim.optional<double>("opacity")) b.fadeTo(e, pw, static_cast<float>(anim.document().requireRange(*o, 0.0, 1.0, anim.childPointer("opacity"))), rate);
        if (anim.has("color")) b.recolor(e, pw, readColor(anim, "color", Rgb(1.0f)), rate);
      } else if (type == "remove") {
        b.remove(e, pw.start);
      } else {
        anim.fail("type", "unknown animation \"" + type + "\" (fade_in, fade_out, show_creation, write, grow, flash, show_creation_then_fade_out, move, remove, camera)");
      }
    }
    anim.ignore("time_width");
    anim.finish();
    return w.end - t0;
  }
};

std::string textOf(const std::vector<std::string>& tokens) {
  std::string s;
  for (const auto& t : tokens) s += t;
  return s;
}

Scene build(const JsonDocument& doc, text::GlyphAtlas& atlas) {
  ObjectReader root = doc.object();
  const int version = root.required<int>("version");
  if (version != 1) root.fail("version", "unsupported version " + std::to_string(version) + " (this flowview reads version 1)");
  root.ignore("$schema");
  root.ignore("description");
  SceneBuilder b(root.optional<std::string>("title", "untitled"));
  const auto seed = root.optionalInRange<int64_t>("seed", 0, 0, std::numeric_limits<int64_t>::max());
  if (auto cam = root.optionalObject("camera")) {
    b.mutableScene().camera.setInitial(readCamera(*cam));
    cam->finish();
  }
  if (auto presets = root.optionalArray("camera_presets")) {
    for (const auto& p : *presets) {
      ObjectReader preset = p.object();
      const std::string name = preset.required<std::string>("name");
      b.addPreset(name, readCamera(preset));
      preset.finish();
    }
  }

  std::optional<NetworkFlow> flow;
  if (auto nf = root.optionalObject("network_flow")) {
    NetworkFlowConfig config;
    config.seed = static_cast<uint64_t>(seed);
    config.text = nf->required<std::string>("text");
    if (config.text.empty()) nf->fail("text", "must not be empty");
    const std::string tokenizer = nf->optional<std::string>("tokenizer", "gpt2");
    if (tokenizer != "gpt2" && tokenizer != "words") nf->fail("tokenizer", "expected \"gpt2\" or \"words\"");
    if (auto tokens = nf->optionalArray("tokens")) {
      for (const auto& t : *tokens) config.tokens.push_back(t.as<std::string>());
      if (config.tokens.empty()) nf->fail("tokens", "the token list is empty");
      if (textOf(config.tokens) != config.text) nf->fail("tokens", "the tokens do not join up to the text");
    } else {
      config.tokens = splitWords(config.text, tokenizer == "gpt2");
    }
    if (config.tokens.size() < 3) nf->fail("text", "needs at least 3 tokens");
    if (config.tokens.size() > 4096) nf->fail("text", "more than 4096 tokens");
    if (auto next = nf->optionalArray("next_tokens")) {
      for (const auto& entry : *next) {
        ObjectReader e = entry.object();
        const std::string token = e.required<std::string>("token");
        const double p = e.requiredInRange<double>("probability", 0.0, 1.0);
        config.next_tokens.emplace_back(token, p);
        e.finish();
      }
    }
    config.hide_block_labels = nf->optional<bool>("hide_block_labels", false);
    config.embedding_length = nf->optionalInRange<int>("embedding_length", 10, 3, 64);
    nf->finish();
    flow.emplace(b, atlas, std::move(config));
  }

  GeneralLayer general{b, atlas, doc, {}};
  if (auto objects = root.optionalArray("objects")) {
    for (const auto& o : *objects) general.addObject(o.object());
  }

  auto beats = root.array("beats");
  if (beats.empty()) root.fail("beats", "a scene needs at least one beat");
  bool tokens_shown = false;
  for (const auto& entry : beats) {
    ObjectReader beat = entry.object();
    const std::string kind = beat.required<std::string>("beat");
    const std::string notes = beat.optional<std::string>("notes", "");
    auto need_flow = [&](bool need_tokens) {
      if (!flow) beat.fail("beat", "\"" + kind + "\" needs a \"network_flow\" section");
      if (need_tokens && !tokens_shown) beat.fail("beat", "\"" + kind + "\" needs a \"show_tokens\" beat before it");
    };
    if (kind == "show_tokens") {
      need_flow(false);
      if (tokens_shown) beat.fail("beat", "\"show_tokens\" can only appear once");
      ShowTokensParams p;
      p.word_scale = static_cast<float>(beat.optionalInRange<double>("word_scale", 0.6, 0.05, 4.0));
      p.notes = notes;
      flow->showTokens(p);
      tokens_shown = true;
    } else if (kind == "attention") {
      need_flow(true);
      AttentionParams p;
      p.orientation = readOrientation(beat, "orientation", p.orientation);
      p.frame_height = static_cast<float>(beat.optionalInRange<double>("frame_height", 14.0, 0.1, 1e4));
      p.frame_x = static_cast<float>(beat.optionalInRange<double>("frame_x", -2.0, -1e4, 1e4));
      p.frame_y = static_cast<float>(beat.optionalInRange<double>("frame_y", 0.0, -1e4, 1e4));
      p.run_time = beat.optionalInRange<double>("run_time", 5.0, 0.01, 1e4);
      p.notes = notes;
      flow->attention(p);
    } else if (kind == "mlp") {
      need_flow(true);
      MlpParams p;
      p.one_by_one = beat.optional<bool>("one_by_one", false);
      p.sideview = readOrientation(beat, "sideview_orientation", p.sideview);
      p.final_orientation = readOrientation(beat, "final_orientation", p.final_orientation);
      p.neurons = beat.optionalInRange<int>("neurons", 20, 1, 1000);
      p.depth = static_cast<float>(beat.optionalInRange<double>("depth", 3.0, 0.1, 100.0));
      p.notes = notes;
      flow->mlp(p);
    } else if (kind == "repetitions") {
      need_flow(true);
      if (flow->layerCount() < 2) beat.fail("beat", "\"repetitions\" needs an attention or mlp beat before it");
      RepetitionsParams p;
      p.depth = static_cast<float>(beat.optionalInRange<double>("depth", 8.0, 1.0, 1000.0));
      p.notes = notes;
      flow->repetitions(p);
    } else if (kind == "focus_last_layer") {
      need_flow(true);
      flow->focusLastLayer(notes);
    } else if (kind == "unembedding") {
      need_flow(true);
      flow->unembedding(notes);
    } else if (kind == "wait") {
      const double duration = beat.optionalInRange<double>("duration", 1.0, 0.0, 1e5);
      const std::string name = beat.optional<std::string>("name", "hold");
      b.wait(duration, name, beat.optional<std::string>("section", ""), notes);
    } else if (kind == "play") {
      const double t0 = b.now();
      const double default_rt = beat.optionalInRange<double>("run_time", 1.0, 0.0, 1e5);
      const bool explicit_rt = beat.has("run_time");
      const double lag = beat.optionalInRange<double>("lag_ratio", 0.0, 0.0, 10.0);
      double end = 0.0;
      auto anims = beat.array("animations");
      double start = 0.0;
      for (const auto& a : anims) {
        const double d = general.animate(a.object(), t0 + start, default_rt);
        end = std::max(end, start + d);
        start += lag * d;
      }
      if (explicit_rt && anims.empty()) end = default_rt;
      b.endPlay(end, beat.optional<std::string>("name", "play"), beat.optional<std::string>("section", ""), notes);
    } else {
      beat.fail("beat", "unknown beat \"" + kind +
                            "\" (show_tokens, attention, mlp, repetitions, focus_last_layer, unembedding, play, wait)");
    }
    beat.finish();
  }
  root.finish();
  Scene scene = b.finish();
  if (scene.duration <= 0.0) root.fail("beats", "the scene lasts 0 seconds");
  return scene;
}

}  // namespace

Scene loadSceneFile(const std::string& path, text::GlyphAtlas& atlas) {
  return build(JsonDocument::parseFile(path), atlas);
}

Scene loadSceneString(std::string_view json, const std::string& display_name, text::GlyphAtlas& atlas) {
  return build(JsonDocument::parseString(json, display_name), atlas);
}

std::string defaultScenePath() {
  const char* name = "high_level_network_flow.json";
  if (const char* env = std::getenv("FLOWVIEW_SCENE_DIR"); env && *env) return std::string(env) + "/" + name;
  namespace fs = std::filesystem;
#ifdef FLOWVIEW_SCENE_DIR
  if (fs::exists(fs::path(FLOWVIEW_SCENE_DIR) / name)) return (fs::path(FLOWVIEW_SCENE_DIR) / name).string();
#endif
  std::error_code ec;
  const auto exe = fs::read_symlink("/proc/self/exe", ec);
  for (auto dir = exe.parent_path(); !ec && !dir.empty() && dir != dir.root_path(); dir = dir.parent_path()) {
    if (fs::exists(dir / "scenes" / name)) return (dir / "scenes" / name).string();
  }
  return std::string("scenes/") + name;
}

}  // namespace flowview::scenes
