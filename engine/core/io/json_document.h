#pragma once

// GL-free JSON loading layer for scene files: parses with nlohmann::json, remembers where every
// value and key starts in the source text, and reports errors as LoadError with
// FILE:LINE:COLUMN: PATH: MESSAGE. Only LoadError ever escapes from this API.
//
// Paths are JSON pointers ("/beats/3/run_time"); object keys containing '~' or '/' are escaped
// as "~0" and "~1" so a path always identifies exactly one value.

#include <array>
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <unordered_map>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/io/load_error.h"
#include "core/io/message_text.h"

namespace flowview::io {

class ObjectReader;
class ArrayReader;

// Containers nested deeper than this are rejected with "nesting too deep" (protects the loaders,
// which recurse, and keeps error handling bounded on hostile input).
inline constexpr int kMaxJsonDepth = 256;

class JsonDocument {
 public:
  // Reads and parses `path`; `path` is also the file name shown in errors.
  static JsonDocument parseFile(const std::string& path);
  // Parses `text`; `display_name` is the file name shown in errors.
  static JsonDocument parseString(std::string_view text, std::string display_name);

  const nlohmann::json& root() const { return root_; }
  const std::string& file() const { return file_; }

  // Where the value at `json_pointer` starts. Falls back to the nearest existing parent, so a
  // missing field reports the location of the object that should contain it.
  SourceLocation locationOf(const std::string& json_pointer) const;
  // Where the key of the object member at `json_pointer` starts; for values that are not object
  // members (root, array elements) or unknown pointers this is locationOf(json_pointer).
  SourceLocation keyLocationOf(const std::string& json_pointer) const;
  // The value at `json_pointer`, or nullptr when there is none (or the pointer is malformed).
  const nlohmann::json* find(const std::string& json_pointer) const;

  // Throws LoadError for the value at `json_pointer`, with its location filled in.
  [[noreturn]] void fail(const std::string& json_pointer, const std::string& message) const;
  // Throws LoadError with an explicit location (e.g. a key location) and display path.
  [[noreturn]] void failAt(SourceLocation location, const std::string& json_path,
                           const std::string& message) const;

  // Strict typed readers. The document must outlive them and must not be moved while they exist.
  ObjectReader object(const std::string& json_pointer = "") const;
  ArrayReader array(const std::string& json_pointer = "") const;

  // Range checks for values already read; they return `value` so they can wrap a read.
  // Messages: "must be between MIN and MAX, got V", "must be >= 0, got V", "must be > 0, got V".
  // NaN always fails.
  template <typename T>
  T requireRange(T value, std::type_identity_t<T> min, std::type_identity_t<T> max,
                 const std::string& json_pointer) const;
  template <typename T>
  T requireNonNegative(T value, const std::string& json_pointer) const;
  template <typename T>
  T requirePositive(T value, const std::string& json_pointer) const;

  // Appends `key` to `pointer` as one JSON-pointer segment (escaping '~' and '/').
  static std::string childPointer(const std::string& pointer, std::string_view key);
  static std::string childPointer(const std::string& pointer, std::size_t index);

  struct Locations {
    SourceLocation value;
    SourceLocation key;  // unknown (0:0) unless the value is an object member
  };

 private:
  friend class DocumentBuilder;

  JsonDocument() = default;

