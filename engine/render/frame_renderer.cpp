#include "render/frame_renderer.h"

#include <algorithm>
#include <cstring>

#include "core/image/yuv420.h"
#include "core/timeline/evaluate.h"
#include "render/gl/offscreen_target.h"
#include "render/gl/shader_program.h"
#include "render/gl/yuv420_converter.h"

namespace flowview {

void unpremultiply(std::vector<uint8_t>& rgba) {
  for (size_t i = 0; i < rgba.size(); i += 4) {
    const int a = rgba[i + 3];
    if (a == 0 || a == 255) continue;
    for (int c = 0; c < 3; ++c)
      rgba[i + c] = static_cast<uint8_t>(std::min(255, rgba[i + c] * 255 / a));
  }
}

FrameRenderer::FrameRenderer(text::GlyphAtlas& atlas, const StillSettings& stills)
    : renderer_(atlas, gl::shaderDirectory()),
      live_batcher_(atlas),
      still_batcher_(atlas),
      stills_(stills) {
  live_batcher_.setInvisibleLight(Batcher::kLiveInvisibleLight);
  still_batcher_.setInvisibleLight(Batcher::kStillInvisibleLight);
  // Keep tiles to a size every driver handles with multisampling.
  max_tile_ = std::min(stills_.max_tile, gl::maxFramebufferSize());
}

FrameRenderer::~FrameRenderer() = default;

const FrameState& FrameRenderer::prepare(const Scene& scene, double t,
                                         const FrameAdjustments& adjustments) {
  scene_ = &scene;
  evaluate(scene, t, state_);
  adjuster_.apply(scene, adjustments, state_);
  return state_;
}

const DrawBatches& FrameRenderer::batch(int width, int height, Detail detail) {
  Batcher& batcher = this->batcher(detail);
  DrawBatches& batches = detail == Detail::Live ? live_batches_ : still_batches_;
  // Level of detail and culling follow the target's size in pixels.
  batcher.setViewport(width, height);
  batcher.build(*scene_, state_, batches);
  last_batches_ = &batches;
  return batches;
}

void FrameRenderer::draw(const RenderTarget& target, Detail detail, const RenderOptions& options) {
  const DrawBatches& batches = batch(target.width, target.height, detail);
  if (gpu_timing_) glBeginQuery(GL_TIME_ELAPSED, gpu_query_.id());
  renderer_.draw(batches, state_.camera, options, target);
  if (gpu_timing_) glEndQuery(GL_TIME_ELAPSED);
}

void FrameRenderer::drawFrame(const Scene& scene, double t, const FrameAdjustments& adjustments,
                              const RenderTarget& target, Detail detail) {
  prepare(scene, t, adjustments);
  draw(target, detail);
}

void FrameRenderer::drawToTexture(const gl::OffscreenTarget& target, Detail detail) {
  draw(target.renderTarget(), detail);
  target.resolve();
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
  glFlush();
}

gl::OffscreenTarget& FrameRenderer::offscreen(int width, int height) {
  if (!offscreen_ || offscreen_->width() != width || offscreen_->height() != height) {
    offscreen_.reset();
    offscreen_ = std::make_unique<gl::OffscreenTarget>(width, height, stills_.samples);
  }
  return *offscreen_;
}

RenderTarget FrameRenderer::offscreenTarget(int width, int height) {
  return offscreen(width, height).renderTarget();
}

void FrameRenderer::renderStill(const RenderOptions& options, Image& out) {
  // Level of detail and what the blocks hide follow the whole image, not the tile.
  const DrawBatches& batches = batch(options.width, options.height, Detail::Still);
  out.width = options.width;
  out.height = options.height;
  out.layout = PixelLayout::Rgba8;
  out.rgba.resize(static_cast<size_t>(options.width) * options.height * 4);
  for (int ty = 0; ty < options.height; ty += max_tile_) {
    for (int tx = 0; tx < options.width; tx += max_tile_) {
      const int tw = std::min(max_tile_, options.width - tx);
      const int th = std::min(max_tile_, options.height - ty);
      const gl::OffscreenTarget& target = offscreen(tw, th);
      RenderOptions tile_options = options;
      tile_options.full_width = options.width;
      tile_options.full_height = options.height;
      tile_options.tile_x = tx;
      tile_options.tile_y = ty;
      renderer_.draw(batches, state_.camera, tile_options, target.renderTarget());
      target.readPixels(tile_pixels_);
      for (int row = 0; row < th; ++row) {
        std::memcpy(out.rgba.data() + (static_cast<size_t>(ty + row) * options.width + tx) * 4,
                    tile_pixels_.data() + static_cast<size_t>(row) * tw * 4,
                    static_cast<size_t>(tw) * 4);
      }
    }
  }
  if (options.transparent) unpremultiply(out.rgba);  // the framebuffer holds premultiplied color
  if (stills_.free_large_targets &&
      static_cast<int64_t>(options.width) * options.height > 1920 * 1080)
    offscreen_.reset();
}

void FrameRenderer::renderVideoFrame(const RenderOptions& options, Image& out) {
  RenderOptions opaque = options;
  opaque.transparent = false;
  if (options.width > max_tile_ || options.height > max_tile_ ||
      !gl::Yuv420Converter::accepts(options.width, options.height)) {
    renderStill(opaque, large_still_);
    rgbaToYuv420p(large_still_, out);
    return;
  }
  const DrawBatches& batches = batch(options.width, options.height, Detail::Still);
  const gl::OffscreenTarget& target = offscreen(options.width, options.height);
  renderer_.draw(batches, state_.camera, opaque, target.renderTarget());
  target.resolve();
  if (!yuv_) yuv_ = std::make_unique<gl::Yuv420Converter>(gl::shaderDirectory());
  yuv_->convert(target.resolvedTexture(), options.width, options.height, out);
}

double FrameRenderer::lastDrawGpuMs() {
  GLuint64 nanoseconds = 0;
  glGetQueryObjectui64v(gpu_query_.id(), GL_QUERY_RESULT, &nanoseconds);
  return static_cast<double>(nanoseconds) / 1e6;
}

void FrameRenderer::finish() {
  glFinish();
}

}  // namespace flowview
