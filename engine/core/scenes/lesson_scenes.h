#pragma once
// The lesson scenes of issue 17 by name, for the scene reader's "lesson" beat
// (docs/scenes.md): each builds a whole scene's beats from engine/core/lessons at load time.
// Kept in one place so the reader's hook is a single call.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/build/scene_builder.h"

namespace flowview::text {
class GlyphAtlas;
}

namespace flowview::scenes {

struct LessonOptions {
  uint64_t seed = 0;          // 0: the lesson's own default seed
  std::string passage;        // text_passage_intro: the passage's text (read by the caller)
  std::vector<double> gains;  // attention_math: the gains shown side by side (empty: default)
};

// attention_math, gradient_descent, text_passage_intro, mole_example.
const std::vector<std::string>& lessonNames();
bool isLesson(const std::string& name);
// Throws std::invalid_argument on an unknown name or options the lesson cannot use.
void buildLesson(const std::string& name, SceneBuilder& builder, text::GlyphAtlas& atlas,
                 const LessonOptions& options);

}  // namespace flowview::scenes
