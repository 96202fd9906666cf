#include "core/scenes/scene_model.h"

#include <cstdio>
#include <filesystem>
#include <mutex>

#include "core/model/bpe_tokenizer.h"
#include "core/model/model.h"
#include "core/model/vocabulary_locator.h"
#include "core/text/utf8.h"

namespace flowview::scenes {
namespace {

// The located vocabulary, loaded on first use; null when none is installed.
const model::BpeTokenizer* sharedTokenizer() {
  static std::once_flag once;
  static std::unique_ptr<model::BpeTokenizer> tokenizer;
  std::call_once(once, [] {
    if (auto files = model::locateGpt2Vocabulary()) {
      try {
        tokenizer = std::make_unique<model::BpeTokenizer>(
            model::BpeTokenizer::load(files->vocab_json, files->merges));
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

}  // namespace

std::vector<std::string> gpt2Pieces(const std::string& text,
                                    std::vector<std::string> (*fallback)(const std::string&)) {
  const model::BpeTokenizer* tokenizer = sharedTokenizer();
  if (!tokenizer) return fallback(text);
  std::vector<std::string> pieces;
  for (int id : tokenizer->encode(text)) pieces.push_back(tokenizer->tokenBytes(id));
  return pieces;
}

LoadedModel loadModelFolder(const std::string& folder) {
  LoadedModel loaded;
  loaded.model = std::shared_ptr<model::Model>(model::Model::load(folder));
  const std::filesystem::path p = std::filesystem::path(folder).lexically_normal();
  loaded.name = p.has_filename() ? p.filename().string() : p.parent_path().filename().string();
  if (loaded.name.empty()) loaded.name = folder;
  return loaded;
}

std::string displayableToken(const std::string& bytes) {
  std::string out;
  size_t pos = 0;
  while (pos < bytes.size()) {
    const size_t start = pos;
    const char32_t c = text::decodeUtf8Next(bytes, pos);
    if (c == text::kReplacementChar && bytes.compare(start, 3, "\xEF\xBF\xBD") != 0)
      out += '?';
    else
      out.append(bytes, start, pos - start);
  }
  return out;
}

}  // namespace flowview::scenes
