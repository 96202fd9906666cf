#pragma once
// JSON -> SceneDescription. Every check of the scene format happens here, with one-line
// LoadErrors (file:line:column: /json/path: message); no font, no GL, no builder.
#include <string>
#include <string_view>

#include "core/description/scene_description.h"
#include "core/io/json_document.h"

namespace flowview::description {

// Throws io::LoadError; never crashes on any input.
SceneDescription readScene(const io::JsonDocument& document);
SceneDescription readSceneFile(const std::string& path);
SceneDescription readSceneString(std::string_view json, const std::string& display_name);

// Splits `text` into pieces that concatenate back to it: words keep their leading space and
// punctuation stands alone (split_punctuation, GPT-2's pre-tokenizer), or spaces only.
std::vector<std::string> splitWords(const std::string& text, bool split_punctuation);

// The scene's length as the builder will time it, from the description alone (network-flow
// and scale-stack beats always take time).
bool sceneTakesTime(const SceneDescription& scene);

}  // namespace flowview::description
