#include "cli/export_loop.h"

#include <algorithm>
#include <memory>

#include "cli/encode_thread.h"
#include "render/headless_renderer.h"

namespace flowview::cli {

void exportSpan(HeadlessRenderer& renderer, const Scene& scene, const FrameSettings& settings,
                const FrameSpan& span, FrameSink& sink,
                const std::function<void(int64_t)>& frame_done) {
  FrameSettings frame = settings;
  frame.layout = sink.pixelLayout();
  // Three frames may wait for the writers; the sink says how many writers it takes (one for the
  // ffmpeg pipe, in order). The workers stop before the sink can go on an error.
  auto encoder = std::make_unique<EncodeThreads>(
      [&](int64_t i, const Image& image) { sink.write(i, image); }, sink.writerThreads(), 3);
  Image image;
  for (int64_t i = 0; i < span.count; ++i) {
    const double t = std::min(span.from + static_cast<double>(i) / span.fps, span.until);
    const double along = span.path_length > 0 ? (t - span.path_start) / span.path_length : 0.0;
    renderFrame(renderer, scene, t, along, frame, image);
    encoder->submit(i, image);
    if (frame_done) frame_done(i + 1);
  }
  encoder->finish();
  encoder.reset();
  sink.finish();
}

}  // namespace flowview::cli
