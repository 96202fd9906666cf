#pragma once
#include "core/scenes/scene_model.h"
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
// The same with a model and/or --text (scene_model.h): the network flow shows the model's numbers.
Scene composeScene(const description::SceneDescription& scene, text::GlyphAtlas& atlas,
                   const SceneInputs& inputs);

// The model's reading of the scene's sentence (or inputs.text) that composeScene would compute,
// alone: no atlas, no build, so a worker thread can compute it ahead and hand it back as
// SceneInputs::data. Null without a network flow or a model. Throws io::LoadError as
// composeScene does for a bad sentence or model folder.
std::shared_ptr<const ModelData> readSentence(const description::SceneDescription& scene,
                                              const SceneInputs& inputs);

}  // namespace flowview::scenes
