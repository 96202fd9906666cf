#include "core/model/gpt2_forward.h"

#include <cblas.h>

#include <Eigen/Core>

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

namespace flowview::model {
namespace {

// out[r] = LayerNorm(x[r]) · gain + bias for `rows` rows of width C.
void layerNorm(const float* x, int rows, int C, const float* gain, const float* bias, float eps,
               float* out) {
  for (int r = 0; r < rows; ++r) {
    const float* in = x + size_t(r) * C;
    double sum = 0.0, sum_sq = 0.0;
    for (int c = 0; c < C; ++c) sum += in[c];
    const double mean = sum / C;
    for (int c = 0; c < C; ++c) sum_sq += (in[c] - mean) * (in[c] - mean);
    const float inv_std = static_cast<float>(1.0 / std::sqrt(sum_sq / C + eps));
    const float m = static_cast<float>(mean);
    float* o = out + size_t(r) * C;
    for (int c = 0; c < C; ++c) o[c] = (in[c] - m) * inv_std * gain[c] + bias[c];
  }
}

// Columns [begin, end) of y[rows, n] (+)= x[rows, k] · W[k, n] + b: Conv1D, W stored [in, out].
// With `accumulate` the product and bias are added to y (a residual connection); otherwise y is
// overwritten. One member of the team computes one column block, reading only its columns of W.
void linearColumns(const float* x, int rows, int k, const float* W, const float* b, int n, float* y,
                   bool accumulate, int begin, int end) {
  const int width = end - begin;
  if (width <= 0) return;
  for (int r = 0; r < rows; ++r) {
    float* row = y + size_t(r) * n + begin;
    if (accumulate) {
      for (int c = 0; c < width; ++c) row[c] += b[begin + c];
    } else {
      std::copy(b + begin, b + end, row);
    }
  }
  if (rows == 1) {  // one appended token: y = Wᵀ x streams W once, without GEMM's packing
    cblas_sgemv(CblasRowMajor, CblasTrans, k, width, 1.0f, W + begin, n, x, 1, 1.0f, y + begin, 1);
    return;
  }
  cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, rows, width, k, 1.0f, x, k, W + begin, n,
              1.0f, y + begin, n);
}

// Columns [begin, end) of every row: GPT-2's "gelu_new", the tanh approximation of GELU,
// vectorized by Eigen (std::tanh one value at a time was a tenth of the forward pass).
void geluNewColumns(float* y, int rows, int n, int begin, int end) {
  constexpr float kSqrt2OverPi = 0.7978845608028654f;
  for (int r = 0; r < rows; ++r) {
    Eigen::Map<Eigen::ArrayXf> v(y + size_t(r) * n + begin, end - begin);
    v = 0.5f * v * (1.0f + (kSqrt2OverPi * (v + 0.044715f * v.cube())).tanh());
  }
}

// Columns are shared out in blocks of 16 floats (64 bytes), so members seldom share a cache line.
constexpr int kColumnGrain = 16;

// In place over row[0, n): softmax.
void softmax(float* row, int n) {
  const float max = *std::max_element(row, row + n);
  float sum = 0.0f;
  for (int j = 0; j < n; ++j) sum += row[j] = std::exp(row[j] - max);
  const float inv = 1.0f / sum;
  for (int j = 0; j < n; ++j) row[j] *= inv;
}

}  // namespace

Gpt2Forward::Gpt2Forward(const Gpt2Weights& weights)
    : weights_(weights),
      config_(weights.config),
      keys_(config_.n_layer),
      values_(config_.n_layer),
      attention_(size_t(config_.n_layer) * config_.n_head),
      residuals_(config_.n_layer + 1),
      logits_(config_.vocab_size) {
  // Each member of the team makes single-threaded BLAS calls on its own columns (a process-wide
  // OpenBLAS setting: the model is its only user).
  openblas_set_num_threads(1);
  scores_.resize(team_.size());
}