  std::string file_;
  nlohmann::json root_;
  std::unordered_map<std::string, Locations> locations_;
};

// "object", "array", "string", "number", "boolean" or "null".
const char* jsonTypeName(const nlohmann::json& value);
// Formats a number for messages: integers without exponent or decimals, others shortest form.
std::string formatNumber(double value);
std::string formatNumber(std::int64_t value);

namespace detail {

template <typename T>
struct IsDoubleArray : std::false_type {};
template <std::size_t N>
struct IsDoubleArray<std::array<double, N>> : std::true_type {};

template <typename T>
concept JsonInteger = std::integral<T> && !std::same_as<T, bool> && !std::same_as<T, char> &&
                      !std::same_as<T, char8_t> && !std::same_as<T, char16_t> &&
                      !std::same_as<T, char32_t> && !std::same_as<T, wchar_t> &&
                      (static_cast<std::uintmax_t>(std::numeric_limits<T>::max()) <=
                       static_cast<std::uintmax_t>(std::numeric_limits<std::int64_t>::max()));

double readDouble(const JsonDocument& doc, const nlohmann::json& value, const std::string& pointer);
std::int64_t readInteger(const JsonDocument& doc, const nlohmann::json& value,
                         const std::string& pointer, std::int64_t min, std::int64_t max);
bool readBool(const JsonDocument& doc, const nlohmann::json& value, const std::string& pointer);
std::string readString(const JsonDocument& doc, const nlohmann::json& value,
                       const std::string& pointer);
std::vector<double> readDoubleVector(const JsonDocument& doc, const nlohmann::json& value,
                                     const std::string& pointer);
void readDoubleArray(const JsonDocument& doc, const nlohmann::json& value,
                     const std::string& pointer, std::span<double> out);

std::string rangeMessage(const std::string& min, const std::string& max, const std::string& got);

template <typename T>
std::string formatForMessage(T value) {
  if constexpr (std::is_integral_v<T>) {
    return formatNumber(static_cast<std::int64_t>(value));
  } else {
    return formatNumber(static_cast<double>(value));
  }
}

}  // namespace detail

// Types the readers accept: bool, double, integers up to int64 (integral JSON numbers only,
// range-checked), std::string, std::vector<double>, std::array<double, N> (exactly N numbers).
template <typename T>
concept JsonReadable = std::same_as<T, bool> || std::same_as<T, double> || detail::JsonInteger<T> ||
    std::same_as<T, std::string> || std::same_as<T, std::vector<double>> ||
    detail::IsDoubleArray<T>::value;

// Converts `value` (located at `pointer`) to T or throws LoadError, e.g.
// "expected a number, got a string", "expected an integer, got 2.5",
// "expected an array of 3 numbers".
template <JsonReadable T>
T readValue(const JsonDocument& doc, const nlohmann::json& value, const std::string& pointer) {
  if constexpr (std::same_as<T, bool>) {
    return detail::readBool(doc, value, pointer);
  } else if constexpr (std::same_as<T, double>) {
    return detail::readDouble(doc, value, pointer);
  } else if constexpr (detail::JsonInteger<T>) {
    return static_cast<T>(detail::readInteger(
        doc, value, pointer, static_cast<std::int64_t>(std::numeric_limits<T>::min()),
        static_cast<std::int64_t>(std::numeric_limits<T>::max())));
  } else if constexpr (std::same_as<T, std::string>) {
    return detail::readString(doc, value, pointer);
  } else if constexpr (std::same_as<T, std::vector<double>>) {
    return detail::readDoubleVector(doc, value, pointer);
  } else {
    T out{};
    detail::readDoubleArray(doc, value, pointer, std::span<double>(out.data(), out.size()));
    return out;
  }
}

// Strict reader for one JSON object. Every key accessor records the key as known; finish()
// then rejects keys that were never asked about, suggesting the closest known key.
class ObjectReader {
 public:
  // Throws "expected an object, got <type>" unless `value` is an object.
  ObjectReader(const JsonDocument& doc, const nlohmann::json& value, std::string pointer);

  const JsonDocument& document() const { return *doc_; }
  const nlohmann::json& json() const { return *json_; }
  const std::string& pointer() const { return pointer_; }
  SourceLocation location() const { return doc_->locationOf(pointer_); }
  std::string childPointer(std::string_view key) const {
    return JsonDocument::childPointer(pointer_, key);
  }

  // True when `key` is present (also marks it as known).
  bool has(std::string_view key);
  // Accepts `key` without reading it (e.g. comments or fields handled elsewhere).
  void ignore(std::string_view key) { markKnown(key); }
  // Keys in document order.
  std::vector<std::string> keys() const;

  // Missing key: "missing required field "name"" at the object's location and path.
  template <JsonReadable T>
  T required(std::string_view key);
  template <JsonReadable T>
  T optional(std::string_view key, T fallback);
  template <JsonReadable T>
  std::optional<T> optional(std::string_view key);

  // Reads a number and checks it lies in [min, max] (the fallback is not checked).
  template <JsonReadable T>
  T requiredInRange(std::string_view key, std::type_identity_t<T> min, std::type_identity_t<T> max);
  template <JsonReadable T>
  T optionalInRange(std::string_view key, T fallback, std::type_identity_t<T> min,
                    std::type_identity_t<T> max);

  ObjectReader object(std::string_view key);
  std::optional<ObjectReader> optionalObject(std::string_view key);
  ArrayReader array(std::string_view key);
  std::optional<ArrayReader> optionalArray(std::string_view key);

  // Error for the object itself.
  [[noreturn]] void fail(const std::string& message) const;
  // Error for the member `key` (at its value's location).
  [[noreturn]] void fail(std::string_view key, const std::string& message) const;

  // Throws "unknown field "runtime" (did you mean "run_time"?)" for the first key (in document
  // order) that no accessor asked about, located at that key.
  void finish() const;

 private:
  void markKnown(std::string_view key);
  // Marks `key` known and returns its value or nullptr.
  const nlohmann::json* member(std::string_view key);
  const nlohmann::json& requiredMember(std::string_view key);

  const JsonDocument* doc_;
  const nlohmann::json* json_;
  std::string pointer_;
  std::vector<std::string> known_keys_;  // in the order asked, used for suggestions
};

// Strict reader for one JSON array; iterable, yielding Element with the element's pointer.
class ArrayReader {
 public:
  class Element {
   public:
    Element(const JsonDocument& doc, const nlohmann::json& value, std::size_t index,
            std::string pointer)
        : doc_(&doc), json_(&value), index_(index), pointer_(std::move(pointer)) {}

