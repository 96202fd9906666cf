#pragma once
// GPT-2's parameters bound by name from model.safetensors. Tensor names are Hugging Face's, with
// or without the "transformer." prefix; lm_head.weight is optional (GPT-2 ties it to wte).
// Linear layers are Conv1D: the weight is [in, out] and y = x·W + b.
//
// F32 tensors are used in place from the read-only mapping (no copy); F16 and BF16 are converted
// to F32 on load. Every tensor's shape is checked against the config and every value must be
// finite; anything else throws io::LoadError naming the file and the tensor.
#include <memory>
#include <string>
#include <vector>

#include "core/model/gpt2_config.h"
#include "core/model/safetensors.h"

namespace flowview::model {

// One transformer block. Shapes with C = n_embd, H = n_inner.
struct Gpt2Layer {
  const float* ln_1_weight;       // [C]
  const float* ln_1_bias;         // [C]
  const float* attn_weight;       // [C, 3C]  (c_attn: q | k | v)
  const float* attn_bias;         // [3C]
  const float* attn_proj_weight;  // [C, C]  (c_proj)
  const float* attn_proj_bias;    // [C]
  const float* ln_2_weight;       // [C]
  const float* ln_2_bias;         // [C]
  const float* fc_weight;         // [C, H]  (mlp.c_fc)
  const float* fc_bias;           // [H]
  const float* mlp_proj_weight;   // [H, C]  (mlp.c_proj)
  const float* mlp_proj_bias;     // [C]
};

struct Gpt2Weights {
  Gpt2Config config;
  const float* token_embedding;     // wte [V, C]
  const float* position_embedding;  // wpe [P, C]
  std::vector<Gpt2Layer> layers;    // n_layer
  const float* ln_f_weight;         // [C]
  const float* ln_f_bias;           // [C]
  const float* unembedding;         // lm_head [V, C], or wte when tied
  bool tied_unembedding = true;

  // What the pointers point into: the mapping, and converted copies of F16/BF16 tensors.
  SafetensorsFile file;
  std::vector<std::unique_ptr<float[]>> converted;
};

// Binds every GPT-2 tensor of `file` for `config` (takes ownership of the mapping).
std::unique_ptr<Gpt2Weights> bindGpt2Weights(const Gpt2Config& config, SafetensorsFile file);

}  // namespace flowview::model
