#include "core/io/json_document.h"

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <exception>
#include <memory>
#include <new>
#include <system_error>
#include <tuple>

#include "core/io/scene_file_bytes.h"

namespace flowview::io {

namespace {

using Json = nlohmann::json;

constexpr std::string_view kBom = "\xEF\xBB\xBF";

bool isJsonWhitespace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

bool isStructural(char c) {
  return c == '{' || c == '}' || c == '[' || c == ']' || c == ',' || c == ':';
}

// Characters of numbers and literals (and, in invalid input, of any other garbage run).
bool isBareword(char c) {
  return !isJsonWhitespace(c) && !isStructural(c) && c != '"';
}

// nlohmann skips a UTF-8 byte order mark at the very start; the scanners must do the same.
std::size_t textStart(std::string_view text) {
  return text.starts_with(kBom) ? kBom.size() : 0;
}

// End of the lexical token starting at `start` (which must not be whitespace). On text that
// nlohmann accepted this splits tokens exactly as its lexer does: in valid JSON two value tokens
// are always separated by whitespace or structural characters.
std::size_t tokenEnd(std::string_view text, std::size_t start) {
  const std::size_t n = text.size();
  if (start >= n) return n;
  const char c = text[start];
  if (isStructural(c)) return start + 1;
  if (c == '"') {
    std::size_t i = start + 1;
    while (i < n) {
      if (text[i] == '\\') {
        i += 2;
      } else if (text[i] == '"') {
        return i + 1;
      } else {
        ++i;
      }
    }
    return n;
  }
  std::size_t i = start + 1;
  while (i < n && isBareword(text[i])) ++i;
  return i;
}

// Start of the token that contains byte `offset` (or `offset` itself when it is whitespace).
// Used only on error paths, so a linear scan from the beginning is fine.
std::size_t tokenStartAt(std::string_view text, std::size_t offset) {
  std::size_t pos = textStart(text);
  while (true) {
    while (pos < text.size() && isJsonWhitespace(text[pos])) ++pos;
    if (pos >= text.size() || pos > offset) return offset;
    const std::size_t end = tokenEnd(text, pos);
    if (offset < end) return pos;
    pos = end;
  }
}

// Start of the bareword run that contains `offset` or ends right before it: nlohmann reports an
// invalid literal ("tru}") at the mismatching character, we report it where the literal starts.
std::size_t literalStartAt(std::string_view text, std::size_t offset) {
  std::size_t start = std::min(offset, text.size());
  const std::size_t first = textStart(text);
  while (start > first && isBareword(text[start - 1])) --start;
  return start;
}

// Maps byte offsets to line:column. Queries in increasing order (the common case while
// parsing) cost amortized O(1); going backwards restarts from the beginning.
class LineCounter {
 public:
  explicit LineCounter(std::string_view text) : text_(text) { reset(); }

  SourceLocation at(std::size_t offset) {
    offset = std::min(offset, text_.size());
    if (offset < offset_) reset();
    while (offset_ < offset) {
      const auto c = static_cast<unsigned char>(text_[offset_++]);
      // "\n", "\r\n" and a lone "\r" each end a line.
      const bool crlf = c == '\r' && offset_ < text_.size() && text_[offset_] == '\n';
      if (c == '\n' || (c == '\r' && !crlf)) {
        ++line_;
        column_ = 1;
      } else if (crlf) {
        // The "\n" that follows ends the line.
      } else if ((c & 0xC0) != 0x80) {
        // UTF-8 continuation bytes do not start a new column.
        ++column_;
      }
    }
    return {line_, column_};
  }

 private:
  void reset() {
    offset_ = textStart(text_);
    line_ = 1;
    column_ = 1;
  }

  std::string_view text_;
  std::size_t offset_ = 0;
  int line_ = 1;
  int column_ = 1;
};

// Yields, in document order, the start offset of every value and every object key. nlohmann's
// SAX callbacks arrive in the same order, so the n-th callback belongs to the n-th token.
class ValueScanner {
 public:
  explicit ValueScanner(std::string_view text) : text_(text), pos_(textStart(text)) {}

  std::size_t next() {
    while (pos_ < text_.size()) {
      const char c = text_[pos_];
      if (!isJsonWhitespace(c) && c != ',' && c != ':' && c != ']' && c != '}') break;
      ++pos_;
    }
    const std::size_t start = pos_;
    pos_ = tokenEnd(text_, start);
    return start;
  }

