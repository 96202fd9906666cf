#include "core/model/gpt2_weights.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <thread>

#include "core/io/load_error.h"

namespace flowview::model {
namespace {

std::string shapeText(const std::vector<int64_t>& shape) {
  std::string text = "[";
  for (size_t i = 0; i < shape.size(); ++i) text += (i ? ", " : "") + std::to_string(shape[i]);
  return text + "]";
}

float halfToFloat(uint16_t h) {
  const uint32_t sign = (h & 0x8000u) << 16;
  uint32_t exponent = (h >> 10) & 0x1f, mantissa = h & 0x3ff, bits;
  if (exponent == 0x1f) {
    bits = sign | 0x7f800000u | (mantissa << 13);  // inf or NaN
  } else if (exponent == 0) {
    if (mantissa == 0) {
      bits = sign;
    } else {  // subnormal: normalize
      int shift = 0;
      while (!(mantissa & 0x400)) mantissa <<= 1, ++shift;
      bits = sign | static_cast<uint32_t>(113 - shift) << 23 | (mantissa & 0x3ff) << 13;
    }
  } else {
    bits = sign | (exponent + 112) << 23 | mantissa << 13;
  }
  float f;
  std::memcpy(&f, &bits, 4);
  return f;
}

// Index of the first NaN or infinity in `values`, or -1. Integer compares on the exponent bits
// so that the compiler vectorizes it: this reads every weight once, at memory speed.
int64_t firstNonFinite(const float* values, size_t count) {
  constexpr size_t kChunk = 1 << 16;
  for (size_t start = 0; start < count; start += kChunk) {
    const size_t end = std::min(count, start + kChunk);
    uint32_t bad = 0;
    for (size_t i = start; i < end; ++i) {
      uint32_t bits;
      std::memcpy(&bits, values + i, 4);
      bad += (bits & 0x7f800000u) == 0x7f800000u;
    }
    if (bad) {
      for (size_t i = start; i < end; ++i)
        if (!std::isfinite(values[i])) return static_cast<int64_t>(i);
    }
  }
  return -1;
}

class Binder {
 public:
  explicit Binder(Gpt2Weights& weights) : weights_(weights) {
    prefix_ = weights.file.find("transformer.wte.weight") ? "transformer." : "";
  }

  // The tensor `name` (under the prefix unless `bare`) as F32 of exactly `shape`.
  const float* bind(const std::string& name, std::vector<int64_t> shape, bool bare = false) {
    const std::string full = (bare ? "" : prefix_) + name;
    const TensorInfo* tensor = weights_.file.find(full);
    if (!tensor) fail(full, "missing (is this a GPT-2 model.safetensors?)");
    if (tensor->shape != shape)
      fail(full, "shape " + shapeText(tensor->shape) + ", expected " + shapeText(shape) +
                     " for this config.json");
    const auto bytes = weights_.file.bytes(*tensor);
    const size_t count = tensor->elementCount();
    const float* values = nullptr;
    if (tensor->dtype == DType::F32 && reinterpret_cast<uintptr_t>(bytes.data()) % 4 == 0) {
      values = reinterpret_cast<const float*>(bytes.data());
    } else if (tensor->dtype == DType::F32 || tensor->dtype == DType::F16 ||
               tensor->dtype == DType::BF16) {
      values = convert(*tensor, bytes.data(), count);
    } else {
      fail(full, std::string("dtype ") + dtypeName(tensor->dtype) + " is not F32, F16 or BF16");
    }
    checks_.push_back({full, values, count});
    return values;
  }

  const std::string& prefix() const { return prefix_; }

