#pragma once

#include <string_view>
#include <vector>

#include "core/math/bounds2.h"
#include "core/text/glyph_atlas.h"

namespace flowview::text {

// One glyph to draw: a quad in em units (y up) and its atlas UVs (v down, see GlyphInfo).
struct GlyphQuad {
  float x0, y0, x1, y1;  // em units; (x0, y0) bottom-left, includes the SDF spread margin
  float u0, v0, u1, v1;  // atlas UVs; v0 belongs to the top edge (y1), v1 to the bottom (y0)
  int char_index;        // index of the code point in the decoded string ('\n' and spaces count)
  int line;              // 0-based line number
};

struct TextLayout {
  std::vector<GlyphQuad> quads;
  float width = 0.0f;   // ink bounding box, em units (0 when there is no ink)
  float height = 0.0f;  // ink bounding box, em units; lines are stacked lineHeight() apart
  int glyph_count = 0;  // == quads.size()
};

enum class TextAlign { Left, Center, Right };

// Finishes a layout whose glyphs are placed: moves the quads so that the ink box `ink` is centred
// on (0, 0) and sets the size and glyph count (zero size when there is no ink).
void centreOnInk(const Bounds2& ink, TextLayout& out);

// Runs one layout pass, `pass()`, until it loads no glyph that re-packs the atlas: a re-pack
// moves the UVs of quads already emitted, and the next pass finds every glyph loaded.
template <class Pass>
void layoutWithStableAtlas(GlyphAtlas& atlas, Pass&& pass) {
  for (;;) {
    const auto generation = atlas.packGeneration();
    pass();
    if (atlas.packGeneration() == generation) return;
  }
}

// Lays out UTF-8 text: '\n' starts a new line, kerning from the fonts' 'kern' tables, whitespace
// (and anything without ink) produces no quad, '\t' advances four spaces, other control characters
// are ignored. Lines are aligned against each other by their ink extents; then the whole ink
// bounding box is centred on (0, 0) in x and y, so text placed at a point is centred on it (like
// manim's Text.move_to). Glyphs are loaded into the atlas on demand; if that makes the atlas
// re-pack, the layout is redone so every quad has current UVs.
TextLayout layoutText(GlyphAtlas& atlas, std::string_view utf8,
                      TextAlign align = TextAlign::Center);

// Same, writing into `out` and reusing its capacity: no allocation once `out` has held a text at
// least this long and the glyphs are in the atlas (meant for per-frame changing numbers).
void layoutTextInto(GlyphAtlas& atlas, std::string_view utf8, TextAlign align, TextLayout& out);

}  // namespace flowview::text
