#include "cli/command_names.h"

#include <algorithm>
#include <filesystem>

#include "cli/arguments.h"

namespace flowview::cli {

namespace {

std::size_t editDistance(const std::string& a, const std::string& b) {
  std::vector<std::size_t> previous(b.size() + 1), current(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) previous[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    current[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, substitution});
    }
    std::swap(previous, current);
  }
  return previous[b.size()];
}

}  // namespace

bool looksLikeCommand(const std::string& word) {
  if (word.empty() || word.front() == '-') return false;
  if (word.find_first_of("./") != std::string::npos) return false;
  std::error_code ec;
  return !std::filesystem::exists(word, ec);
}

std::string unknownCommandMessage(const std::string& word,
                                  const std::vector<std::string>& commands) {
  std::string message = "unknown command '" + capForMessage(word) + "'";
  const std::string* best = nullptr;
  std::size_t best_distance = 0;
  if (word.size() <= 64) {
    for (const std::string& command : commands) {
      const std::size_t distance = editDistance(word, command);
      if (!best || distance < best_distance) {
        best = &command;
        best_distance = distance;
      }
    }
  }
  const std::size_t plausible = std::max<std::size_t>(2, word.size() / 3);
  if (best && best_distance <= plausible && best_distance < best->size()) {
    message += " (did you mean " + *best + "?)";
  } else {
    std::string list;
    for (const std::string& command : commands) list += (list.empty() ? "" : ", ") + command;
    message += " (commands: " + list + ")";
  }
  return message + "; to open a scene file, give its path (FILE.json)";
}

}  // namespace flowview::cli
