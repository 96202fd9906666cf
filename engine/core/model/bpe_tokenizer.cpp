#include "core/model/bpe_tokenizer.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include <algorithm>
#include <array>
#include <fstream>
#include <limits>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/io/load_error.h"
#include "core/text/utf8.h"

namespace flowview::model {
namespace {

// GPT-2's pre-tokenization: contractions, letters, numbers, other symbols (each with an optional
// leading space), whitespace not followed by a non-space (so that " word" keeps its space), then
// any remaining whitespace.
constexpr const char* kPattern =
    R"('s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+)";

// GPT-2 writes every byte as a printable code point so that vocab.json holds no control
// characters or spaces: printable Latin-1 bytes stand for themselves, the other 68 bytes map,
// in order, to U+0100, U+0101, ...
std::array<char32_t, 256> byteCodePoints() {
  std::array<char32_t, 256> code_points{};
  char32_t next = 256;
  for (int b = 0; b < 256; ++b) {
    const bool printable = (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || b >= 0xAE;
    code_points[b] = printable ? static_cast<char32_t>(b) : next++;
  }
  return code_points;
}

// The bytes a vocabulary string stands for, or false when it holds a code point that is no byte.
bool vocabularyBytes(std::string_view text, std::string& bytes) {
  static const auto byte_of = [] {
    std::array<int, 324> inverse;
    inverse.fill(-1);
    const auto code_points = byteCodePoints();
    for (int b = 0; b < 256; ++b) inverse[code_points[b]] = b;
    return inverse;
  }();
  bytes.clear();
  for (size_t pos = 0; pos < text.size();) {
    const char32_t c = text::decodeUtf8Next(text, pos);
    if (c >= byte_of.size() || byte_of[c] < 0) return false;
    bytes.push_back(static_cast<char>(byte_of[c]));
  }
  return true;
}

// vocab.json read as a stream of parse events (nlohmann's SAX interface) instead of a document
// tree: a 50 000-entry std::map of JSON values was most of the tokenizer's loading time. Collects
// the "token": id pairs of the top-level object, in file order; a later duplicate key wins, as in
// a document. Structure errors are kept until the end so that invalid JSON is reported first.
class VocabularyEvents {
 public:
  using json = nlohmann::json;
  std::vector<std::pair<std::string, int64_t>> entries;
  std::string structure_error, structure_path, syntax_error;
  bool root_is_object = false;

  bool null() { return value(); }
  bool boolean(bool) { return value(); }
  bool number_integer(json::number_integer_t id) {
    return id >= 0 ? integer(uint64_t(id)) : value();
  }
  bool number_unsigned(json::number_unsigned_t id) { return integer(id); }
  bool number_float(json::number_float_t, const json::string_t&) { return value(); }
  bool string(json::string_t&) { return value(); }
  bool binary(json::binary_t&) { return value(); }
  bool start_object(std::size_t) {
    if (depth_ == 0) root_is_object = true;
    if (depth_ == 1) value();
    ++depth_;
    return true;
  }
  bool key(json::string_t& key) {
    if (depth_ == 1) key_ = std::move(key);
    return true;
  }
  bool end_object() {
    --depth_;
    return true;
  }
  bool start_array(std::size_t) {
    value();
    ++depth_;
    return true;
  }
  bool end_array() {
    --depth_;
    return true;
  }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception& e) {
    syntax_error = e.what();
    return false;
  }

 private:
  static constexpr uint64_t kMaxVocabulary = 1 << 22;

  // A value that is not an id: wrong at the top level or as a token's id.
  bool value() {
    if (depth_ == 0) structure_error = "not a JSON object of token -> id";
    if (depth_ == 1) integer(kMaxVocabulary);
    return true;
  }
  bool integer(uint64_t id) {
    if (depth_ != 1) return depth_ == 0 ? value() : true;
    if (id >= kMaxVocabulary) {
      if (structure_error.empty()) {
        structure_error = "id must be an integer in [0, 4194304)";
        structure_path = "/" + key_;
      }
      return true;
    }
    entries.emplace_back(std::move(key_), static_cast<int64_t>(id));
    return true;
  }

  int depth_ = 0;
  std::string key_;
};

std::string readFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw io::LoadError(path, "", {}, "cannot read (missing file?)");
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::shared_ptr<void> compilePattern() {
  int error = 0;
  PCRE2_SIZE offset = 0;
  pcre2_code* code = pcre2_compile(reinterpret_cast<PCRE2_SPTR>(kPattern), PCRE2_ZERO_TERMINATED,
                                   PCRE2_UTF | PCRE2_UCP, &error, &offset, nullptr);
  if (!code) throw std::logic_error("GPT-2 pattern does not compile");
  pcre2_jit_compile(code, PCRE2_JIT_COMPLETE);  // optional: falls back to the interpreter
  return {code, [](void* p) { pcre2_code_free(static_cast<pcre2_code*>(p)); }};
}

}  // namespace

BpeTokenizer BpeTokenizer::load(const std::string& vocab_json_path,
                                const std::string& merges_path) {
  return parse(readFile(vocab_json_path), readFile(merges_path), vocab_json_path, merges_path);
}

BpeTokenizer BpeTokenizer::parse(std::string_view vocab_json, std::string_view merges,
                                 const std::string& vocab_name, const std::string& merges_name) {
  BpeTokenizer tokenizer;
  VocabularyEvents vocab;
  nlohmann::json::sax_parse(vocab_json, &vocab);
  if (!vocab.syntax_error.empty())
    throw io::LoadError(vocab_name, "", {}, "not valid JSON: " + vocab.syntax_error);
  if (!vocab.structure_error.empty())
    throw io::LoadError(vocab_name, vocab.structure_path, {}, vocab.structure_error);
  if (!vocab.root_is_object || vocab.entries.empty())
    throw io::LoadError(vocab_name, "", {}, "not a JSON object of token -> id");
  std::string bytes;
  tokenizer.ids_by_bytes_.reserve(vocab.entries.size());
  for (auto& [token, id] : vocab.entries) {
    const int index = static_cast<int>(id);
    if (!vocabularyBytes(token, bytes)) bytes = token;  // a special token such as <|endoftext|>
    if (index >= static_cast<int>(tokenizer.token_bytes_.size()))
      tokenizer.token_bytes_.resize(index + 1);
    tokenizer.token_bytes_[index] = bytes;
    tokenizer.ids_by_bytes_.insert_or_assign(std::move(bytes), index);
  }
  for (int b = 0; b < 256; ++b) {
    const auto it = tokenizer.ids_by_bytes_.find(std::string(1, static_cast<char>(b)));
    if (it == tokenizer.ids_by_bytes_.end())
      throw io::LoadError(
          vocab_name, "", {},
          "no token for byte " + std::to_string(b) + ": not a byte-level vocabulary");
    tokenizer.byte_ids_[b] = it->second;
  }

  // merges.txt: a "#version" line, then "first second" per line, best first.
  int line_number = 0, rank = 0;
  std::string first, second, joined_bytes;
  tokenizer.merges_.reserve(std::count(merges.begin(), merges.end(), '\n') + 1);
  size_t start = 0;
  while (start < merges.size()) {
    size_t end = merges.find('\n', start);
    if (end == std::string_view::npos) end = merges.size();
    std::string_view line = merges.substr(start, end - start);
    start = end + 1;
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || (line_number == 1 && line.rfind("#version", 0) == 0)) continue;
    const size_t space = line.find(' ');
    if (space == std::string_view::npos || space == 0 || space + 1 >= line.size() ||
        line.find(' ', space + 1) != std::string_view::npos)
      throw io::LoadError(merges_name, "", {line_number, 0}, "expected two symbols");
    const int this_rank = rank++;
    if (!vocabularyBytes(line.substr(0, space), first) ||
        !vocabularyBytes(line.substr(space + 1), second))
      continue;
    const auto a = tokenizer.ids_by_bytes_.find(first);
    const auto b = tokenizer.ids_by_bytes_.find(second);
    joined_bytes.assign(first).append(second);
    const auto joined = tokenizer.ids_by_bytes_.find(joined_bytes);
    if (a == tokenizer.ids_by_bytes_.end() || b == tokenizer.ids_by_bytes_.end() ||
        joined == tokenizer.ids_by_bytes_.end())
      continue;  // a rule whose tokens the vocabulary lacks can never apply
    tokenizer.merges_.emplace(pairKey(a->second, b->second), Merge{this_rank, joined->second});
  }
  tokenizer.pattern_ = compilePattern();
  return tokenizer;
}

