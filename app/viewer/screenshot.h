#pragma once
// Screenshots from inside the viewer's GL context: the 3D view re-rendered offscreen at any size
// (in tiles when larger than one framebuffer), and the whole window as shown (with the UI).
#include <memory>
#include <string>
#include <vector>

#include "core/camera/camera.h"
#include "core/draw/draw_batches.h"
#include "core/image/image_io.h"
#include "render/renderer.h"

namespace flowview::gl {
class OffscreenTarget;
}

namespace flowview::viewer {

class SceneShooter {
 public:
  explicit SceneShooter(int samples = 4);
  ~SceneShooter();
  // Renders `batches` seen by `camera` into `out` (straight alpha when transparent). Leaves the
  // default framebuffer bound; the caller restores its viewport.
  void shoot(Renderer& renderer, const DrawBatches& batches, const Camera& camera, int width,
             int height, bool transparent, Image& out);

 private:
  std::unique_ptr<gl::OffscreenTarget> target_;
  std::vector<uint8_t> tile_pixels_;
  int samples_;
};

// Reads the default framebuffer's back buffer (call before swapping), rows top to bottom.
void readWindowPixels(int width, int height, Image& out);

// "<folder>/<stem>_t<time>.png", with _2, _3... added when that file exists already.
std::string screenshotPath(const std::string& folder, const std::string& scene_path, double time);
// The user's pictures folder (XDG_PICTURES_DIR, else ~/Pictures), as a full path.
std::string defaultScreenshotFolder();

}  // namespace flowview::viewer
