#pragma once
// Small readers shared by the scene-file loaders: vectors, colors, rates, camera values.
#include <array>
#include <optional>
#include <string_view>

#include "core/camera/camera.h"
#include "core/io/json_document.h"
#include "core/math/color.h"
#include "core/math/rate_functions.h"

namespace flowview::scenes {

glm::vec3 vec3Of(const std::array<double, 3>& a);
Rgb readColor(io::ObjectReader& obj, std::string_view key, Rgb fallback);
Rate readRate(io::ObjectReader& obj, std::string_view key, Rate fallback);
// [theta, phi, gamma] in degrees, or "current" (nullopt: keep the camera's orientation).
std::optional<EulerDegrees> readOrientation(io::ObjectReader& obj, std::string_view key,
                                            std::optional<EulerDegrees> fallback);
// {"euler_deg": [..], "center": [..], "height": h}
Camera readCamera(io::ObjectReader& obj);

}  // namespace flowview::scenes
