#pragma once
// Offscreen rendering through EGL: an EGL context and the FrameRenderer drawing in it, for
// `render`, `export`, `bench` and the rendering tests. Images larger than one framebuffer are
// drawn in tiles (FrameRenderer::renderStill).
#include <memory>
#include <string>

#include "core/draw/draw_batches.h"
#include "core/image/image_io.h"
#include "core/scene/scene.h"
#include "render/frame_renderer.h"

namespace flowview::gl {
class EglOffscreenContext;
}  // namespace flowview::gl

namespace flowview {

class HeadlessRenderer {
 public:
  // Creates the EGL context (throws gl::NoContextError) and the GL pipelines (throws
  // gl::ShaderError). `atlas` must outlive this object. `samples`: multisampling (1: none,
  // 0: as a live view would, gl::liveSamples()).
  explicit HeadlessRenderer(text::GlyphAtlas& atlas, int samples = 4);
  ~HeadlessRenderer();

  // Renders the scene at time t as a still. Transparent images have straight (not
  // premultiplied) alpha.
  void render(const Scene& scene, double t, const RenderOptions& options, Image& out,
              const FrameAdjustments& adjustments = {});
  // The same as a yuv420p video frame (FrameRenderer::renderVideoFrame).
  void renderVideoFrame(const Scene& scene, double t, const RenderOptions& options, Image& out,
                        const FrameAdjustments& adjustments = {});

  // The frame's owner in this context, made current (another renderer in this process may have
  // made its own context current).
  FrameRenderer& frames();

  std::string describe() const;
  int samples() const { return frames_->samples(); }
  Renderer& renderer() { return frames_->renderer(); }
  // The stills' batcher (tests switch its culling).
  Batcher& batcher() { return frames_->batcher(FrameRenderer::Detail::Still); }
  const DrawBatches& lastBatches() const { return frames_->lastBatches(); }
  int maxTileSize() const { return frames_->maxTileSize(); }

 private:
  std::unique_ptr<gl::EglOffscreenContext> context_;
  std::unique_ptr<FrameRenderer> frames_;
};

}  // namespace flowview
