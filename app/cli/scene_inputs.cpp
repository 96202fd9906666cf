#include "cli/scene_inputs.h"

namespace flowview::cli {

scenes::SceneInputs sceneInputs(const Arguments& args) {
  scenes::SceneInputs inputs;
  inputs.model_folder = args.option("model").value_or("");
  inputs.text = args.option("text");
  return inputs;
}

void modelJson(const scenes::ModelData& data, nlohmann::json& out) {
  out["model"] = data.source;
  out["tokens"] = data.tokens;
  nlohmann::json next = nlohmann::json::array();
  for (const auto& [token, probability] : data.next_tokens)
    next.push_back({{"token", token}, {"probability", probability}});
  out["next_tokens"] = next;
}

}  // namespace flowview::cli
