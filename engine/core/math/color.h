#pragma once
// Colors: manim's palette and the HSL helpers the scene uses (random bright colors, entry shading).
#include <glm/vec3.hpp>
#include <glm/vec4.hpp>
#include <optional>
#include <string_view>

namespace flowview {

using Rgb = glm::vec3;  // linear 0..1 components, as manim stores them (no gamma handling)

Rgb hexColor(unsigned hex);  // 0xRRGGBB
// "#RRGGBB", "#RGB" or a manim palette name ("BLUE_E", "GREY_B", "YELLOW", ...).
std::optional<Rgb> parseColor(std::string_view text);

glm::vec3 rgbToHsl(Rgb rgb);
Rgb hslToRgb(glm::vec3 hsl);
// Interpolates in HSL, as manim's interpolate_color_by_hsl does (hue takes the direct path).
Rgb interpolateHsl(Rgb a, Rgb b, float t);

namespace palette {
inline constexpr unsigned kBlueE = 0x1C758A, kBlueD = 0x29ABCA, kBlueC = 0x58C4DD,
                          kBlueB = 0x9CDCEB, kRedE = 0xCF5044, kRedD = 0xE65A4C, kRedC = 0xFC6255,
                          kRedB = 0xFF8080, kGreyA = 0xDDDDDD, kGreyB = 0xBBBBBB, kGreyC = 0x888888,
                          kGreyD = 0x444444, kGreyE = 0x222222, kYellow = 0xFFFF00,
                          kTeal = 0x5CD0B3, kPink = 0xD147BD, kWhite = 0xFFFFFF, kBlack = 0x000000;
}

// The MLP connection color: v >= 0 -> BLUE_E..BLUE_B by |v|/10, v < 0 -> RED_E..RED_B.
Rgb valueToColor(float value, float max_value = 10.0f);

}  // namespace flowview
