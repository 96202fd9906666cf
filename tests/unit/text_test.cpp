// Tests for the GL-free text module: UTF-8 decoding, fontconfig font lookup, the FreeType SDF
// glyph atlas and text layout. They use the fonts installed on the machine (fonts-cmu,
// fonts-dejavu-core) and locate them through fontconfig, never by path.

#include <gtest/gtest.h>

#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <random>
#include <stdexcept>
#include <string>

#include "core/text/font_locator.h"
#include "core/text/glyph_atlas.h"
#include "core/text/text_layout.h"
#include "core/text/utf8.h"

namespace flowview::text {
namespace {

constexpr char32_t kFffd = 0xFFFD;

// Sets an environment variable for the scope of a test and restores the old value.
class ScopedEnv {
 public:
  ScopedEnv(const char* name, const std::string& value) : name_(name) {
    if (const char* old = std::getenv(name)) old_ = old;
    setenv(name, value.c_str(), 1);
  }
  ~ScopedEnv() {
    if (old_) {
      setenv(name_, old_->c_str(), 1);
    } else {
      unsetenv(name_);
    }
  }
  ScopedEnv(const ScopedEnv&) = delete;
  ScopedEnv& operator=(const ScopedEnv&) = delete;

 private:
  const char* name_;
  std::optional<std::string> old_;
};

std::uint8_t texel(const GlyphAtlas& atlas, int x, int y) {
  return atlas.pixels()[static_cast<std::size_t>(y) * atlas.width() + x];
}

struct PixelRect {
  int x0, y0, x1, y1;  // half-open
};

PixelRect rectOf(const GlyphAtlas& atlas, const GlyphInfo& g) {
  return {static_cast<int>(std::lround(g.u0 * atlas.width())),
          static_cast<int>(std::lround(g.v0 * atlas.height())),
          static_cast<int>(std::lround(g.u1 * atlas.width())),
          static_cast<int>(std::lround(g.v1 * atlas.height()))};
}

std::vector<std::uint8_t> copyRect(const GlyphAtlas& atlas, const PixelRect& r) {
  std::vector<std::uint8_t> out;
  for (int y = r.y0; y < r.y1; ++y) {
    for (int x = r.x0; x < r.x1; ++x) out.push_back(texel(atlas, x, y));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// UTF-8

TEST(Utf8, DecodesValidSequences) {
  EXPECT_EQ(decodeUtf8(""), U"");
  EXPECT_EQ(decodeUtf8("Attention"), U"Attention");
  EXPECT_EQ(decodeUtf8("\xC3\xA9"), U"\u00E9");              // é, 2 bytes
  EXPECT_EQ(decodeUtf8("\xE2\x86\x92 x"), U"\u2192 x");      // →, 3 bytes
  EXPECT_EQ(decodeUtf8("\xF0\x9F\x98\x80"), U"\U0001F600");  // 4 bytes
  EXPECT_EQ(decodeUtf8("\xF4\x8F\xBF\xBF"), U"\U0010FFFF");  // highest code point
  EXPECT_EQ(decodeUtf8(std::string_view("a\0b", 3)), std::u32string(U"a\0b", 3));
}

TEST(Utf8, InvalidBytesBecomeReplacementCharacter) {
  // Lone continuation byte and bytes that never occur in UTF-8.
  EXPECT_EQ(decodeUtf8("a\x80z"), U"a\uFFFDz");
  EXPECT_EQ(decodeUtf8("\xFF\xFE"), U"\uFFFD\uFFFD");
  // Truncated sequence at the end: one replacement for the whole partial sequence.
  EXPECT_EQ(decodeUtf8("x\xE2\x82"), U"x\uFFFD");
  // A bad continuation ends the error; the offending byte starts afresh.
  EXPECT_EQ(decodeUtf8("\xE2\x28\xA1"), U"\uFFFD(\uFFFD");
  EXPECT_EQ(decodeUtf8("\xC3"
                       "A"),
            U"\uFFFDA");
  // Overlong forms, UTF-16 surrogates and values above U+10FFFF are ill-formed.
  EXPECT_EQ(decodeUtf8("\xC0\xAF"), U"\uFFFD\uFFFD");
  EXPECT_EQ(decodeUtf8("\xE0\x80\xAF"), U"\uFFFD\uFFFD\uFFFD");
  EXPECT_EQ(decodeUtf8("\xED\xA0\x80"), U"\uFFFD\uFFFD\uFFFD");
  EXPECT_EQ(decodeUtf8("\xF4\x90\x80\x80"), U"\uFFFD\uFFFD\uFFFD\uFFFD");
}

TEST(Utf8, RandomBytesNeverCrashAndYieldValidCodePoints) {
  std::mt19937 rng(1234);
  std::uniform_int_distribution<int> byte(0, 255);
  std::uniform_int_distribution<int> length(0, 64);
  for (int round = 0; round < 2000; ++round) {
    std::string s(length(rng), '\0');
    for (char& c : s) c = static_cast<char>(byte(rng));
    const std::u32string out = decodeUtf8(s);
    EXPECT_LE(out.size(), s.size());
    for (char32_t c : out) {
      EXPECT_LE(c, 0x10FFFFu);
      EXPECT_FALSE(c >= 0xD800 && c <= 0xDFFF);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Font lookup

TEST(FontLocator, FindsCmuSerifWithDejaVuFallbacks) {
  ScopedEnv env("FLOWVIEW_FONT", "");  // an empty variable means "not set"
  const FontFiles fonts = locateFonts();
  ASSERT_FALSE(fonts.primary.empty());
  EXPECT_TRUE(std::filesystem::is_regular_file(fonts.primary));
  EXPECT_EQ(fontFamilyOf(fonts.primary), "CMU Serif") << fonts.primary;
  ASSERT_EQ(fonts.fallbacks.size(), 2u);
  EXPECT_EQ(fontFamilyOf(fonts.fallbacks[0]), "DejaVu Sans");
  EXPECT_EQ(fontFamilyOf(fonts.fallbacks[1]), "DejaVu Serif");
}

TEST(FontLocator, RejectsFontconfigSubstitutes) {
  // fontconfig would answer with some other family; that must not count as a match.
  EXPECT_EQ(findFontFamily("No Such Family Flowview"), "");
  EXPECT_FALSE(findFontFamily("DejaVu Sans").empty());
  EXPECT_EQ(fontFamilyOf(findFontFamily("DejaVu Sans")), "DejaVu Sans");
  EXPECT_EQ(fontFamilyOf("/nonexistent/font.ttf"), "");
}

TEST(FontLocator, ExplicitOverrideWins) {
  const std::string dejavu = findFontFamily("DejaVu Sans");
  const std::string serif = findFontFamily("DejaVu Serif");
  ASSERT_FALSE(dejavu.empty());
  ASSERT_FALSE(serif.empty());

  const FontFiles fonts = locateFonts(dejavu);
  EXPECT_EQ(fonts.primary, dejavu);
  // The primary is not repeated as a fallback.
  EXPECT_EQ(std::count(fonts.fallbacks.begin(), fonts.fallbacks.end(), dejavu), 0);
  EXPECT_EQ(std::count(fonts.fallbacks.begin(), fonts.fallbacks.end(), serif), 1);

  ScopedEnv env("FLOWVIEW_FONT", serif);
  EXPECT_EQ(locateFonts(dejavu).primary, dejavu);  // the argument beats the environment
}

TEST(FontLocator, HonoursEnvironmentVariable) {
  const std::string dejavu = findFontFamily("DejaVu Sans");
  ASSERT_FALSE(dejavu.empty());
  ScopedEnv env("FLOWVIEW_FONT", dejavu);
  EXPECT_EQ(locateFonts().primary, dejavu);
}

TEST(FontLocator, MissingOverrideFileIsAnError) {
  const std::string missing = "/nonexistent/flowview/font.ttf";
  try {
    locateFonts(missing);
    FAIL() << "expected std::runtime_error";
  } catch (const std::runtime_error& e) {
    EXPECT_EQ(std::string(e.what()), "font file not found: " + missing);
  }
  ScopedEnv env("FLOWVIEW_FONT", missing);
  EXPECT_THROW(locateFonts(), std::runtime_error);
}

TEST(FontLocator, NoFontsAtAllIsAClearError) {
  // A fontconfig configuration without font directories.
  const auto config = std::filesystem::temp_directory_path() /
                      ("flowview_empty_fonts_" + std::to_string(getpid()) + ".conf");
  {
    std::ofstream out(config);
    out << "<?xml version=\"1.0\"?>\n<!DOCTYPE fontconfig SYSTEM \"fonts.dtd\">\n"
           "<fontconfig></fontconfig>\n";
  }
  {
    ScopedEnv env("FONTCONFIG_FILE", config.string());
    ScopedEnv font_env("FLOWVIEW_FONT", "");
    try {
      locateFonts();
      ADD_FAILURE() << "expected std::runtime_error";
    } catch (const std::runtime_error& e) {
      EXPECT_EQ(std::string(e.what()),
                "no usable font found: tried CMU Serif, DejaVu Serif, DejaVu Sans via fontconfig");
    }
  }
  std::filesystem::remove(config);
}

// ---------------------------------------------------------------------------------------------
// Atlas (one shared instance: building it renders ~115 SDF glyphs)

class AtlasTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    ScopedEnv env("FLOWVIEW_FONT", "");
    fonts_ = new FontFiles(locateFonts());
    atlas_ = new GlyphAtlas(*fonts_);
  }
  static void TearDownTestSuite() {
    delete atlas_;
    delete fonts_;
    atlas_ = nullptr;
    fonts_ = nullptr;
  }
  static FontFiles* fonts_;
  static GlyphAtlas* atlas_;
};
FontFiles* AtlasTest::fonts_ = nullptr;
GlyphAtlas* AtlasTest::atlas_ = nullptr;

TEST_F(AtlasTest, BasicProperties) {
  GlyphAtlas& atlas = *atlas_;
  EXPECT_EQ(atlas.width(), 1024);  // the preloaded set fits the initial size
  EXPECT_EQ(atlas.height(), 1024);
  EXPECT_EQ(atlas.pixels().size(), 1024u * 1024u);
  EXPECT_GT(atlas.revision(), 0u);
  EXPECT_FLOAT_EQ(atlas.spreadInEm(), 8.0f / 48.0f);
  EXPECT_GT(atlas.ascender(), 0.5f);
  EXPECT_LT(atlas.descender(), 0.0f);
  EXPECT_GE(atlas.lineHeight(), atlas.ascender() - atlas.descender());
}

TEST_F(AtlasTest, GlyphAHasSdfWithFreeTypeConvention) {
  GlyphAtlas& atlas = *atlas_;
  const GlyphInfo* a = atlas.glyph(U'A');
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(atlas.faceIndex(U'A'), 0);
  EXPECT_TRUE(a->hasQuad());
  EXPECT_GT(a->advance, 0.3f);
  EXPECT_LT(a->advance, 1.2f);
  // The quad includes the spread margin around the ink on every side.
  const float spread = atlas.spreadInEm();
  EXPECT_LE(a->plane_left, a->ink_left - spread + 1e-4f);
  EXPECT_LE(a->plane_bottom, a->ink_bottom - spread + 1e-4f);
  EXPECT_GE(a->plane_right, a->ink_right + spread - 1e-4f);
  EXPECT_GE(a->plane_top, a->ink_top + spread - 1e-4f);
  // ... by at most one pixel more (FreeType rounds the box out to whole pixels).
  EXPECT_GE(a->plane_left, a->ink_left - spread - 1.0f / 48.0f - 1e-4f);
  EXPECT_LE(a->plane_top, a->ink_top + spread + 1.0f / 48.0f + 1e-4f);

  // UV rect size matches the quad size in pixels.
  const PixelRect r = rectOf(atlas, *a);
  EXPECT_NEAR(r.x1 - r.x0, (a->plane_right - a->plane_left) * 48.0f, 0.01f);
  EXPECT_NEAR(r.y1 - r.y0, (a->plane_top - a->plane_bottom) * 48.0f, 0.01f);

  // Far outside (the corners, a spread away from the ink box): well below 128.
  EXPECT_LT(texel(atlas, r.x0, r.y0), 40);
  EXPECT_LT(texel(atlas, r.x1 - 1, r.y0), 40);
  EXPECT_LT(texel(atlas, r.x0, r.y1 - 1), 40);
  EXPECT_LT(texel(atlas, r.x1 - 1, r.y1 - 1), 40);
  // Somewhere inside the strokes: above 128.
  int max_value = 0;
  for (int y = r.y0; y < r.y1; ++y) {
    for (int x = r.x0; x < r.x1; ++x) max_value = std::max<int>(max_value, texel(atlas, x, y));
  }
  EXPECT_GT(max_value, 150);
}

TEST_F(AtlasTest, InsideIsAbove128AndRisesTowardsTheInk) {
  // A row through the middle of 'I' crosses a plain vertical stem.
  GlyphAtlas& atlas = *atlas_;
  const GlyphInfo* stem = atlas.glyph(U'I');
  ASSERT_NE(stem, nullptr);
  const PixelRect r = rectOf(atlas, *stem);
  const int cy = (r.y0 + r.y1) / 2;
  EXPECT_GT(texel(atlas, (r.x0 + r.x1) / 2, cy), 128);
  EXPECT_EQ(texel(atlas, r.x0, cy), 0);  // a full spread (or more) outside

  int edge = r.x0;
  while (edge < r.x1 && texel(atlas, edge, cy) < 128) ++edge;
  ASSERT_LT(edge, r.x1);
  ASSERT_GE(edge - r.x0, 4);
  // Approaching the outline from outside the value rises steadily, about 128 / spread per pixel.
  for (int x = edge - 4; x < edge; ++x) {
    EXPECT_GT(texel(atlas, x, cy), texel(atlas, x - 1, cy));
    EXPECT_LT(texel(atlas, x, cy), 128);
  }
  const int step = texel(atlas, edge - 1, cy) - texel(atlas, edge - 2, cy);
  EXPECT_NEAR(step, 128 / 8, 3);
}

TEST_F(AtlasTest, SpaceHasAdvanceButNoQuad) {
  const GlyphInfo* space = atlas_->glyph(U' ');
  ASSERT_NE(space, nullptr);
  EXPECT_FALSE(space->hasQuad());
  EXPECT_GT(space->advance, 0.1f);
}

TEST_F(AtlasTest, GlyphsMissingFromCmuComeFromFallback) {
  GlyphAtlas& atlas = *atlas_;
  // CMU Serif has U+2026 and U+2192 but not U+2264 (≤), U+221E (∞) or U+FFFD.
  ASSERT_NE(atlas.glyph(U'\u2026'), nullptr);
  EXPECT_EQ(atlas.faceIndex(U'\u2026'), 0);
  EXPECT_EQ(atlas.faceIndex(U'\u2192'), 0);
  for (char32_t c : {U'\u2264', U'\u221E', kFffd}) {
    const GlyphInfo* g = atlas.glyph(c);
    ASSERT_NE(g, nullptr);
    EXPECT_TRUE(g->hasQuad());
    EXPECT_EQ(atlas.faceIndex(c), 1)
        << "U+" << std::hex << static_cast<unsigned>(c);  // DejaVu Sans
  }
}

TEST_F(AtlasTest, UnknownCodePointUsesReplacementGlyph) {
  GlyphAtlas& atlas = *atlas_;
  const GlyphInfo* replacement = atlas.glyph(kFffd);
  const GlyphInfo* unknown = atlas.glyph(U'\uE000');  // private use: in none of the fonts
  ASSERT_NE(unknown, nullptr);
  EXPECT_EQ(unknown, replacement);
  EXPECT_EQ(atlas.faceIndex(U'\uE000'), -1);
  EXPECT_EQ(atlas.glyph(U'\uE000'), replacement);  // cached
}

TEST_F(AtlasTest, PreloadedGlyphsDoNotOverlap) {
  GlyphAtlas& atlas = *atlas_;
  std::vector<PixelRect> rects;
  for (char32_t c = 0x21; c < 0x7F; ++c) {
    const GlyphInfo* g = atlas.glyph(c);
    ASSERT_NE(g, nullptr);
    ASSERT_TRUE(g->hasQuad());
    const PixelRect r = rectOf(atlas, *g);
    EXPECT_GE(r.x0, 1);
    EXPECT_GE(r.y0, 1);
    EXPECT_LE(r.x1, atlas.width() - 1);
    EXPECT_LE(r.y1, atlas.height() - 1);
    for (const PixelRect& o : rects) {
      // At least one texel of padding between glyphs.
      const bool apart = r.x1 < o.x0 || o.x1 < r.x0 || r.y1 < o.y0 || o.y1 < r.y0;
      EXPECT_TRUE(apart) << "glyph U+" << std::hex << static_cast<unsigned>(c);
    }
    rects.push_back(r);
  }
}

TEST_F(AtlasTest, CmuSerifHasNoKernTable) {
  // CMU Serif only has GPOS kerning, which FreeType alone does not apply.
  EXPECT_EQ(atlas_->kerning(U'A', U'V'), 0.0f);
  EXPECT_EQ(atlas_->kerning(U'A', U'\u2264'), 0.0f);  // different fonts never kern
}

TEST(GlyphAtlas, KerningFromKernTable) {
  // DejaVu Sans has a 'kern' table with a negative A-V pair.
  FontFiles fonts{findFontFamily("DejaVu Sans"), {}};
  ASSERT_FALSE(fonts.primary.empty());
  GlyphAtlas atlas(fonts);
  const float kern = atlas.kerning(U'A', U'V');
  EXPECT_LT(kern, -0.01f);
  EXPECT_GT(kern, -0.3f);

  // The layout applies it: "AV" is narrower than its glyphs' advances suggest.
  const TextLayout av = layoutText(atlas, "AV");
  const GlyphInfo* a = atlas.glyph(U'A');
  const GlyphInfo* v = atlas.glyph(U'V');
  const float unkerned = a->advance + v->ink_right - a->ink_left;
  EXPECT_NEAR(av.width, unkerned + kern, 1e-4f);
}

TEST(GlyphAtlas, RejectsBadArgumentsAndFonts) {
  const FontFiles fonts{findFontFamily("DejaVu Sans"), {}};
  EXPECT_THROW(GlyphAtlas(fonts, 48, 1), std::invalid_argument);
  EXPECT_THROW(GlyphAtlas(fonts, 48, 33), std::invalid_argument);
  EXPECT_THROW(GlyphAtlas(fonts, 0, 8), std::invalid_argument);
  EXPECT_THROW(GlyphAtlas(FontFiles{"/nonexistent/font.ttf", {}}), std::runtime_error);
}

TEST(GlyphAtlas, GrowsAndRepacksKeepingGlyphs) {
  const FontFiles fonts{findFontFamily("DejaVu Sans"), {}};
  GlyphAtlas atlas(fonts);
  ASSERT_EQ(atlas.width(), 1024);
  const GlyphInfo* a = atlas.glyph(U'A');
  const std::vector<std::uint8_t> before = copyRect(atlas, rectOf(atlas, *a));
  const std::uint64_t revision = atlas.revision();
  EXPECT_EQ(atlas.packGeneration(), 0u);

  // Greek and Cyrillic: several hundred more glyphs than fit in 1024x1024.
  std::u32string many;
  for (char32_t c = 0x370; c < 0x530; ++c) many.push_back(c);
  atlas.preload(many);

  EXPECT_EQ(atlas.width(), 2048);
  EXPECT_EQ(atlas.height(), 2048);
  EXPECT_EQ(atlas.pixels().size(), 2048u * 2048u);
  EXPECT_GE(atlas.packGeneration(), 1u);
  EXPECT_GT(atlas.revision(), revision);
  // Same GlyphInfo object, updated UVs, identical pixels.
  EXPECT_EQ(atlas.glyph(U'A'), a);
  EXPECT_EQ(copyRect(atlas, rectOf(atlas, *a)), before);
}

// ---------------------------------------------------------------------------------------------
// Layout

using LayoutTest = AtlasTest;

float minX(const TextLayout& l) {
  float v = 1e9f;
  for (const GlyphQuad& q : l.quads) v = std::min(v, q.x0);
  return v;
}
float maxX(const TextLayout& l) {
  float v = -1e9f;
  for (const GlyphQuad& q : l.quads) v = std::max(v, q.x1);
  return v;
}

TEST_F(LayoutTest, SingleLineIsCentredAndWider) {
  GlyphAtlas& atlas = *atlas_;
  const TextLayout a = layoutText(atlas, "A");
  const TextLayout ab = layoutText(atlas, "AB");
  ASSERT_EQ(a.quads.size(), 1u);
  ASSERT_EQ(ab.quads.size(), 2u);
  EXPECT_EQ(ab.glyph_count, 2);
  EXPECT_GT(ab.width, a.width);
  EXPECT_LT(ab.quads[0].x0, ab.quads[1].x0);

  const GlyphInfo* ga = atlas.glyph(U'A');
  EXPECT_NEAR(a.width, ga->ink_right - ga->ink_left, 1e-5f);
  EXPECT_NEAR(a.height, ga->ink_top - ga->ink_bottom, 1e-5f);

  // Ink centred on the origin; quads (ink + spread, rounded out to pixels) nearly symmetric.
  const float pixel = 1.0f / 48.0f;
  for (const TextLayout* l : {&a, &ab}) {
    EXPECT_NEAR(minX(*l), -maxX(*l), 1.5f * pixel);
    EXPECT_NEAR(-minX(*l) - atlas.spreadInEm(), l->width / 2, 1.5f * pixel);
  }
  // Vertically: the quad of 'A' spans the ink (centred) plus the spread.
  EXPECT_NEAR(a.quads[0].y0 + a.quads[0].y1, 0.0f, 2.0f * pixel);
  // UVs are copied from the atlas.
  EXPECT_EQ(a.quads[0].u0, ga->u0);
  EXPECT_EQ(a.quads[0].v1, ga->v1);
}

TEST_F(LayoutTest, SpacesProduceNoQuadAndCharIndexCountsCodePoints) {
  const TextLayout l = layoutText(*atlas_, "A B\u2192C");
  ASSERT_EQ(l.quads.size(), 4u);
  EXPECT_EQ(l.quads[0].char_index, 0);
  EXPECT_EQ(l.quads[1].char_index, 2);
  EXPECT_EQ(l.quads[2].char_index, 3);  // → is one code point (3 bytes)
  EXPECT_EQ(l.quads[3].char_index, 4);
  // The space still advances the pen.
  const TextLayout tight = layoutText(*atlas_, "AB\u2192C");
  EXPECT_GT(l.width, tight.width + 0.2f);
}

TEST_F(LayoutTest, MultipleLines) {
  GlyphAtlas& atlas = *atlas_;
  const TextLayout l = layoutText(atlas, "A\nB");
  ASSERT_EQ(l.quads.size(), 2u);
  EXPECT_EQ(l.quads[0].line, 0);
  EXPECT_EQ(l.quads[1].line, 1);
  EXPECT_EQ(l.quads[0].char_index, 0);
  EXPECT_EQ(l.quads[1].char_index, 2);
  // Second line one line height below; ink box centred vertically.
  const GlyphInfo* ga = atlas.glyph(U'A');
  const GlyphInfo* gb = atlas.glyph(U'B');
  const float baseline0 = l.quads[0].y0 - ga->plane_bottom;
  const float baseline1 = l.quads[1].y0 - gb->plane_bottom;
  EXPECT_NEAR(baseline0 - baseline1, atlas.lineHeight(), 1e-5f);
  const float top = baseline0 + ga->ink_top;
  const float bottom = baseline1 + gb->ink_bottom;
  EXPECT_NEAR(top, -bottom, 1e-5f);
  EXPECT_NEAR(l.height, top - bottom, 1e-5f);

  // An empty line in the middle still takes its line height.
  const TextLayout gap = layoutText(atlas, "A\n\nB");
  ASSERT_EQ(gap.quads.size(), 2u);
  EXPECT_EQ(gap.quads[1].line, 2);
  EXPECT_NEAR(gap.height, l.height + atlas.lineHeight(), 1e-5f);
}

TEST_F(LayoutTest, Alignment) {
  GlyphAtlas& atlas = *atlas_;
  const std::string text = "MMMM\nI";
  const TextLayout left = layoutText(atlas, text, TextAlign::Left);
  const TextLayout right = layoutText(atlas, text, TextAlign::Right);
  const TextLayout center = layoutText(atlas, text, TextAlign::Center);
  ASSERT_EQ(left.quads.size(), 5u);
  const GlyphInfo* m = atlas.glyph(U'M');
  const GlyphInfo* i = atlas.glyph(U'I');
  // Ink edges line up: left edges for Left, right edges for Right, centres for Center.
  auto inkLeft = [](const GlyphQuad& q, const GlyphInfo* g) {
    return q.x0 - g->plane_left + g->ink_left;
  };
  auto inkRight = [](const GlyphQuad& q, const GlyphInfo* g) {
    return q.x0 - g->plane_left + g->ink_right;
  };
  EXPECT_NEAR(inkLeft(left.quads[0], m), inkLeft(left.quads[4], i), 1e-5f);
  EXPECT_NEAR(inkRight(right.quads[3], m), inkRight(right.quads[4], i), 1e-5f);
  EXPECT_NEAR(inkLeft(center.quads[0], m) + inkRight(center.quads[3], m),
              inkLeft(center.quads[4], i) + inkRight(center.quads[4], i), 1e-4f);
  // All three share the same overall box, centred on the origin.
  for (const TextLayout* l : {&left, &right, &center}) {
    EXPECT_NEAR(l->width, left.width, 1e-5f);
    EXPECT_NEAR(inkLeft(l->quads[0], m), -l->width / 2, 1e-5f);
  }
}

TEST_F(LayoutTest, EmptyAndWhitespaceOnly) {
  for (const char* text : {"", " ", "  \n\t "}) {
    const TextLayout l = layoutText(*atlas_, text);
    EXPECT_TRUE(l.quads.empty());
    EXPECT_EQ(l.glyph_count, 0);
    EXPECT_EQ(l.width, 0.0f);
    EXPECT_EQ(l.height, 0.0f);
  }
}

TEST_F(LayoutTest, InvalidUtf8AndUnknownCharactersShowReplacement) {
  const GlyphInfo* replacement = atlas_->glyph(kFffd);
  const TextLayout l = layoutText(*atlas_,
                                  "a\xFF"
                                  "b\uE000");
  ASSERT_EQ(l.quads.size(), 4u);
  EXPECT_EQ(l.quads[1].u0, replacement->u0);
  EXPECT_EQ(l.quads[3].u0, replacement->u0);
  EXPECT_EQ(l.quads[3].char_index, 3);
}

TEST_F(LayoutTest, LayoutIntoReusesCapacity) {
  TextLayout out;
  layoutTextInto(*atlas_, "-12345.678", TextAlign::Center, out);
  ASSERT_EQ(out.quads.size(), 10u);
  const GlyphQuad* data = out.quads.data();
  const std::size_t capacity = out.quads.capacity();
  for (const char* number : {"0.5", "99.25", "-8765.4321", "3"}) {
    layoutTextInto(*atlas_, number, TextAlign::Center, out);
    EXPECT_EQ(out.quads.data(), data);
    EXPECT_EQ(out.quads.capacity(), capacity);
    EXPECT_EQ(out.glyph_count, static_cast<int>(std::string_view(number).size()));
  }
  // Same result as the allocating variant.
  const TextLayout fresh = layoutText(*atlas_, "3");
  ASSERT_EQ(fresh.quads.size(), 1u);
  EXPECT_EQ(fresh.quads[0].x0, out.quads[0].x0);
  EXPECT_EQ(fresh.width, out.width);
}

TEST(TextLayout, RelayoutWhenAtlasGrowsMidLayout) {
  // Text whose new glyphs overflow the initial atlas: every quad must carry the final UVs.
  const FontFiles fonts{findFontFamily("DejaVu Sans"), {}};
  GlyphAtlas atlas(fonts, 48, 8);
  std::string text = "A";
  for (char32_t c = 0x370; c < 0x530; ++c) {
    // Encode as UTF-8 (all two-byte sequences here).
    text.push_back(static_cast<char>(0xC0 | (c >> 6)));
    text.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
  const TextLayout l = layoutText(atlas, text);
  ASSERT_GE(atlas.packGeneration(), 1u);
  ASSERT_FALSE(l.quads.empty());
  const GlyphInfo* a = atlas.glyph(U'A');
  EXPECT_EQ(l.quads[0].u0, a->u0);
  EXPECT_EQ(l.quads[0].v0, a->v0);
  const GlyphInfo* last = atlas.glyph(U'\u052F');
  EXPECT_EQ(l.quads.back().char_index, static_cast<int>(0x530 - 0x370));
  EXPECT_EQ(l.quads.back().u0, last->u0);
  EXPECT_EQ(l.quads.back().v0, last->v0);
}

}  // namespace
}  // namespace flowview::text
