#include "core/scenes/model_data.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "core/model/model.h"
#include "core/model/next_token.h"

namespace flowview::scenes {

int ModelData::blockLayer(int block) const {
  return std::clamp(block, 0, std::max(0, n_layer - 1));
}

std::vector<float> ModelData::pattern(int layer, int head) const {
  const int t = length();
  std::vector<float> out(static_cast<size_t>(t) * t, 0.0f);
  if (layer < 0 || layer >= n_layer) return out;
  const auto& heads = attention[static_cast<size_t>(layer)];
  if (head >= 0 && head < n_head) return heads[static_cast<size_t>(head)];
  for (const auto& h : heads)
    for (size_t i = 0; i < out.size(); ++i) out[i] += h[i] / static_cast<float>(n_head);
  return out;
}

float ModelData::displayValue(int layer, int token, int row, int rows) const {
  layer = std::clamp(layer, 0, n_layer);
  if (token < 0 || token >= length() || n_embd <= 0) return 0.0f;
  const float* x =
      residual[static_cast<size_t>(layer)].data() + static_cast<size_t>(token) * n_embd;
  double sum_sq = 0.0;
  for (int d = 0; d < n_embd; ++d) sum_sq += static_cast<double>(x[d]) * x[d];
  const double rms = std::sqrt(sum_sq / n_embd);
  const int dim = row >= rows - 1 ? n_embd - 1 : std::min(row, n_embd - 1);
  const double v = rms > 0 ? x[dim] / rms * kResidualDisplayScale : 0.0;
  return static_cast<float>(
      std::round(std::clamp(v, -kResidualDisplayMax, kResidualDisplayMax) * 10.0) / 10.0);
}

std::string describeModel(const model::Model& model, const std::string& model_name) {
  const auto& c = model.config();
  // Parameters: embeddings + per layer (attention 4C^2+4C, MLP 2CH+H+C, two LayerNorms 4C) + ln_f.
  const double per_layer = 4.0 * c.n_embd * c.n_embd + 4.0 * c.n_embd + 2.0 * c.n_embd * c.n_inner +
                           c.n_inner + c.n_embd + 4.0 * c.n_embd;
  const double params = static_cast<double>(c.vocab_size + c.n_positions) * c.n_embd +
                        c.n_layer * per_layer + 2.0 * c.n_embd;
  char size[32];
  if (params >= 1e9)
    std::snprintf(size, sizeof size, "%.1fB", params / 1e9);
  else if (params >= 1e6)
    std::snprintf(size, sizeof size, "%.0fM", params / 1e6);
  else
    std::snprintf(size, sizeof size, "%.0fK", params / 1e3);
  return model_name + ": " + std::to_string(c.n_layer) + " layers x " + std::to_string(c.n_head) +
         " heads, " + std::to_string(c.n_embd) + " dims, " + size + " parameters";
}

std::shared_ptr<const ModelData> makeModelData(model::Model& model, std::string_view prompt,
                                               const std::string& model_name, int top_k) {
  return makeModelData(model, prompt, model.tokenize(prompt), model_name, top_k);
}

std::shared_ptr<const ModelData> makeModelData(model::Model& model, std::string_view prompt,
                                               const model::TokenizedText& text,
                                               const std::string& model_name, int top_k) {
  auto data = std::make_shared<ModelData>();
  const auto& c = model.config();
  data->source = describeModel(model, model_name);
  data->n_layer = c.n_layer;
  data->n_head = c.n_head;
  data->n_embd = c.n_embd;
  data->prompt = std::string(prompt);
  data->top_k = top_k;
  const int t = static_cast<int>(text.ids.size());
  if (t == 0) throw std::invalid_argument("the sentence has no tokens");
  const int limit = std::min(kMaxSentenceTokens, c.n_positions);
  if (t > limit)
    throw std::invalid_argument("the sentence has " + std::to_string(t) +
                                " tokens, more than the " + std::to_string(limit) + " shown");
  data->ids = text.ids;
  data->tokens = text.tokens;
  const model::Gpt2Forward& state = model.run(text.ids);
  data->attention.assign(static_cast<size_t>(c.n_layer), {});
  for (int l = 0; l < c.n_layer; ++l) {
    auto& heads = data->attention[static_cast<size_t>(l)];
    heads.assign(static_cast<size_t>(c.n_head), std::vector<float>(static_cast<size_t>(t) * t));
    for (int h = 0; h < c.n_head; ++h)
      for (int q = 0; q < t; ++q) {
        const auto row = state.attentionRow(l, h, q);
        std::copy(row.begin(), row.end(), heads[h].begin() + static_cast<size_t>(q) * t);
      }
  }
  data->residual.assign(static_cast<size_t>(c.n_layer + 1), {});
  for (int l = 0; l <= c.n_layer; ++l) {
    auto& stream = data->residual[static_cast<size_t>(l)];
    stream.resize(static_cast<size_t>(t) * c.n_embd);
    for (int p = 0; p < t; ++p) {
      const auto x = state.residual(l, p);
      std::copy(x.begin(), x.end(), stream.begin() + static_cast<size_t>(p) * c.n_embd);
    }
  }
  data->logits.assign(state.logits().begin(), state.logits().end());
  for (const auto& candidate : model::topK(data->logits, top_k, 1.0)) {
    data->next_ids.push_back(candidate.id);
    data->next_tokens.emplace_back(model.tokenizer().tokenBytes(candidate.id),
                                   candidate.probability);
  }
  return data;
}

}  // namespace flowview::scenes
