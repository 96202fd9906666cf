#include "cli/camera_path.h"

#include <cmath>
#include <glm/gtc/quaternion.hpp>

#include "cli/arguments.h"
#include "viewer/camera_json.h"
#include "viewer/config_files.h"

namespace flowview::cli {

Camera cameraForFrame(const CameraPath& path, const Camera& timeline, double progress) {
  Camera camera = path.fixed.value_or(timeline);
  if (path.orbit_degrees != 0.0) {
    // R = Ry(theta) Rx(phi) Rz(gamma): turning about world y adds to theta.
    const float angle = static_cast<float>(glm::radians(path.orbit_degrees * progress));
    camera.orientation =
        glm::normalize(glm::angleAxis(angle, glm::vec3(0.0f, 1.0f, 0.0f)) * camera.orientation);
  }
  return camera;
}

Camera parseCameraOption(const std::string& value) {
  std::string text = value;
  const size_t first = value.find_first_not_of(" \t\r\n");
  const bool inline_json = first != std::string::npos && value[first] == '{';
  if (!inline_json && !viewer::readFile(value, text)) {
    throw ArgumentError("--camera: cannot read " + value +
                        " (give the camera JSON or a file holding it)");
  }
  const nlohmann::json json = nlohmann::json::parse(text, nullptr, false);
  const std::string where = inline_json ? std::string("--camera") : "--camera " + value;
  if (json.is_discarded()) throw ArgumentError(where + ": not valid JSON");
  std::string error;
  const std::optional<Camera> camera = viewer::cameraFromJsonValue(json, &error);
  if (!camera) throw ArgumentError(where + ": " + error);
  return *camera;
}

}  // namespace flowview::cli
