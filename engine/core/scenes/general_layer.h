#pragma once
// The general layer of the scene format (docs/scene-format.md): objects with ids (text, formula,
// rectangle, circle, box, line, arrow, brace, spheres, bars, group) and the animations of play
// steps on them. The network-flow beats are built from the same SceneBuilder pieces.
#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/build/scene_builder.h"
#include "core/io/json_document.h"

namespace flowview::text {
class GlyphAtlas;
}

namespace flowview::scenes {

class GeneralLayer {
 public:
  GeneralLayer(SceneBuilder& builder, text::GlyphAtlas& atlas);
  // Reads one entry of "objects" and adds its elements.
  void addObject(io::ObjectReader obj);
  // One animation inside a play that starts at `t0`; returns its end relative to t0.
  double animate(io::ObjectReader anim, double t0, double default_run_time);

  // The names accepted by "type", comma separated, as the error messages list them.
  static const char* objectTypeNames();
  static const char* animationNames();

 private:
  struct Object {
    std::vector<int> elements;      // in drawing / lag order
    int anchor = -1;                // element whose pose tracks the object's origin
    glm::vec3 anchor_offset{0.0f};  // origin - anchor position, at the object's initial scale
    float anchor_scale = 1.0f;      // the anchor's scale.y when the object was made
  };

  // The file's object `id`, else the scene part `id` (a network-flow part); fails at "target".
  Object findTarget(const std::string& id, io::ObjectReader& anim) const;
  void addFormula(io::ObjectReader& obj, const std::string& id, const Pose& pose, Rgb color,
                  float opacity, Object& out);
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
  std::set<int> tips_;  // arrow tips: show_creation reveals them when the shaft arrives
};

}  // namespace flowview::scenes
