#pragma once
// Camera paths for `render` and `export`: --camera replaces the timeline's camera with a fixed
// one (the JSON the viewer's camera panel copies), --orbit turns the camera about the vertical
// axis through the point it looks at (a turntable) over the frames of an export. Pure logic.
#include <optional>
#include <string>

#include "core/camera/camera.h"

namespace flowview::cli {

struct CameraPath {
  std::optional<Camera> fixed;  // --camera; none: the scene's own camera
  double orbit_degrees = 0.0;   // --orbit: the whole turn over the export (negative: clockwise)
  bool active() const { return fixed.has_value() || orbit_degrees != 0.0; }
};

// The camera of a frame `progress` (0 at the first frame, 1 at the last) through an export.
Camera cameraForFrame(const CameraPath& path, const Camera& timeline, double progress);

// --camera's value: the JSON text itself ({"euler_deg":[...],"center":[...],"height":h}) or the
// path of a file holding it. Throws ArgumentError (one line) for unreadable or invalid input.
Camera parseCameraOption(const std::string& value);

}  // namespace flowview::cli