void Gpt2Forward::reset() {
  length_ = 0;
  for (auto* group : {&keys_, &values_, &attention_, &residuals_})
    for (auto& v : *group) v.clear();
  std::fill(logits_.begin(), logits_.end(), 0.0f);
}

void Gpt2Forward::extend(std::span<const int> ids) {
  const int T = static_cast<int>(ids.size());
  if (T == 0) return;
  for (int id : ids)
    if (id < 0 || id >= config_.vocab_size)
      throw std::out_of_range("token id " + std::to_string(id) + " is outside the vocabulary");
  if (length_ + T > config_.n_positions)
    throw std::out_of_range("the context would exceed n_positions (" +
                            std::to_string(config_.n_positions) + ")");
  const int C = config_.n_embd;
  x_.resize(size_t(T) * C);
  x_norm_.resize(size_t(T) * C);

  embed(ids, x_.data());  // x [T, C]
  for (int l = 0; l < config_.n_layer; ++l) {
    const Gpt2Layer& w = weights_.layers[l];
    residuals_[l].insert(residuals_[l].end(), x_.begin(), x_.end());
    layerNorm(x_.data(), T, C, w.ln_1_weight, w.ln_1_bias, config_.layer_norm_epsilon,
              x_norm_.data());
    attend(l, T, x_norm_.data(), x_.data());  // x += attention(LN1(x))
    layerNorm(x_.data(), T, C, w.ln_2_weight, w.ln_2_bias, config_.layer_norm_epsilon,
              x_norm_.data());
    mlp(l, T, x_norm_.data(), x_.data());  // x += mlp(LN2(x))
  }
  residuals_[config_.n_layer].insert(residuals_[config_.n_layer].end(), x_.begin(), x_.end());
  length_ += T;

  // Only the last position predicts the next token.
  layerNorm(x_.data() + size_t(T - 1) * C, 1, C, weights_.ln_f_weight, weights_.ln_f_bias,
            config_.layer_norm_epsilon, x_norm_.data());
  unembed(x_norm_.data());
}

void Gpt2Forward::linear(const float* x, int rows, int k, const float* W, const float* b, int n,
                         float* y, bool accumulate, bool gelu) {
  team_.run([&](int member) {
    int begin, end;
    ThreadTeam::share(n, kColumnGrain, member, team_.size(), begin, end);
    linearColumns(x, rows, k, W, b, n, y, accumulate, begin, end);
    if (gelu) geluNewColumns(y, rows, n, begin, end);
  });
}

// x[t] = wte[id_t] + wpe[length + t]
void Gpt2Forward::embed(std::span<const int> ids, float* x) const {
  const int C = config_.n_embd;
  for (size_t t = 0; t < ids.size(); ++t) {
    const float* token = weights_.token_embedding + size_t(ids[t]) * C;
    const float* position = weights_.position_embedding + (length_ + t) * C;
    for (int c = 0; c < C; ++c) x[t * C + c] = token[c] + position[c];
  }
}

