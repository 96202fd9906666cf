#pragma once
// A model's reading of a sentence, as the network flow draws it (docs/real-model.md):
//   - attention: block i of the scene draws model layer blockLayer(i) (i while the model has that
//     many layers, then its last layer), one head or the mean over heads; arcs run from earlier
//     tokens to later ones with width and opacity following the weight;
//   - embedding columns: the residual stream, RMS-normalised and scaled to the one-decimal display
//     (displayValue); entry rows above the vertical dots show dimensions 0, 1, 2, ..., the row
//     below them the last dimension;
//   - next-token bars: the top-K tokens of the last position, with the logits kept so the viewer
//     can re-weight them (temperature, top-k, top-p).
// Captured once per sentence (makeModelData); the scene build only reads it.
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace flowview::model {
class Model;
struct TokenizedText;
}  // namespace flowview::model

namespace flowview::scenes {

// The residual value shown is (x_d / rms(x)) * kResidualDisplayScale, clamped to the display's
// +-kResidualDisplayMax and rounded to one decimal.
inline constexpr double kResidualDisplayScale = 3.0;
inline constexpr double kResidualDisplayMax = 9.9;
// The most tokens a sentence may have in the network flow (the layout stays readable).
inline constexpr int kMaxSentenceTokens = 48;

struct ModelData {
  std::string source;  // "gpt2 from DIR: 12 layers x 12 heads, 768 dims, 124M parameters"
  int n_layer = 0, n_head = 0, n_embd = 0;
  std::string prompt;               // the text the model read
  int top_k = 0;                    // how many next tokens were kept
  std::vector<int> ids;             // the prompt's token ids
  std::vector<std::string> tokens;  // the prompt's tokens (bytes, as GPT-2 spells them)
  // attention[layer][head]: T x T, row = query, column = key (0 above the diagonal).
  std::vector<std::vector<std::vector<float>>> attention;
  // residual[layer]: T x n_embd, the stream entering `layer` (n_layer: after the last block).
  std::vector<std::vector<float>> residual;
  std::vector<float> logits;  // the last position's, [vocab]
  // The top candidates of softmax(logits) at temperature 1, most likely first.
  std::vector<int> next_ids;
  std::vector<std::pair<std::string, double>> next_tokens;

  int length() const { return static_cast<int>(ids.size()); }
  // The model layer block `block` (from 0) of the scene draws.
  int blockLayer(int block) const;
  // The T x T pattern of `layer`: one head, or the mean over heads when head < 0.
  std::vector<float> pattern(int layer, int head) const;
  // The value shown in entry `row` (of `rows`, the row before last being the dots) of token
  // `token`'s column, for the stream entering `layer`.
  float displayValue(int layer, int token, int row, int rows) const;
};

// Tokenizes `prompt` with the model's tokenizer, runs it and captures the above (top `top_k`
// next tokens). Throws std::invalid_argument with a one-line message for an empty prompt or one
// with more than kMaxSentenceTokens tokens (or the model's context).
std::shared_ptr<const ModelData> makeModelData(model::Model& model, std::string_view prompt,
                                               const std::string& model_name, int top_k = 10);
// The same with `prompt` already tokenized by the model (`tokens`): no second tokenizing.
std::shared_ptr<const ModelData> makeModelData(model::Model& model, std::string_view prompt,
                                               const model::TokenizedText& tokens,
                                               const std::string& model_name, int top_k);

// "gpt2: 12 layers x 12 heads, 768 dims, 124M parameters".
std::string describeModel(const model::Model& model, const std::string& model_name);

}  // namespace flowview::scenes
