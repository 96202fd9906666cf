#include "viewer/beat_jump.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <sstream>

namespace flowview::viewer {
namespace {

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::vector<std::string> words(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string word; in >> word;) out.push_back(word);
  return out;
}

}  // namespace

void BeatNumberInput::type(int digit) {
  if (digit < 0 || digit > 9) return;
  if (digits_.size() >= kMaxDigits) digits_.erase(digits_.begin());
  digits_.push_back(static_cast<char>('0' + digit));
}

std::optional<int> BeatNumberInput::take(int beat_count) {
  const std::string digits = std::move(digits_);
  digits_.clear();
  int number = 0;
  const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), number);
  if (digits.empty() || error != std::errc() || end != digits.data() + digits.size())
    return std::nullopt;
  if (number < 1 || number > beat_count) return std::nullopt;
  return number - 1;
}

std::vector<int> findBeats(const Scene& scene, std::string_view query) {
  const int count = static_cast<int>(scene.beats.size());
  const std::string q = lower(query);
  const std::vector<std::string> wanted = words(q);
  std::vector<std::pair<int, int>> ranked;  // (rank, beat)
  for (int i = 0; i < count; ++i) {
    const Beat& beat = scene.beats[static_cast<size_t>(i)];
    if (wanted.empty()) {
      ranked.emplace_back(0, i);
      continue;
    }
    const std::string name = lower(beat.name), section = lower(beat.section);
    const std::string text = section + " " + name;
    int rank = -1;
    if (std::to_string(i + 1) == q) {
      rank = 0;
    } else if (name.rfind(q, 0) == 0) {
      rank = 1;
    } else if (section.rfind(q, 0) == 0) {
      rank = 2;
    } else if (std::all_of(wanted.begin(), wanted.end(), [&](const std::string& w) {
                 return text.find(w) != std::string::npos;
               })) {
      rank = 3;
    }
    if (rank >= 0) ranked.emplace_back(rank, i);
  }
  std::stable_sort(ranked.begin(), ranked.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<int> beats;
  beats.reserve(ranked.size());
  for (const auto& [rank, beat] : ranked) beats.push_back(beat);
  return beats;
}

}  // namespace flowview::viewer
