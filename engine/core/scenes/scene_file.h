#pragma once
// Scene files (docs/scene-format.md): JSON with the text, tokens, next-token candidates, the
// seed, named camera presets, objects of the general layer and the sequence of beats. Loading
// validates everything and throws io::LoadError (file, JSON path, line:column) on bad input.
#include <string>
#include <string_view>

#include "core/scene/scene.h"
#include "core/scenes/scene_model.h"

namespace flowview::text {
class GlyphAtlas;
}

namespace flowview::scenes {

// The longest a scene may last, in seconds (about 31 years): one limit for scene files and for
// every time given on the command line (--time, --from, --to).
inline constexpr double kMaxSceneSeconds = 1e9;

// Throws io::LoadError; never crashes on any input.
Scene loadSceneFile(const std::string& path, text::GlyphAtlas& atlas);
Scene loadSceneString(std::string_view json, const std::string& display_name,
                      text::GlyphAtlas& atlas);
// The same with a model and/or a replacement sentence (scene_model.h). A broken model folder or
// an over-long --text throws io::LoadError too.
Scene loadSceneFile(const std::string& path, text::GlyphAtlas& atlas, const SceneInputs& inputs);
Scene loadSceneString(std::string_view json, const std::string& display_name,
                      text::GlyphAtlas& atlas, const SceneInputs& inputs);

// The scene opened when none is given: scenes/high_level_network_flow.json, found through
// $FLOWVIEW_SCENE_DIR, the source tree the binary was built from, or next to the executable.
std::string defaultScenePath();

}  // namespace flowview::scenes
