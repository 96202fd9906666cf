#pragma once
// GPT-2's forward pass with a KV cache, capturing what the viewer draws: every head's attention
// pattern and the residual stream entering every layer.
//
// extend() runs new tokens as the next positions: the prompt in one call, then one token per
// call, each costing only its own positions (keys and values of earlier positions come from the
// cache). Products go through BLAS (OpenBLAS), each split by columns (the attention by heads, the
// unembedding by vocabulary rows) across a team of threads, one per core; the rest reads like the
// paper.
//
// Memory grows with the context T: the KV cache is 2 · n_layer · T · n_embd floats, the captured
// attention n_layer · n_head · T (T + 1) / 2 floats (GPT-2 small at T = 1024: 75 MB and 300 MB),
// the residual streams (n_layer + 1) · T · n_embd floats. Buffers are kept across reset(), so a
// viewer re-running prompts of similar length does not allocate.
#include <span>
#include <vector>

#include "core/model/gpt2_weights.h"
#include "core/model/thread_team.h"

namespace flowview::model {

class Gpt2Forward {
 public:
  // `weights` must outlive this object.
  explicit Gpt2Forward(const Gpt2Weights& weights);

  // Forgets every position (the cache and the captures); keeps the buffers.
  void reset();
  // Runs `ids` as positions [length(), length() + ids.size()). Throws std::out_of_range when an
  // id is outside the vocabulary or the context would exceed n_positions.
  void extend(std::span<const int> ids);

  // Positions run so far.
  int length() const { return length_; }
  // Logits of the last position, [vocab_size].
  std::span<const float> logits() const { return logits_; }
  // Softmax attention weights of `head` in `layer` from position `query` to positions
  // 0..query (the causal mask leaves later keys at 0): a row of query + 1 values summing to 1.
  std::span<const float> attentionRow(int layer, int head, int query) const;
  // The residual stream at `position` entering `layer` ([n_embd]); layer == n_layer is the
  // stream after the last block (before the final LayerNorm).
  std::span<const float> residual(int layer, int position) const;

 private:
  void embed(std::span<const int> ids, float* x) const;
  void attend(int layer, int rows, const float* x_norm, float* x);
  void mlp(int layer, int rows, const float* x_norm, float* x);
  void unembed(const float* last_row);
  // y[rows, n] (+)= x[rows, k] · W[k, n] + b (then gelu_new), split by columns across the team.
  void linear(const float* x, int rows, int k, const float* W, const float* b, int n, float* y,
              bool accumulate, bool gelu = false);

  const Gpt2Weights& weights_;
  const Gpt2Config& config_;
  int length_ = 0;

  // Per layer: keys and values of every position so far, [length, C] each.
  std::vector<std::vector<float>> keys_, values_;
  // Per layer and head, packed lower triangle: row q starts at q (q + 1) / 2.
  std::vector<std::vector<float>> attention_;
  // Per layer (and one after the last), [length, C].
  std::vector<std::vector<float>> residuals_;

  ThreadTeam team_;
  // Scratch for the positions being run, grown on demand and reused; scores per team member.
  std::vector<float> x_, x_norm_, qkv_, heads_out_, hidden_;
  std::vector<std::vector<float>> scores_;
  std::vector<float> logits_;
};

}  // namespace flowview::model
