#include "core/scenes/scene_file.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <map>

#include "core/build/scene_builder.h"
#include "core/io/json_document.h"
#include "core/math/color.h"
#include "core/scenes/general_layer.h"
#include "core/scenes/network_flow.h"
#include "core/scenes/scale_stack.h"
#include "core/scenes/scene_json.h"
#include "core/scenes/shapes.h"
#include "core/scenes/units.h"
#include "core/text/glyph_atlas.h"

namespace flowview::scenes {
namespace {

using io::ArrayReader;
using io::JsonDocument;
using io::ObjectReader;

// Splits `text` into pieces that concatenate back to it: words keep their leading space and
// punctuation stands alone, like GPT-2's pre-tokenizer.
std::vector<std::string> splitWords(const std::string& text, bool split_punctuation) {
  std::vector<std::string> pieces;
  std::string current;
  for (char c : text) {
    const bool space = c == ' ';
    const bool punct =
        split_punctuation && std::ispunct(static_cast<unsigned char>(c)) && c != '\'';
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

std::string textOf(const std::vector<std::string>& tokens) {
  std::string s;
  for (const auto& t : tokens) s += t;
  return s;
}

// A network-flow beat's "parts": {"NAME": {"run_time": S, "skip": B}} (docs/scene-format.md,
// "Element ids"); NAME is one of NetworkFlow::partNames(beat).
BeatParts readBeatParts(ObjectReader& beat, const std::string& kind) {
  BeatParts parts;
  auto object = beat.optionalObject("parts");
  if (!object) return parts;
  const std::vector<BeatPartName>& names = NetworkFlow::partNames(kind);
  std::map<int, std::pair<std::string, double>> retimed_plays;  // play -> (part, run time)
  for (const std::string& name : object->keys()) {
    const auto known = std::find_if(names.begin(), names.end(),
                                    [&](const BeatPartName& n) { return n.name == name; });
    if (known == names.end()) {
      std::string list;
      for (const auto& n : names) list += (list.empty() ? "" : ", ") + n.name;
      object->fail(name, "\"" + kind + "\" has no part \"" + name + "\"" +
                             (list.empty() ? std::string() : " (" + list + ")"));
    }
    ObjectReader part = object->object(name);
    PartTiming timing;
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

Scene build(const JsonDocument& doc, text::GlyphAtlas& atlas) {
  ObjectReader root = doc.object();
  // Any other number is named as written (not as an int's range) in the message.
  const nlohmann::json* version = root.has("version") ? &root.json().at("version") : nullptr;
  if (version && version->is_number() && *version != 1) {
    root.fail("version", "unsupported version " + io::formatNumber(version->get<double>()) +
                             " (this flowview reads version 1)");
  }
  root.required<int>("version");
  root.ignore("$schema");
  root.ignore("description");
  SceneBuilder b(root.optional<std::string>("title", "untitled"));
  const auto seed =
      root.optionalInRange<int64_t>("seed", 0, 0, std::numeric_limits<int64_t>::max());
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
    if (tokenizer != "gpt2" && tokenizer != "words")
      nf->fail("tokenizer", "expected \"gpt2\" or \"words\"");
    if (auto tokens = nf->optionalArray("tokens")) {
      for (const auto& t : *tokens) config.tokens.push_back(t.as<std::string>());
      if (config.tokens.empty()) nf->fail("tokens", "the token list is empty");
      if (textOf(config.tokens) != config.text)
        nf->fail("tokens", "the tokens do not join up to the text");
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

  GeneralLayer general(b, atlas);
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
      if (need_tokens && !tokens_shown)
        beat.fail("beat", "\"" + kind + "\" needs a \"show_tokens\" beat before it");
    };
    if (kind == "show_tokens") {
      need_flow(false);
      if (tokens_shown) beat.fail("beat", "\"show_tokens\" can only appear once");
      ShowTokensParams p;
      p.word_scale = static_cast<float>(beat.optionalInRange<double>("word_scale", 0.6, 0.05, 4.0));
      p.notes = notes;
      p.parts = readBeatParts(beat, kind);
      flow->showTokens(p);
      tokens_shown = true;
    } else if (kind == "attention") {
      need_flow(true);
      AttentionParams p;
      p.orientation = readOrientation(beat, "orientation", p.orientation);
      p.frame_height =
          static_cast<float>(beat.optionalInRange<double>("frame_height", 14.0, 0.1, 1e4));
      p.frame_x = static_cast<float>(beat.optionalInRange<double>("frame_x", -2.0, -1e4, 1e4));
      p.frame_y = static_cast<float>(beat.optionalInRange<double>("frame_y", 0.0, -1e4, 1e4));
      p.run_time = beat.optionalInRange<double>("run_time", 5.0, 0.01, 1e4);
      p.notes = notes;
      p.parts = readBeatParts(beat, kind);
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
      p.parts = readBeatParts(beat, kind);
      flow->mlp(p);
    } else if (kind == "repetitions") {
      need_flow(true);
      if (flow->layerCount() < 2)
        beat.fail("beat", "\"repetitions\" needs an attention or mlp beat before it");
      RepetitionsParams p;
      p.depth = static_cast<float>(beat.optionalInRange<double>("depth", 8.0, 1.0, 1000.0));
      p.notes = notes;
      p.parts = readBeatParts(beat, kind);
      flow->repetitions(p);
    } else if (kind == "focus_last_layer") {
      need_flow(true);
      flow->focusLastLayer(FocusParams{notes, readBeatParts(beat, kind)});
    } else if (kind == "unembedding") {
      need_flow(true);
      flow->unembedding(UnembeddingParams{notes, readBeatParts(beat, kind)});
    } else if (kind == "cycle_embeddings") {
      need_flow(true);
      flow->cycleEmbeddings(notes);
    } else if (kind == "context_size") {
      need_flow(true);
      ContextSizeParams p;
      p.context_label = beat.optional<std::string>("label", p.context_label);
      p.context_value = beat.optional<std::string>("value", p.context_value);
      p.dimension_label = beat.optional<std::string>("dimension", p.dimension_label);
      p.notes = notes;
      p.parts = readBeatParts(beat, kind);
      flow->contextSize(p);
    } else if (kind == "remove_earlier_layers") {
      need_flow(true);
      flow->removeEarlierLayers();
    } else if (kind == "desired_output") {
      need_flow(true);
      DesiredOutputParams p;
      if (auto words = beat.optionalArray("words")) {
        p.words.clear();
        for (const auto& w : *words) p.words.push_back(w.as<std::string>());
        if (p.words.empty()) beat.fail("words", "the word list is empty");
      }
      if (auto probs = beat.optionalArray("probabilities")) {
        p.probabilities.clear();
        for (const auto& v : *probs) {
          const double value = v.as<double>();
          if (value < 0 || value > 1)
            v.fail("must be between 0 and 1, got " + io::formatNumber(value));
          p.probabilities.push_back(value);
        }
      }
      p.notes = notes;
      p.parts = readBeatParts(beat, kind);
      flow->desiredOutput(p);
    } else if (kind == "unembedding_matrix") {
      need_flow(true);
      flow->unembeddingMatrix(notes);
    } else if (kind == "scale_stack") {
      ScaleStackParams p;
      // Bounded so a scene file cannot ask for more than the level of detail can draw.
      p.tokens = beat.optionalInRange<int>("tokens", 2048, 1, 65536);
      p.layers = beat.optionalInRange<int>("layers", 96, 1, 1000);
      p.rows = beat.optionalInRange<int>("rows", 10, 3, 64);
      p.dimension_label = beat.optional<std::string>("dimension", p.dimension_label);
      p.seed = static_cast<uint64_t>(seed);
      buildScaleStack(b, atlas, p);
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
      b.endPlay(end, beat.optional<std::string>("name", "play"),
                beat.optional<std::string>("section", ""), notes);
    } else {
      beat.fail("beat", "unknown beat \"" + kind +
                            "\" (show_tokens, attention, mlp, repetitions, focus_last_layer, "
                            "unembedding, cycle_embeddings, "
                            "context_size, remove_earlier_layers, desired_output, "
                            "unembedding_matrix, scale_stack, play, wait)");
    }
    beat.finish();
  }
  const bool present_every_beat = root.optional<bool>("present_every_beat", false);
  root.finish();
  Scene scene = b.finish();
  scene.present_every_beat = present_every_beat;
  if (scene.duration <= 0.0) root.fail("beats", "the scene lasts 0 seconds");
  if (scene.duration > kMaxSceneSeconds) {
    root.fail("beats", "the scene lasts " + io::formatNumber(scene.duration) +
                           " s, more than the limit of 1e9 s");
  }
  return scene;
}

}  // namespace

Scene loadSceneFile(const std::string& path, text::GlyphAtlas& atlas) {
  return build(JsonDocument::parseFile(path), atlas);
}

Scene loadSceneString(std::string_view json, const std::string& display_name,
                      text::GlyphAtlas& atlas) {
  return build(JsonDocument::parseString(json, display_name), atlas);
}

std::string defaultScenePath() {
  const char* name = "high_level_network_flow.json";
  if (const char* env = std::getenv("FLOWVIEW_SCENE_DIR"); env && *env)
    return std::string(env) + "/" + name;
  namespace fs = std::filesystem;
#ifdef FLOWVIEW_SCENE_DIR
  if (fs::exists(fs::path(FLOWVIEW_SCENE_DIR) / name))
    return (fs::path(FLOWVIEW_SCENE_DIR) / name).string();
#endif
  std::error_code ec;
  const auto exe = fs::read_symlink("/proc/self/exe", ec);
  for (auto dir = exe.parent_path(); !ec && !dir.empty() && dir != dir.root_path();
       dir = dir.parent_path()) {
    if (fs::exists(dir / "scenes" / name)) return (dir / "scenes" / name).string();
  }
  return std::string("scenes/") + name;
}

}  // namespace flowview::scenes
