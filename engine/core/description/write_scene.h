#pragma once
// SceneDescription -> JSON: the normalized scene `flowview format` prints. Every default is
// written out, keys come in a fixed order (the order of docs/scene-format.md's tables), and
// writing what reading the output gives yields the same bytes again.
#include <string>

#include <nlohmann/json.hpp>

#include "core/description/scene_description.h"

namespace flowview::description {

nlohmann::ordered_json writeScene(const SceneDescription& scene);
// writeScene indented by 2 (arrays of plain values on one line), with a final newline.
std::string formatScene(const SceneDescription& scene);

}  // namespace flowview::description