// Causal self-attention of `rows` new positions; adds its output to x.
void Gpt2Forward::attend(int layer, int rows, const float* x_norm, float* x) {
  const Gpt2Layer& w = weights_.layers[layer];
  const int C = config_.n_embd, D = config_.headSize(), first = length_, L = length_ + rows;
  qkv_.resize(size_t(rows) * 3 * C);
  heads_out_.resize(size_t(rows) * C);

  // qkv [rows, 3C] = x_norm [rows, C] · W_attn [C, 3C] + b: queries | keys | values
  linear(x_norm, rows, C, w.attn_weight, w.attn_bias, 3 * C, qkv_.data(), false);

  // The cache gains this call's keys and values: K, V [L, C].
  auto& keys = keys_[layer];
  auto& values = values_[layer];
  keys.resize(size_t(L) * C);
  values.resize(size_t(L) * C);
  for (int t = 0; t < rows; ++t) {
    const float* row = qkv_.data() + size_t(t) * 3 * C;
    std::copy(row + C, row + 2 * C, keys.data() + size_t(first + t) * C);
    std::copy(row + 2 * C, row + 3 * C, values.data() + size_t(first + t) * C);
  }
  for (auto& captured :
       std::span(attention_).subspan(size_t(layer) * config_.n_head, config_.n_head))
    captured.resize(size_t(L) * (L + 1) / 2);

  // The heads are shared out across the team; each member has its own scores.
  const float scale = 1.0f / std::sqrt(static_cast<float>(D));
  team_.run([&](int member) {
    int head_begin, head_end;
    ThreadTeam::share(config_.n_head, 1, member, team_.size(), head_begin, head_end);
    auto& scores = scores_[member];
    scores.resize(size_t(rows) * L);
    for (int h = head_begin; h < head_end; ++h) {
      // scores [rows, L] = Q_h [rows, D] · K_h [L, D]ᵀ / √D
      cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, rows, L, D, scale,
                  qkv_.data() + size_t(h) * D, 3 * C, keys.data() + size_t(h) * D, C, 0.0f,
                  scores.data(), L);
      // Causal mask and softmax: position first + t sees keys 0..first + t.
      float* captured = attention_[size_t(layer) * config_.n_head + h].data();
      for (int t = 0; t < rows; ++t) {
        float* row = scores.data() + size_t(t) * L;
        const int visible = first + t + 1;
        softmax(row, visible);
        std::fill(row + visible, row + L, 0.0f);
        std::copy(row, row + visible, captured + size_t(visible - 1) * visible / 2);
      }
      // out_h [rows, D] = weights [rows, L] · V_h [L, D]
      cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, rows, D, L, 1.0f, scores.data(), L,
                  values.data() + size_t(h) * D, C, 0.0f, heads_out_.data() + size_t(h) * D, C);
    }
  });
  // x += heads [rows, C] · W_proj [C, C] + b
  linear(heads_out_.data(), rows, C, w.attn_proj_weight, w.attn_proj_bias, C, x, true);
}

// The feed-forward block of `rows` positions; adds its output to x.
void Gpt2Forward::mlp(int layer, int rows, const float* x_norm, float* x) {
  const Gpt2Layer& w = weights_.layers[layer];
  const int C = config_.n_embd, H = config_.n_inner;
  hidden_.resize(size_t(rows) * H);
  // hidden [rows, H] = gelu_new(x_norm [rows, C] · W_fc [C, H] + b)
  linear(x_norm, rows, C, w.fc_weight, w.fc_bias, H, hidden_.data(), false, /*gelu=*/true);
  // x += hidden [rows, H] · W_proj [H, C] + b
  linear(hidden_.data(), rows, H, w.mlp_proj_weight, w.mlp_proj_bias, C, x, true);
}

// logits [V] = U [V, C] · x_final [C]  (U is wte when tied)
// The vocabulary's rows are shared out across the team.
void Gpt2Forward::unembed(const float* last_row) {
  const int C = config_.n_embd;
  team_.run([&](int member) {
    int begin, end;
    ThreadTeam::share(config_.vocab_size, kColumnGrain, member, team_.size(), begin, end);
    if (end > begin)
      cblas_sgemv(CblasRowMajor, CblasNoTrans, end - begin, C, 1.0f,
                  weights_.unembedding + size_t(begin) * C, C, last_row, 1, 0.0f,
                  logits_.data() + begin, 1);
  });
}

std::span<const float> Gpt2Forward::attentionRow(int layer, int head, int query) const {
  const auto& packed = attention_.at(size_t(layer) * config_.n_head + head);
  if (query < 0 || query >= length_) throw std::out_of_range("attention row outside the context");
  return {packed.data() + size_t(query) * (query + 1) / 2, size_t(query) + 1};
}

std::span<const float> Gpt2Forward::residual(int layer, int position) const {
  const auto& stream = residuals_.at(layer);
  if (position < 0 || position >= length_) throw std::out_of_range("position outside the context");
  return {stream.data() + size_t(position) * config_.n_embd, size_t(config_.n_embd)};
}

}  // namespace flowview::model
