// The model core's pure parts: safetensors headers, config, top-k, the BPE merge loop, and the
// forward pass's own consistency (the KV cache gives what a full re-run gives; captured rows are
// distributions). Its numbers against PyTorch: tests/model/forward_test.py.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>

#include "core/io/load_error.h"
#include "core/model/bpe_tokenizer.h"
#include "core/model/gpt2_forward.h"
#include "core/model/next_token.h"
#include "core/model/safetensors.h"

namespace flowview::model {
namespace {

// A safetensors file's bytes: F32 tensors, in order.
std::string safetensorsBytes(
    const std::vector<std::pair<std::string, std::vector<int64_t>>>& shapes,
    const std::vector<std::vector<float>>& values) {
  nlohmann::json header = nlohmann::json::object();
  std::string body;
  for (size_t i = 0; i < shapes.size(); ++i) {
    const size_t begin = body.size();
    body.append(reinterpret_cast<const char*>(values[i].data()), values[i].size() * 4);
    header[shapes[i].first] = {
        {"dtype", "F32"}, {"shape", shapes[i].second}, {"data_offsets", {begin, body.size()}}};
  }
  std::string text = header.dump();
  uint64_t n = text.size();
  std::string bytes(8, '\0');
  for (int i = 0; i < 8; ++i) bytes[i] = static_cast<char>(n >> (8 * i));
  return bytes + text + body;
}

std::vector<TensorInfo> parse(const std::string& bytes) {
  return parseSafetensorsHeader({reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size()},
                                "test.safetensors");
}

std::string parseError(const std::string& bytes) {
  try {
    parse(bytes);
  } catch (const io::LoadError& e) {
    return e.what();
  }
  return "(accepted)";
}

TEST(Safetensors, ReadsNamesShapesAndOffsets) {
  const auto tensors = parse(safetensorsBytes({{"b", {2, 3}}, {"a", {4}}},
                                              {std::vector<float>(6), std::vector<float>(4)}));
  ASSERT_EQ(tensors.size(), 2u);
  EXPECT_EQ(tensors[0].name, "a");
  EXPECT_EQ(tensors[0].begin, 24u);
  EXPECT_EQ(tensors[0].end, 40u);
  EXPECT_EQ(tensors[1].shape, (std::vector<int64_t>{2, 3}));
  EXPECT_EQ(tensors[1].elementCount(), 6u);
}

TEST(Safetensors, RejectsTruncatedDataNamingTheTensor) {
  std::string bytes = safetensorsBytes({{"w", {4}}}, {std::vector<float>(4)});
  bytes.resize(bytes.size() - 1);
  EXPECT_EQ(parseError(bytes),
            "test.safetensors: w: data_offsets end 16 is past the end of the data (15 bytes): "
            "truncated file?");
}

TEST(Safetensors, RejectsHostileHeaders) {
  EXPECT_NE(parseError(std::string(5, '\0')).find("too short"), std::string::npos);
  std::string huge(8, '\xff');
  EXPECT_NE(parseError(huge + "{}").find("implausibly large"), std::string::npos);
  std::string bytes = safetensorsBytes({{"w", {4}}}, {std::vector<float>(4)});
  const size_t dtype = bytes.find("F32");
  bytes.replace(dtype, 3, "F64");  // 4 doubles need 32 bytes, the offsets span 16
  EXPECT_NE(parseError(bytes).find("w: data_offsets span 16 bytes but the F64 shape needs 32"),
            std::string::npos);
}

TEST(Safetensors, MapsAFile) {
  const auto path = std::filesystem::temp_directory_path() /
                    ("flowview_model_test." + std::to_string(::getpid()) + ".safetensors");
  std::ofstream(path, std::ios::binary) << safetensorsBytes({{"w", {2}}}, {{1.5f, -2.0f}});
  const SafetensorsFile file = SafetensorsFile::open(path.string());
  const TensorInfo* w = file.find("w");
  ASSERT_NE(w, nullptr);
  float values[2];
  std::memcpy(values, file.bytes(*w).data(), 8);
  EXPECT_EQ(values[0], 1.5f);
  EXPECT_EQ(values[1], -2.0f);
  EXPECT_EQ(file.find("x"), nullptr);
  std::filesystem::remove(path);
}

TEST(Gpt2Config, ReadsHuggingFaceKeys) {
  const auto config = parseGpt2Config(
      R"({"n_layer": 6, "n_head": 12, "n_embd": 768, "vocab_size": 50257, "n_ctx": 1024,
          "n_inner": null, "layer_norm_epsilon": 1e-05, "activation_function": "gelu_new"})",
      "config.json");
  EXPECT_EQ(config.n_layer, 6);
  EXPECT_EQ(config.n_positions, 1024);
  EXPECT_EQ(config.n_inner, 3072);
  EXPECT_EQ(config.headSize(), 64);
  EXPECT_THROW(parseGpt2Config(R"({"n_layer": 0})", "config.json"), io::LoadError);
}

