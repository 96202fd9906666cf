#include "core/description/write_scene.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>

#include "core/description/kinds.h"

namespace flowview::description {

using Json = nlohmann::ordered_json;

namespace {

// A float as the shortest decimal that reads back to it ("0.6", not "0.6000000238418579").
double shortest(float value) {
  char buffer[32];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer - 1, value);
  *result.ptr = '\0';
  return std::strtod(buffer, nullptr);
}

Json euler(const std::optional<EulerDegrees>& e) {
  if (!e) return "current";
  return Json::array({shortest(e->theta), shortest(e->phi), shortest(e->gamma)});
}

Json vec(const Vec3& v) {
  return Json::array({v[0], v[1], v[2]});
}

Json points(const std::vector<Vec3>& list) {
  Json out = Json::array();
  for (const Vec3& p : list) out.push_back(vec(p));
  return out;
}

Json camera(const CameraDescription& c) {
  return {{"euler_deg", vec(c.euler_deg)}, {"center", vec(c.center)}, {"height", c.height}};
}

struct ShapeWriter {
  Json& out;
  void operator()(const TextObject& t) const {
    out["text"] = t.text;
    out["font_size"] = t.font_size;
    out["align"] = t.align;
    out["outline"] = t.outline;
  }
  void operator()(const FormulaObject& f) const {
    out["text"] = f.text;
    out["font_size"] = f.font_size;
    out["align"] = f.align;
    out["outline"] = f.outline;
    if (f.stroke_width) out["stroke_width"] = *f.stroke_width;
  }
  void operator()(const RectangleObject& r) const {
    out["width"] = r.width;
    out["height"] = r.height;
    out["corner_radius"] = r.corner_radius;
    out["stroke_width"] = r.stroke_width;
    out["fill_opacity"] = r.fill_opacity;
    out["fill_color"] = r.fill_color.value_or(out["color"].get<std::string>());
  }
  void operator()(const CircleObject& c) const {
    out["radius"] = c.radius;
    out["stroke_width"] = c.stroke_width;
    out["fill_opacity"] = c.fill_opacity;
    out["fill_color"] = c.fill_color.value_or(out["color"].get<std::string>());
  }
  void operator()(const BoxObject& b) const {
    out["size"] = vec(b.size);
    out["shading"] = b.shading;
  }
  void operator()(const LineObject& l) const {
    if (l.points) {
      out["points"] = points(*l.points);
      out["corner_radius"] = l.corner_radius;
    } else {
      out["from"] = vec(l.from);
      out["to"] = vec(l.to);
      out["path_arc_deg"] = l.path_arc_deg;
    }
    out["stroke_width"] = l.stroke_width;
    if (l.arrow) {
      out["tip_length"] = l.tip_length;
      out["tip_width"] = l.tip_width.value_or(l.tip_length);
    }
  }
  void operator()(const BraceObject& b) const {
    out["length"] = b.length;
    out["depth"] = b.depth;
    out["stroke_width"] = b.stroke_width;
    out["direction"] = b.direction;
  }
  void operator()(const SpheresObject& s) const {
    out["radius"] = s.radius;
    out["points"] = points(s.points);
  }
  void operator()(const BarsObject& b) const {
    out["values"] = b.values;
    out["pitch"] = b.pitch;
    out["length_scale"] = b.length_scale;
  }
  void operator()(const GroupObject& g) const { out["members"] = g.members; }
  void operator()(const MatrixObject& m) const {
    Json rows = Json::array();
    for (const std::vector<double>& row : m.values) {
      Json cells = Json::array();
      for (double v : row) cells.push_back(std::isinf(v) ? Json("-inf") : Json(v));
      rows.push_back(std::move(cells));
    }
    out["values"] = std::move(rows);
    out["decimals"] = m.decimals;
    out["color_by_value"] = m.color_by_value;
    if (m.value_max) out["value_max"] = *m.value_max;
    out["masked_color"] = m.masked_color;
    out["font_size"] = m.font_size;
    out["max_rows"] = m.max_rows;
    out["max_columns"] = m.max_columns;
    if (!m.row_labels.empty()) out["row_labels"] = m.row_labels;
    if (!m.column_labels.empty()) out["column_labels"] = m.column_labels;
  }
};

Json object(const ObjectDescription& o) {
  Json out = {{"id", o.id}, {"type", objectTypeName(o)}};
  if (!std::holds_alternative<GroupObject>(o.shape)) {
    out["position"] = vec(o.position);
    if (o.rotation_deg) out["rotation_deg"] = vec(*o.rotation_deg);
    out["color"] = o.color;
    out["opacity"] = o.opacity;
    out["fixed_in_frame"] = o.fixed_in_frame;
  }
  std::visit(ShapeWriter{out}, o.shape);
  if (o.notes) out["notes"] = *o.notes;
  return out;
}

Json animation(const AnimationDescription& a) {
  const AnimationKind* kind = findAnimationKind(a.type);
  Json out = {{"type", a.type}};
  if (kind && kind->takes_target) out["target"] = a.target;
  if (a.run_time) out["run_time"] = *a.run_time;
  if (a.time_span) out["time_span"] = Json::array({(*a.time_span)[0], (*a.time_span)[1]});
  if (kind && kind->takes_rate) out["rate"] = std::string(rateName(a.rate));
  if (kind && !kind->takes_target) {
    if (a.euler_deg) out["euler_deg"] = euler(a.euler_deg);
    if (a.center) out["center"] = vec(*a.center);
    if (a.height) out["height"] = *a.height;
    return out;
  }
  out["lag_ratio"] = a.lag_ratio;
  if (kind && kind->takes_shift) out["shift"] = vec(a.shift);
  if (a.type == "flash") out["time_width"] = a.time_width;
  if (a.type == "move") {
    if (a.to) out["to"] = vec(*a.to);
    if (a.scale) out["scale"] = *a.scale;
    if (a.opacity) out["opacity"] = *a.opacity;
    if (a.color) out["color"] = *a.color;
  }
  if (a.type == "indicate") {
    out["scale"] = a.scale.value_or(1.2);
    out["color"] = a.color.value_or("#FFFF00");
  }
  if (a.type == "highlight") {
    if (a.row) out["row"] = *a.row;
    if (a.column) out["column"] = *a.column;
    if (a.cell) out["cell"] = Json::array({(*a.cell)[0], (*a.cell)[1]});
    out["color"] = a.color.value_or("#FFFF00");
    out["stroke_width"] = a.stroke_width;
    out["fill_opacity"] = a.fill_opacity;
  }
  return out;
}

struct BeatWriter {
  Json& out;
  void operator()(const ShowTokensBeat& b) const { out["word_scale"] = b.word_scale; }
  void operator()(const AttentionBeat& b) const {
    out["orientation"] = euler(b.orientation);
    out["frame_height"] = b.frame_height;
    out["frame_x"] = b.frame_x;
    out["frame_y"] = b.frame_y;
    out["run_time"] = b.run_time;
    if (b.layer) out["layer"] = *b.layer;
    if (b.head) out["head"] = *b.head;
  }
  void operator()(const MlpBeat& b) const {
    out["one_by_one"] = b.one_by_one;
    out["sideview_orientation"] = euler(b.sideview_orientation);
    out["final_orientation"] = euler(b.final_orientation);
    out["neurons"] = b.neurons;
    out["depth"] = b.depth;
  }
  void operator()(const RepetitionsBeat& b) const { out["depth"] = b.depth; }
  void operator()(const FocusLastLayerBeat&) const {}
  void operator()(const UnembeddingBeat&) const {}
  void operator()(const CycleEmbeddingsBeat&) const {}
  void operator()(const ContextSizeBeat& b) const {
    out["label"] = b.label;
    out["value"] = b.value;
    out["dimension"] = b.dimension;
  }
  void operator()(const RemoveEarlierLayersBeat&) const {}
  void operator()(const DesiredOutputBeat& b) const {
    out["words"] = b.words;
    out["probabilities"] = b.probabilities;
  }
  void operator()(const UnembeddingMatrixBeat&) const {}
  void operator()(const ScaleStackBeat& b) const {
    out["tokens"] = b.tokens;
    out["layers"] = b.layers;
    out["rows"] = b.rows;
    out["dimension"] = b.dimension;
  }
  void operator()(const LessonBeat& b) const {
    out["lesson"] = b.lesson;
    if (b.seed != 0) out["seed"] = b.seed;
    if (b.passage) out["passage"] = *b.passage;
    if (!b.gains.empty()) out["gains"] = b.gains;
  }
  void operator()(const WaitBeat& b) const {
    out["name"] = b.name;
    out["section"] = b.section;
    out["duration"] = b.duration;
  }
  void operator()(const PlayBeat& b) const {
    out["name"] = b.name;
    out["section"] = b.section;
    if (b.run_time) out["run_time"] = *b.run_time;
    out["lag_ratio"] = b.lag_ratio;
    Json list = Json::array();
    for (const AnimationDescription& a : b.animations) list.push_back(animation(a));
    out["animations"] = std::move(list);
  }
};

}  // namespace

