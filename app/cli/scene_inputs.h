#pragma once
// --model DIR and --text TEXT, shared by render, export, info, bench and the viewer.
#include <nlohmann/json.hpp>

#include "cli/arguments.h"
#include "core/scenes/model_data.h"
#include "core/scenes/scene_model.h"

namespace flowview::cli {

// The options' values (the model itself is loaded by the scene reader).
scenes::SceneInputs sceneInputs(const Arguments& args);

// Adds "model", "tokens" and "next_tokens" [{token, probability}] (what `predict` prints for the
// same prompt) to `out`.
void modelJson(const scenes::ModelData& data, nlohmann::json& out);

}  // namespace flowview::cli
