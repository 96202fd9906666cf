#pragma once
// The camera as a JSON value, shared by the clipboard format and the preset files:
// {"euler_deg":[theta,phi,gamma],"center":[x,y,z],"height":h}.
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "core/camera/camera.h"

namespace flowview::viewer {

nlohmann::json cameraJsonValue(const Camera& camera);
// Checks every field (3 finite numbers, 3 finite numbers, a positive height); extra keys are
// ignored. On failure returns nullopt and sets `error` to one line naming the field.
std::optional<Camera> cameraFromJsonValue(const nlohmann::json& value, std::string* error);

}  // namespace flowview::viewer
