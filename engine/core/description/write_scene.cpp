#include "core/description/write_scene.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <concepts>
#include <cstdlib>
#include <optional>
#include <tuple>
#include <type_traits>

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

// ----------------------------------------------------------------------------------------------
// What each kind writes, in order: one list per struct, read by one generic pass (writeFields).
// A kind with no fields of its own (an empty struct) needs no list. An optional field is written
// when present, except an orientation, which is "current" when absent.

template <typename T, typename M>
struct Field {
  const char* key;
  M T::*member;
  bool omit_empty;  // not written while it holds its empty value (a seed of 0, no gains)
};
template <typename T, typename M>
constexpr Field<T, M> field(const char* key, M T::*member) {
  return {key, member, false};
}
template <typename T, typename M>
constexpr Field<T, M> unlessEmpty(const char* key, M T::*member) {
  return {key, member, true};
}
// Fields whose written value depends on others (an arrow's tips, a fill that defaults to the
// object's color).
template <typename T>
struct Custom {
  void (*write)(const T& value, Json& out);
};

template <typename T>
constexpr std::tuple<> noFields() {
  static_assert(std::is_empty_v<T>, "list the fields this kind writes (kFields)");
  return {};
}
template <typename T>
constexpr auto kFields = noFields<T>();

template <typename T>
void writeFillColor(const T& shape, Json& out) {
  out["fill_color"] = shape.fill_color.value_or(out["color"].get<std::string>());
}

