#pragma once
// The one owner of a frame. Every consumer (the viewer's window, the presenter console's preview,
// screenshots, `render`, `export` through HeadlessRenderer, `bench`) asks it for "the frame at t
// for this target"; nobody strings the steps together by hand:
//
//   prepare(scene, t, adjustments)  evaluate (core/timeline) -> per-frame adjustments (core/frame)
//   draw(target, detail)            batch for the target's size (core/draw) -> Renderer::draw,
//   which
//                                   binds the target, its viewport and scissor
//   renderStill(options, image)     the same into an image: in tiles when it is larger than one
//                                   framebuffer, un-premultiplied when transparent
//   renderVideoFrame(options, image)  the same as a yuv420p video frame (core/image/yuv420.h),
//                                   converted on the GPU
//
// One prepared frame can be drawn into several targets (the window and a screenshot of it).
#include <memory>
#include <vector>

#include "core/draw/draw_batches.h"
#include "core/frame/frame_adjustments.h"
#include "core/image/image_io.h"
#include "core/scene/frame_state.h"
#include "core/scene/scene.h"
#include "render/gl/gl_objects.h"
#include "render/render_target.h"
#include "render/renderer.h"

namespace flowview::gl {
class OffscreenTarget;
class Yuv420Converter;
}  // namespace flowview::gl

namespace flowview {

class FrameRenderer {
 public:
  // What the batcher leaves out behind the blocks (Batcher::kLiveInvisibleLight and
  // kStillInvisibleLight): live views trade a few levels for speed, stills take the stricter.
  enum class Detail { Live, Still };

  struct StillSettings {
    int samples = 4;      // multisampling of the offscreen framebuffer (1: none)
    int max_tile = 4096;  // largest tile side (also capped by what the driver allows)
    // Free the offscreen framebuffer after a still larger than 1920x1080 (the viewer keeps no
    // gigabyte-sized buffers between screenshots).
    bool free_large_targets = false;
  };

  // Creates the GL pipelines in the current context (throws gl::ShaderError). `atlas` must
  // outlive this object; so must the context.
  FrameRenderer(text::GlyphAtlas& atlas, const StillSettings& stills);
  ~FrameRenderer();

  // Evaluates `scene` at t and applies `adjustments`. `scene` must stay alive and unchanged while
  // the prepared frame is drawn.
  const FrameState& prepare(const Scene& scene, double t, const FrameAdjustments& adjustments = {});
  // Batches the prepared frame for a width x height target without drawing it.
  const DrawBatches& batch(int width, int height, Detail detail);
  // Batches the prepared frame for `target` and draws it there (options: background,
  // transparency). Leaves `target` bound.
  void draw(const RenderTarget& target, Detail detail, const RenderOptions& options = {});
  // prepare() then draw().
  void drawFrame(const Scene& scene, double t, const FrameAdjustments& adjustments,
                 const RenderTarget& target, Detail detail);
  // Draws the prepared frame into `target` and resolves it into its texture, flushed so that a
  // context sharing the texture (the presenter console's) reads the finished picture. Leaves the
  // default framebuffer bound.
  void drawToTexture(const gl::OffscreenTarget& target, Detail detail);
  // Renders the prepared frame as an options.width x options.height still (Detail::Still) into
  // `out`; straight alpha when transparent. Leaves the default framebuffer bound.
  void renderStill(const RenderOptions& options, Image& out);
  // renderStill as a yuv420p video frame (options.transparent ignored; width and height even).
  // Converted on the GPU when the frame fits one framebuffer and its width is a multiple of 8
  // (gl::Yuv420Converter), else on the CPU.
  void renderVideoFrame(const RenderOptions& options, Image& out);

  // The offscreen framebuffer resized to width x height (at most maxTileSize()), for live draws
  // that are timed without reading pixels back (bench).
  RenderTarget offscreenTarget(int width, int height);

  // Wraps every draw in a GPU timer query; lastDrawGpuMs() waits for the last one's result.
  void setGpuTiming(bool on) { gpu_timing_ = on; }
  double lastDrawGpuMs();
  void finish();  // waits until every command sent so far has run

  Batcher& batcher(Detail detail) {
    return detail == Detail::Live ? live_batcher_ : still_batcher_;
  }
  const FrameState& state() const { return state_; }
  const DrawBatches& lastBatches() const { return *last_batches_; }
  Renderer& renderer() { return renderer_; }
  int maxTileSize() const { return max_tile_; }
  int samples() const { return stills_.samples; }

 private:
  gl::OffscreenTarget& offscreen(int width, int height);

  Renderer renderer_;
  FrameAdjuster adjuster_;
  Batcher live_batcher_, still_batcher_;
  DrawBatches live_batches_, still_batches_;
  const DrawBatches* last_batches_ = &live_batches_;
  FrameState state_;
  const Scene* scene_ = nullptr;  // the prepared frame's
  StillSettings stills_;
  int max_tile_ = 4096;
  std::unique_ptr<gl::OffscreenTarget> offscreen_;
  std::vector<uint8_t> tile_pixels_;
  std::unique_ptr<gl::Yuv420Converter> yuv_;  // made on the first video frame
  Image large_still_;                         // a video frame too large for one framebuffer
  bool gpu_timing_ = false;
  gl::Query gpu_query_;
};

// Turns premultiplied RGBA8 (what the framebuffer holds) into straight alpha, in place.
void unpremultiply(std::vector<uint8_t>& rgba);

}  // namespace flowview