 private:
  std::string_view text_;
  std::size_t pos_;
};

// Turns nlohmann's "[json.exception.parse_error.101] parse error at line 1, column 5: syntax
// error while parsing value - invalid literal; last read: 'x'" into "invalid literal".
std::string shortParseMessage(const std::string& what, bool* lexer_error) {
  std::string s = what;
  if (s.starts_with("[json.exception.")) {
    const auto close = s.find("] ");
    if (close != std::string::npos) s.erase(0, close + 2);
  }
  if (s.starts_with("parse error")) {
    const auto colon = s.find(": ");
    if (colon != std::string::npos) s.erase(0, colon + 2);
  }
  if (s.starts_with("syntax error")) {
    const auto dash = s.find(" - ");
    if (dash != std::string::npos) s.erase(0, dash + 3);
  }
  // Lexer errors carry the raw token; drop it (and what follows) to keep the line short.
  const auto last_read = s.find("; last read: ");
  *lexer_error = last_read != std::string::npos;
  if (*lexer_error) s.erase(last_read);
  const std::string_view any_value = "'[', '{', or a literal";
  const auto value_pos = s.find(any_value);
  if (value_pos != std::string::npos) s.replace(value_pos, any_value.size(), "a value");
  return s;
}

std::string describeType(const Json& value) {
  switch (value.type()) {
    case Json::value_t::object:
      return "an object";
    case Json::value_t::array:
      return "an array";
    case Json::value_t::null:
      return "null";
    default:
      return std::string("a ") + jsonTypeName(value);
  }
}

bool hasJsonContent(std::string_view text) {
  for (std::size_t i = textStart(text); i < text.size(); ++i) {
    if (!isJsonWhitespace(text[i])) return true;
  }
  return false;
}

bool locationBefore(SourceLocation a, SourceLocation b) {
  return std::tie(a.line, a.column) < std::tie(b.line, b.column);
}

// Parses one JSON-pointer segment as an array index (digits only, no leading zeros).
bool parseIndex(std::string_view segment, std::size_t* index) {
  if (segment.empty() || (segment.size() > 1 && segment[0] == '0')) return false;
  const auto result = std::from_chars(segment.data(), segment.data() + segment.size(), *index);
  return result.ec == std::errc() && result.ptr == segment.data() + segment.size();
}

std::string unescapeSegment(std::string_view segment) {
  std::string out;
  out.reserve(segment.size());
  for (std::size_t i = 0; i < segment.size(); ++i) {
    if (segment[i] == '~' && i + 1 < segment.size() && segment[i + 1] == '0') {
      out += '~';
      ++i;
    } else if (segment[i] == '~' && i + 1 < segment.size() && segment[i + 1] == '1') {
      out += '/';
      ++i;
    } else {
      out += segment[i];
    }
  }
  return out;
}

}  // namespace

// SAX handler that builds the DOM (like nlohmann's json_sax_dom_parser) and records where each
// value and key starts. It also enforces the depth limit and rejects duplicate keys.
class DocumentBuilder {
 public:
  using number_integer_t = Json::number_integer_t;
  using number_unsigned_t = Json::number_unsigned_t;
  using number_float_t = Json::number_float_t;
  using string_t = Json::string_t;
  using binary_t = Json::binary_t;

  DocumentBuilder(std::string_view text, JsonDocument& doc)
      : text_(text), doc_(doc), lines_(text), scanner_(text) {
    nul_offset_ = text.find('\0');
    end_ = std::min(nul_offset_, text.size());
  }

  bool null() { return addValue(Json(nullptr)); }
  bool boolean(bool value) { return addValue(Json(value)); }
  bool number_integer(number_integer_t value) { return addValue(Json(value)); }
  bool number_unsigned(number_unsigned_t value) { return addValue(Json(value)); }
  bool number_float(number_float_t value, const string_t& /*raw*/) { return addValue(Json(value)); }
  bool string(string_t& value) { return addValue(Json(std::move(value))); }
  bool binary(binary_t& value) { return addValue(Json::binary(std::move(value))); }

  bool start_object(std::size_t /*size*/) { return openContainer(Json::object()); }
  bool start_array(std::size_t /*size*/) { return openContainer(Json::array()); }
  bool end_object() { return closeContainer(); }
  bool end_array() { return closeContainer(); }

