#include "core/text/utf8.h"

#include <cstdint>

namespace flowview::text {

char32_t decodeUtf8Next(std::string_view s, std::size_t& pos) {
  const auto byte = [&](std::size_t i) { return static_cast<std::uint8_t>(s[i]); };
  const std::uint8_t b0 = byte(pos);
  if (b0 < 0x80) {
    ++pos;
    return b0;
  }

  // Length and the allowed range of the second byte, per Unicode Table 3-7; the narrowed ranges
  // exclude overlong forms, UTF-16 surrogates and values above U+10FFFF.
  int len = 0;
  std::uint8_t lo = 0x80;
  std::uint8_t hi = 0xBF;
  char32_t cp = 0;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    len = 2;
    cp = b0 & 0x1F;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    len = 3;
    cp = b0 & 0x0F;
    if (b0 == 0xE0) lo = 0xA0;
    if (b0 == 0xED) hi = 0x9F;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    len = 4;
    cp = b0 & 0x07;
    if (b0 == 0xF0) lo = 0x90;
    if (b0 == 0xF4) hi = 0x8F;
  } else {
    // Stray continuation byte, C0/C1 (always overlong) or F5..FF.
    ++pos;
    return kReplacementChar;
  }

  std::size_t i = pos + 1;
  for (int k = 1; k < len; ++k, ++i) {
    if (i >= s.size()) {
      pos = i;  // truncated at end of input: the whole partial sequence is one error
      return kReplacementChar;
    }
    const std::uint8_t b = byte(i);
    const std::uint8_t min = (k == 1) ? lo : 0x80;
    const std::uint8_t max = (k == 1) ? hi : 0xBF;
    if (b < min || b > max) {
      pos = i;  // resume at the offending byte, it may start a valid sequence
      return kReplacementChar;
    }
    cp = (cp << 6) | (b & 0x3F);
  }
  pos = i;
  return cp;
}

std::u32string decodeUtf8(std::string_view s) {
  std::u32string out;
  out.reserve(s.size());  // never more code points than bytes
  std::size_t pos = 0;
  while (pos < s.size()) out.push_back(decodeUtf8Next(s, pos));
  return out;
}

std::string encodeUtf8(std::u32string_view s) {
  std::string out;
  for (char32_t c : s) {
    if (c < 0x80) {
      out += static_cast<char>(c);
    } else if (c < 0x800) {
      out += static_cast<char>(0xC0 | (c >> 6));
      out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
      out += static_cast<char>(0xE0 | (c >> 12));
      out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (c >> 18));
      out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (c & 0x3F));
    }
  }
  return out;
}

}  // namespace flowview::text
