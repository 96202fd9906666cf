#include "viewer/camera_controller.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "viewer/camera_json.h"

namespace flowview::viewer {

FreeView FreeView::from(const Camera& camera) {
  FreeView view;
  view.euler = camera.euler();
  view.center = camera.center;
  view.height = camera.height;
  return view;
}

float smoothstep01(float x) {
  x = std::clamp(x, 0.0f, 1.0f);
  return x * x * (3.0f - 2.0f * x);
}

Camera CameraController::update(const Camera& timeline_camera, double dt) {
  if (glide_) {
    glide_->elapsed += std::max(0.0, dt);
    const Camera target = glide_->to ? *glide_->to : timeline_camera;
    const double progress = glide_->elapsed / kGlideSeconds;
    if (progress >= 1.0) {
      if (glide_->to) {
        free_ = FreeView::from(*glide_->to);
        mode_ = CameraMode::Free;
      } else {
        mode_ = CameraMode::Timeline;
      }
      glide_.reset();
    } else {
      current_ = interpolate(glide_->from, target, smoothstep01(static_cast<float>(progress)));
      return current_;
    }
  }
  current_ = mode_ == CameraMode::Timeline ? timeline_camera : free_.camera();
  return current_;
}

void CameraController::takeControl() {
  if (glide_ || mode_ == CameraMode::Timeline) {
    free_ = FreeView::from(current_);
    glide_.reset();
  }
  mode_ = CameraMode::Free;
}

void CameraController::orbit(float dx_px, float dy_px) {
  takeControl();
  free_.euler.theta -= dx_px * kOrbitDegreesPerPixel;
  free_.euler.phi -= dy_px * kOrbitDegreesPerPixel;
  // Keep theta in (-180, 180] for readable numbers; stop phi at the poles (no flipping over).
  free_.euler.theta = std::remainder(free_.euler.theta, 360.0f);
  free_.euler.phi = std::clamp(free_.euler.phi, -89.9f, 89.9f);
  current_ = free_.camera();
}

void CameraController::pan(float dx_px, float dy_px, float viewport_height_px) {
  takeControl();
  if (viewport_height_px <= 0.0f) return;
  const glm::mat3 r = free_.camera().rotation();
  const float units_per_px = free_.height / viewport_height_px;
  free_.center += (-dx_px * r[0] + dy_px * r[1]) * units_per_px;
  current_ = free_.camera();
}

void CameraController::zoom(float steps) {
  takeControl();
  free_.height = std::clamp(free_.height * std::pow(kZoomPerStep, steps), kMinHeight, kMaxHeight);
  current_ = free_.camera();
}

glm::vec3 CameraController::pointOnFocusPlane(const Camera& camera, float x_px, float y_px,
                                              float width_px, float height_px) {
  if (height_px <= 0.0f) return camera.center;
  // The plane through the center at the focal distance spans exactly `height` units vertically.
  const glm::mat3 r = camera.rotation();
  const float units_per_px = camera.height / height_px;
  return camera.center + (x_px - 0.5f * width_px) * units_per_px * r[0] +
         (0.5f * height_px - y_px) * units_per_px * r[1];
}

void CameraController::focus(float x_px, float y_px, float width_px, float height_px) {
  takeControl();
  Camera target = free_.camera();
  target.center = pointOnFocusPlane(target, x_px, y_px, width_px, height_px);
  glideTo(target);
}

void CameraController::glideToTimeline() {
  if (mode_ == CameraMode::Timeline && !glide_) return;
  glide_ = Glide{current_, std::nullopt, 0.0};
}

void CameraController::glideTo(const Camera& target) {
  glide_ = Glide{current_, target, 0.0};
}

void CameraController::setFree(const Camera& camera) {
  glide_.reset();
  mode_ = CameraMode::Free;
  free_ = FreeView::from(camera);
  current_ = free_.camera();
}

void CameraController::followTimeline() {
  glide_.reset();
  mode_ = CameraMode::Timeline;
}

namespace {

// Avoids "-0.00" in the printed numbers.
double clean(double v, double unit) {
  const double r = std::round(v / unit) * unit;
  return r == 0.0 ? 0.0 : r;
}

}  // namespace

std::string reorientString(const Camera& camera) {
  const EulerDegrees e = camera.euler();
  char buffer[256];
  std::snprintf(buffer, sizeof buffer, "reorient(%.2f, %.2f, %.2f, (%.2f, %.2f, %.2f), %.2f)",
                clean(e.theta, 0.01), clean(e.phi, 0.01), clean(e.gamma, 0.01),
                clean(camera.center.x, 0.01), clean(camera.center.y, 0.01),
                clean(camera.center.z, 0.01), clean(camera.height, 0.01));
  return buffer;
}

std::string cameraToJson(const Camera& camera) {
  return cameraJsonValue(camera).dump();
}

std::optional<Camera> cameraFromJson(const std::string& text, std::string* error) {
  nlohmann::json value = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (value.is_discarded()) {
    if (error) *error = "not valid JSON";
    return std::nullopt;
  }
  return cameraFromJsonValue(value, error);
}

}  // namespace flowview::viewer
