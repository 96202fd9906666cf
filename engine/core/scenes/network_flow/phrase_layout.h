#pragma once
// Where each token of a phrase sits when the whole phrase is set as one line of text, so the
// tokens can be drawn one element each and still read as the phrase.
#include <glm/vec2.hpp>
#include <string>
#include <vector>

namespace flowview::text {
class GlyphAtlas;
}

namespace flowview::scenes {

struct PieceLayout {
  float ink_left, ink_right;  // em, relative to the phrase's layout origin
  glm::vec2 origin_offset;    // own centered layout origin relative to the phrase origin
};

// One entry per piece, in order; pieces concatenate to the phrase.
std::vector<PieceLayout> layoutPieces(text::GlyphAtlas& atlas,
                                      const std::vector<std::string>& pieces);

}  // namespace flowview::scenes