std::vector<int> BpeTokenizer::encode(std::string_view text) const {
  auto* code = static_cast<pcre2_code*>(pattern_.get());
  std::unique_ptr<pcre2_match_data, void (*)(pcre2_match_data*)> match(
      pcre2_match_data_create_from_pattern(code, nullptr), pcre2_match_data_free);
  const auto* subject = reinterpret_cast<PCRE2_SPTR>(text.data());
  std::vector<int> ids;
  PCRE2_SIZE offset = 0;
  uint32_t options = 0;
  while (offset < text.size()) {
    const int rc = pcre2_match(code, subject, text.size(), offset, options, match.get(), nullptr);
    if (rc <= PCRE2_ERROR_UTF8_ERR1 && rc >= PCRE2_ERROR_UTF8_ERR21)
      throw InvalidTextError("text is not valid UTF-8 (byte " +
                             std::to_string(pcre2_get_startchar(match.get()) + 1) + ")");
    if (rc < 0) break;             // no further match: only possible at the end
    options = PCRE2_NO_UTF_CHECK;  // checked once, on the first call
    const PCRE2_SIZE* range = pcre2_get_ovector_pointer(match.get());
    if (range[1] <= range[0]) break;  // the pattern never matches empty; be safe anyway
    encodeWord(text.substr(range[0], range[1] - range[0]), ids);
    offset = range[1];
  }
  return ids;
}

