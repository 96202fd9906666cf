#pragma once
// GPT-2's tokenizer without a model folder: the vocabulary found by locateGpt2Vocabulary(),
// loaded once per process. Scene files' `network_flow.text` and the viewer's sentence box use it
// when no model is loaded (docs/real-model.md).
#include <string>
#include <vector>

namespace flowview::model {

class BpeTokenizer;

// The installed vocabulary's tokenizer, loaded on first use; null when none is installed (then a
// note goes to stderr, once per process).
const BpeTokenizer* installedGpt2Tokenizer();

// GPT-2's pieces of `text` (each token's bytes) with the installed vocabulary; without one, the
// word splitter `fallback`. Throws std::invalid_argument for text that is not UTF-8.
std::vector<std::string> gpt2Pieces(const std::string& text,
                                    std::vector<std::string> (*fallback)(const std::string&));

}  // namespace flowview::model
