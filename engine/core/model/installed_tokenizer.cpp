#include "core/model/installed_tokenizer.h"

#include <cstdio>
#include <memory>
#include <mutex>

#include "core/model/bpe_tokenizer.h"
#include "core/model/vocabulary_locator.h"

namespace flowview::model {

const BpeTokenizer* installedGpt2Tokenizer() {
  static std::once_flag once;
  static std::unique_ptr<BpeTokenizer> tokenizer;
  std::call_once(once, [] {
    if (auto files = locateGpt2Vocabulary()) {
      try {
        tokenizer =
            std::make_unique<BpeTokenizer>(BpeTokenizer::load(files->vocab_json, files->merges));
        return;
      } catch (const std::exception& e) {
        std::fprintf(stderr, "flowview: %s\n", e.what());
      }
    }
    std::fprintf(stderr,
                 "flowview: no GPT-2 vocabulary installed (scripts/setup-deps.sh installs one): "
                 "splitting sentences into words instead\n");
  });
  return tokenizer.get();
}

std::vector<std::string> gpt2Pieces(const std::string& text,
                                    std::vector<std::string> (*fallback)(const std::string&)) {
  const BpeTokenizer* tokenizer = installedGpt2Tokenizer();
  if (!tokenizer) return fallback(text);
  std::vector<std::string> pieces;
  for (int id : tokenizer->encode(text)) pieces.push_back(tokenizer->tokenBytes(id));
  return pieces;
}

}  // namespace flowview::model
