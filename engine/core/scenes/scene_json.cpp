#include "core/scenes/scene_json.h"

#include <string>

namespace flowview::scenes {

glm::vec3 vec3Of(const std::array<double, 3>& a) {
  return {static_cast<float>(a[0]), static_cast<float>(a[1]), static_cast<float>(a[2])};
}

Rgb readColor(io::ObjectReader& obj, std::string_view key, Rgb fallback) {
  auto text = obj.optional<std::string>(key);
  if (!text) return fallback;
  auto color = parseColor(*text);
  if (!color)
    obj.fail(key, "unknown color \"" + *text + "\" (use #RRGGBB or a manim name like BLUE_E)");
  return *color;
}

Rate readRate(io::ObjectReader& obj, std::string_view key, Rate fallback) {
  auto name = obj.optional<std::string>(key);
  if (!name) return fallback;
  auto rate = rateFromName(*name);
  if (!rate) {
    int count = 0;
    const char* const* names = rateNames(&count);
    std::string list;
    for (int i = 0; i < count; ++i) list += (i ? ", " : "") + std::string(names[i]);
    obj.fail(key, "unknown rate function \"" + *name + "\" (one of: " + list + ")");
  }
  return *rate;
}

// [theta, phi, gamma] in degrees, or "current" (keep the camera's orientation).
std::optional<EulerDegrees> readOrientation(io::ObjectReader& obj, std::string_view key,
                                            std::optional<EulerDegrees> fallback) {
  if (!obj.has(key)) return fallback;
  const auto& value = obj.json()[std::string(key)];
  if (value.is_string()) {
    if (value.get<std::string>() == "current") return std::nullopt;
    obj.fail(key, "expected [theta, phi, gamma] in degrees or \"current\"");
  }
  const auto e = obj.required<std::array<double, 3>>(key);
  return EulerDegrees{static_cast<float>(e[0]), static_cast<float>(e[1]), static_cast<float>(e[2])};
}

Camera readCamera(io::ObjectReader& obj) {
  const auto euler = obj.optional<std::array<double, 3>>("euler_deg", {0, 0, 0});
  const auto center = obj.optional<std::array<double, 3>>("center", {0, 0, 0});
  const double height = obj.optionalInRange<double>("height", 8.0, 0.01, 1e6);
  return Camera::fromEuler(
      {static_cast<float>(euler[0]), static_cast<float>(euler[1]), static_cast<float>(euler[2])},
      vec3Of(center), static_cast<float>(height));
}

}  // namespace flowview::scenes
