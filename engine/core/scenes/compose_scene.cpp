#include "core/scenes/compose_scene.h"

#include <optional>

#include "core/build/scene_builder.h"
#include "core/io/json_document.h"
#include "core/io/load_error.h"
#include "core/scenes/general_layer.h"
#include "core/scenes/lesson_scenes.h"
#include "core/scenes/network_flow.h"
#include "core/scenes/scale_stack.h"
#include "core/scenes/scene_file.h"

namespace flowview::scenes {

using namespace description;

namespace {

float asFloat(double v) {
  return static_cast<float>(v);
}

Camera cameraOf(const CameraDescription& c) {
  return Camera::fromEuler(
      {asFloat(c.euler_deg[0]), asFloat(c.euler_deg[1]), asFloat(c.euler_deg[2])},
      {asFloat(c.center[0]), asFloat(c.center[1]), asFloat(c.center[2])}, asFloat(c.height));
}

NetworkFlowConfig flowConfig(const NetworkFlowDescription& nf, int64_t seed) {
  NetworkFlowConfig config;
  config.seed = static_cast<uint64_t>(seed);
  config.text = nf.text;
  for (const NextTokenDescription& c : nf.next_tokens)
    config.next_tokens.emplace_back(c.token, c.probability);
  config.hide_block_labels = nf.hide_block_labels;
  config.embedding_length = nf.embedding_length;
  config.attention_head = nf.attention_head;
  return config;
}

// With a model, a head or layer the model does not have is the scene's error.
void checkAgainstModel(const ModelData& model, const SourceRef& at, const std::string& key,
                       int value, int count, const char* what) {
  if (value < count) return;
  throw io::LoadError(at.file, at.pointer + "/" + key, at.location,
                      std::to_string(value) + " is not a " + what + " of the model (it has " +
                          std::to_string(count) + ")");
}

// The inputs with their model loaded: --model's folder, else the scene's own "model" (a folder
// that does not load is then the scene's error, at /model), so that its tokenizer splits the text.
SceneInputs withModelLoaded(const SceneDescription& scene, const SceneInputs& inputs) {
  if (inputs.model) return inputs;
  SceneInputs out = inputs;
  if (!inputs.model_folder.empty()) {
    LoadedModel loaded = loadModelFolder(inputs.model_folder);
    out.model = loaded.model;
    out.model_name = loaded.name;
    return out;
  }
  if (scene.model_path.empty()) return inputs;
  try {
    LoadedModel loaded = loadModelFolder(scene.model_path);
    out.model = loaded.model;
    out.model_name = loaded.name;
  } catch (const std::exception& e) {
    const SourceRef& at = scene.model_source;
    throw io::LoadError(at.file, at.pointer, at.location, e.what());
  }
  return out;
}

// The network flow's sentence: the scene's tokens (split now when the file gives only text),
// then --text and the model (applySceneInputs).
NetworkFlowConfig sentenceConfig(const SceneDescription& scene, const SceneInputs& inputs) {
  const SceneInputs loaded = withModelLoaded(scene, inputs);
  NetworkFlowConfig config = flowConfig(*scene.network_flow, scene.seed);
  if (!inputs.text) config.tokens = sentenceTokens(*scene.network_flow, loaded.model.get());
  applySceneInputs(config, loaded);
  return config;
}

BeatParts partsOf(const PartOptions& options) {
  BeatParts parts;
  for (const auto& [name, timing] : options) parts[name] = PartTiming{timing.run_time, timing.skip};
  return parts;
}

// What every network-flow beat hands its NetworkFlow step besides its own fields.
struct FlowBeat {
  const std::string& notes;
  const BeatParts& parts;
  const SourceRef& source;  // the beat object, for errors found with the model
};

// Each network-flow beat: its fields as its NetworkFlow step's params, and the step.
void flowStep(NetworkFlow& flow, const ShowTokensBeat& b, const FlowBeat& beat) {
  flow.showTokens(ShowTokensParams{
      .word_scale = asFloat(b.word_scale), .notes = beat.notes, .parts = beat.parts});
}
void flowStep(NetworkFlow& flow, const AttentionBeat& b, const FlowBeat& beat) {
  if (const ModelData* model = flow.config().model.get()) {
    if (b.layer) checkAgainstModel(*model, beat.source, "layer", *b.layer, model->n_layer, "layer");
    if (b.head) checkAgainstModel(*model, beat.source, "head", *b.head, model->n_head, "head");
  }
  flow.attention(AttentionParams{.orientation = b.orientation,
                                 .frame_height = asFloat(b.frame_height),
                                 .frame_x = asFloat(b.frame_x),
                                 .frame_y = asFloat(b.frame_y),
                                 .run_time = b.run_time,
                                 .layer = b.layer,
                                 .head = b.head,
                                 .notes = beat.notes,
                                 .parts = beat.parts});
}
void flowStep(NetworkFlow& flow, const MlpBeat& b, const FlowBeat& beat) {
  flow.mlp(MlpParams{.one_by_one = b.one_by_one,
                     .sideview = b.sideview_orientation,
                     .final_orientation = b.final_orientation,
                     .neurons = b.neurons,
                     .depth = asFloat(b.depth),
                     .notes = beat.notes,
                     .parts = beat.parts});
}
void flowStep(NetworkFlow& flow, const RepetitionsBeat& b, const FlowBeat& beat) {
  flow.repetitions(
      RepetitionsParams{.depth = asFloat(b.depth), .notes = beat.notes, .parts = beat.parts});
}
void flowStep(NetworkFlow& flow, const FocusLastLayerBeat&, const FlowBeat& beat) {
  flow.focusLastLayer(FocusParams{.notes = beat.notes, .parts = beat.parts});
}
void flowStep(NetworkFlow& flow, const UnembeddingBeat&, const FlowBeat& beat) {
  flow.unembedding(UnembeddingParams{.notes = beat.notes, .parts = beat.parts});
}
void flowStep(NetworkFlow& flow, const CycleEmbeddingsBeat&, const FlowBeat& beat) {
  flow.cycleEmbeddings(beat.notes);
}
void flowStep(NetworkFlow& flow, const ContextSizeBeat& b, const FlowBeat& beat) {
  flow.contextSize(ContextSizeParams{.context_label = b.label,
                                     .context_value = b.value,
                                     .dimension_label = b.dimension,
                                     .notes = beat.notes,
                                     .parts = beat.parts});
}
void flowStep(NetworkFlow& flow, const RemoveEarlierLayersBeat&, const FlowBeat&) {
  flow.removeEarlierLayers();
}
void flowStep(NetworkFlow& flow, const DesiredOutputBeat& b, const FlowBeat& beat) {
  flow.desiredOutput(DesiredOutputParams{.words = b.words,
                                         .probabilities = b.probabilities,
                                         .notes = beat.notes,
                                         .parts = beat.parts});
}
void flowStep(NetworkFlow& flow, const UnembeddingMatrixBeat&, const FlowBeat& beat) {
  flow.unembeddingMatrix(beat.notes);
}

// One beat, visited with the pieces that build it: a network-flow beat goes to its flowStep,
// the others to the builder, the scale stack, a lesson or the general layer.
struct BeatComposer {
  SceneBuilder& b;
  text::GlyphAtlas& atlas;
  std::optional<NetworkFlow>& flow;
  GeneralLayer& general;
  const SceneDescription& scene;
  const std::string& notes;
  BeatParts parts;
  const SourceRef& source;  // the beat object, for a lesson's errors

