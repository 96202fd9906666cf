// Reading "beats" entries and the animations of play beats (docs/scene-format.md, "Beats").
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <limits>
#include <sstream>

#include "core/description/kinds.h"
#include "core/description/limits.h"
#include "core/description/read_context.h"
#include "core/scenes/lesson_scenes.h"
#include "core/scenes/network_flow.h"
#include "core/scenes/scene_file.h"
#include "core/scenes/scene_json.h"

namespace flowview::description {

using io::ObjectReader;

namespace {

std::optional<EulerDegrees> orientation(ObjectReader& reader, const char* key,
                                        std::optional<EulerDegrees> fallback) {
  return scenes::readOrientation(reader, key, fallback);
}

AnimationDescription readAnimation(ObjectReader anim, ReadContext& context) {
  AnimationDescription a;
  a.type = anim.required<std::string>("type");
  const AnimationKind* kind = findAnimationKind(a.type);
  if (!kind)
    anim.fail("type",
              "unknown animation " + quoteForMessage(a.type) + " (" + animationKindNames() + ")");
  if (anim.has("run_time")) a.run_time = anim.requiredInRange<double>("run_time", 0.0, 1e5);
  if (auto span = anim.optional<std::array<double, 2>>("time_span")) {
    if ((*span)[0] < 0 || (*span)[1] < (*span)[0] || (*span)[1] > 1e5) {
      anim.fail("time_span", "expected [start, end] with 0 <= start <= end, got [" +
                                 io::formatNumber((*span)[0]) + ", " +
                                 io::formatNumber((*span)[1]) + "]");
    }
    if (anim.has("run_time"))
      anim.fail("run_time", "give either \"run_time\" or \"time_span\", not both");
    a.time_span = span;
  }
  if (kind->takes_rate) a.rate = scenes::readRate(anim, "rate", Rate::Smooth);
  if (!kind->takes_target) {  // camera
    a.euler_deg = orientation(anim, "euler_deg", std::nullopt);
    a.center = anim.optional<std::array<double, 3>>("center");
    if (auto h = anim.optional<double>("height"))
      a.height = anim.document().requireRange(*h, 0.01, 1e6, anim.childPointer("height"));
    anim.finish();
    return a;
  }
  a.target = anim.required<std::string>("target");
  a.target_source = context.sourceOf(anim.childPointer("target"));
  a.lag_ratio = anim.optionalInRange<double>("lag_ratio", 0.0, 0.0, 10.0);
  if (kind->takes_shift) a.shift = readVec3(anim, "shift", {0, 0, 0});
  if (a.type == "flash")
    a.time_width = anim.optionalInRange<double>("time_width", 1.0, 0.01, 100.0);
  if (a.type == "move") {
    a.to = anim.optional<std::array<double, 3>>("to");
    if (auto s = anim.optional<double>("scale"))
      a.scale = anim.document().requireRange(*s, 0.0, 1e4, anim.childPointer("scale"));
    if (auto o = anim.optional<double>("opacity"))
      a.opacity = anim.document().requireRange(*o, 0.0, 1.0, anim.childPointer("opacity"));
    a.color = readColorName(anim, "color");
  }
  if (a.type == "indicate") {
    a.scale = anim.optionalInRange<double>("scale", 1.2, 0.0, 100.0);
    a.color = readColorName(anim, "color").value_or("#FFFF00");
  }
  if (a.type == "highlight") readHighlightFields(anim, a, context);
  anim.finish();
  return a;
}

// A network-flow beat's "parts": {"NAME": {"run_time": S, "skip": B}} (docs/scene-format.md,
// "Element ids"); NAME is one of NetworkFlow::partNames(beat).
PartOptions readBeatParts(ObjectReader& beat, const std::string& kind) {
  PartOptions parts;
  auto object = beat.optionalObject("parts");
  if (!object) return parts;
  const std::vector<scenes::BeatPartName>& names = scenes::NetworkFlow::partNames(kind);
  std::map<int, std::pair<std::string, double>> retimed_plays;  // play -> (part, run time)
  for (const std::string& name : object->keys()) {
    const auto known = std::find_if(names.begin(), names.end(),
                                    [&](const scenes::BeatPartName& n) { return n.name == name; });
    if (known == names.end()) {
      std::string list;
      for (const auto& n : names) list += (list.empty() ? "" : ", ") + n.name;
      object->fail(name, "\"" + kind + "\" has no part " + quoteForMessage(name) +
                             (list.empty() ? std::string() : " (" + list + ")"));
    }
    ObjectReader part = object->object(name);
    PartTimingDescription timing;
    if (part.has("run_time")) timing.run_time = part.requiredInRange<double>("run_time", 0.01, 1e4);
    timing.skip = part.optional<bool>("skip", false);
    part.finish();
    if (timing.run_time) {
      const auto [other, fresh] = retimed_plays.try_emplace(known->play, name, *timing.run_time);
      if (!fresh && other->second.second != *timing.run_time)
        part.fail("run_time", "\"" + other->second.first + "\" and \"" + name +
                                  "\" come in the same play: give a run_time to one of them");
    }
    parts[name] = timing;
  }
  return parts;
}

}  // namespace

BeatKind readShowTokensBeat(ObjectReader& beat, ReadContext& context) {
  if (context.tokens_shown) beat.fail("beat", "\"show_tokens\" can only appear once");
  context.tokens_shown = true;
  context.layers = 1;
  return ShowTokensBeat{beat.optionalInRange<double>("word_scale", 0.6, 0.05, 4.0)};
}

BeatKind readAttentionBeat(ObjectReader& beat, ReadContext& context) {
  AttentionBeat a;
  a.orientation = orientation(beat, "orientation", a.orientation);
  a.frame_height = beat.optionalInRange<double>("frame_height", 14.0, 0.1, 1e4);
  a.frame_x = beat.optionalInRange<double>("frame_x", -2.0, -1e4, 1e4);
  a.frame_y = beat.optionalInRange<double>("frame_y", 0.0, -1e4, 1e4);
  a.run_time = beat.optionalInRange<double>("run_time", 5.0, 0.01, 1e4);
  ++context.layers;
  return a;
}

BeatKind readMlpBeat(ObjectReader& beat, ReadContext& context) {
  MlpBeat m;
  m.one_by_one = beat.optional<bool>("one_by_one", false);
  m.sideview_orientation = orientation(beat, "sideview_orientation", m.sideview_orientation);
  m.final_orientation = orientation(beat, "final_orientation", m.final_orientation);
  m.neurons = beat.optionalInRange<int>("neurons", 20, 1, 1000);
  m.depth = beat.optionalInRange<double>("depth", 3.0, 0.1, 100.0);
  ++context.layers;
  return m;
}

BeatKind readRepetitionsBeat(ObjectReader& beat, ReadContext& context) {
  if (context.layers < 2)
    beat.fail("beat", "\"repetitions\" needs an attention or mlp beat before it");
  ++context.layers;
  return RepetitionsBeat{beat.optionalInRange<double>("depth", 8.0, 1.0, 1000.0)};
}

BeatKind readFocusLastLayerBeat(ObjectReader&, ReadContext&) {
  return FocusLastLayerBeat{};
}
BeatKind readUnembeddingBeat(ObjectReader&, ReadContext&) {
  return UnembeddingBeat{};
}
BeatKind readCycleEmbeddingsBeat(ObjectReader&, ReadContext&) {
  return CycleEmbeddingsBeat{};
}
BeatKind readRemoveEarlierLayersBeat(ObjectReader&, ReadContext&) {
  return RemoveEarlierLayersBeat{};
}
BeatKind readUnembeddingMatrixBeat(ObjectReader&, ReadContext&) {
  return UnembeddingMatrixBeat{};
}

BeatKind readContextSizeBeat(ObjectReader& beat, ReadContext&) {
  ContextSizeBeat c;
  c.label = beat.optional<std::string>("label", c.label);
  c.value = beat.optional<std::string>("value", c.value);
  c.dimension = beat.optional<std::string>("dimension", c.dimension);
  return c;
}

BeatKind readDesiredOutputBeat(ObjectReader& beat, ReadContext&) {
  // The defaults: the list 3b1b shows.
  DesiredOutputBeat d{{"...", "Snake", "Snape", "Snare", "...", "Treks", "Trelawney", "Trellis",
                       "...", "Quirky", "Quirrell", "Quirt", "..."},
                      {0, 0.78, 0, 0, 0.16, 0, 0, 0.06, 0}};
  if (auto words = beat.optionalArray("words")) {
    if (words->size() > kMaxListEntries)
      beat.fail("words", "more than " + std::to_string(kMaxListEntries) + " words");
    d.words.clear();
    for (const auto& w : *words) d.words.push_back(w.as<std::string>());
    if (d.words.empty()) beat.fail("words", "the word list is empty");
  }
  const auto rows = static_cast<std::size_t>(
      std::count_if(d.words.begin(), d.words.end(), [](const auto& w) { return w != "..."; }));
  if (auto probs = beat.optionalArray("probabilities")) {
    d.probabilities.clear();
    for (const auto& v : *probs) {
      const double value = v.as<double>();
      if (value < 0 || value > 1) v.fail("must be between 0 and 1, got " + io::formatNumber(value));
      d.probabilities.push_back(value);
    }
    if (d.probabilities.size() > rows) {
      beat.fail("probabilities", std::to_string(d.probabilities.size()) + " probabilities for " +
                                     std::to_string(rows) +
                                     " words (one per word that is not \"...\")");
    }
  }
  // Words without a probability show 0; the defaults beyond the words are never shown.
  if (d.probabilities.size() > rows) d.probabilities.resize(rows);
  return d;
}

BeatKind readScaleStackBeat(ObjectReader& beat, ReadContext&) {
  ScaleStackBeat s;
  // Bounded so a scene file cannot ask for more than the level of detail can draw.
  s.tokens = beat.optionalInRange<int>("tokens", 2048, 1, 65536);
  s.layers = beat.optionalInRange<int>("layers", 96, 1, 1000);
  s.rows = beat.optionalInRange<int>("rows", 10, 3, 64);
  s.dimension = beat.optional<std::string>("dimension", s.dimension);
  return s;
}

BeatKind readLessonBeat(ObjectReader& beat, ReadContext& context) {
  LessonBeat l;
  l.lesson = beat.required<std::string>("lesson");
  if (!scenes::isLesson(l.lesson)) {
    std::string list;
    for (const auto& n : scenes::lessonNames()) list += (list.empty() ? "" : ", ") + n;
    beat.fail("lesson", "unknown lesson \"" + l.lesson + "\" (" + list + ")");
  }
  l.seed = beat.optionalInRange<int64_t>("seed", 0, 0, std::numeric_limits<int64_t>::max());
  if (beat.has("passage")) {
    l.passage = beat.required<std::string>("passage");
    namespace fs = std::filesystem;
    // Relative to the scene file; else to the scene directory (a scene read from a string).
    fs::path path = fs::path(*l.passage).is_absolute()
                        ? fs::path(*l.passage)
                        : fs::path(context.doc.file()).parent_path() / *l.passage;
    if (!fs::exists(path) && !fs::path(*l.passage).is_absolute()) {
      const fs::path scene_dir = fs::path(scenes::defaultScenePath()).parent_path();
      if (fs::exists(scene_dir / *l.passage)) path = scene_dir / *l.passage;
    }
    std::ifstream in(path);
    std::ostringstream text;
    if (!in || !(text << in.rdbuf())) beat.fail("passage", "cannot read " + path.string());
    l.passage_text = text.str();
    if (l.passage_text.size() > (1u << 20)) beat.fail("passage", "more than 1 MiB of text");
  } else if (l.lesson == "text_passage_intro") {
    beat.fail("lesson", "\"text_passage_intro\" needs a passage");
  }
  if (auto gains = beat.optionalArray("gains")) {
    for (const auto& g : *gains) {
      const double value = g.as<double>();
      if (!(value >= 0 && value <= 100)) g.fail("must be between 0 and 100");
      l.gains.push_back(value);
    }
    if (l.gains.empty() || l.gains.size() > 4) beat.fail("gains", "1 to 4 gains");
  }
  return l;
}

BeatKind readWaitBeat(ObjectReader& beat, ReadContext&) {
  WaitBeat w;
  w.duration = beat.optionalInRange<double>("duration", 1.0, 0.0, 1e5);
  w.name = beat.optional<std::string>("name", "hold");
  w.section = beat.optional<std::string>("section", "");
  return w;
}

BeatKind readPlayBeat(ObjectReader& beat, ReadContext& context) {
  PlayBeat p;
  if (beat.has("run_time")) p.run_time = beat.requiredInRange<double>("run_time", 0.0, 1e5);
  p.lag_ratio = beat.optionalInRange<double>("lag_ratio", 0.0, 0.0, 10.0);
  auto animations = beat.array("animations");
  if (animations.size() > kMaxAnimations) {
    animations.at(kMaxAnimations)
        .fail("more than " + std::to_string(kMaxAnimations) + " animations in one play");
  }
  for (const auto& a : animations) p.animations.push_back(readAnimation(a.object(), context));
  p.name = beat.optional<std::string>("name", "play");
  p.section = beat.optional<std::string>("section", "");
  return p;
}

BeatDescription readBeat(ObjectReader beat, ReadContext& context) {
  BeatDescription out;
  const std::string kind = beat.required<std::string>("beat");
  out.notes = beat.optional<std::string>("notes", "");
  out.source = context.sourceOf(beat.pointer());
  const BeatKindEntry* entry = findBeatKind(kind);
  if (!entry)
    beat.fail("beat", "unknown beat " + quoteForMessage(kind) + " (" + beatKindNames() + ")");
  if (entry->needs_network_flow && !context.has_network_flow)
    beat.fail("beat", "\"" + kind + "\" needs a \"network_flow\" section");
  if (entry->needs_tokens && !context.tokens_shown)
    beat.fail("beat", "\"" + kind + "\" needs a \"show_tokens\" beat before it");
  out.kind = entry->read(beat, context);
  if (entry->takes_parts) out.parts = readBeatParts(beat, kind);
  beat.finish();
  return out;
}

}  // namespace flowview::description
