#pragma once
// The general layer of the scene format, composer side (docs/scene-format.md): turns object
// descriptions (text, formula, rectangle, circle, box, line, arrow, brace, spheres, bars, group,
// matrix)
// into elements, each registered as a scene part, and play animations into segments. Animations
// target the file's objects first, then any part of the scene built so far (network-flow layers,
// blocks, bars...). Reading and checking the file happened before, in engine/core/description.
#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/build/scene_builder.h"
#include "core/description/scene_description.h"
#include "core/scenes/matrix_object.h"

namespace flowview::text {
class GlyphAtlas;
}

namespace flowview::scenes {

class GeneralLayer {
 public:
  GeneralLayer(SceneBuilder& builder, text::GlyphAtlas& atlas);
  // Adds the object's elements and registers them as the part `object.id` (kind: its type).
  void addObject(const description::ObjectDescription& object);
  // One animation inside a play that starts at `t0`; returns its end relative to t0. Throws
  // io::LoadError when the target is neither an object nor a scene part.
  double animate(const description::AnimationDescription& anim, double t0, double default_run_time);

 private:
  struct Object {
    std::vector<int> elements;      // in drawing / lag order
    int anchor = -1;                // element whose pose tracks the object's origin
    glm::vec3 anchor_offset{0.0f};  // origin - anchor position, at the object's initial scale
    float anchor_scale = 1.0f;      // the anchor's scale.y when the object was made
  };

  void addFormula(const description::FormulaObject& formula, const std::string& id,
                  const Pose& pose, Rgb color, float opacity, Object& out);
  // A matrix object (general_matrix.cpp) and a highlight of one of its rows, columns or cells.
  void addMatrixObject(const description::MatrixObject& matrix, const std::string& id,
                       const Pose& pose, Rgb color, float opacity, bool fixed_in_frame,
                       Object& out);
  void highlight(const description::AnimationDescription& anim, TimeWindow w, Rate rate);
  // The file's object `id`, else the scene part `id` (anchored at its first element).
  Object target(const description::AnimationDescription& anim) const;
  // Records an element's opacities: `base` is its share of the object's opacity (a fill's
  // fill_opacity), the opacity it has now is what fade_in restores after a fade_out.
  int track(int element, float base_opacity);
  // Where the object's origin is, and its scale relative to when it was made, after every
  // animation added so far.
  glm::vec3 originNow(const Object& object) const;
  float scaleNow(const Object& object) const;
  void fadeIn(int e, TimeWindow w, glm::vec3 shift, Rate rate);

  SceneBuilder& builder_;
  text::GlyphAtlas& atlas_;
  std::map<std::string, Object> objects_;
  struct Opacity {
    float base = 1.0f;   // opacity at object opacity 1 ("move" "opacity" multiplies it)
    float shown = 1.0f;  // what fade_in brings it back to after a fade_out
  };
  std::map<int, Opacity> opacities_;
  struct Matrix {
    MatrixHandles handles;
    bool fixed_in_frame = false;
  };
  std::map<std::string, Matrix> matrices_;
  std::set<int> tips_;  // arrow tips: show_creation reveals them when the shaft arrives
};

}  // namespace flowview::scenes