  template <typename Beat>
  void operator()(const Beat& beat) const {
    flowStep(*flow, beat, FlowBeat{notes, parts, source});
  }
  void operator()(const ScaleStackBeat& beat) const {
    ScaleStackParams p;
    p.tokens = beat.tokens;
    p.layers = beat.layers;
    p.rows = beat.rows;
    p.dimension_label = beat.dimension;
    p.seed = static_cast<uint64_t>(scene.seed);
    buildScaleStack(b, atlas, p);
  }
  void operator()(const LessonBeat& beat) const {
    LessonOptions options;
    options.seed = static_cast<uint64_t>(beat.seed);
    options.passage = beat.passage_text;
    options.gains = beat.gains;
    try {
      buildLesson(beat.lesson, b, atlas, options);
    } catch (const std::invalid_argument& e) {
      throw io::LoadError(source.file, source.pointer + "/lesson", source.location, e.what());
    }
  }
  void operator()(const WaitBeat& beat) const {
    b.wait(beat.duration, beat.name, beat.section, notes);
  }
  void operator()(const PlayBeat& beat) const {
    const double t0 = b.now();
    const double default_run_time = beat.run_time.value_or(1.0);
    double end = 0.0, start = 0.0;
    for (const AnimationDescription& a : beat.animations) {
      const double d = general.animate(a, t0 + start, default_run_time);
      end = std::max(end, start + d);
      start += beat.lag_ratio * d;
    }
    if (beat.run_time && beat.animations.empty()) end = *beat.run_time;
    b.endPlay(end, beat.name, beat.section, notes);
  }
};

}  // namespace

std::shared_ptr<const ModelData> readSentence(const SceneDescription& scene,
                                              const SceneInputs& inputs) {
  if (!scene.network_flow) return nullptr;
  return sentenceConfig(scene, inputs).model;
}

Scene composeScene(const SceneDescription& scene, text::GlyphAtlas& atlas) {
  return composeScene(scene, atlas, SceneInputs{});
}

Scene composeScene(const SceneDescription& scene, text::GlyphAtlas& atlas,
                   const SceneInputs& inputs) {
  std::shared_ptr<const ModelData> model_data;
  SceneBuilder b(scene.title);
  if (scene.camera) b.mutableScene().camera.setInitial(cameraOf(*scene.camera));
  for (const CameraPresetDescription& preset : scene.camera_presets)
    b.addPreset(preset.name, cameraOf(preset.camera));
  std::optional<NetworkFlow> flow;
  if (scene.network_flow) {
    NetworkFlowConfig config = sentenceConfig(scene, inputs);
    model_data = config.model;
    if (model_data)
      checkAgainstModel(*model_data, scene.network_flow->source, "attention_head",
                        config.attention_head, model_data->n_head, "head");
    flow.emplace(b, atlas, std::move(config));
  }
  GeneralLayer general(b, atlas);
  for (const ObjectDescription& object : scene.objects) general.addObject(object);
  for (const BeatDescription& beat : scene.beats)
    std::visit(
        BeatComposer{b, atlas, flow, general, scene, beat.notes, partsOf(beat.parts), beat.source},
        beat.kind);
  Scene built = b.finish();
  built.present_every_beat = scene.present_every_beat;
  built.model = model_data;
  if (built.duration <= 0.0) {
    const SourceRef& at = scene.beats_source;
    throw io::LoadError(at.file, at.pointer, at.location, "the scene lasts 0 seconds");
  }
  if (built.duration > kMaxSceneSeconds) {
    const SourceRef& at = scene.beats_source;
    throw io::LoadError(
        at.file, at.pointer, at.location,
        "the scene lasts " + io::formatNumber(built.duration) + " s, more than the limit of 1e9 s");
  }
  return built;
}

}  // namespace flowview::scenes
