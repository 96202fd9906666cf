#include "core/scenes/scene_model.h"

#include <cstdio>
#include <filesystem>
#include <mutex>

#include "core/io/load_error.h"
#include "core/model/bpe_tokenizer.h"
#include "core/model/model.h"
#include "core/model/vocabulary_locator.h"
#include "core/scenes/network_flow.h"
#include "core/text/utf8.h"

namespace flowview::scenes {
namespace {

// The located vocabulary, loaded on first use; null when none is installed.
const model::BpeTokenizer* sharedTokenizer() {
  static std::once_flag once;
  static std::unique_ptr<model::BpeTokenizer> tokenizer;
  std::call_once(once, [] {
    if (auto files = model::locateGpt2Vocabulary()) {
      try {
        tokenizer = std::make_unique<model::BpeTokenizer>(
            model::BpeTokenizer::load(files->vocab_json, files->merges));
        return;
      } catch (const std::exception& e) {
        std::fprintf(stderr, "flowview: %s\n", e.what());
      }
    }
    std::fprintf(stderr,
                 "flowview: no GPT-2 vocabulary installed (scripts/setup-deps.sh installs one): "
                 "splitting sentences into words instead\n");
  });
  return tokenizer.get();
}

}  // namespace

std::vector<std::string> gpt2Pieces(const std::string& text,
                                    std::vector<std::string> (*fallback)(const std::string&)) {
  const model::BpeTokenizer* tokenizer = sharedTokenizer();
  if (!tokenizer) return fallback(text);
  std::vector<std::string> pieces;
  for (int id : tokenizer->encode(text)) pieces.push_back(tokenizer->tokenBytes(id));
  return pieces;
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
  auto split = [&](const std::string& text) {
    try {
      if (model.model) return model.model->tokenize(text).tokens;
      return gpt2Pieces(text, [](const std::string& t) {
        std::vector<std::string> pieces;
        std::string current;
        for (char c : t) {
          if (c == ' ' && !current.empty()) pieces.push_back(current), current.clear();
          current += c;
        }
        if (!current.empty()) pieces.push_back(current);
        return pieces;
      });
    } catch (const std::invalid_argument& e) {  // text that is not UTF-8
      throw io::LoadError("--text", "", {}, e.what());
    }
  };
  if (inputs.text) {  // the prompt's tokens, then the predicted token's box
    config.text = *inputs.text;
    config.tokens = split(config.text);
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
    const int shown = static_cast<int>(config.next_tokens.size());
    std::shared_ptr<const ModelData> data;
    try {
      data = makeModelData(*model.model, prompt, model.name, shown > 0 ? shown : 10);
    } catch (const std::invalid_argument& e) {
      throw io::LoadError("--text", "", {}, e.what());
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
