#pragma once
// A GPT-2 model folder, ready to run: the API the command line and the viewer use.
//
//   auto model = model::Model::load("gpt2/");          // config, weights, tokenizer
//   auto text = model->tokenize("To date, the");       // ids + each token's text
//   const auto& state = model->run(text.ids);          // the whole prompt
//   auto next = model::topK(state.logits(), 10, 1.0);  // next-token distribution
//   model->appendToken(next[0].id);                    // one more position, from the KV cache
//   state.attentionRow(layer, head, query); state.residual(layer, position);
//
// A model folder is Hugging Face's GPT-2 layout: config.json, model.safetensors, vocab.json,
// merges.txt (gpt2, distilgpt2, gpt2-medium/-large/-xl). Weights are mapped, not copied.
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/model/bpe_tokenizer.h"
#include "core/model/gpt2_config.h"
#include "core/model/gpt2_forward.h"
#include "core/model/gpt2_weights.h"

namespace flowview::model {

struct TokenizedText {
  std::vector<int> ids;
  std::vector<std::string> tokens;  // each token's bytes (may split a UTF-8 sequence)
};

// Tokenizes `text` with `tokenizer`. Throws InvalidTextError for text that is not UTF-8.
TokenizedText tokenize(const BpeTokenizer& tokenizer, std::string_view text);

class Model {
 public:
  // Loads `folder`. Throws io::LoadError (one line naming the file and the tensor or key) for a
  // missing folder or file, a malformed or truncated file, wrong shapes or non-finite weights.
  static std::unique_ptr<Model> load(const std::string& folder);

  const Gpt2Config& config() const { return weights_->config; }
  const BpeTokenizer& tokenizer() const { return tokenizer_; }
  const Gpt2Weights& weights() const { return *weights_; }

  TokenizedText tokenize(std::string_view text) const { return model::tokenize(tokenizer_, text); }
  // Runs `ids` from position 0 (forgetting earlier positions). At most n_positions ids.
  const Gpt2Forward& run(std::span<const int> ids);
  // Runs one more position after the ones run so far, reusing the KV cache.
  const Gpt2Forward& appendToken(int id);
  // Logits, attention and residuals of the positions run so far.
  const Gpt2Forward& state() const { return *forward_; }

 private:
  Model(std::unique_ptr<Gpt2Weights> weights, BpeTokenizer tokenizer);

  std::unique_ptr<Gpt2Weights> weights_;
  BpeTokenizer tokenizer_;
  std::unique_ptr<Gpt2Forward> forward_;
};

}  // namespace flowview::model
