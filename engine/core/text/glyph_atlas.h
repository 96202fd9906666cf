#pragma once

#include <cstdint>
#include <deque>
#include <memory>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/text/font_locator.h"

// Opaque FreeType handles, so users of the atlas need no FreeType include path.
struct FT_LibraryRec_;
struct FT_FaceRec_;

namespace flowview::text {

// One glyph in the atlas. Em units: 1.0 = the font's em (the requested pixel size).
struct GlyphInfo {
  // Atlas texture coordinates of the glyph's SDF rectangle, v pointing down (row 0 = v 0).
  float u0, v0, u1, v1;
  // The quad to draw, in em units relative to the pen position on the baseline, y up. It includes
  // the SDF spread margin on every side, so it is larger than the ink.
  float plane_left, plane_bottom, plane_right, plane_top;
  // Pen advance, em units.
  float advance;
  // Exact ink bounds (the outline's control box), em, relative to the pen, y up. Used by the
  // layout to centre text on its ink; all zero for glyphs without ink (space).
  float ink_left, ink_bottom, ink_right, ink_top;

  bool hasQuad() const { return u1 > u0 && v1 > v0; }
};

// Math italic letters (Unicode's Mathematical Italic block, U+1D434..U+1D467, with U+210E for
// the italic h): the formula layout sets Latin letters as these, and the atlas draws them from the
// italic face (FontFiles::italic), or slants the primary's upright letter when there is none.
char32_t mathItalic(char32_t ascii_letter);  // the letter itself when not A-Z / a-z
char32_t mathItalicBase(char32_t c);         // the ASCII letter, or 0 when c is not math italic

// The metrics of a font-free atlas: every character but white space is a box of ink half an em
// wide (hasQuad() is true, but nothing is rendered: never draw with them).
const GlyphInfo* uniformGlyph(char32_t c);

// A CPU-side signed-distance-field glyph atlas built with FreeType's SDF renderer.
//
// Pixels: one 8-bit channel, row-major, width() * height(), row 0 at v = 0. SDF convention
// (FreeType's, verified in tests): 128 = on the outline, larger = inside the ink, smaller =
// outside; the value encodes distance linearly, d_px = (value - 128) / 128 * spread, so 0 and 255
// mean "spread px or more" outside / inside. In em units: d_em = (value/255 - 0.5) * 2 *
// spreadInEm() (up to the 128 vs 127.5 rounding). Texels between glyphs are 0 (far outside).
//
// The atlas is square, power-of-two, starting at 1024; it grows (doubling, re-packing every
// glyph) when a new glyph does not fit. Growing changes the UVs of all glyphs (GlyphInfo pointers
// stay valid, their contents are updated) and bumps both revision() and packGeneration(): layouts
// built before a packGeneration() change must be rebuilt.
//
// Not thread-safe; not copyable (owns FreeType handles).
class GlyphAtlas {
 public:
  // Opens the primary and fallback fonts (throws std::runtime_error when the primary cannot be
  // opened; unusable fallbacks are skipped) and preloads ASCII printable characters plus common
  // punctuation. spread is in pixels at pixel_size (FreeType allows 2..32).
  explicit GlyphAtlas(const FontFiles& fonts, int pixel_size = 48, int spread = 8);
  // An atlas that opens no font and renders nothing: glyph() answers uniformGlyph(), kerning()
  // 0. For commands that compose a scene without drawing it (validate, info): positions of text
  // differ from a real atlas' but timings, beats and element counts do not
  // (docs/architecture.md).
  struct NoFonts {};
  explicit GlyphAtlas(NoFonts, int pixel_size = 48, int spread = 8);
  bool hasFonts() const { return library_ != nullptr; }
  ~GlyphAtlas();
  GlyphAtlas(const GlyphAtlas&) = delete;
  GlyphAtlas& operator=(const GlyphAtlas&) = delete;

