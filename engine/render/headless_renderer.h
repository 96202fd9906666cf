#pragma once
// Offscreen rendering through EGL: a scene at time t into an Image, for `render`, `export`,
// `bench` and the rendering tests. Images larger than one framebuffer are drawn in tiles.
#include <memory>
#include <string>

#include "core/draw/draw_batches.h"
#include "core/image/image_io.h"
#include "core/scene/frame_state.h"
#include "core/scene/scene.h"
#include "render/renderer.h"

namespace flowview::gl {
class EglOffscreenContext;
class OffscreenTarget;
}  // namespace flowview::gl

namespace flowview {

class HeadlessRenderer {
 public:
  // Creates the EGL context (throws gl::NoContextError) and the GL pipelines (throws
  // gl::ShaderError). `atlas` must outlive this object. `samples`: multisampling (1: none,
  // 0: as a live view would, gl::liveSamples()).
  explicit HeadlessRenderer(text::GlyphAtlas& atlas, int samples = 4);
  ~HeadlessRenderer();

  // Renders the scene at time t. Transparent images have straight (not premultiplied) alpha.
  void render(const Scene& scene, double t, const RenderOptions& options, Image& out);
  // Renders an already evaluated state (benchmarks time the parts separately).
  void renderState(const Scene& scene, const FrameState& state, const RenderOptions& options,
                   Image& out);

  // Binds the multisampled offscreen framebuffer for a width x height draw (created or resized
  // as needed, viewport set) without drawing or reading anything back: `bench` and the soak test
  // time renderer().draw() on its own. width and height must not exceed maxTileSize().
  void bindTarget(int width, int height);

  std::string describe() const;
  int samples() const { return samples_; }
  Renderer& renderer() { return *renderer_; }
  Batcher& batcher() { return batcher_; }
  const DrawBatches& lastBatches() const { return batches_; }
  int maxTileSize() const { return max_tile_; }

 private:
  gl::OffscreenTarget& targetFor(int width, int height);

  std::unique_ptr<gl::EglOffscreenContext> context_;
  std::unique_ptr<Renderer> renderer_;
  Batcher batcher_;
  FrameState state_;
  DrawBatches batches_;
  std::unique_ptr<gl::OffscreenTarget> target_;
  std::vector<uint8_t> tile_pixels_;
  int samples_;
  int max_tile_ = 4096;
};

}  // namespace flowview
