#include "core/description/read_scene.h"

#include <cctype>
#include <filesystem>
#include <limits>
#include <stdexcept>

#include "core/description/limits.h"
#include "core/description/read_context.h"

namespace flowview::description {

using io::ObjectReader;

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

CameraDescription readCameraDescription(ObjectReader& reader) {
  CameraDescription camera;
  camera.euler_deg = readVec3(reader, "euler_deg", {0, 0, 0});
  camera.center = readVec3(reader, "center", {0, 0, 0});
  camera.height = reader.optionalInRange<double>("height", 8.0, 0.01, 1e6);
  return camera;
}

namespace {

std::string joined(const std::vector<std::string>& tokens) {
  std::string s;
  for (const auto& t : tokens) s += t;
  return s;
}

NetworkFlowDescription readNetworkFlow(ObjectReader& nf) {
  NetworkFlowDescription flow;
  flow.text = nf.required<std::string>("text");
  if (flow.text.empty()) nf.fail("text", "must not be empty");
  flow.tokenizer = nf.optional<std::string>("tokenizer", "gpt2");
  if (flow.tokenizer != "gpt2" && flow.tokenizer != "words")
    nf.fail("tokenizer", "expected \"gpt2\" or \"words\"");
  // A text without tokens stays so: it is split when the scene is composed (sentenceTokens),
  // which checks the count of its tokens then.
  if (auto tokens = nf.optionalArray("tokens")) {
    for (const auto& t : *tokens) flow.tokens.push_back(t.as<std::string>());
    if (flow.tokens.empty()) nf.fail("tokens", "the token list is empty");
    if (joined(flow.tokens) != flow.text)
      nf.fail("tokens", "the tokens do not join up to the text");
    if (const char* error = flowTokenCountError(flow.tokens.size())) nf.fail("tokens", error);
  }
  if (auto next = nf.optionalArray("next_tokens")) {
    if (next->size() > kMaxListEntries) {
      next->at(kMaxListEntries)
          .fail("more than " + std::to_string(kMaxListEntries) + " next-token candidates");
    }
    for (const auto& entry : *next) {
      ObjectReader e = entry.object();
      NextTokenDescription candidate;
      candidate.token = e.required<std::string>("token");
      candidate.probability = e.requiredInRange<double>("probability", 0.0, 1.0);
      flow.next_tokens.push_back(std::move(candidate));
      e.finish();
    }
  }
  flow.hide_block_labels = nf.optional<bool>("hide_block_labels", false);
  flow.embedding_length = nf.optionalInRange<int>("embedding_length", 10, 3, 64);
  flow.attention_head = nf.optionalInRange<int>("attention_head", -1, -1, 4096);
  return flow;
}

// A play's length: its longest animation (manim's), or its run_time when it has none.
double playLength(const PlayBeat& play) {
  const double default_run_time = play.run_time.value_or(1.0);
  double end = 0.0, start = 0.0;
  for (const AnimationDescription& a : play.animations) {
    const double d = a.time_span ? (*a.time_span)[1] : a.run_time.value_or(default_run_time);
    end = std::max(end, start + d);
    start += play.lag_ratio * d;
  }
  if (play.run_time && play.animations.empty()) end = *play.run_time;
  return end;
}

}  // namespace

bool sceneTakesTime(const SceneDescription& scene) {
  for (const BeatDescription& beat : scene.beats) {
    if (const auto* wait = std::get_if<WaitBeat>(&beat.kind)) {
      if (wait->duration > 0) return true;
    } else if (const auto* play = std::get_if<PlayBeat>(&beat.kind)) {
      if (playLength(*play) > 0) return true;
    } else if (!std::holds_alternative<RemoveEarlierLayersBeat>(beat.kind)) {
      return true;
    }
  }
  return false;
}

SceneDescription readScene(const io::JsonDocument& doc) {
  SceneDescription scene;
  ReadContext context(doc);
  ObjectReader root = doc.object();
  // Any other number is named as written (not as an int's range) in the message.
  const nlohmann::json* version = root.has("version") ? &root.json().at("version") : nullptr;
  if (version && version->is_number() && *version != 1) {
    root.fail("version", "unsupported version " + io::formatNumber(version->get<double>()) +
                             " (this flowview reads version 1)");
  }
  root.required<int>("version");
  if (root.has("$schema") && root.json()["$schema"].is_string())
    scene.schema = root.json()["$schema"].get<std::string>();
  if (root.has("description") && root.json()["description"].is_string())
    scene.description = root.json()["description"].get<std::string>();
  root.ignore("$schema");
  root.ignore("description");
  scene.title = root.optional<std::string>("title", "untitled");
  scene.seed = root.optionalInRange<int64_t>("seed", 0, 0, std::numeric_limits<int64_t>::max());
  if (auto cam = root.optionalObject("camera")) {
    scene.camera = readCameraDescription(*cam);
    cam->finish();
  }
  if (auto presets = root.optionalArray("camera_presets")) {
    for (const auto& p : *presets) {
      ObjectReader preset = p.object();
      CameraPresetDescription named;
      named.name = preset.required<std::string>("name");
      named.camera = readCameraDescription(preset);
      preset.finish();
      scene.camera_presets.push_back(std::move(named));
    }
  }
  if (root.has("model")) {
    scene.model = root.required<std::string>("model");
    if (scene.model->empty()) root.fail("model", "must not be empty");
    const std::filesystem::path folder(*scene.model);
    scene.model_path =
        (folder.is_absolute() ? folder : std::filesystem::path(doc.file()).parent_path() / folder)
            .lexically_normal()
            .string();
    scene.model_source = context.sourceOf(io::JsonDocument::childPointer(root.pointer(), "model"));
  }
  if (auto nf = root.optionalObject("network_flow")) {
    scene.network_flow = readNetworkFlow(*nf);
    scene.network_flow->source = context.sourceOf(nf->pointer());
    scene.network_flow->text_source =
        context.sourceOf(io::JsonDocument::childPointer(nf->pointer(), "text"));
    nf->finish();
    context.has_network_flow = true;
  }
  if (auto objects = root.optionalArray("objects")) {
    if (objects->size() > kMaxObjects) {
      objects->at(kMaxObjects)
          .fail("more than " + std::to_string(kMaxObjects) + " objects (the limit)");
    }
    scene.objects.reserve(objects->size());
    for (const auto& o : *objects) {
      scene.objects.emplace_back();
      readObject(o.object(), context, scene.objects.back());
    }
  }
  auto beats = root.array("beats");
  scene.beats_source = context.sourceOf(io::JsonDocument::childPointer(root.pointer(), "beats"));
  if (beats.empty()) root.fail("beats", "a scene needs at least one beat");
  if (beats.size() > kMaxBeats)
    beats.at(kMaxBeats).fail("more than " + std::to_string(kMaxBeats) + " beats (the limit)");
  for (const auto& entry : beats) scene.beats.push_back(readBeat(entry.object(), context));
  scene.present_every_beat = root.optional<bool>("present_every_beat", false);
  root.finish();
  if (!sceneTakesTime(scene)) root.fail("beats", "the scene lasts 0 seconds");
  return scene;
}

SceneDescription readSceneFile(const std::string& path) {
  return readScene(io::JsonDocument::parseFile(path));
}

SceneDescription readSceneString(std::string_view json, const std::string& display_name) {
  return readScene(io::JsonDocument::parseString(json, display_name));
}

}  // namespace flowview::description
