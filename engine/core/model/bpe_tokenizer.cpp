#include "core/model/bpe_tokenizer.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

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
  for (char32_t c : text::decodeUtf8(text)) {
    if (c >= byte_of.size() || byte_of[c] < 0) return false;
    bytes.push_back(static_cast<char>(byte_of[c]));
  }
  return true;
}

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
  nlohmann::json vocab;
  try {
    vocab = nlohmann::json::parse(vocab_json);
  } catch (const nlohmann::json::exception& e) {
    throw io::LoadError(vocab_name, "", {}, std::string("not valid JSON: ") + e.what());
  }
  if (!vocab.is_object() || vocab.empty())
    throw io::LoadError(vocab_name, "", {}, "not a JSON object of token -> id");
  constexpr int64_t kMaxVocabulary = 1 << 22;
  std::string bytes;
  for (const auto& [token, id] : vocab.items()) {
    if (!id.is_number_integer() || id.get<int64_t>() < 0 || id.get<int64_t>() >= kMaxVocabulary)
      throw io::LoadError(vocab_name, "/" + token, {}, "id must be an integer in [0, 4194304)");
    const int index = id.get<int>();
    if (!vocabularyBytes(token, bytes)) bytes = token;  // a special token such as <|endoftext|>
    if (index >= static_cast<int>(tokenizer.token_bytes_.size()))
      tokenizer.token_bytes_.resize(index + 1);
    tokenizer.token_bytes_[index] = bytes;
    tokenizer.ids_by_bytes_.emplace(bytes, index);
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
  std::string first, second;
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
    const auto joined = tokenizer.ids_by_bytes_.find(first + second);
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
