#pragma once

#include <cstdio>
#include <stdexcept>
#include <string>
#include <utility>

namespace flowview::io {

// Position in a text file. Both fields are 1-based; 0 means unknown. Columns count Unicode code
// points (not bytes), so they match what editors display for UTF-8 files.
struct SourceLocation {
  int line = 0;
  int column = 0;

  bool known() const { return line > 0; }
  friend bool operator==(const SourceLocation&, const SourceLocation&) = default;
};

// The single exception type produced by the scene-file loading layer. what() is one line:
//   FILE:LINE:COLUMN: PATH: MESSAGE
// where ":LINE:COLUMN" is omitted when the location is unknown and "PATH: " is omitted when the
// JSON path is empty (whole-document errors). Control characters are escaped so the line stays
// a single line even when keys contain newlines.
class LoadError : public std::runtime_error {
 public:
  LoadError(std::string file, std::string json_path, SourceLocation location, std::string message)
      : std::runtime_error(format(file, json_path, location, message)),
        file_(std::move(file)),
        json_path_(std::move(json_path)),
        location_(location),
        message_(std::move(message)) {}

  const std::string& file() const { return file_; }
  // JSON pointer of the offending value, e.g. "/beats/3/run_time"; empty for the whole document.
  const std::string& jsonPath() const { return json_path_; }
  const SourceLocation& location() const { return location_; }
  // The bare message, without file/location/path decoration.
  const std::string& message() const { return message_; }

  static std::string format(const std::string& file, const std::string& json_path,
                            SourceLocation location, const std::string& message) {
    std::string out = oneLine(file);
    if (location.known()) {
      out += ':' + std::to_string(location.line);
      if (location.column > 0) out += ':' + std::to_string(location.column);
    }
    out += ": ";
    if (!json_path.empty()) out += oneLine(json_path) + ": ";
    out += oneLine(message);
    return out;
  }

 private:
  // Escapes control characters so that what() never spans several lines.
  static std::string oneLine(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
      const auto byte = static_cast<unsigned char>(c);
      if (c == '\n') {
        out += "\\n";
      } else if (c == '\r') {
        out += "\\r";
      } else if (c == '\t') {
        out += "\\t";
      } else if (byte < 0x20 || byte == 0x7f) {
        char buf[8];
        std::snprintf(buf, sizeof(buf), "\\x%02x", byte);
        out += buf;
      } else {
        out += c;
      }
    }
    return out;
  }

  std::string file_;
  std::string json_path_;
  SourceLocation location_;
  std::string message_;
};

}  // namespace flowview::io
