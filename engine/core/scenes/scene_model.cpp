#include "core/scenes/scene_model.h"

#include <filesystem>
#include <optional>

#include "core/description/limits.h"
#include "core/description/read_scene.h"
#include "core/io/load_error.h"
#include "core/model/installed_tokenizer.h"
#include "core/model/model.h"
#include "core/scenes/network_flow.h"
#include "core/text/utf8.h"

namespace flowview::scenes {
std::vector<std::string> splitGpt2Words(const std::string& text) {
  return description::splitWords(text, true);
}

std::vector<std::string> sentenceTokens(const description::NetworkFlowDescription& flow,
                                        const model::Model* model) {
  if (!flow.tokens.empty()) return flow.tokens;
  const description::SourceRef& at = flow.text_source;
  std::vector<std::string> tokens;
  try {
    if (flow.tokenizer == "words")
      tokens = description::splitWords(flow.text, false);
    else if (model)
      tokens = model->tokenize(flow.text).tokens;
    else
      tokens = model::gpt2Pieces(flow.text, splitGpt2Words);
  } catch (const std::invalid_argument& e) {  // text that is not UTF-8
    throw io::LoadError(at.file, at.pointer, at.location, e.what());
  }
  if (const char* error = description::flowTokenCountError(tokens.size()))
    throw io::LoadError(at.file, at.pointer, at.location, error);
  return tokens;
}

LoadedModel loadModelFolder(const std::string& folder) {
  LoadedModel loaded;
  loaded.model = std::shared_ptr<model::Model>(model::Model::load(folder));
  const std::filesystem::path p = std::filesystem::path(folder).lexically_normal();
  loaded.name = p.has_filename() ? p.filename().string() : p.parent_path().filename().string();
  if (loaded.name.empty()) loaded.name = folder;
  return loaded;
}

std::string displayableToken(const std::string& bytes) {
  std::string out;
  size_t pos = 0;
  while (pos < bytes.size()) {
    const size_t start = pos;
    const char32_t c = text::decodeUtf8Next(bytes, pos);
    if (c == text::kReplacementChar && bytes.compare(start, 3, "\xEF\xBF\xBD") != 0)
      out += '?';
    else
      out.append(bytes, start, pos - start);
  }
  return out;
}

void applySceneInputs(NetworkFlowConfig& config, const SceneInputs& inputs) {
  LoadedModel model{inputs.model, inputs.model_name};
  if (!model.model && !inputs.model_folder.empty()) model = loadModelFolder(inputs.model_folder);
  const int shown = static_cast<int>(config.next_tokens.size());
  const int top_k = shown > 0 ? shown : 10;
  // A reading computed before (the viewer's worker) for this very prompt: no tokenizing, no run.
  auto precomputed = [&](const std::string& prompt) {
    return model.model && inputs.data && inputs.data->prompt == prompt &&
           inputs.data->top_k == top_k;
  };
  std::optional<model::TokenizedText> prompt_tokens;  // --text with a model: tokenized once
  if (inputs.text) {  // the prompt's tokens, then the predicted token's box
    config.text = *inputs.text;
    try {
      if (precomputed(config.text)) {
        config.tokens = inputs.data->tokens;
      } else if (model.model) {
        prompt_tokens = model.model->tokenize(config.text);
        config.tokens = prompt_tokens->tokens;
      } else {
        config.tokens = model::gpt2Pieces(config.text, splitGpt2Words);
      }
    } catch (const std::invalid_argument& e) {  // text that is not UTF-8
      throw io::LoadError("--text", "", {}, e.what());
    }
    if (config.tokens.size() < 2)
      throw io::LoadError("--text", "", {}, "the sentence needs at least 2 tokens");
    if (static_cast<int>(config.tokens.size()) > kMaxSentenceTokens)
      throw io::LoadError("--text", "", {},
                          "the sentence has " + std::to_string(config.tokens.size()) +
                              " tokens, more than " + std::to_string(kMaxSentenceTokens));
    config.tokens.push_back(kPredictedPlaceholder);
  }
  if (model.model && config.tokens.size() >= 2) {
    std::string prompt;  // the model reads every token but the last (the one to predict)
    for (size_t i = 0; i + 1 < config.tokens.size(); ++i) prompt += config.tokens[i];
    std::shared_ptr<const ModelData> data;
    if (precomputed(prompt)) {
      data = inputs.data;
    } else {
      try {
        data = prompt_tokens
                   ? makeModelData(*model.model, prompt, *prompt_tokens, model.name, top_k)
                   : makeModelData(*model.model, prompt, model.name, top_k);
      } catch (const std::invalid_argument& e) {
        throw io::LoadError("--text", "", {}, e.what());
      }
    }
    const std::string predicted = config.tokens.back();
    config.tokens.clear();
    for (const auto& t : data->tokens) config.tokens.push_back(t);
    config.tokens.push_back(predicted);
    config.model = data;
    config.next_tokens.clear();
    for (const auto& [token, p] : data->next_tokens)
      config.next_tokens.emplace_back(displayableToken(token), p);
  }
  for (std::string& token : config.tokens) token = displayableToken(token);
}

}  // namespace flowview::scenes
