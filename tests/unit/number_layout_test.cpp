// layoutNumberInto: numbers set the way manim's DecimalNumber sets them (ink boxes a fixed gap
// apart, bottoms on one line, an en dash centred on the next character, a dropped comma), with
// the real fonts (CMU Serif through fontconfig).
#include <gtest/gtest.h>

#include <cmath>

#include "core/text/font_locator.h"
#include "core/text/glyph_atlas.h"
#include "core/text/number_layout.h"
#include "core/text/text_layout.h"

namespace flowview::text {
namespace {

GlyphAtlas& atlas() {
  static GlyphAtlas a{locateFonts()};
  return a;
}

// The ink box of quad i of a layout, from the glyph it shows (quads carry the SDF margin).
struct Ink {
  float x0, y0, x1, y1;
};
Ink inkOf(const GlyphQuad& q, char32_t c) {
  const GlyphInfo* g = atlas().glyph(c);
  const float dx = q.x0 - g->plane_left, dy = q.y0 - g->plane_bottom;
  return {dx + g->ink_left, dy + g->ink_bottom, dx + g->ink_right, dy + g->ink_top};
}

TEST(NumberLayout, InkBoxesSitAFixedGapApartOnOneBottomLine) {
  TextLayout l;
  layoutNumberInto(atlas(), "5.4", l);
  ASSERT_EQ(l.quads.size(), 3u);
  const Ink five = inkOf(l.quads[0], U'5'), dot = inkOf(l.quads[1], U'.');
  const Ink four = inkOf(l.quads[2], U'4');
  EXPECT_NEAR(dot.x0 - five.x1, kNumberInkGapEm, 1e-5f);
  EXPECT_NEAR(four.x0 - dot.x1, kNumberInkGapEm, 1e-5f);
  // manim's arrange(aligned_edge=DOWN): the dot and the 4 (which sit on the baseline) drop to the
  // 5's overshoot below it.
  EXPECT_NEAR(dot.y0, five.y0, 1e-5f);
  EXPECT_NEAR(four.y0, five.y0, 1e-5f);
  // Centred on its ink, which is the three inks and two gaps wide.
  EXPECT_NEAR(five.x0, -four.x1, 1e-5f);
  EXPECT_NEAR(l.width,
              (five.x1 - five.x0) + (dot.x1 - dot.x0) + (four.x1 - four.x0) + 2 * kNumberInkGapEm,
              1e-5f);
  // Tighter than the font's advances (CMU Serif leaves 0.12-0.14 em around its digits).
  EXPECT_LT(l.width + 0.05f, layoutText(atlas(), "5.4").width);
}

TEST(NumberLayout, MinusIsAnEnDashCentredOnTheNextDigit) {
  TextLayout l;
  layoutNumberInto(atlas(), "-1.5", l);
  ASSERT_EQ(l.quads.size(), 4u);
  const GlyphInfo* dash = atlas().glyph(0x2013);
  EXPECT_EQ(l.quads[0].u0, dash->u0);  // the en dash's glyph, not the hyphen's
  const Ink minus = inkOf(l.quads[0], 0x2013), one = inkOf(l.quads[1], U'1');
  EXPECT_NEAR(0.5f * (minus.y0 + minus.y1), 0.5f * (one.y0 + one.y1), 1e-5f);
  EXPECT_NEAR(one.x0 - minus.x1, kNumberInkGapEm, 1e-5f);
}

TEST(NumberLayout, CommaDropsByHalfItsHeight) {
  TextLayout l;
  layoutNumberInto(atlas(), "2,048", l);
  ASSERT_EQ(l.quads.size(), 5u);
  const Ink two = inkOf(l.quads[0], U'2'), comma = inkOf(l.quads[1], U',');
  EXPECT_NEAR(comma.y0, two.y0 - 0.5f * (comma.y1 - comma.y0), 1e-5f);
}

TEST(NumberLayout, SuffixFollowsAndEmptyTextIsEmpty) {
  TextLayout l;
  layoutNumberInto(atlas(), "8.82%", l);
  ASSERT_EQ(l.quads.size(), 5u);
  const Ink two = inkOf(l.quads[3], U'2'), percent = inkOf(l.quads[4], U'%');
  EXPECT_NEAR(percent.x0 - two.x1, kNumberInkGapEm, 1e-5f);
  layoutNumberInto(atlas(), "", l);
  EXPECT_TRUE(l.quads.empty());
  EXPECT_EQ(l.width, 0.0f);
}

}  // namespace
}  // namespace flowview::text
