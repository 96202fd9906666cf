#pragma once
// The general layer of the scene format: objects with ids (text, rectangle, box, line, arrow,
// brace, spheres, bars) and the animations of play steps on them. The network-flow beats are
// built from the same SceneBuilder pieces.
#include <map>
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

 private:
  SceneBuilder& builder_;
  text::GlyphAtlas& atlas_;
  std::map<std::string, std::vector<int>> objects_;  // id -> elements
};

}  // namespace flowview::scenes