void BpeTokenizer::encodeWord(std::string_view word, std::vector<int>& ids) const {
  std::vector<int> symbols;
  symbols.reserve(word.size());
  for (char c : word) symbols.push_back(byte_ids_[static_cast<unsigned char>(c)]);
  // Merge the best-ranked adjacent pair everywhere it occurs, left to right, until none applies.
  while (symbols.size() > 1) {
    int best_rank = std::numeric_limits<int>::max();
    uint64_t best = 0;
    int merged = -1;
    for (size_t i = 0; i + 1 < symbols.size(); ++i) {
      const auto it = merges_.find(pairKey(symbols[i], symbols[i + 1]));
      if (it != merges_.end() && it->second.rank < best_rank) {
        best_rank = it->second.rank;
        best = it->first;
        merged = it->second.merged;
      }
    }
    if (merged < 0) break;
    size_t out = 0;
    for (size_t i = 0; i < symbols.size(); ++i) {
      if (i + 1 < symbols.size() && pairKey(symbols[i], symbols[i + 1]) == best) {
        symbols[out++] = merged;
        ++i;
      } else {
        symbols[out++] = symbols[i];
      }
    }
    symbols.resize(out);
  }
  ids.insert(ids.end(), symbols.begin(), symbols.end());
}

std::string BpeTokenizer::decode(std::span<const int> ids) const {
  std::string text;
  for (int id : ids) text += tokenBytes(id);
  return text;
}

const std::string& BpeTokenizer::tokenBytes(int id) const {
  static const std::string kNone;
  return id >= 0 && id < vocabularySize() ? token_bytes_[id] : kNone;
}

}  // namespace flowview::model
