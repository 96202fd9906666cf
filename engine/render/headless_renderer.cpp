#include "render/headless_renderer.h"

#include "render/gl/egl_context.h"
#include "render/gl/gl_context.h"

namespace flowview {

namespace {

FrameRenderer::StillSettings headlessStills(int samples) {
  FrameRenderer::StillSettings stills;
  stills.samples = samples <= 0 ? gl::liveSamples() : samples;
  stills.max_tile = 4096;
  return stills;
}

}  // namespace

HeadlessRenderer::HeadlessRenderer(text::GlyphAtlas& atlas, int samples)
    : context_(gl::EglOffscreenContext::create()),
      frames_(std::make_unique<FrameRenderer>(atlas, headlessStills(samples))) {}

HeadlessRenderer::~HeadlessRenderer() {
  context_->makeCurrent();  // the members' GL objects belong to this context
  frames_.reset();
}

std::string HeadlessRenderer::describe() const {
  return context_->describe();
}

FrameRenderer& HeadlessRenderer::frames() {
  context_->makeCurrent();
  return *frames_;
}

void HeadlessRenderer::render(const Scene& scene, double t, const RenderOptions& options,
                              Image& out, const FrameAdjustments& adjustments) {
  FrameRenderer& frames = this->frames();
  frames.prepare(scene, t, adjustments);
  frames.renderStill(options, out);
}

void HeadlessRenderer::renderVideoFrame(const Scene& scene, double t, const RenderOptions& options,
                                        Image& out, const FrameAdjustments& adjustments) {
  FrameRenderer& frames = this->frames();
  frames.prepare(scene, t, adjustments);
  frames.renderVideoFrame(options, out);
}

}  // namespace flowview