    std::size_t index() const { return index_; }
    const std::string& pointer() const { return pointer_; }
    const nlohmann::json& json() const { return *json_; }
    SourceLocation location() const { return doc_->locationOf(pointer_); }

    template <JsonReadable T>
    T as() const {
      return readValue<T>(*doc_, *json_, pointer_);
    }
    ObjectReader object() const { return ObjectReader(*doc_, *json_, pointer_); }
    ArrayReader array() const { return ArrayReader(*doc_, *json_, pointer_); }
    [[noreturn]] void fail(const std::string& message) const { doc_->fail(pointer_, message); }

   private:
    const JsonDocument* doc_;
    const nlohmann::json* json_;
    std::size_t index_;
    std::string pointer_;
  };

  class Iterator {
   public:
    using value_type = Element;
    using difference_type = std::ptrdiff_t;

    Iterator() = default;
    Iterator(const ArrayReader* array, std::size_t index) : array_(array), index_(index) {}

    Element operator*() const { return array_->at(index_); }
    Iterator& operator++() {
      ++index_;
      return *this;
    }
    Iterator operator++(int) {
      Iterator old = *this;
      ++index_;
      return old;
    }
    friend bool operator==(const Iterator& a, const Iterator& b) { return a.index_ == b.index_; }

   private:
    const ArrayReader* array_ = nullptr;
    std::size_t index_ = 0;
  };

  // Throws "expected an array, got <type>" unless `value` is an array.
  ArrayReader(const JsonDocument& doc, const nlohmann::json& value, std::string pointer);

  const nlohmann::json& json() const { return *json_; }
  const std::string& pointer() const { return pointer_; }
  SourceLocation location() const { return doc_->locationOf(pointer_); }
  std::size_t size() const { return json_->size(); }
  bool empty() const { return json_->empty(); }

  // `index` must be < size() (programming error otherwise; throws LoadError rather than crash).
  Element at(std::size_t index) const;
  template <JsonReadable T>
  T get(std::size_t index) const {
    return at(index).as<T>();
  }

  Iterator begin() const { return Iterator(this, 0); }
  Iterator end() const { return Iterator(this, size()); }

  [[noreturn]] void fail(const std::string& message) const { doc_->fail(pointer_, message); }

 private:
  const JsonDocument* doc_;
  const nlohmann::json* json_;
  std::string pointer_;
};

// ---- template definitions ----

template <typename T>
T JsonDocument::requireRange(T value, std::type_identity_t<T> min, std::type_identity_t<T> max,
                             const std::string& json_pointer) const {
  if (!(value >= min && value <= max)) {
    fail(json_pointer,
         detail::rangeMessage(detail::formatForMessage(min), detail::formatForMessage(max),
                              detail::formatForMessage(value)));
  }
  return value;
}

template <typename T>
T JsonDocument::requireNonNegative(T value, const std::string& json_pointer) const {
  if (!(value >= T{0})) fail(json_pointer, "must be >= 0, got " + detail::formatForMessage(value));
  return value;
}

template <typename T>
T JsonDocument::requirePositive(T value, const std::string& json_pointer) const {
  if (!(value > T{0})) fail(json_pointer, "must be > 0, got " + detail::formatForMessage(value));
  return value;
}

template <JsonReadable T>
T ObjectReader::required(std::string_view key) {
  return readValue<T>(*doc_, requiredMember(key), childPointer(key));
}

template <JsonReadable T>
T ObjectReader::optional(std::string_view key, T fallback) {
  const nlohmann::json* value = member(key);
  if (value == nullptr) return fallback;
  return readValue<T>(*doc_, *value, childPointer(key));
}

template <JsonReadable T>
std::optional<T> ObjectReader::optional(std::string_view key) {
  const nlohmann::json* value = member(key);
  if (value == nullptr) return std::nullopt;
  return readValue<T>(*doc_, *value, childPointer(key));
}

template <JsonReadable T>
T ObjectReader::requiredInRange(std::string_view key, std::type_identity_t<T> min,
                                std::type_identity_t<T> max) {
  if constexpr (detail::JsonInteger<T>) {
    // Checked against the documented range directly, so a huge value is not reported against
    // the limits of T ("must be between 1 and 65536", not "between -2147483648 and ...").
    return static_cast<T>(
        detail::readInteger(*doc_, requiredMember(key), childPointer(key), min, max));
  } else {
    return doc_->requireRange<T>(required<T>(key), min, max, childPointer(key));
  }
}

template <JsonReadable T>
T ObjectReader::optionalInRange(std::string_view key, T fallback, std::type_identity_t<T> min,
                                std::type_identity_t<T> max) {
  const nlohmann::json* value = member(key);
  if (value == nullptr) return fallback;
  const std::string pointer = childPointer(key);
  if constexpr (detail::JsonInteger<T>) {
    return static_cast<T>(detail::readInteger(*doc_, *value, pointer, min, max));
  } else {
    return doc_->requireRange<T>(readValue<T>(*doc_, *value, pointer), min, max, pointer);
  }
}

}  // namespace flowview::io