TEST(TopK, SoftmaxOverTheWholeVocabulary) {
  const std::vector<float> logits = {1.0f, 3.0f, 2.0f, 0.0f};
  const auto top = topK(logits, 2, 1.0);
  double sum = 0;
  for (double l : logits) sum += std::exp(l);
  ASSERT_EQ(top.size(), 2u);
  EXPECT_EQ(top[0].id, 1);
  EXPECT_NEAR(top[0].probability, std::exp(3.0) / sum, 1e-12);
  EXPECT_EQ(top[1].id, 2);
  const auto sharp = topK(logits, 10, 0.5);  // k clamps to the vocabulary
  ASSERT_EQ(sharp.size(), 4u);
  double sharp_sum = 0;
  for (double l : logits) sharp_sum += std::exp(2 * l);
  EXPECT_NEAR(sharp[0].probability, std::exp(6.0) / sharp_sum, 1e-12);
}

// Bytes map to GPT-2's printable symbols: ' ' is U+0120 'Ġ'.
BpeTokenizer tinyTokenizer() {
  nlohmann::json vocab = nlohmann::json::object();
  int extra = 0;
  for (int b = 0; b < 256; ++b) {
    const bool printable = (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || b >= 0xAE;
    const char32_t c = printable ? b : 256 + extra++;
    std::string utf8;
    if (c < 0x80) {
      utf8 = std::string(1, static_cast<char>(c));
    } else {
      utf8 = {static_cast<char>(0xC0 | (c >> 6)), static_cast<char>(0x80 | (c & 0x3F))};
    }
    vocab[utf8] = b;
  }
  vocab["\xC4\xA0t"] = 256;    // " t"
  vocab["he"] = 257;           // "he"
  vocab["\xC4\xA0the"] = 258;  // " the"
  vocab["ll"] = 259;
  const std::string merges = "#version: 0.2\nh e\n\xC4\xA0 t\n\xC4\xA0t he\nl l\n";
  return BpeTokenizer::parse(vocab.dump(), merges, "vocab.json", "merges.txt");
}

TEST(BpeTokenizer, MergesByRankAndDecodes) {
  const BpeTokenizer tokenizer = tinyTokenizer();
  const auto ids = tokenizer.encode("hello the");
  // "hello" -> h e l l o -> he l l o -> he ll o; " the" -> Ġ t h e -> Ġ t he -> Ġt he -> Ġthe
  EXPECT_EQ(ids, (std::vector<int>{257, 259, 'o', 258}));
  EXPECT_EQ(tokenizer.decode(ids), "hello the");
  EXPECT_EQ(tokenizer.tokenBytes(258), " the");
  EXPECT_THROW(tokenizer.encode("caf\xe9"), InvalidTextError);
}

TEST(BpeTokenizer, SplitsWhitespaceLikeGpt2) {
  const BpeTokenizer tokenizer = tinyTokenizer();
  // "a  b": the run of two spaces leaves its last space to " b" (\s+(?!\S)).
  EXPECT_EQ(tokenizer.encode("a  b"), (std::vector<int>{'a', ' ', ' ', 'b'}));
  EXPECT_EQ(tokenizer.encode("I'm"), (std::vector<int>{'I', '\'', 'm'}));
}

// A random 2-layer model in a temporary file.
class TinyModel : public ::testing::Test {
 protected:
  void SetUp() override {
    config_.n_layer = 2;
    config_.n_head = 2;
    config_.n_embd = 8;
    config_.n_inner = 32;
    config_.vocab_size = 20;
    config_.n_positions = 16;
    const int64_t C = 8, H = 32, V = 20, P = 16;
    std::vector<std::pair<std::string, std::vector<int64_t>>> shapes = {
        {"wte.weight", {V, C}}, {"wpe.weight", {P, C}}, {"ln_f.weight", {C}}, {"ln_f.bias", {C}}};
    for (int l = 0; l < 2; ++l) {
      const std::string h = "h." + std::to_string(l) + ".";
      for (auto [name, shape] : std::vector<std::pair<std::string, std::vector<int64_t>>>{
               {"ln_1.weight", {C}},
               {"ln_1.bias", {C}},
               {"attn.c_attn.weight", {C, 3 * C}},
               {"attn.c_attn.bias", {3 * C}},
               {"attn.c_proj.weight", {C, C}},
               {"attn.c_proj.bias", {C}},
               {"ln_2.weight", {C}},
               {"ln_2.bias", {C}},
               {"mlp.c_fc.weight", {C, H}},
               {"mlp.c_fc.bias", {H}},
               {"mlp.c_proj.weight", {H, C}},
               {"mlp.c_proj.bias", {C}}})
        shapes.push_back({h + name, shape});
    }
    std::mt19937 random(14);
    std::normal_distribution<float> normal(0.0f, 0.5f);
    std::vector<std::vector<float>> values;
    for (const auto& [name, shape] : shapes) {
      size_t n = 1;
      for (auto d : shape) n *= d;
      values.emplace_back(n);
      for (float& v : values.back()) v = normal(random);
    }
    // One file per process: ctest runs the fixture's tests in parallel processes.
    path_ = std::filesystem::temp_directory_path() /
            ("flowview_tiny_gpt2." + std::to_string(::getpid()) + ".safetensors");
    std::ofstream(path_, std::ios::binary) << safetensorsBytes(shapes, values);
    weights_ = bindGpt2Weights(config_, SafetensorsFile::open(path_.string()));
  }
  void TearDown() override { std::filesystem::remove(path_); }

  Gpt2Config config_;
  std::filesystem::path path_;
  std::unique_ptr<Gpt2Weights> weights_;
};

TEST_F(TinyModel, KvCacheGivesWhatAFullRunGives) {
  const std::vector<int> ids = {3, 17, 5, 0, 11, 9};
  Gpt2Forward full(*weights_);
  full.extend(ids);
  Gpt2Forward incremental(*weights_);
  incremental.extend(std::span(ids).first(2));
  for (size_t i = 2; i < ids.size(); ++i) incremental.extend(std::span(ids).subspan(i, 1));
  ASSERT_EQ(incremental.length(), 6);
  for (int v = 0; v < 20; ++v) EXPECT_NEAR(incremental.logits()[v], full.logits()[v], 1e-4);
  for (int l = 0; l < 2; ++l)
    for (int h = 0; h < 2; ++h)
      for (int q = 0; q < 6; ++q) {
        const auto a = full.attentionRow(l, h, q), b = incremental.attentionRow(l, h, q);
        ASSERT_EQ(a.size(), size_t(q + 1));
        float sum = 0;
        for (int k = 0; k <= q; ++k) {
          EXPECT_NEAR(a[k], b[k], 1e-6);
          sum += a[k];
        }
        EXPECT_NEAR(sum, 1.0f, 1e-5);
      }
  // The stream entering layer 0 is the token plus the position embedding.
  for (int c = 0; c < 8; ++c)
    EXPECT_FLOAT_EQ(full.residual(0, 1)[c],
                    weights_->token_embedding[17 * 8 + c] + weights_->position_embedding[8 + c]);
  // Position 0 attends only to itself.
  EXPECT_FLOAT_EQ(full.attentionRow(1, 1, 0)[0], 1.0f);
}

TEST_F(TinyModel, RejectsIdsOutsideTheVocabularyAndContext) {
  Gpt2Forward forward(*weights_);
  const std::vector<int> bad = {20};
  EXPECT_THROW(forward.extend(bad), std::out_of_range);
  const std::vector<int> long_prompt(17, 1);
  EXPECT_THROW(forward.extend(long_prompt), std::out_of_range);
  EXPECT_EQ(forward.length(), 0);
}

}  // namespace
}  // namespace flowview::model