void writeLineFields(const LineObject& l, Json& out) {
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

void writeMatrixValues(const MatrixObject& m, Json& out) {
  Json rows = Json::array();
  for (const std::vector<double>& row : m.values) {
    Json cells = Json::array();
    for (double v : row) cells.push_back(std::isinf(v) ? Json("-inf") : Json(v));
    rows.push_back(std::move(cells));
  }
  out["values"] = std::move(rows);
}

Json animation(const AnimationDescription& a);

void writeAnimations(const PlayBeat& b, Json& out) {
  Json list = Json::array();
  for (const AnimationDescription& a : b.animations) list.push_back(animation(a));
  out["animations"] = std::move(list);
}

// Objects.
template <>
constexpr auto kFields<TextObject> =
    std::tuple{field("text", &TextObject::text), field("font_size", &TextObject::font_size),
               field("align", &TextObject::align), field("outline", &TextObject::outline)};
template <>
constexpr auto kFields<FormulaObject> =
    std::tuple{field("text", &FormulaObject::text), field("font_size", &FormulaObject::font_size),
               field("align", &FormulaObject::align), field("outline", &FormulaObject::outline),
               field("stroke_width", &FormulaObject::stroke_width)};
template <>
constexpr auto kFields<RectangleObject> =
    std::tuple{field("width", &RectangleObject::width),
               field("height", &RectangleObject::height),
               field("corner_radius", &RectangleObject::corner_radius),
               field("stroke_width", &RectangleObject::stroke_width),
               field("fill_opacity", &RectangleObject::fill_opacity),
               Custom<RectangleObject>{writeFillColor<RectangleObject>}};
template <>
constexpr auto kFields<CircleObject> = std::tuple{
    field("radius", &CircleObject::radius), field("stroke_width", &CircleObject::stroke_width),
    field("fill_opacity", &CircleObject::fill_opacity),
    Custom<CircleObject>{writeFillColor<CircleObject>}};
template <>
constexpr auto kFields<BoxObject> =
    std::tuple{field("size", &BoxObject::size), field("shading", &BoxObject::shading)};
template <>
constexpr auto kFields<LineObject> = std::tuple{Custom<LineObject>{writeLineFields}};
template <>
constexpr auto kFields<BraceObject> = std::tuple{
    field("length", &BraceObject::length), field("depth", &BraceObject::depth),
    field("stroke_width", &BraceObject::stroke_width), field("direction", &BraceObject::direction)};
template <>
constexpr auto kFields<SpheresObject> =
    std::tuple{field("radius", &SpheresObject::radius), field("points", &SpheresObject::points)};
template <>
constexpr auto kFields<BarsObject> =
    std::tuple{field("values", &BarsObject::values), field("pitch", &BarsObject::pitch),
               field("length_scale", &BarsObject::length_scale)};
template <>
constexpr auto kFields<GroupObject> = std::tuple{field("members", &GroupObject::members)};
template <>
constexpr auto kFields<MatrixObject> =
    std::tuple{Custom<MatrixObject>{writeMatrixValues},
               field("decimals", &MatrixObject::decimals),
               field("color_by_value", &MatrixObject::color_by_value),
               field("value_max", &MatrixObject::value_max),
               field("masked_color", &MatrixObject::masked_color),
               field("font_size", &MatrixObject::font_size),
               field("max_rows", &MatrixObject::max_rows),
               field("max_columns", &MatrixObject::max_columns),
               unlessEmpty("row_labels", &MatrixObject::row_labels),
               unlessEmpty("column_labels", &MatrixObject::column_labels)};

// Beats.
template <>
constexpr auto kFields<ShowTokensBeat> =
    std::tuple{field("word_scale", &ShowTokensBeat::word_scale)};
template <>
constexpr auto kFields<AttentionBeat> =
    std::tuple{field("orientation", &AttentionBeat::orientation),
               field("frame_height", &AttentionBeat::frame_height),
               field("frame_x", &AttentionBeat::frame_x),
               field("frame_y", &AttentionBeat::frame_y),
               field("run_time", &AttentionBeat::run_time),
               field("layer", &AttentionBeat::layer),
               field("head", &AttentionBeat::head)};
template <>
constexpr auto kFields<MlpBeat> =
    std::tuple{field("one_by_one", &MlpBeat::one_by_one),
               field("sideview_orientation", &MlpBeat::sideview_orientation),
               field("final_orientation", &MlpBeat::final_orientation),
               field("neurons", &MlpBeat::neurons), field("depth", &MlpBeat::depth)};
template <>
constexpr auto kFields<RepetitionsBeat> = std::tuple{field("depth", &RepetitionsBeat::depth)};
template <>
constexpr auto kFields<ContextSizeBeat> =
    std::tuple{field("label", &ContextSizeBeat::label), field("value", &ContextSizeBeat::value),
               field("dimension", &ContextSizeBeat::dimension)};
template <>
constexpr auto kFields<DesiredOutputBeat> =
    std::tuple{field("words", &DesiredOutputBeat::words),
               field("probabilities", &DesiredOutputBeat::probabilities)};
template <>
constexpr auto kFields<ScaleStackBeat> = std::tuple{
    field("tokens", &ScaleStackBeat::tokens), field("layers", &ScaleStackBeat::layers),
    field("rows", &ScaleStackBeat::rows), field("dimension", &ScaleStackBeat::dimension)};
template <>
constexpr auto kFields<LessonBeat> =
    std::tuple{field("lesson", &LessonBeat::lesson), unlessEmpty("seed", &LessonBeat::seed),
               field("passage", &LessonBeat::passage), unlessEmpty("gains", &LessonBeat::gains)};
template <>
constexpr auto kFields<WaitBeat> =
    std::tuple{field("name", &WaitBeat::name), field("section", &WaitBeat::section),
               field("duration", &WaitBeat::duration)};
template <>
constexpr auto kFields<PlayBeat> =
    std::tuple{field("name", &PlayBeat::name), field("section", &PlayBeat::section),
               field("run_time", &PlayBeat::run_time), field("lag_ratio", &PlayBeat::lag_ratio),
               Custom<PlayBeat>{writeAnimations}};

template <typename M>
constexpr bool kIsOptional = false;
template <typename M>
constexpr bool kIsOptional<std::optional<M>> = true;

template <typename M>
Json toJson(const M& value) {
  if constexpr (std::is_same_v<M, std::optional<EulerDegrees>>)
    return euler(value);  // absent: "current"
  else if constexpr (std::is_same_v<M, Vec3>)
    return vec(value);
  else if constexpr (std::is_same_v<M, std::vector<Vec3>>)
    return points(value);
  else
    return value;
}

template <typename T, typename M>
void writeField(const T& value, const Field<T, M>& f, Json& out) {
  const M& member = value.*f.member;
  if constexpr (std::equality_comparable<M>) {
    if (f.omit_empty && member == M{}) return;
  }
  if constexpr (kIsOptional<M> && !std::is_same_v<M, std::optional<EulerDegrees>>) {
    if (member) out[f.key] = toJson(*member);  // absent: not written
  } else {
    out[f.key] = toJson(member);
  }
}
template <typename T>
void writeField(const T& value, const Custom<T>& f, Json& out) {
  f.write(value, out);
}

// The kind's fields into `out`, in the order of its list.
template <typename T>
void writeFields(const T& value, Json& out) {
  std::apply([&](const auto&... f) { (writeField(value, f, out), ...); }, kFields<T>);
}

Json object(const ObjectDescription& o) {
  Json out = {{"id", o.id}, {"type", objectTypeName(o)}};
  if (!std::holds_alternative<GroupObject>(o.shape)) {
    out["position"] = vec(o.position);
    if (o.rotation_deg) out["rotation_deg"] = vec(*o.rotation_deg);
    out["color"] = o.color;
    out["opacity"] = o.opacity;
    out["fixed_in_frame"] = o.fixed_in_frame;
  }
  std::visit([&](const auto& shape) { writeFields(shape, out); }, o.shape);
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
    std::visit([&](const auto& kind) { writeFields(kind, beat); }, b.kind);
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

}  // namespace flowview::description
