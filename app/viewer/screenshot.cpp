#include "viewer/screenshot.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>

#include "render/gl/offscreen_target.h"
#include "viewer/pictures_folder.h"

namespace flowview::viewer {

// Tiles stay moderate so a 7680x4320 multisampled shot does not need gigabytes at once.
constexpr int kMaxTile = 2048;

SceneShooter::SceneShooter(int samples) : samples_(samples) {}
SceneShooter::~SceneShooter() = default;

void SceneShooter::shoot(Renderer& renderer, const DrawBatches& batches, const Camera& camera,
                         int width, int height, bool transparent, Image& out) {
  out.width = width;
  out.height = height;
  out.rgba.assign(static_cast<size_t>(width) * height * 4, 0);
  const int tile = std::min(kMaxTile, gl::maxFramebufferSize());
  glDisable(GL_SCISSOR_TEST);
  for (int ty = 0; ty < height; ty += tile) {
    for (int tx = 0; tx < width; tx += tile) {
      const int tw = std::min(tile, width - tx), th = std::min(tile, height - ty);
      if (!target_ || target_->width() != tw || target_->height() != th) {
        target_.reset();
        target_ = std::make_unique<gl::OffscreenTarget>(tw, th, samples_);
      }
      target_->bind();
      RenderOptions options;
      options.width = tw;
      options.height = th;
      options.transparent = transparent;
      options.full_width = width;
      options.full_height = height;
      options.tile_x = tx;
      options.tile_y = ty;
      renderer.draw(batches, camera, options);
      target_->readPixels(tile_pixels_);
      for (int row = 0; row < th; ++row) {
        std::memcpy(out.rgba.data() + (static_cast<size_t>(ty + row) * width + tx) * 4,
                    tile_pixels_.data() + static_cast<size_t>(row) * tw * 4,
                    static_cast<size_t>(tw) * 4);
      }
    }
  }
  if (transparent) {  // the framebuffer holds premultiplied color
    for (size_t i = 0; i < out.rgba.size(); i += 4) {
      const int a = out.rgba[i + 3];
      if (a == 0 || a == 255) continue;
      for (int c = 0; c < 3; ++c) {
        out.rgba[i + c] = static_cast<uint8_t>(std::min(255, out.rgba[i + c] * 255 / a));
      }
    }
  }
  // Large targets are not worth keeping around between screenshots.
  if (static_cast<int64_t>(width) * height > 1920 * 1080) target_.reset();
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
}

void readWindowPixels(int width, int height, Image& out) {
  out.width = width;
  out.height = height;
  const size_t row = static_cast<size_t>(width) * 4;
  out.rgba.resize(row * height);
  glBindFramebuffer(GL_READ_FRAMEBUFFER, 0);
  glReadBuffer(GL_BACK);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, out.rgba.data());
  std::vector<uint8_t> tmp(row);
  for (int y = 0; y < height / 2; ++y) {  // GL rows go bottom-up
    uint8_t* a = out.rgba.data() + row * y;
    uint8_t* b = out.rgba.data() + row * (height - 1 - y);
    std::memcpy(tmp.data(), a, row);
    std::memcpy(a, b, row);
    std::memcpy(b, tmp.data(), row);
  }
  for (size_t i = 3; i < out.rgba.size(); i += 4) out.rgba[i] = 255;  // a window is opaque
}

std::string screenshotPath(const std::string& folder, const std::string& scene_path, double time) {
  std::string stem = std::filesystem::path(scene_path).stem().string();
  if (stem.empty()) stem = "flowview";
  char stamp[64];
  std::snprintf(stamp, sizeof stamp, "_t%.2f", time);
  const std::filesystem::path dir =
      folder.empty() ? std::filesystem::path(".") : std::filesystem::path(folder);
  std::filesystem::path path = dir / (stem + stamp + ".png");
  std::error_code ec;
  for (int i = 2; std::filesystem::exists(path, ec) && i < 10000; ++i) {
    path = dir / (stem + stamp + "_" + std::to_string(i) + ".png");
  }
  return path.string();
}

std::string defaultScreenshotFolder() {
  return userPicturesFolder();
}

}  // namespace flowview::viewer