Json writeScene(const SceneDescription& scene) {
  Json out;
  if (scene.schema) out["$schema"] = *scene.schema;
  out["version"] = 1;
  out["title"] = scene.title;
  if (scene.description) out["description"] = *scene.description;
  out["seed"] = scene.seed;
  if (scene.camera) out["camera"] = camera(*scene.camera);
  Json presets = Json::array();
  for (const CameraPresetDescription& p : scene.camera_presets) {
    Json preset = {{"name", p.name}};
    preset.update(camera(p.camera));
    presets.push_back(std::move(preset));
  }
  out["camera_presets"] = std::move(presets);
  if (scene.model) out["model"] = *scene.model;
  if (scene.network_flow) {
    const NetworkFlowDescription& nf = *scene.network_flow;
    Json next = Json::array();
    for (const NextTokenDescription& c : nf.next_tokens)
      next.push_back({{"token", c.token}, {"probability", c.probability}});
    Json flow = {{"text", nf.text}, {"tokenizer", nf.tokenizer}};
    if (!nf.tokens.empty()) flow["tokens"] = nf.tokens;  // a text alone stays alone
    flow["next_tokens"] = std::move(next);
    flow["hide_block_labels"] = nf.hide_block_labels;
    flow["embedding_length"] = nf.embedding_length;
    flow["attention_head"] = nf.attention_head;
    out["network_flow"] = std::move(flow);
  }
  Json objects = Json::array();
  for (const ObjectDescription& o : scene.objects) objects.push_back(object(o));
  out["objects"] = std::move(objects);
  Json beats = Json::array();
  for (const BeatDescription& b : scene.beats) {
    Json beat = {{"beat", beatName(b.kind)}};
    std::visit(BeatWriter{beat}, b.kind);
    const BeatKindEntry* kind = findBeatKind(beat["beat"].get<std::string>());
    if (kind && kind->takes_parts) {
      Json parts = Json::object();
      for (const auto& [name, timing] : b.parts) {
        Json part = Json::object();
        if (timing.run_time) part["run_time"] = *timing.run_time;
        part["skip"] = timing.skip;
        parts[name] = std::move(part);
      }
      beat["parts"] = std::move(parts);
    }
    beat["notes"] = b.notes;
    beats.push_back(std::move(beat));
  }
  out["beats"] = std::move(beats);
  out["present_every_beat"] = scene.present_every_beat;
  return out;
}

