#include "core/model/gpt2_config.h"

#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/io/load_error.h"

namespace flowview::model {
namespace {

[[noreturn]] void fail(const std::string& file, const std::string& key, const std::string& what) {
  throw io::LoadError(file, key.empty() ? "" : "/" + key, {}, what);
}

int readCount(const nlohmann::json& root, const std::string& key, int max, const std::string& file,
              const char* fallback_key = nullptr) {
  auto it = root.find(key);
  if (it == root.end() && fallback_key) it = root.find(fallback_key);
  if (it == root.end()) fail(file, key, "missing");
  if (!it->is_number_integer()) fail(file, key, "must be an integer");
  const int64_t value = it->get<int64_t>();
  if (value < 1 || value > max)
    fail(file, key, "must be in [1, " + std::to_string(max) + "], got " + std::to_string(value));
  return static_cast<int>(value);
}

}  // namespace

Gpt2Config parseGpt2Config(std::string_view json, const std::string& file) {
  nlohmann::json root;
  try {
    root = nlohmann::json::parse(json);
  } catch (const nlohmann::json::exception& e) {
    fail(file, "", std::string("not valid JSON: ") + e.what());
  }
  if (!root.is_object()) fail(file, "", "not a JSON object");
  Gpt2Config config;
  config.n_layer = readCount(root, "n_layer", 1024, file);
  config.n_head = readCount(root, "n_head", 1024, file);
  config.n_embd = readCount(root, "n_embd", 1 << 16, file);
  config.vocab_size = readCount(root, "vocab_size", 1 << 22, file);
  config.n_positions = readCount(root, "n_positions", 1 << 20, file, "n_ctx");
  if (config.n_embd % config.n_head != 0)
    fail(file, "n_head",
         "n_embd " + std::to_string(config.n_embd) + " is not a multiple of n_head " +
             std::to_string(config.n_head));
  config.n_inner = 4 * config.n_embd;
  if (auto inner = root.find("n_inner"); inner != root.end() && !inner->is_null())
    config.n_inner = readCount(root, "n_inner", 1 << 18, file);
  if (auto eps = root.find("layer_norm_epsilon"); eps != root.end()) {
    if (!eps->is_number() || !(eps->get<double>() > 0.0) || !(eps->get<double>() < 1.0))
      fail(file, "layer_norm_epsilon", "must be a number in (0, 1)");
    config.layer_norm_epsilon = eps->get<float>();
  }
  if (auto act = root.find("activation_function"); act != root.end()) {
    if (!act->is_string() || act->get<std::string>() != "gelu_new")
      fail(file, "activation_function",
           "only GPT-2's \"gelu_new\" is supported, got " + act->dump());
  }
  return config;
}

Gpt2Config loadGpt2Config(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) fail(path, "", "cannot read (missing file?)");
  std::ostringstream text;
  text << in.rdbuf();
  return parseGpt2Config(text.str(), path);
}

}  // namespace flowview::model
