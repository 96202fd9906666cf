#pragma once
// Where a scene's sentence and numbers come from: GPT-2 tokenization of `network_flow.text`, the
// `--text` override and the model (`--model DIR` or the scene's "model" field) whose reading of
// the sentence replaces the seed's random values (docs/real-model.md).
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/description/scene_description.h"
#include "core/scenes/model_data.h"

namespace flowview::model {
class Model;
}

namespace flowview::scenes {

// What the command line or the viewer adds to a scene file.
struct SceneInputs {
  std::string model_folder;             // --model DIR; wins over the scene's "model"
  std::shared_ptr<model::Model> model;  // an already loaded model (the viewer); wins over both
  std::string model_name;               // how `model` is named in the data-source line
  std::optional<std::string> text;      // --text: the prompt shown, then the "???" box
  // The model's reading of the prompt, already computed (the viewer's worker, readSentence): used
  // instead of running the model when its prompt and top-K are the ones the scene asks for.
  std::shared_ptr<const ModelData> data;
};

// The token shown in the "???" box after a --text prompt (it is hidden behind the box).
inline constexpr const char* kPredictedPlaceholder = " blank";

// A loaded model and its name (the folder's last component).
struct LoadedModel {
  std::shared_ptr<model::Model> model;
  std::string name;
};
// Loads `folder` (throws io::LoadError naming the file on a broken folder).
LoadedModel loadModelFolder(const std::string& folder);

struct NetworkFlowConfig;
// --text and the model: re-splits the sentence (2 to kMaxSentenceTokens tokens for --text), runs
// the model on all tokens but the last and puts its data and top-K into `config`. The model is
// inputs.model, else inputs.model_folder (compose_scene.cpp loads the scene's own "model" into
// inputs.model). Throws io::LoadError ("--text: ...", or naming the model folder's file) on bad
// input.
void applySceneInputs(NetworkFlowConfig& config, const SceneInputs& inputs);

// The tokens of the scene's sentence: `flow.tokens` as the file gives them, else `flow.text`
// split by its tokenizer when the scene is composed (never when it is read): "words" at spaces;
// "gpt2" with `model`'s tokenizer when one is loaded, else the installed vocabulary (loaded once
// per process, installed_tokenizer.h), else splitGpt2Words with one note on stderr. Throws
// io::LoadError at /network_flow/text for text that is not UTF-8 or splits into fewer than 3 or
// more than 4096 tokens.
std::vector<std::string> sentenceTokens(const description::NetworkFlowDescription& flow,
                                        const model::Model* model);

// The sentence splitter used when no GPT-2 vocabulary is installed: GPT-2's pre-tokenizer (words
// keep their leading space, punctuation stands alone).
std::vector<std::string> splitGpt2Words(const std::string& text);

// Replaces bytes that are not UTF-8 (a token may hold part of a character) with '?', so that
// every token can be laid out on its own.
std::string displayableToken(const std::string& bytes);

}  // namespace flowview::scenes
