#include "core/text/number_layout.h"

#include "core/math/bounds2.h"
#include "core/text/utf8.h"

namespace flowview::text {
namespace {

constexpr char32_t kEnDash = 0x2013;

bool isMinus(char32_t c) {
  return c == U'-' || c == 0x2212 || c == kEnDash;
}

void layoutOnce(GlyphAtlas& atlas, std::string_view utf8, TextLayout& out) {
  out.quads.clear();  // keeps capacity
  float pen = 0.0f;
  bool have_ink = false;
  float ink_right = 0.0f;  // of the previous inked character, em
  float bottom = 0.0f;     // the first non-sign character's ink bottom: the line all sit on
  bool have_bottom = false;
  // A minus is centred on the character after it, so its vertical place waits for that one.
  int pending_minus = -1;
  Bounds2 minus_ink;  // the pending minus' ink box before its shift
  Bounds2 total;      // the ink bounding box of everything placed

  std::size_t pos = 0;
  for (int index = 0; pos < utf8.size(); ++index) {
    char32_t c = decodeUtf8Next(utf8, pos);
    if (c < 0x20 || (c >= 0x7F && c < 0xA0)) continue;
    if (isMinus(c)) c = kEnDash;
    const GlyphInfo* g = atlas.glyph(c);
    if (!g) continue;
    if (!g->hasQuad()) {
      pen += g->advance;
      continue;
    }
    // Place the ink box kNumberInkGapEm after the previous one.
    const float origin = have_ink ? ink_right + kNumberInkGapEm - g->ink_left : pen;
    float dy = 0.0f;
    if (c == kEnDash) {
      pending_minus = static_cast<int>(out.quads.size());
      minus_ink = Bounds2{};
      minus_ink.add(origin + g->ink_left, g->ink_bottom, origin + g->ink_right, g->ink_top);
    } else {
      if (!have_bottom) {
        bottom = g->ink_bottom;
        have_bottom = true;
      }
      dy = bottom - g->ink_bottom;
      if (c == U',') dy -= 0.5f * (g->ink_top - g->ink_bottom);
    }
    out.quads.push_back(GlyphQuad{origin + g->plane_left, dy + g->plane_bottom,
                                  origin + g->plane_right, dy + g->plane_top, g->u0, g->v0, g->u1,
                                  g->v1, index, 0});
    if (c != kEnDash) {
      total.add(origin + g->ink_left, dy + g->ink_bottom, origin + g->ink_right, dy + g->ink_top);
      if (pending_minus >= 0) {
        const float shift =
            dy + 0.5f * (g->ink_bottom + g->ink_top) - 0.5f * (minus_ink.y0 + minus_ink.y1);
        out.quads[static_cast<std::size_t>(pending_minus)].y0 += shift;
        out.quads[static_cast<std::size_t>(pending_minus)].y1 += shift;
        total.add(minus_ink.x0, minus_ink.y0 + shift, minus_ink.x1, minus_ink.y1 + shift);
        pending_minus = -1;
      }
    }
    ink_right = origin + g->ink_right;
    pen = origin + g->advance;
    have_ink = true;
  }

  if (pending_minus >= 0) total.add(minus_ink.x0, minus_ink.y0, minus_ink.x1, minus_ink.y1);

  centreOnInk(total, out);
}

}  // namespace

void layoutNumberInto(GlyphAtlas& atlas, std::string_view utf8, TextLayout& out) {
  layoutWithStableAtlas(atlas, [&] { layoutOnce(atlas, utf8, out); });
}

}  // namespace flowview::text