  bool key(string_t& key) {
    const std::size_t offset = scanner_.next();
    Frame& frame = stack_.back();
    if (frame.container->contains(key)) {
      return failAt(offset, frame.pointer, "duplicate key " + quoteText(key));
    }
    frame.member_pointer = JsonDocument::childPointer(frame.pointer, key);
    frame.key_location = lines_.at(offset);
    frame.pending_key = std::move(key);
    return true;
  }

  bool parse_error(std::size_t position, const std::string& last_token,
                   const Json::exception& error) {
    // `position` counts the characters read, so the offending character is at position - 1.
    const std::size_t offset = position > 0 ? position - 1 : 0;
    if (offset >= end_) {
      if (nul_offset_ != std::string_view::npos) return failAt(nul_offset_, "", kNulMessage);
      return failAt(text_.size(), "", "unexpected end of input");
    }
    if (error.id == 406) {
      return failAt(tokenStartAt(text_, offset), "",
                    "number out of range: " + clipForMessage(last_token));
    }
    bool lexer_error = false;
    const std::string message = shortParseMessage(error.what(), &lexer_error);
    std::size_t where = offset;
    if (!lexer_error) {
      // The parser complains about a whole token it has just read; point at its start.
      where = tokenStartAt(text_, offset);
    } else if (message == "invalid literal") {
      where = literalStartAt(text_, offset);
    } else if (message.starts_with("invalid BOM")) {
      where = 0;
    }
    return failAt(where, "", "syntax error: " + message);
  }

  // Throws the recorded error, if any, after nlohmann::json::sax_parse returned.
  void finish(bool parsed) {
    if (failure_) throw *failure_;
    if (!parsed) {
      throw LoadError(doc_.file_, "", {}, "invalid JSON");
    }
    // nlohmann stops at a NUL byte as if the input ended there; the rest would be ignored.
    if (nul_offset_ != std::string_view::npos) {
      failAt(nul_offset_, "", kNulMessage);
      throw *failure_;
    }
  }

 private:
  static constexpr const char* kNulMessage = "syntax error: unexpected NUL byte";

  struct Frame {
    Json* container;
    std::string pointer;
    // For objects: the key announced by the last key() callback.
    std::string pending_key;
    std::string member_pointer;
    SourceLocation key_location;
  };

  struct Slot {
    std::size_t offset;
    std::string pointer;
  };

  Slot nextSlot() {
    Slot slot{scanner_.next(), ""};
    if (!stack_.empty()) {
      const Frame& frame = stack_.back();
      if (frame.container->is_object()) {
        slot.pointer = frame.member_pointer;
      } else {
        slot.pointer = JsonDocument::childPointer(frame.pointer, frame.container->size());
      }
    }
    return slot;
  }

  Json* store(const Slot& slot, Json&& value) {
    Json* stored = nullptr;
    SourceLocation key_location;
    if (stack_.empty()) {
      doc_.root_ = std::move(value);
      stored = &doc_.root_;
    } else {
      Frame& frame = stack_.back();
      if (frame.container->is_object()) {
        auto& object = *frame.container->get_ptr<Json::object_t*>();
        stored =
            &object.insert_or_assign(std::move(frame.pending_key), std::move(value)).first->second;
        key_location = frame.key_location;
      } else {
        auto& array = *frame.container->get_ptr<Json::array_t*>();
        array.push_back(std::move(value));
        stored = &array.back();
      }
    }
    doc_.locations_.insert_or_assign(slot.pointer,
                                     JsonDocument::Locations{lines_.at(slot.offset), key_location});
    return stored;
  }

  bool addValue(Json&& value) {
    const Slot slot = nextSlot();
    store(slot, std::move(value));
    return true;
  }

  bool openContainer(Json&& empty) {
    Slot slot = nextSlot();
    if (stack_.size() >= static_cast<std::size_t>(kMaxJsonDepth)) {
      return failAt(slot.offset, "", "nesting too deep");
    }
    Json* stored = store(slot, std::move(empty));
    stack_.push_back(Frame{stored, std::move(slot.pointer), {}, {}, {}});
    return true;
  }

  bool closeContainer() {
    stack_.pop_back();
    return true;
  }

  // Records the error; returning false makes nlohmann stop parsing.
  bool failAt(std::size_t offset, const std::string& path, std::string message) {
    failure_.emplace(doc_.file_, path, lines_.at(offset), std::move(message));
    return false;
  }

