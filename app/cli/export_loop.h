#pragma once
// The loop every frame export runs (`export --out`, each item of `export --per-beat`): frame i is
// rendered on the GL thread and handed to the sink's writer threads (cli/encode_thread.h) while
// frame i + 1 renders; then the sink makes its result visible (FrameSink::finish).
#include <cstdint>
#include <functional>

#include "cli/beat_exports.h"
#include "cli/frame_sink.h"

namespace flowview::cli {

// The frames of one export item.
struct FrameSpan {
  int64_t count = 1;
  double from = 0.0;  // frame i shows the scene at min(from + i / fps, until)
  double until = 0.0;
  double fps = 30.0;
  // Where the camera path stands (0..1) at time t: (t - path_start) / path_length (0 when the
  // length is 0).
  double path_start = 0.0, path_length = 0.0;
};

// Renders the span into `sink` and finishes it. `frame_done(n)` is called after n frames were
// handed over. Throws what rendering or the sink throw; the sink's result is then not visible.
void exportSpan(HeadlessRenderer& renderer, const Scene& scene, const FrameSettings& settings,
                const FrameSpan& span, FrameSink& sink,
                const std::function<void(int64_t)>& frame_done = {});

}  // namespace flowview::cli
