#include "render/headless_renderer.h"

#include <algorithm>
#include <cstring>

#include "core/timeline/evaluate.h"
#include "render/gl/egl_context.h"
#include "render/gl/gl_context.h"
#include "render/gl/offscreen_target.h"

namespace flowview {

HeadlessRenderer::HeadlessRenderer(text::GlyphAtlas& atlas, int samples)
    : context_(gl::EglOffscreenContext::create()),
      renderer_(std::make_unique<Renderer>(atlas, gl::shaderDirectory())),
      batcher_(atlas),
      samples_(samples) {
  if (samples_ <= 0) samples_ = gl::liveSamples();
  batcher_.setInvisibleLight(Batcher::kStillInvisibleLight);  // stills: the stricter threshold
  // Keep tiles to a size every driver handles with multisampling.
  max_tile_ = std::min(4096, gl::maxFramebufferSize());
}

HeadlessRenderer::~HeadlessRenderer() {
  context_->makeCurrent();  // the members' GL objects belong to this context
}

std::string HeadlessRenderer::describe() const {
  return context_->describe();
}

gl::OffscreenTarget& HeadlessRenderer::targetFor(int width, int height) {
  if (!target_ || target_->width() != width || target_->height() != height) {
    target_.reset();
    target_ = std::make_unique<gl::OffscreenTarget>(width, height, samples_);
  }
  return *target_;
}

void HeadlessRenderer::bindTarget(int width, int height) {
  context_->makeCurrent();  // another renderer in this process may have made its context current
  targetFor(width, height).bind();
}

void HeadlessRenderer::render(const Scene& scene, double t, const RenderOptions& options,
                              Image& out) {
  evaluate(scene, t, state_);
  renderState(scene, state_, options, out);
}

void HeadlessRenderer::renderState(const Scene& scene, const FrameState& state,
                                   const RenderOptions& options, Image& out) {
  context_->makeCurrent();  // another renderer in this process may have made its context current
  batcher_.setViewport(options.width, options.height);
  batcher_.build(scene, state, batches_);
  out.width = options.width;
  out.height = options.height;
  out.rgba.resize(static_cast<size_t>(options.width) * options.height * 4);
  const int tile = max_tile_;
  for (int ty = 0; ty < options.height; ty += tile) {
    for (int tx = 0; tx < options.width; tx += tile) {
      const int tw = std::min(tile, options.width - tx), th = std::min(tile, options.height - ty);
      gl::OffscreenTarget& target = targetFor(tw, th);
      target.bind();
      RenderOptions tile_options = options;
      tile_options.width = tw;
      tile_options.height = th;
      tile_options.full_width = options.width;
      tile_options.full_height = options.height;
      tile_options.tile_x = tx;
      tile_options.tile_y = ty;
      renderer_->draw(batches_, state.camera, tile_options);
      target.readPixels(tile_pixels_);
      for (int row = 0; row < th; ++row) {
        std::memcpy(out.rgba.data() + (static_cast<size_t>(ty + row) * options.width + tx) * 4,
                    tile_pixels_.data() + static_cast<size_t>(row) * tw * 4,
                    static_cast<size_t>(tw) * 4);
      }
    }
  }
  if (options.transparent) {  // the framebuffer holds premultiplied color
    for (size_t i = 0; i < out.rgba.size(); i += 4) {
      const int a = out.rgba[i + 3];
      if (a == 0 || a == 255) continue;
      for (int c = 0; c < 3; ++c)
        out.rgba[i + c] = static_cast<uint8_t>(std::min(255, out.rgba[i + c] * 255 / a));
    }
  }
}

}  // namespace flowview
