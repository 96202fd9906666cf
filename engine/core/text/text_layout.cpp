#include "core/text/text_layout.h"

#include <algorithm>
#include <cstddef>
#include <limits>

#include "core/math/bounds2.h"
#include "core/text/utf8.h"

namespace flowview::text {
namespace {

void layoutOnce(GlyphAtlas& atlas, std::string_view utf8, TextAlign align, TextLayout& out) {
  out.quads.clear();  // keeps capacity
  const float line_height = atlas.lineHeight();

  Bounds2 total;
  Bounds2 line_ink;
  std::size_t line_first_quad = 0;
  int line = 0;
  float pen = 0.0f;
  char32_t prev = 0;

  // Aligns the finished line horizontally about x = 0 (by its ink) and adds it to the total.
  auto finishLine = [&] {
    if (line_ink.empty()) return;
    float shift = 0.0f;
    switch (align) {
      case TextAlign::Left:
        shift = -line_ink.x0;
        break;
      case TextAlign::Center:
        shift = -0.5f * (line_ink.x0 + line_ink.x1);
        break;
      case TextAlign::Right:
        shift = -line_ink.x1;
        break;
    }
    for (std::size_t i = line_first_quad; i < out.quads.size(); ++i) {
      out.quads[i].x0 += shift;
      out.quads[i].x1 += shift;
    }
    total.add(line_ink.x0 + shift, line_ink.y0, line_ink.x1 + shift, line_ink.y1);
  };

  std::size_t pos = 0;
  for (int index = 0; pos < utf8.size(); ++index) {
    const char32_t c = decodeUtf8Next(utf8, pos);
    if (c == U'\n') {
      finishLine();
      ++line;
      line_ink = Bounds2{};
      line_first_quad = out.quads.size();
      pen = 0.0f;
      prev = 0;
      continue;
    }
    if (c == U'\t') {
      if (const GlyphInfo* space = atlas.glyph(U' ')) pen += 4.0f * space->advance;
      prev = 0;
      continue;
    }
    if (c < 0x20 || (c >= 0x7F && c < 0xA0)) continue;  // no replacement boxes for controls

    const GlyphInfo* g = atlas.glyph(c);
    if (!g) continue;
    if (prev) pen += atlas.kerning(prev, c);
    prev = c;
    if (g->hasQuad()) {
      const float baseline = -static_cast<float>(line) * line_height;
      out.quads.push_back(GlyphQuad{pen + g->plane_left, baseline + g->plane_bottom,
                                    pen + g->plane_right, baseline + g->plane_top, g->u0, g->v0,
                                    g->u1, g->v1, index, line});
      line_ink.add(pen + g->ink_left, baseline + g->ink_bottom, pen + g->ink_right,
                   baseline + g->ink_top);
    }
    pen += g->advance;
  }
  finishLine();

  centreOnInk(total, out);
}

}  // namespace

void centreOnInk(const Bounds2& ink, TextLayout& out) {
  out.glyph_count = static_cast<int>(out.quads.size());
  if (ink.empty()) {
    out.width = out.height = 0.0f;
    return;
  }
  const float cx = 0.5f * (ink.x0 + ink.x1);
  const float cy = 0.5f * (ink.y0 + ink.y1);
  for (GlyphQuad& q : out.quads) {
    q.x0 -= cx;
    q.x1 -= cx;
    q.y0 -= cy;
    q.y1 -= cy;
  }
  out.width = ink.x1 - ink.x0;
  out.height = ink.y1 - ink.y0;
}

void layoutTextInto(GlyphAtlas& atlas, std::string_view utf8, TextAlign align, TextLayout& out) {
  layoutWithStableAtlas(atlas, [&] { layoutOnce(atlas, utf8, align, out); });
}

TextLayout layoutText(GlyphAtlas& atlas, std::string_view utf8, TextAlign align) {
  TextLayout layout;
  layoutTextInto(atlas, utf8, align, layout);
  return layout;
}

}  // namespace flowview::text
