#pragma once
// SceneDescription -> Scene: the composition step. Like manim's construct(), it walks the beats
// in order and hands each to the piece that builds it (NetworkFlow, GeneralLayer, the scale
// stack) on one SceneBuilder. The description was checked when it was read; the only errors left
// here need the built scene (an animation target that names no object and no scene part).
#include "core/description/scene_description.h"
#include "core/scene/scene.h"

namespace flowview::text {
class GlyphAtlas;
}

namespace flowview::scenes {

// Throws io::LoadError for targets that name nothing.
Scene composeScene(const description::SceneDescription& scene, text::GlyphAtlas& atlas);

}  // namespace flowview::scenes
