#pragma once
// GPT-2's hyper-parameters, read from a Hugging Face config.json (gpt2, distilgpt2, gpt2-medium,
// -large, -xl all share this layout).
#include <string>
#include <string_view>

namespace flowview::model {

struct Gpt2Config {
  int n_layer = 12;
  int n_head = 12;
  int n_embd = 768;
  int vocab_size = 50257;
  int n_positions = 1024;
  int n_inner = 3072;  // the MLP's hidden width: config's n_inner, or 4 n_embd when null
  float layer_norm_epsilon = 1e-5f;

  int headSize() const { return n_embd / n_head; }
};

// Parses config.json text. Requires n_layer, n_head, n_embd, vocab_size and n_positions (or the
// older n_ctx); n_inner is optional; activation_function, when present, must be "gelu_new". `file`
// names errors. Throws io::LoadError ("FILE: /n_head: message").
Gpt2Config parseGpt2Config(std::string_view json, const std::string& file);
Gpt2Config loadGpt2Config(const std::string& path);

}  // namespace flowview::model
