#include "core/scenes/network_flow/phrase_layout.h"

#include <algorithm>

#include "core/text/glyph_atlas.h"
#include "core/text/text_layout.h"
#include "core/text/utf8.h"

namespace flowview::scenes {

std::vector<PieceLayout> layoutPieces(text::GlyphAtlas& atlas,
                                      const std::vector<std::string>& pieces) {
  std::string phrase;
  for (const auto& p : pieces) phrase += p;
  const text::TextLayout whole = text::layoutText(atlas, phrase);
  // Glyph quads carry the SDF spread around the ink; the ink edges are inside by that much.
  const float inset = atlas.spreadInEm();
  std::vector<PieceLayout> result;
  int char_begin = 0;
  for (const auto& piece : pieces) {
    const int length = static_cast<int>(text::decodeUtf8(piece).size());
    PieceLayout pl{1e9f, -1e9f, {0, 0}};
    const text::GlyphQuad* first_whole = nullptr;
    for (const auto& q : whole.quads) {
      if (q.char_index < char_begin || q.char_index >= char_begin + length) continue;
      if (!first_whole) first_whole = &q;
      pl.ink_left = std::min(pl.ink_left, q.x0 + inset);
      pl.ink_right = std::max(pl.ink_right, q.x1 - inset);
    }
    const text::TextLayout own = text::layoutText(atlas, piece);
    if (first_whole && !own.quads.empty()) {
      pl.origin_offset = {first_whole->x0 - own.quads.front().x0,
                          first_whole->y0 - own.quads.front().y0};
    }
    if (!first_whole) pl.ink_left = pl.ink_right = 0;
    result.push_back(pl);
    char_begin += length;
  }
  return result;
}

}  // namespace flowview::scenes
