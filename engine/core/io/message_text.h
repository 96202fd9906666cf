#pragma once
// Text of messages: "did you mean" suggestions, and input quoted back cut to a bounded length.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace flowview::io {

// `text` in double quotes, with JSON escapes, for quoting keys in messages (at most
// kMaxEchoedBytes of it, then "...").
std::string quoteText(std::string_view text);
// Input quoted back in messages is cut after this many bytes ("..." marks the cut), so a
// 10 MB string or a 100,000-digit number never fills the terminal.
inline constexpr std::size_t kMaxEchoedBytes = 60;
std::string clipForMessage(std::string_view text, std::size_t max_bytes = kMaxEchoedBytes);
// The candidate closest to `name` by edit distance, or nullptr when none is plausibly a typo.
const std::string* closestName(const std::string& name, const std::vector<std::string>& candidates);

}  // namespace flowview::io
