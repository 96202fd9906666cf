#pragma once
// TextPassageIntro from network_flow.py (issue 17, docs/lessons-plan.md): one word, the
// paragraph around it, arcs from the context to the word, the whole passage, far context, and
// the passage compressed to the one line the main scene follows. The seed's copyrighted passage
// is replaced by the opening of A Christmas Carol (scenes/data/christmas_carol_stave1.txt).
#include <cstdint>
#include <string>

#include "core/build/scene_builder.h"

namespace flowview::text {
class GlyphAtlas;
}

namespace flowview::scenes {

struct TextPassageParams {
  std::string passage;  // paragraphs separated by '\n'; its last word is hidden
  std::string focus_phrase = "Scrooge was his sole";  // the focus word starts it
  int section_paragraph = 2;  // the paragraph around the focus word (0-based)
  std::string far_context_phrase = "Scrooge signed";  // with the passage's first word
  std::string short_start = "Marley was dead: to begin with";
  std::string short_end = "The firm was known as Scrooge and Marley";
  uint64_t seed = 0;  // the arcs' colours and widths
};

// Throws std::invalid_argument when a phrase is not in the passage.
void buildTextPassageIntro(SceneBuilder& builder, text::GlyphAtlas& atlas,
                           const TextPassageParams& params);

}  // namespace flowview::scenes