  std::string_view text_;
  JsonDocument& doc_;
  LineCounter lines_;
  ValueScanner scanner_;
  std::size_t nul_offset_;
  std::size_t end_;
  std::vector<Frame> stack_;
  std::optional<LoadError> failure_;
};

// ---- JsonDocument ----

JsonDocument JsonDocument::parseFile(const std::string& path) {
  return parseString(readSceneFileBytes(path), path);
}

JsonDocument JsonDocument::parseString(std::string_view text, std::string display_name) {
  JsonDocument doc;
  doc.file_ = std::move(display_name);
  try {
    if (!hasJsonContent(text)) throw LoadError(doc.file_, "", {}, "empty document");
    DocumentBuilder builder(text, doc);
    const bool parsed = Json::sax_parse(text.data(), text.data() + text.size(), &builder);
    builder.finish(parsed);
  } catch (const LoadError&) {
    throw;
  } catch (const std::bad_alloc&) {
    throw LoadError(doc.file_, "", {}, "out of memory");
  } catch (const std::exception& error) {
    // Should not happen (the handler never throws), but only LoadError may escape.
    throw LoadError(doc.file_, "", {}, std::string("internal error: ") + error.what());
  }
  return doc;
}

SourceLocation JsonDocument::locationOf(const std::string& json_pointer) const {
  std::string pointer = json_pointer;
  while (true) {
    const auto it = locations_.find(pointer);
    if (it != locations_.end()) return it->second.value;
    if (pointer.empty()) return {};
    const auto slash = pointer.rfind('/');
    pointer.resize(slash == std::string::npos ? 0 : slash);
  }
}

SourceLocation JsonDocument::keyLocationOf(const std::string& json_pointer) const {
  const auto it = locations_.find(json_pointer);
  if (it != locations_.end() && it->second.key.known()) return it->second.key;
  return locationOf(json_pointer);
}

const nlohmann::json* JsonDocument::find(const std::string& json_pointer) const {
  if (json_pointer.empty()) return &root_;
  if (json_pointer[0] != '/') return nullptr;
  const Json* current = &root_;
  std::size_t begin = 1;
  while (true) {
    const std::size_t slash = std::min(json_pointer.find('/', begin), json_pointer.size());
    const std::string_view segment(json_pointer.data() + begin, slash - begin);
    if (current->is_object()) {
      const auto& object = current->get_ref<const Json::object_t&>();
      const auto it = object.find(unescapeSegment(segment));
      if (it == object.end()) return nullptr;
      current = &it->second;
    } else if (current->is_array()) {
      std::size_t index = 0;
      if (!parseIndex(segment, &index) || index >= current->size()) return nullptr;
      current = &(*current)[index];
    } else {
      return nullptr;
    }
    if (slash >= json_pointer.size()) return current;
    begin = slash + 1;
  }
}

void JsonDocument::fail(const std::string& json_pointer, const std::string& message) const {
  throw LoadError(file_, json_pointer, locationOf(json_pointer), message);
}

void JsonDocument::failAt(SourceLocation location, const std::string& json_path,
                          const std::string& message) const {
  throw LoadError(file_, json_path, location, message);
}

ObjectReader JsonDocument::object(const std::string& json_pointer) const {
  const Json* value = find(json_pointer);
  if (value == nullptr) fail(json_pointer, "missing value");
  return ObjectReader(*this, *value, json_pointer);
}

ArrayReader JsonDocument::array(const std::string& json_pointer) const {
  const Json* value = find(json_pointer);
  if (value == nullptr) fail(json_pointer, "missing value");
  return ArrayReader(*this, *value, json_pointer);
}

std::string JsonDocument::childPointer(const std::string& pointer, std::string_view key) {
  std::string out = pointer;
  out.reserve(pointer.size() + key.size() + 1);
  out += '/';
  for (char c : key) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out += c;
    }
  }
  return out;
}

std::string JsonDocument::childPointer(const std::string& pointer, std::size_t index) {
  return pointer + '/' + std::to_string(index);
}

// ---- free helpers ----

const char* jsonTypeName(const nlohmann::json& value) {
  switch (value.type()) {
    case Json::value_t::object:
      return "object";
    case Json::value_t::array:
      return "array";
    case Json::value_t::string:
      return "string";
    case Json::value_t::boolean:
      return "boolean";
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned:
    case Json::value_t::number_float:
      return "number";
    case Json::value_t::binary:
      return "binary";
    case Json::value_t::null:
    case Json::value_t::discarded:
    default:
      return "null";
  }
}

