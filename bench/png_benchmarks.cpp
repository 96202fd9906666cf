// PNG encoding of a 1920x1080 frame: the export's encoder (libspng, up filter, zlib level 1, RLE)
// against stb's (what exports used before). The frame is a reference image of the default scene
// scaled up 4x, so it has the flat backgrounds and thin lines of real frames.
#include <benchmark/benchmark.h>
#include <stb/stb_image_write.h>

#include <cstdint>
#include <vector>

#include "core/image/image_io.h"
#include "core/image/png_encoder.h"

namespace {

flowview::Image referenceFrame() {
  flowview::Image small;
  flowview::Image frame;
  if (!flowview::readPng(FLOWVIEW_BENCH_BASELINE_DIR "/embeddings.png", small)) return frame;
  frame.width = small.width * 4;
  frame.height = small.height * 4;
  frame.rgba.resize(static_cast<size_t>(frame.width) * frame.height * 4);
  for (int y = 0; y < frame.height; ++y) {
    for (int x = 0; x < frame.width; ++x) {
      const uint8_t* src = &small.rgba[(static_cast<size_t>(y / 4) * small.width + x / 4) * 4];
      uint8_t* dst = &frame.rgba[(static_cast<size_t>(y) * frame.width + x) * 4];
      for (int c = 0; c < 4; ++c) dst[c] = src[c];
    }
  }
  return frame;
}

void BM_EncodePngExport(benchmark::State& state) {
  const flowview::Image frame = referenceFrame();
  std::vector<uint8_t> out;
  for (auto _ : state) {
    flowview::encodePngFast(frame, out);
    benchmark::DoNotOptimize(out.data());
  }
  state.counters["bytes"] = static_cast<double>(out.size());
}
BENCHMARK(BM_EncodePngExport)->Unit(benchmark::kMillisecond);

void BM_EncodePngStb(benchmark::State& state) {
  const flowview::Image frame = referenceFrame();
  size_t bytes = 0;
  for (auto _ : state) {
    bytes = 0;
    stbi_write_png_to_func(
        [](void* context, void*, int size) { *static_cast<size_t*>(context) += size; }, &bytes,
        frame.width, frame.height, 4, frame.rgba.data(), frame.width * 4);
  }
  state.counters["bytes"] = static_cast<double>(bytes);
}
BENCHMARK(BM_EncodePngStb)->Unit(benchmark::kMillisecond);

}  // namespace
