#include "core/model/model.h"

#include <filesystem>
#include <future>

#include "core/io/load_error.h"

namespace flowview::model {

TokenizedText tokenize(const BpeTokenizer& tokenizer, std::string_view text) {
  TokenizedText out;
  out.ids = tokenizer.encode(text);
  for (int id : out.ids) out.tokens.push_back(tokenizer.tokenBytes(id));
  return out;
}

Model::Model(std::unique_ptr<Gpt2Weights> weights, BpeTokenizer tokenizer)
    : weights_(std::move(weights)),
      tokenizer_(std::move(tokenizer)),
      forward_(std::make_unique<Gpt2Forward>(*weights_)) {}

std::unique_ptr<Model> Model::load(const std::string& folder) {
  namespace fs = std::filesystem;
  std::error_code error;
  if (!fs::is_directory(folder, error))
    throw io::LoadError(folder, "", {}, "model folder does not exist");
  const fs::path dir(folder);
  const Gpt2Config config = loadGpt2Config((dir / "config.json").string());
  // The vocabulary is parsed on a second thread while the weights are mapped and checked: both
  // take tens of milliseconds and neither needs the other.
  auto tokenizer_future = std::async(std::launch::async, [&dir] {
    return BpeTokenizer::load((dir / "vocab.json").string(), (dir / "merges.txt").string());
  });
  std::unique_ptr<Gpt2Weights> weights;
  try {
    weights = bindGpt2Weights(config, SafetensorsFile::open((dir / "model.safetensors").string()));
  } catch (...) {
    tokenizer_future.wait();
    throw;
  }
  BpeTokenizer tokenizer = tokenizer_future.get();
  if (tokenizer.vocabularySize() > config.vocab_size)
    throw io::LoadError((dir / "vocab.json").string(), "", {},
                        "has ids up to " + std::to_string(tokenizer.vocabularySize() - 1) +
                            " but config.json's vocab_size is " +
                            std::to_string(config.vocab_size));
  return std::unique_ptr<Model>(new Model(std::move(weights), std::move(tokenizer)));
}

const Gpt2Forward& Model::run(std::span<const int> ids) {
  forward_->reset();
  forward_->extend(ids);
  return *forward_;
}

const Gpt2Forward& Model::appendToken(int id) {
  forward_->extend(std::span<const int>(&id, 1));
  return *forward_;
}

}  // namespace flowview::model
