#include "core/math/color.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <utility>

namespace flowview {

Rgb hexColor(unsigned hex) {
  return Rgb((hex >> 16 & 0xFF) / 255.0f, (hex >> 8 & 0xFF) / 255.0f, (hex & 0xFF) / 255.0f);
}

std::optional<Rgb> parseColor(std::string_view text) {
  static constexpr std::pair<std::string_view, unsigned> kNamed[] = {
      {"BLUE_E", palette::kBlueE}, {"BLUE_D", palette::kBlueD},  {"BLUE_C", palette::kBlueC},
      {"BLUE", palette::kBlueC},   {"BLUE_B", palette::kBlueB},  {"RED_E", palette::kRedE},
      {"RED_D", palette::kRedD},   {"RED_C", palette::kRedC},    {"RED", palette::kRedC},
      {"RED_B", palette::kRedB},   {"GREY_A", palette::kGreyA},  {"GREY_B", palette::kGreyB},
      {"GREY_C", palette::kGreyC}, {"GREY", palette::kGreyC},    {"GREY_D", palette::kGreyD},
      {"GREY_E", palette::kGreyE}, {"YELLOW", palette::kYellow}, {"TEAL", palette::kTeal},
      {"PINK", palette::kPink},    {"WHITE", palette::kWhite},   {"BLACK", palette::kBlack},
  };
  for (const auto& [name, hex] : kNamed) {
    if (text == name) return hexColor(hex);
  }
  if (text.size() != 7 && text.size() != 4) return std::nullopt;
  if (text[0] != '#') return std::nullopt;
  unsigned value = 0;
  for (char c : text.substr(1)) {
    int digit;
    if (c >= '0' && c <= '9')
      digit = c - '0';
    else if (c >= 'a' && c <= 'f')
      digit = c - 'a' + 10;
    else if (c >= 'A' && c <= 'F')
      digit = c - 'A' + 10;
    else
      return std::nullopt;
    value = value * 16 + static_cast<unsigned>(digit);
  }
  if (text.size() == 4) {  // #RGB -> #RRGGBB
    const unsigned r = value >> 8 & 0xF, g = value >> 4 & 0xF, b = value & 0xF;
    value = (r * 17) << 16 | (g * 17) << 8 | (b * 17);
  }
  return hexColor(value);
}

glm::vec3 rgbToHsl(Rgb c) {
  const float mx = std::max({c.r, c.g, c.b}), mn = std::min({c.r, c.g, c.b});
  const float l = 0.5f * (mx + mn);
  if (mx - mn < 1e-7f) return {0.0f, 0.0f, l};
  const float d = mx - mn;
  const float s = l > 0.5f ? d / (2.0f - mx - mn) : d / (mx + mn);
  float h;
  if (mx == c.r)
    h = (c.g - c.b) / d + (c.g < c.b ? 6.0f : 0.0f);
  else if (mx == c.g)
    h = (c.b - c.r) / d + 2.0f;
  else
    h = (c.r - c.g) / d + 4.0f;
  return {h / 6.0f, s, l};
}

namespace {
float hueToChannel(float p, float q, float t) {
  t -= std::floor(t);
  if (t < 1.0f / 6) return p + (q - p) * 6 * t;
  if (t < 0.5f) return q;
  if (t < 2.0f / 3) return p + (q - p) * (2.0f / 3 - t) * 6;
  return p;
}
}  // namespace

Rgb hslToRgb(glm::vec3 hsl) {
  const float h = hsl.x, s = hsl.y, l = hsl.z;
  if (s <= 0.0f) return Rgb(l);
  const float q = l < 0.5f ? l * (1 + s) : l + s - l * s;
  const float p = 2 * l - q;
  return {hueToChannel(p, q, h + 1.0f / 3), hueToChannel(p, q, h),
          hueToChannel(p, q, h - 1.0f / 3)};
}

Rgb interpolateHsl(Rgb a, Rgb b, float t) {
  const glm::vec3 ha = rgbToHsl(a), hb = rgbToHsl(b);
  return hslToRgb(ha + (hb - ha) * t);
}

Rgb valueToColor(float value, float max_value) {
  const float alpha = std::clamp(std::abs(value) / max_value, 0.0f, 1.0f);
  if (value >= 0)
    return interpolateHsl(hexColor(palette::kBlueE), hexColor(palette::kBlueB), alpha);
  return interpolateHsl(hexColor(palette::kRedE), hexColor(palette::kRedB), alpha);
}

}  // namespace flowview