  // The glyph for `c`, rendered on first use from the primary font, else the first fallback that
  // has it, else the glyph of U+FFFD, else '?'. Only returns nullptr if no font has any of those.
  // The pointer stays valid for the atlas' lifetime.
  const GlyphInfo* glyph(char32_t c);

  // Renders every code point of `text` not yet in the atlas.
  void preload(std::u32string_view text);

  // Horizontal kerning between two adjacent characters, em units, 0 if none (or if they come from
  // different fonts). Uses the fonts' 'kern' table only (no GPOS, there is no shaper).
  float kerning(char32_t left, char32_t right) const;

  // Primary font metrics, em units, y up (descender is negative).
  float ascender() const { return ascender_; }
  float descender() const { return descender_; }
  float lineHeight() const { return line_height_; }

  int width() const { return size_; }
  int height() const { return size_; }
  const std::vector<std::uint8_t>& pixels() const { return pixels_; }
  // Increments whenever pixels() changes (new glyph or re-pack): re-upload the texture.
  std::uint64_t revision() const { return revision_; }
  // Increments when the atlas grows and re-packs, i.e. when existing glyphs' UVs change.
  std::uint64_t packGeneration() const { return pack_generation_; }

  // The SDF spread in em units (spread / pixel_size), for turning distances into screen pixels.
  float spreadInEm() const { return static_cast<float>(spread_) / pixel_size_; }
  int pixelSize() const { return pixel_size_; }
  int spread() const { return spread_; }

  // Which font `c` was rendered from: 0 = primary, i > 0 = fallbacks[i - 1] (of those that
  // opened), -1 when no font has it (a replacement glyph is used) or it was never requested.
  int faceIndex(char32_t c) const;

 private:
  struct LibraryDeleter {
    void operator()(FT_LibraryRec_* lib) const;
  };
  struct FaceDeleter {
    void operator()(FT_FaceRec_* face) const;
  };
  using LibraryPtr = std::unique_ptr<FT_LibraryRec_, LibraryDeleter>;
  using FacePtr = std::unique_ptr<FT_FaceRec_, FaceDeleter>;

  // A rendered glyph plus what re-packing needs.
  struct Entry {
    GlyphInfo info{};
    char32_t codepoint = 0;
    int face = -1;
    unsigned glyph_index = 0;
    int bitmap_w = 0, bitmap_h = 0;
    std::vector<std::uint8_t> bitmap;  // kept so the atlas can re-pack when it grows
    int x = 0, y = 0;                  // placement in the atlas, pixels
    bool placed = false;
  };
  struct Shelf {
    int y, height, x;
  };

  const Entry* load(char32_t c);
  const Entry* loadMathItalic(char32_t c, char32_t letter);
  const Entry* store(char32_t c, Entry&& entry);
  // `slant`: shear the outline (a synthetic italic), x += slant * y.
  bool render(int face, unsigned glyph_index, Entry& entry, float slant = 0.0f);
  bool tryPlace(Entry& entry);
  void place(Entry& entry);
  void grow();
  void blit(const Entry& entry);
  void updateUv(Entry& entry) const;

  // Declared first so it is destroyed last: faces must be closed before their library.
  LibraryPtr library_;
  std::vector<FacePtr> faces_;
  int italic_face_ = -1;  // index in faces_ of FontFiles::italic; never a fallback for others

  int pixel_size_;
  int spread_;
  float ascender_ = 0, descender_ = 0, line_height_ = 0;

  int size_ = 1024;
  std::vector<std::uint8_t> pixels_;
  std::vector<Shelf> shelves_;
  std::uint64_t revision_ = 0;
  std::uint64_t pack_generation_ = 0;

  std::deque<Entry> entries_;  // deque: stable addresses for the GlyphInfo pointers handed out
  // Every requested code point; ones no font has alias the replacement glyph's entry.
  std::unordered_map<char32_t, const Entry*> lookup_;
};

}  // namespace flowview::text
