// Micro-benchmarks of the per-frame CPU work: evaluate(t), Batcher::build and the layout of a
// changing number, on the main scene (scenes/high_level_network_flow.json). No GL needed.
#include <benchmark/benchmark.h>

#include <array>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>

#include "core/draw/draw_batches.h"
#include "core/scenes/scene_file.h"
#include "core/text/font_locator.h"
#include "core/text/glyph_atlas.h"
#include "core/text/text_layout.h"
#include "core/timeline/evaluate.h"

namespace flowview {
namespace {

const std::string kMainScene =
    std::string(FLOWVIEW_BENCH_SCENE_DIR) + "/high_level_network_flow.json";

// Fonts, atlas and the main scene, loaded once for every benchmark.
struct MainScene {
  text::GlyphAtlas atlas{text::locateFonts()};
  Scene scene = scenes::loadSceneFile(kMainScene, atlas);
  double busiest = busiestTime();

  // The moment with the most instances, sampled every 0.25 s like `flowview bench`.
  double busiestTime() {
    Batcher batcher(atlas);
    FrameState state;
    DrawBatches batches;
    double best_t = 0.0;
    size_t best = 0;
    for (double t = 0.0; t <= scene.duration; t += 0.25) {
      evaluate(scene, t, state);
      batcher.build(scene, state, batches);
      if (batches.instanceCount() > best) {
        best = batches.instanceCount();
        best_t = t;
      }
    }
    return best_t;
  }
};

MainScene& mainScene() {
  static MainScene s;
  return s;
}

// evaluate(t) with a reused FrameState, at `percent` of the timeline (1: near the start,
// 50: the middle, 99: near the end).
void BM_Evaluate(benchmark::State& bm) {
  MainScene& m = mainScene();
  const double t = m.scene.duration * static_cast<double>(bm.range(0)) / 100.0;
  FrameState state;
  evaluate(m.scene, t, state);
  for (auto _ : bm) {
    evaluate(m.scene, t, state);
    benchmark::DoNotOptimize(state.elements.data());
    benchmark::ClobberMemory();
  }
  size_t visible = 0;
  for (const ElementState& s : state.elements) visible += s.visible;
  bm.counters["t_s"] = t;
  bm.counters["visible"] = static_cast<double>(visible);
  bm.SetLabel(bm.range(0) < 10 ? "near start" : bm.range(0) > 90 ? "near end" : "middle");
}
BENCHMARK(BM_Evaluate)->Arg(1)->Arg(50)->Arg(99)->Unit(benchmark::kMicrosecond);

// Scrubbing: evaluate at a different t each iteration, jumping across the whole timeline.
void BM_EvaluateScrub(benchmark::State& bm) {
  MainScene& m = mainScene();
  FrameState state;
  evaluate(m.scene, 0.0, state);
  uint64_t step = 0;
  for (auto _ : bm) {
    const double t = m.scene.duration * static_cast<double>((step++ * 7919) % 1000) / 999.0;
    evaluate(m.scene, t, state);
    benchmark::DoNotOptimize(state.elements.data());
  }
}
BENCHMARK(BM_EvaluateScrub)->Unit(benchmark::kMicrosecond);

// The main scene's busiest frame, evaluated and batched once so the buffers are warm.
struct BusiestFrame {
  explicit BusiestFrame(MainScene& m) : batcher(m.atlas) {
    evaluate(m.scene, m.busiest, state);
    batcher.build(m.scene, state, batches);
  }
  Batcher batcher;
  FrameState state;
  DrawBatches batches;
};

// Batcher::build at the busiest moment (the frame state is evaluated once, outside the loop).
void BM_BatcherBuildBusiest(benchmark::State& bm) {
  MainScene& m = mainScene();
  BusiestFrame f(m);
  auto& [batcher, state, batches] = f;
  for (auto _ : bm) {
    batcher.build(m.scene, state, batches);
    benchmark::DoNotOptimize(batches.glyphs[0].data());
    benchmark::ClobberMemory();
  }
  bm.counters["t_s"] = m.busiest;
  bm.counters["instances"] = static_cast<double>(batches.instanceCount());
  bm.SetItemsProcessed(bm.iterations() * static_cast<int64_t>(batches.instanceCount()));
}
BENCHMARK(BM_BatcherBuildBusiest)->Unit(benchmark::kMicrosecond);

// The whole CPU side of a frame at the busiest moment: evaluate + batch build.
void BM_EvaluateAndBuildBusiest(benchmark::State& bm) {
  MainScene& m = mainScene();
  BusiestFrame f(m);
  auto& [batcher, state, batches] = f;
  for (auto _ : bm) {
    evaluate(m.scene, m.busiest, state);
    batcher.build(m.scene, state, batches);
    benchmark::DoNotOptimize(batches.glyphs[0].data());
  }
}
BENCHMARK(BM_EvaluateAndBuildBusiest)->Unit(benchmark::kMicrosecond);

// Layout of a per-frame changing number (what the batcher does for every numeric entry).
void BM_LayoutNumber(benchmark::State& bm) {
  MainScene& m = mainScene();
  const std::array<const char*, 6> numbers = {"7.3", "-0.4", "12.5", "9.9", "0.0", "-3.1"};
  text::TextLayout layout;
  for (const char* n : numbers) text::layoutTextInto(m.atlas, n, text::TextAlign::Center, layout);
  size_t i = 0;
  for (auto _ : bm) {
    text::layoutTextInto(m.atlas, numbers[i++ % numbers.size()], text::TextAlign::Center, layout);
    benchmark::DoNotOptimize(layout.quads.data());
  }
}
BENCHMARK(BM_LayoutNumber);

// Loading (parsing, validating and building) the main scene: the cost of a hot reload.
void BM_LoadMainScene(benchmark::State& bm) {
  MainScene& m = mainScene();
  std::ifstream file(kMainScene);
  std::stringstream buffer;
  buffer << file.rdbuf();
  const std::string json = buffer.str();
  for (auto _ : bm) {
    Scene scene = scenes::loadSceneString(json, kMainScene, m.atlas);
    benchmark::DoNotOptimize(scene.elements.data());
  }
}
BENCHMARK(BM_LoadMainScene)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace flowview