  // Every bound tensor must be finite. This reads the whole file, and on a VM the first read of
  // each page costs more than the check, so two threads share it in 4 MiB chunks (one thread
  // per tensor would leave one thread alone with the 150 MB embedding).
  void checkFinite() {
    constexpr size_t kChunk = size_t(1) << 20;  // floats
    struct Chunk {
      size_t check, begin, end;
    };
    std::vector<Chunk> chunks;
    for (size_t i = 0; i < checks_.size(); ++i)
      for (size_t begin = 0; begin < checks_[i].count; begin += kChunk)
        chunks.push_back({i, begin, std::min(checks_[i].count, begin + kChunk)});
    std::vector<int64_t> first_bad(chunks.size(), -1);
    std::atomic<size_t> next{0};
    auto scan = [&] {
      for (size_t c; (c = next.fetch_add(1)) < chunks.size();) {
        const Chunk& chunk = chunks[c];
        const int64_t bad =
            firstNonFinite(checks_[chunk.check].values + chunk.begin, chunk.end - chunk.begin);
        if (bad >= 0) first_bad[c] = static_cast<int64_t>(chunk.begin) + bad;
      }
    };
    std::thread other(scan);
    scan();
    other.join();
    for (size_t c = 0; c < chunks.size(); ++c)  // chunks are in tensor and element order
      if (first_bad[c] >= 0)
        fail(checks_[chunks[c].check].name,
             "holds NaN or infinity (element " + std::to_string(first_bad[c]) + ")");
  }

 private:
  struct Check {
    std::string name;
    const float* values;
    size_t count;
  };

  [[noreturn]] void fail(const std::string& tensor, const std::string& message) {
    throw io::LoadError(weights_.file.path(), tensor, {}, message);
  }

  const float* convert(const TensorInfo& tensor, const uint8_t* bytes, size_t count) {
    auto out = std::make_unique<float[]>(count);
    for (size_t i = 0; i < count; ++i) {
      if (tensor.dtype == DType::F32) {
        std::memcpy(&out[i], bytes + 4 * i, 4);
        continue;
      }
      const uint16_t h = static_cast<uint16_t>(bytes[2 * i] | bytes[2 * i + 1] << 8);
      if (tensor.dtype == DType::F16) {
        out[i] = halfToFloat(h);
      } else {
        const uint32_t bits = static_cast<uint32_t>(h) << 16;
        std::memcpy(&out[i], &bits, 4);
      }
    }
    weights_.converted.push_back(std::move(out));
    return weights_.converted.back().get();
  }

  Gpt2Weights& weights_;
  std::string prefix_;
  std::vector<Check> checks_;
};

}  // namespace

std::unique_ptr<Gpt2Weights> bindGpt2Weights(const Gpt2Config& config, SafetensorsFile file) {
  auto weights = std::make_unique<Gpt2Weights>();
  weights->config = config;
  weights->file = std::move(file);
  Binder binder(*weights);
  const int64_t C = config.n_embd, H = config.n_inner, V = config.vocab_size,
                P = config.n_positions;
  weights->token_embedding = binder.bind("wte.weight", {V, C});
  weights->position_embedding = binder.bind("wpe.weight", {P, C});
  for (int i = 0; i < config.n_layer; ++i) {
    const std::string h = "h." + std::to_string(i) + ".";
    Gpt2Layer layer{};
    layer.ln_1_weight = binder.bind(h + "ln_1.weight", {C});
    layer.ln_1_bias = binder.bind(h + "ln_1.bias", {C});
    layer.attn_weight = binder.bind(h + "attn.c_attn.weight", {C, 3 * C});
    layer.attn_bias = binder.bind(h + "attn.c_attn.bias", {3 * C});
    layer.attn_proj_weight = binder.bind(h + "attn.c_proj.weight", {C, C});
    layer.attn_proj_bias = binder.bind(h + "attn.c_proj.bias", {C});
    layer.ln_2_weight = binder.bind(h + "ln_2.weight", {C});
    layer.ln_2_bias = binder.bind(h + "ln_2.bias", {C});
    layer.fc_weight = binder.bind(h + "mlp.c_fc.weight", {C, H});
    layer.fc_bias = binder.bind(h + "mlp.c_fc.bias", {H});
    layer.mlp_proj_weight = binder.bind(h + "mlp.c_proj.weight", {H, C});
    layer.mlp_proj_bias = binder.bind(h + "mlp.c_proj.bias", {C});
    weights->layers.push_back(layer);
  }
  weights->ln_f_weight = binder.bind("ln_f.weight", {C});
  weights->ln_f_bias = binder.bind("ln_f.bias", {C});
  weights->unembedding = weights->token_embedding;
  weights->tied_unembedding = true;
  if (weights->file.find("lm_head.weight")) {
    weights->unembedding = binder.bind("lm_head.weight", {V, C}, /*bare=*/true);
    weights->tied_unembedding = weights->unembedding == weights->token_embedding;
  }
  binder.checkFinite();
  return weights;
}

}  // namespace flowview::model
