#pragma once
// Scene units shared by the scene builders.

namespace flowview::scenes {

// manim's Text at font_size 48 sets CMU Serif at this many scene units per em (measured against
// the reference stills: the main phrase spans 10.83 units at font size 48).
inline constexpr float kEmPerFontSize = 0.4826f / 48.0f;

}  // namespace flowview::scenes
