#include "viewer/camera_json.h"

#include <cmath>

namespace flowview::viewer {
namespace {

double rounded(double v) {
  const double r = std::round(v * 1e4) / 1e4;
  return r == 0.0 ? 0.0 : r;
}

bool readNumbers(const nlohmann::json& value, const char* key, size_t count, float* out,
                 std::string* error) {
  auto fail = [&](const std::string& why) {
    if (error) *error = std::string("\"") + key + "\" " + why;
    return false;
  };
  auto it = value.find(key);
  if (it == value.end()) return fail("is missing");
  if (!it->is_array() || it->size() != count) {
    return fail("must be an array of " + std::to_string(count) + " numbers");
  }
  for (size_t i = 0; i < count; ++i) {
    const auto& item = (*it)[i];
    if (!item.is_number() || !std::isfinite(item.get<double>())) {
      return fail("must be an array of " + std::to_string(count) + " numbers");
    }
    out[i] = item.get<float>();
  }
  return true;
}

}  // namespace

nlohmann::json cameraJsonValue(const Camera& camera) {
  const EulerDegrees e = camera.euler();
  return {
      {"euler_deg", {rounded(e.theta), rounded(e.phi), rounded(e.gamma)}},
      {"center", {rounded(camera.center.x), rounded(camera.center.y), rounded(camera.center.z)}},
      {"height", rounded(camera.height)}};
}

std::optional<Camera> cameraFromJsonValue(const nlohmann::json& value, std::string* error) {
  if (!value.is_object()) {
    if (error) *error = "expected a JSON object with euler_deg, center and height";
    return std::nullopt;
  }
  float euler[3], center[3], height = 0;
  if (!readNumbers(value, "euler_deg", 3, euler, error)) return std::nullopt;
  if (!readNumbers(value, "center", 3, center, error)) return std::nullopt;
  auto it = value.find("height");
  if (it == value.end() || !it->is_number() || !std::isfinite(it->get<double>()) ||
      it->get<double>() <= 0.0) {
    if (error) *error = "\"height\" must be a positive number";
    return std::nullopt;
  }
  height = it->get<float>();
  return Camera::fromEuler({euler[0], euler[1], euler[2]}, {center[0], center[1], center[2]},
                           height);
}

}  // namespace flowview::viewer
