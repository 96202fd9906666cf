// Math letters in formulas are italic as in TeX (issue 13): the formula layout sets Latin letters
// as Unicode math italic code points, \text{} keeps them upright, and the atlas draws those from
// CMU Serif's italic face (or slants the upright letter when there is no italic face).
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "core/text/font_locator.h"
#include "core/text/formula.h"
#include "core/text/glyph_atlas.h"

namespace flowview::text {
namespace {

// The slant of a glyph's stems: how far the ink's horizontal centre moves right per unit of
// height, from the bottom quarter of its SDF rectangle to the top quarter (0 for an upright I).
float shear(const GlyphAtlas& atlas, const GlyphInfo& g) {
  const int x0 = static_cast<int>(std::lround(g.u0 * atlas.width()));
  const int y0 = static_cast<int>(std::lround(g.v0 * atlas.height()));
  const int x1 = static_cast<int>(std::lround(g.u1 * atlas.width()));
  const int y1 = static_cast<int>(std::lround(g.v1 * atlas.height()));
  auto centre = [&](int r0, int r1) {  // mean x of the inside texels in rows [r0, r1)
    double sum = 0;
    int n = 0;
    for (int y = r0; y < r1; ++y) {
      for (int x = x0; x < x1; ++x) {
        if (atlas.pixels()[static_cast<size_t>(y) * atlas.width() + x] > 128) sum += x, ++n;
      }
    }
    return n ? sum / n : 0.0;
  };
  const int h = y1 - y0;
  // Atlas rows grow downward: the top quarter comes first.
  const double top = centre(y0 + h / 8, y0 + 3 * h / 8),
               bottom = centre(y1 - 3 * h / 8, y1 - h / 8);
  return static_cast<float>((top - bottom) / (0.5 * h));
}

TEST(MathItalic, CodePointsRoundTrip) {
  EXPECT_EQ(mathItalic('Q'), 0x1D444u);
  EXPECT_EQ(mathItalic('d'), 0x1D451u);
  EXPECT_EQ(mathItalic('h'), 0x210Eu);  // U+1D455 is reserved
  EXPECT_EQ(mathItalic('7'), U'7');
  for (char32_t c : std::u32string(U"AZaz hQKVk")) {
    if (c == ' ') continue;
    EXPECT_EQ(mathItalicBase(mathItalic(c)), c);
  }
  EXPECT_EQ(mathItalicBase(U'Q'), 0u);
  EXPECT_EQ(mathItalicBase(0x1D455), 0u);
}

TEST(MathItalic, LocatorFindsCmuSerifItalic) {
  const FontFiles fonts = locateFonts();
  ASSERT_FALSE(fonts.italic.empty());
  EXPECT_EQ(fontFamilyOf(fonts.italic), "CMU Serif") << fonts.italic;
  EXPECT_NE(fonts.italic, fonts.primary);
}

// Before the fix every formula letter was the upright glyph: shear 0.
TEST(MathItalic, FormulaLettersAreSlantedDigitsAndTextStayUpright) {
  GlyphAtlas atlas{locateFonts()};
  AtlasMetrics metrics(atlas);
  const FormulaBox box = layoutFormula(metrics, "\\text{softmax}(QK^T) V_2");
  std::u32string all;
  for (const FormulaRun& r : box.runs) all += r.text;
  EXPECT_NE(all.find(U"softmax"), std::u32string::npos) << "\\text{} keeps letters upright";
  for (char32_t c : {U'Q', U'K', U'T', U'V'}) {
    EXPECT_NE(all.find(mathItalic(c)), std::u32string::npos) << static_cast<char>(c);
    EXPECT_EQ(all.find(c), std::u32string::npos) << static_cast<char>(c) << " upright";
  }
  EXPECT_NE(all.find(U'2'), std::u32string::npos) << "digits stay upright";

  const GlyphInfo upright_i = *atlas.glyph(U'I');
  const GlyphInfo italic_i = *atlas.glyph(mathItalic(U'I'));
  const GlyphInfo italic_l = *atlas.glyph(mathItalic(U'l'));
  std::printf("shear: I %.3f, italic I %.3f, italic l %.3f\n", shear(atlas, upright_i),
              shear(atlas, italic_i), shear(atlas, italic_l));
  EXPECT_LT(std::abs(shear(atlas, upright_i)), 0.05f);
  EXPECT_GT(shear(atlas, italic_i), 0.15f);  // CMU Serif Italic leans about 14 degrees (0.25)
  EXPECT_GT(shear(atlas, italic_l), 0.1f);   // its curled foot pulls the lower centre right
}

// A font without an italic face: the upright letter is slanted.
TEST(MathItalic, WithoutAnItalicFaceTheLetterIsSlanted) {
  FontFiles fonts = locateFonts();
  fonts.italic.clear();
  GlyphAtlas atlas{fonts};
  EXPECT_GT(shear(atlas, *atlas.glyph(mathItalic(U'I'))), 0.15f);
  EXPECT_EQ(atlas.faceIndex(mathItalic(U'I')), 0);
}

}  // namespace
}  // namespace flowview::text