namespace {

// Indented JSON like dump(2), except that arrays of numbers, strings or booleans stay on one
// line, so points and vectors read as they are written by hand.
void print(const Json& value, int indent, std::string& out) {
  const auto scalar = [](const Json& v) { return !v.is_object() && !v.is_array(); };
  const std::string pad(static_cast<size_t>(indent + 2), ' ');
  if (value.is_array() && !value.empty()) {
    if (std::all_of(value.begin(), value.end(), scalar)) {
      out += '[';
      for (size_t i = 0; i < value.size(); ++i) out += (i ? ", " : "") + value[i].dump();
      out += ']';
      return;
    }
    out += "[\n";
    for (size_t i = 0; i < value.size(); ++i) {
      out += pad;
      print(value[i], indent + 2, out);
      out += i + 1 < value.size() ? ",\n" : "\n";
    }
    out += std::string(static_cast<size_t>(indent), ' ') + ']';
  } else if (value.is_object() && !value.empty()) {
    out += "{\n";
    size_t i = 0;
    for (const auto& [key, member] : value.items()) {
      out += pad + Json(key).dump() + ": ";
      print(member, indent + 2, out);
      out += ++i < value.size() ? ",\n" : "\n";
    }
    out += std::string(static_cast<size_t>(indent), ' ') + '}';
  } else {
    out += value.dump();
  }
}

}  // namespace

std::string formatScene(const SceneDescription& scene) {
  std::string out;
  print(writeScene(scene), 0, out);
  return out + "\n";
}

std::string beatName(const BeatKind& kind) {
  static const char* const kNames[] = {"show_tokens",
                                       "attention",
                                       "mlp",
                                       "repetitions",
                                       "focus_last_layer",
                                       "unembedding",
                                       "cycle_embeddings",
                                       "context_size",
                                       "remove_earlier_layers",
                                       "desired_output",
                                       "unembedding_matrix",
                                       "scale_stack",
                                       "lesson",
                                       "wait",
                                       "play"};
  return kNames[kind.index()];
}

}  // namespace flowview::description
