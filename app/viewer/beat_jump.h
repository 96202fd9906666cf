#pragma once
// Going to a beat without the mouse: a beat number typed digit by digit then Enter (as reveal.js
// does), and the palette's search of beats by number, name or section. Pure logic.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/scene/scene.h"

namespace flowview::viewer {

class BeatNumberInput {
 public:
  static constexpr size_t kMaxDigits = 4;

  // Appends a digit (0-9; others are ignored); past kMaxDigits the oldest digit drops.
  void type(int digit);
  // The 0-based beat the typed 1-based number names, if it is one of `beat_count`. Clears the
  // input either way.
  std::optional<int> take(int beat_count);
  void clear() { digits_.clear(); }
  const std::string& text() const { return digits_; }
  bool empty() const { return digits_.empty(); }

 private:
  std::string digits_;
};

// Beats matching `query`, best first: a 1-based beat number, then beats whose name starts with
// the query, then whose section does, then every beat whose "section name" text holds all the
// query's words (case-insensitive). An empty query lists every beat in order.
std::vector<int> findBeats(const Scene& scene, std::string_view query);

}  // namespace flowview::viewer
