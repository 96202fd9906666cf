// Text of messages: "did you mean" suggestions and input quoted back, cut to a bounded length.
#include "core/io/message_text.h"

#include <algorithm>
#include <cstdio>

namespace flowview::io {
namespace {

// Bounded Levenshtein distance: returns limit + 1 as soon as the result must exceed `limit`.
std::size_t editDistance(std::string_view a, std::string_view b, std::size_t limit) {
  const std::size_t length_gap = a.size() > b.size() ? a.size() - b.size() : b.size() - a.size();
  if (length_gap > limit) return limit + 1;
  std::vector<std::size_t> previous(b.size() + 1);
  std::vector<std::size_t> current(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) previous[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    current[0] = i;
    std::size_t row_min = current[0];
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, substitution});
      row_min = std::min(row_min, current[j]);
    }
    if (row_min > limit) return limit + 1;
    std::swap(previous, current);
  }
  return previous[b.size()];
}

// The known key closest to `key`, or nullptr when none is plausibly a typo of it.
const std::string* suggestKey(const std::string& key, const std::vector<std::string>& known) {
  const std::size_t limit = std::max<std::size_t>(2, key.size() / 3);
  const std::string* best = nullptr;
  std::size_t best_distance = limit + 1;
  for (const std::string& candidate : known) {
    const std::size_t distance = editDistance(key, candidate, limit);
    // A distance equal to the longer length means nothing in common ("x" vs "y").
    if (distance < best_distance && distance < std::max(key.size(), candidate.size())) {
      best = &candidate;
      best_distance = distance;
    }
  }
  return best;
}

}  // namespace

const std::string* closestName(const std::string& name,
                               const std::vector<std::string>& candidates) {
  return suggestKey(name, candidates);
}

namespace {
// Where to cut `text` to at most `max_bytes` without splitting a UTF-8 sequence.
std::size_t clipEnd(std::string_view text, std::size_t max_bytes) {
  if (text.size() <= max_bytes) return text.size();
  std::size_t end = max_bytes;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return end;
}
}  // namespace

std::string clipForMessage(std::string_view text, std::size_t max_bytes) {
  const std::size_t end = clipEnd(text, max_bytes);
  if (end == text.size()) return std::string(text);
  return std::string(text.substr(0, end)) + "... (" + std::to_string(text.size()) + " bytes)";
}

std::string quoteText(std::string_view text) {
  std::string out = "\"";
  const bool clipped = text.size() > kMaxEchoedBytes;
  if (clipped) text = text.substr(0, clipEnd(text, kMaxEchoedBytes));
  for (char c : text) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char buffer[8];
          std::snprintf(buffer, sizeof(buffer), "\\u%04x", static_cast<unsigned char>(c));
          out += buffer;
        } else {
          out += c;
        }
    }
  }
  out += '"';
  if (clipped) out += "...";
  return out;
}

}  // namespace flowview::io
