#pragma once
// Camera control of the viewer: follow the timeline's camera, or a free camera moved by the
// mouse (orbit, pan, zoom, focus), with smooth glides between the two and to presets.
// Pure logic (no GL, no window): input arrives as pixel deltas, time as dt.
#include <optional>
#include <string>

#include "core/camera/camera.h"

namespace flowview::viewer {

enum class CameraMode { Timeline, Free };

// The free camera is kept as Euler angles so orbiting never drifts through the quaternion.
struct FreeView {
  EulerDegrees euler;
  glm::vec3 center{0.0f};
  float height = 8.0f;
  Camera camera() const { return Camera::fromEuler(euler, center, height); }
  static FreeView from(const Camera& camera);
};

class CameraController {
 public:
  static constexpr float kOrbitDegreesPerPixel = 0.25f;
  static constexpr float kZoomPerStep = 0.9f;  // height factor per wheel notch (in)
  static constexpr float kMinHeight = 0.05f, kMaxHeight = 2000.0f;
  static constexpr double kGlideSeconds = 0.6;

  // Advances a running glide by dt and returns the camera to draw, given the timeline's camera
  // at the current time.
  Camera update(const Camera& timeline_camera, double dt);
  // The camera returned by the last update().
  const Camera& current() const { return current_; }

  // Mouse input; each switches to the free camera (cancelling a glide where it is).
  // Drag right turns the scene right (theta decreases), drag down shows it more from above.
  void orbit(float dx_px, float dy_px);
  // Moves the center so the scene follows the cursor; viewport_height_px sets the scale.
  void pan(float dx_px, float dy_px, float viewport_height_px);
  // Positive steps zoom in (smaller frame height).
  void zoom(float steps);
  // Glides the center to the point under pixel (x, y) on the plane through the current center
  // facing the camera (pixels from the top-left of a width x height view).
  void focus(float x_px, float y_px, float width_px, float height_px);

  void glideToTimeline();
  void glideTo(const Camera& target);
  // Jumps without a glide (e.g. "go to pasted JSON" in automation).
  void setFree(const Camera& camera);
  // Back to following the timeline immediately.
  void followTimeline();

  CameraMode mode() const { return mode_; }
  bool gliding() const { return glide_.has_value(); }
  // Where the pixel (x, y) lands on the plane through the center of `camera` facing it.
  static glm::vec3 pointOnFocusPlane(const Camera& camera, float x_px, float y_px, float width_px,
                                     float height_px);

 private:
  void takeControl();

  struct Glide {
    Camera from;
    std::optional<Camera> to;  // empty: the (moving) timeline camera
    double elapsed = 0.0;
  };

  CameraMode mode_ = CameraMode::Timeline;
  FreeView free_;
  std::optional<Glide> glide_;
  Camera current_;
};

// smoothstep(0, 1, x): the glide's easing.
float smoothstep01(float x);

// "reorient(-40.00, -15.00, 0.00, (-2.00, 0.00, 0.00), 14.00)": manimgl's frame.reorient call.
std::string reorientString(const Camera& camera);
// {"euler_deg":[t,p,g],"center":[x,y,z],"height":h}, numbers rounded to 1e-4.
std::string cameraToJson(const Camera& camera);
// Parses the JSON above. Returns nullopt and sets `error` (one line) on anything else.
std::optional<Camera> cameraFromJson(const std::string& text, std::string* error = nullptr);

}  // namespace flowview::viewer
