#include "core/scenes/lesson_scenes.h"

#include <algorithm>
#include <stdexcept>

#include "core/scenes/attention_math.h"
#include "core/scenes/gradient_descent.h"
#include "core/scenes/mole_example.h"
#include "core/scenes/text_passage_intro.h"

namespace flowview::scenes {

const std::vector<std::string>& lessonNames() {
  static const std::vector<std::string> names = {"attention_math", "gradient_descent",
                                                 "text_passage_intro", "mole_example"};
  return names;
}

bool isLesson(const std::string& name) {
  const auto& names = lessonNames();
  return std::find(names.begin(), names.end(), name) != names.end();
}

void buildLesson(const std::string& name, SceneBuilder& b, text::GlyphAtlas& atlas,
                 const LessonOptions& o) {
  if (name == "attention_math") {
    AttentionMathParams p;
    if (o.seed) p.seed = o.seed;
    if (!o.gains.empty()) p.gains = o.gains;
    buildAttentionMath(b, atlas, p);
  } else if (name == "gradient_descent") {
    GradientDescentParams p;
    if (o.seed) p.seed = o.seed;
    buildGradientDescent(b, atlas, p);
  } else if (name == "text_passage_intro") {
    if (o.passage.empty()) throw std::invalid_argument("needs a passage");
    TextPassageParams p;
    p.passage = o.passage;
    p.seed = o.seed;
    buildTextPassageIntro(b, atlas, p);
  } else if (name == "mole_example") {
    MoleExampleParams p;
    p.seed = o.seed;
    buildMoleExample(b, atlas, p);
  } else {
    std::string list;
    for (const auto& n : lessonNames()) list += (list.empty() ? "" : ", ") + n;
    throw std::invalid_argument("unknown lesson \"" + name + "\" (" + list + ")");
  }
}

}  // namespace flowview::scenes
