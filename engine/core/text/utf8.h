#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace flowview::text {

// U+FFFD REPLACEMENT CHARACTER, substituted for every ill-formed sequence.
inline constexpr char32_t kReplacementChar = 0xFFFD;

// Decodes one code point starting at `pos` and advances `pos` past it. Ill-formed input yields
// U+FFFD and skips the maximal ill-formed subpart (Unicode's "substitution of maximal subparts"
// practice, as WHATWG encoders do), so one bad byte never swallows the valid character after it.
// Requires pos < s.size(). Never allocates, so per-frame layout can use it directly.
char32_t decodeUtf8Next(std::string_view s, std::size_t& pos);

// Decodes a whole UTF-8 string; invalid bytes, overlong forms, surrogates and code points above
// U+10FFFF become U+FFFD.
std::u32string decodeUtf8(std::string_view s);

// Encodes code points as UTF-8 (the inverse of decodeUtf8 for valid input).
std::string encodeUtf8(std::u32string_view s);

}  // namespace flowview::text