std::string formatNumber(double value) {
  if (std::isnan(value)) return "nan";
  if (std::isinf(value)) return value > 0 ? "inf" : "-inf";
  // Integral values print without exponent or ".0" ("3", not "3e+00" or "3.0").
  if (value == std::trunc(value) && std::fabs(value) < 1e15) {
    return std::to_string(static_cast<long long>(value));
  }
  char buffer[64];
  const auto result = std::to_chars(buffer, buffer + sizeof(buffer), value);
  return std::string(buffer, result.ptr);
}

std::string formatNumber(std::int64_t value) {
  return std::to_string(value);
}

// ---- typed value readers ----

namespace detail {

double readDouble(const JsonDocument& doc, const nlohmann::json& value,
                  const std::string& pointer) {
  if (!value.is_number()) doc.fail(pointer, "expected a number, got " + describeType(value));
  const double number = value.get<double>();
  // The parser already rejects NaN/Infinity; this guards values from any other source.
  if (!std::isfinite(number)) {
    doc.fail(pointer, "expected a finite number, got " + formatNumber(number));
  }
  // Scene values end up in floats: anything beyond 1e30 would overflow or lose all meaning.
  if (std::abs(number) > 1e30) {
    doc.fail(pointer, "number too large: " + formatNumber(number) + " (at most 1e30 in size)");
  }
  return number;
}

std::int64_t readInteger(const JsonDocument& doc, const nlohmann::json& value,
                         const std::string& pointer, std::int64_t min, std::int64_t max) {
  const auto out_of_range = [&](const std::string& got) {
    doc.fail(pointer, rangeMessage(formatNumber(min), formatNumber(max), got));
  };
  if (value.is_number_unsigned()) {
    const auto number = value.get<std::uint64_t>();
    // nlohmann stores every non-negative integer as unsigned; min may be above 0.
    if (number > static_cast<std::uint64_t>(max) ||
        (min > 0 && number < static_cast<std::uint64_t>(min))) {
      out_of_range(std::to_string(number));
    }
    return static_cast<std::int64_t>(number);
  }
  if (value.is_number_integer()) {
    const auto number = value.get<std::int64_t>();
    if (number < min || number > max) out_of_range(std::to_string(number));
    return number;
  }
  if (value.is_number_float()) {
    const double number = value.get<double>();
    if (!std::isfinite(number) || number != std::trunc(number)) {
      doc.fail(pointer, "expected an integer, got " + formatNumber(number));
    }
    // 2^63 is the first double above every int64; compare before converting.
    if (number < static_cast<double>(min) || number > static_cast<double>(max) ||
        number >= 9223372036854775808.0) {
      out_of_range(formatNumber(number));
    }
    return static_cast<std::int64_t>(number);
  }
  doc.fail(pointer, "expected an integer, got " + describeType(value));
}

bool readBool(const JsonDocument& doc, const nlohmann::json& value, const std::string& pointer) {
  if (!value.is_boolean()) doc.fail(pointer, "expected a boolean, got " + describeType(value));
  return value.get<bool>();
}

std::string readString(const JsonDocument& doc, const nlohmann::json& value,
                       const std::string& pointer) {
  if (!value.is_string()) doc.fail(pointer, "expected a string, got " + describeType(value));
  return value.get<std::string>();
}

std::vector<double> readDoubleVector(const JsonDocument& doc, const nlohmann::json& value,
                                     const std::string& pointer) {
  if (!value.is_array()) {
    doc.fail(pointer, "expected an array of numbers, got " + describeType(value));
  }
  std::vector<double> out;
  out.reserve(value.size());
  for (std::size_t i = 0; i < value.size(); ++i) {
    out.push_back(readDouble(doc, value[i], JsonDocument::childPointer(pointer, i)));
  }
  return out;
}

void readDoubleArray(const JsonDocument& doc, const nlohmann::json& value,
                     const std::string& pointer, std::span<double> out) {
  if (!value.is_array() || value.size() != out.size()) {
    doc.fail(pointer, "expected an array of " + std::to_string(out.size()) + " numbers");
  }
  for (std::size_t i = 0; i < out.size(); ++i) {
    out[i] = readDouble(doc, value[i], JsonDocument::childPointer(pointer, i));
  }
}

std::string rangeMessage(const std::string& min, const std::string& max, const std::string& got) {
  return "must be between " + min + " and " + max + ", got " + got;
}

}  // namespace detail

