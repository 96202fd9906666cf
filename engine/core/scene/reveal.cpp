#include "core/scene/element.h"

namespace flowview {

RevealState lerpValue(const RevealState& a, const RevealState& b, float t) {
  RevealState out = b;  // style, lag and rates belong to the animation being played
  out.alpha = a.alpha + (b.alpha - a.alpha) * t;
  return out;
}

}  // namespace flowview