// ---- ObjectReader ----

ObjectReader::ObjectReader(const JsonDocument& doc, const nlohmann::json& value,
                           std::string pointer)
    : doc_(&doc), json_(&value), pointer_(std::move(pointer)) {
  if (!value.is_object()) doc.fail(pointer_, "expected an object, got " + describeType(value));
}

bool ObjectReader::has(std::string_view key) {
  return member(key) != nullptr;
}

std::vector<std::string> ObjectReader::keys() const {
  std::vector<std::pair<SourceLocation, std::string>> located;
  for (const auto& [key, value] : json_->get_ref<const Json::object_t&>()) {
    located.emplace_back(doc_->keyLocationOf(childPointer(key)), key);
  }
  std::stable_sort(located.begin(), located.end(),
                   [](const auto& a, const auto& b) { return locationBefore(a.first, b.first); });
  std::vector<std::string> out;
  out.reserve(located.size());
  for (auto& entry : located) out.push_back(std::move(entry.second));
  return out;
}

ObjectReader ObjectReader::object(std::string_view key) {
  return ObjectReader(*doc_, requiredMember(key), childPointer(key));
}

std::optional<ObjectReader> ObjectReader::optionalObject(std::string_view key) {
  const Json* value = member(key);
  if (value == nullptr) return std::nullopt;
  return ObjectReader(*doc_, *value, childPointer(key));
}

ArrayReader ObjectReader::array(std::string_view key) {
  return ArrayReader(*doc_, requiredMember(key), childPointer(key));
}

std::optional<ArrayReader> ObjectReader::optionalArray(std::string_view key) {
  const Json* value = member(key);
  if (value == nullptr) return std::nullopt;
  return ArrayReader(*doc_, *value, childPointer(key));
}

void ObjectReader::fail(const std::string& message) const {
  doc_->fail(pointer_, message);
}

void ObjectReader::fail(std::string_view key, const std::string& message) const {
  doc_->fail(childPointer(key), message);
}

void ObjectReader::finish() const {
  const std::string* unknown = nullptr;
  SourceLocation unknown_location;
  for (const auto& [key, value] : json_->get_ref<const Json::object_t&>()) {
    if (std::find(known_keys_.begin(), known_keys_.end(), key) != known_keys_.end()) continue;
    const SourceLocation location = doc_->keyLocationOf(childPointer(key));
    if (unknown == nullptr || locationBefore(location, unknown_location)) {
      unknown = &key;
      unknown_location = location;
    }
  }
  if (unknown == nullptr) return;
  std::string message = "unknown field " + quoteText(*unknown);
  if (const std::string* suggestion = closestName(*unknown, known_keys_)) {
    message += " (did you mean " + quoteText(*suggestion) + "?)";
  }
  doc_->failAt(unknown_location, pointer_, message);
}

void ObjectReader::markKnown(std::string_view key) {
  if (std::find(known_keys_.begin(), known_keys_.end(), key) == known_keys_.end()) {
    known_keys_.emplace_back(key);
  }
}

const nlohmann::json* ObjectReader::member(std::string_view key) {
  markKnown(key);
  const auto& object = json_->get_ref<const Json::object_t&>();
  const auto it = object.find(std::string(key));
  return it == object.end() ? nullptr : &it->second;
}

const nlohmann::json& ObjectReader::requiredMember(std::string_view key) {
  const Json* value = member(key);
  if (value == nullptr) fail("missing required field " + quoteText(key));
  return *value;
}

// ---- ArrayReader ----

ArrayReader::ArrayReader(const JsonDocument& doc, const nlohmann::json& value, std::string pointer)
    : doc_(&doc), json_(&value), pointer_(std::move(pointer)) {
  if (!value.is_array()) doc.fail(pointer_, "expected an array, got " + describeType(value));
}

ArrayReader::Element ArrayReader::at(std::size_t index) const {
  if (index >= size()) {
    fail("index " + std::to_string(index) + " out of range (size " + std::to_string(size()) + ")");
  }
  return Element(*doc_, (*json_)[index], index, JsonDocument::childPointer(pointer_, index));
}

}  // namespace flowview::io
