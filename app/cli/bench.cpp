// `flowview bench SCENE.json [--size WxH] [--frames N] [--font FILE] [--samples N] [--time T]`:
// measures the quality bars of SPEC.md section 7 headless (EGL) and prints one JSON object on
// stdout.
//
//   seek_us   evaluate(scene, t) for many t spread evenly over the timeline (each t timed a few
//             times, its fastest run kept, so a stray interrupt does not count as the cost of t).
//   frame_ms  at the busiest moment (most instances in DrawBatches, sampled every 0.25 s), the
//             frame as a live view draws it (FrameRenderer::drawFrame, Detail::Live):
//             median / p95 of evaluate + adjust + batch build + GL submit + the wait until the
//             GPU is done (no readback), cpu_median = all but the wait, gpu_median = the GPU
//             timer query around the draw, finish_median = the wait.
//             On Mesa llvmpipe the timer query does not cover the tile rasterization (done by
//             worker threads when the frame is flushed), so finish_median is the better measure
//             of raster time there; on a real GPU gpu_median is.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <ctime>
#include <fstream>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <vector>

#include "cli/arguments.h"
#include "cli/commands.h"
#include "cli/scene_inputs.h"
#include "core/description/read_scene.h"
#include "core/draw/draw_batches.h"
#include "core/scenes/scene_file.h"
#include "core/text/font_locator.h"
#include "core/text/glyph_atlas.h"
#include "core/timeline/evaluate.h"
#include "render/frame_renderer.h"
#include "render/gl/gl_context.h"
#include "render/headless_renderer.h"

namespace flowview::cli {
namespace {

using Clock = std::chrono::steady_clock;

double microseconds(Clock::time_point a, Clock::time_point b) {
  return std::chrono::duration<double, std::micro>(b - a).count();
}

// Nearest-rank percentile of unsorted values (q in [0, 1]).
double percentile(std::vector<double> values, double q) {
  if (values.empty()) return 0.0;
  std::sort(values.begin(), values.end());
  const auto rank = static_cast<size_t>(std::ceil(q * static_cast<double>(values.size())));
  return values[std::clamp<size_t>(rank, 1, values.size()) - 1];
}
double processCpuMs() {
  timespec now{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) * 1e3 + static_cast<double>(now.tv_nsec) / 1e6;
}

double median(const std::vector<double>& values) {
  return percentile(values, 0.5);
}

double rounded(double v, int decimals) {
  const double scale = std::pow(10.0, decimals);
  return std::round(v * scale) / scale;
}

// Peak resident set size (VmHWM) in MiB, 0 when /proc is not readable.
double peakRssMb() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("VmHWM:", 0) == 0) return std::strtod(line.c_str() + 6, nullptr) / 1024.0;
  }
  return 0.0;
}

nlohmann::ordered_json seekFigures(const Scene& scene) {
  constexpr int kSamples = 2001, kRepeats = 5;
  FrameState state;
  evaluate(scene, 0.0, state);  // size the state once, as a player does
  std::vector<double> all, start, end;
  all.reserve(kSamples);
  for (int i = 0; i < kSamples; ++i) {
    const double u = static_cast<double>(i) / (kSamples - 1);
    const double t = u * scene.duration;
    double best = 1e300;
    for (int r = 0; r < kRepeats; ++r) {
      const auto t0 = Clock::now();
      evaluate(scene, t, state);
      const auto t1 = Clock::now();
      best = std::min(best, microseconds(t0, t1));
    }
    all.push_back(best);
    if (u <= 0.02) start.push_back(best);
    if (u >= 0.98) end.push_back(best);
  }
  const auto [lo, hi] = std::minmax_element(all.begin(), all.end());
  return {{"min", rounded(*lo, 3)},
          {"median", rounded(median(all), 3)},
          {"max", rounded(*hi, 3)},
          {"near_start", rounded(median(start), 3)},
          {"near_end", rounded(median(end), 3)},
          {"samples", kSamples}};
}

// The sampled time with the most instances in a width x height live view (the earliest one on
// ties).
double busiestTime(const Scene& scene, FrameRenderer& frames, int width, int height) {
  double best_t = 0.0;
  size_t best = 0;
  const int steps = static_cast<int>(std::floor(scene.duration / 0.25));
  for (int i = 0; i <= steps + 1; ++i) {
    const double t = std::min(scene.duration, 0.25 * i);
    frames.prepare(scene, t);
    const size_t n = frames.batch(width, height, FrameRenderer::Detail::Live).instanceCount();
    if (n > best) {
      best = n;
      best_t = t;
    }
  }
  return best_t;
}

nlohmann::ordered_json primitives(const FrameState& state, const DrawBatches& batches,
                                  const Batcher& batcher) {
  size_t glyphs = 0, strokes = 0, spheres = 0, fill_vertices = 0;
  for (int p = 0; p < 2; ++p) {
    glyphs += batches.glyphs[p].size();
    strokes += batches.strokes[p].size();
    spheres += batches.spheres[p].size();
    fill_vertices += batches.fills[p].size();
  }
  const auto visible = std::count_if(state.elements.begin(), state.elements.end(),
                                     [](const ElementState& s) { return s.visible; });
  return {{"glyphs", glyphs},
          {"strokes", strokes},
          {"lines", batches.lines.size()},
          {"spheres", spheres},
          {"fill_triangles", fill_vertices / 3},
          {"box_faces", batches.box_faces.size() / 6},
          {"elements", visible},
          {"instances", batches.instanceCount()},
          // Left out: behind block faces that let too little of their light through.
          {"veiled_lines", batcher.veiledStats().lines},
          {"veiled_spheres", batcher.veiledStats().spheres},
          {"veiled_glyphs", batcher.veiledStats().glyphs},
          {"veiled_strokes", batcher.veiledStats().strokes},
          {"veiled_fill_triangles", batcher.veiledStats().fill_triangles}};
}

int bench(const std::vector<std::string>& raw) {
  Arguments args("bench", raw, {"size", "frames", "font", "samples", "model", "text", "time"}, {});
  const std::string path = args.requirePositional(0, "SCENE.json");
  args.expectPositionalCount(1);
  const Size size = args.size("size", {1920, 1080}, 4096, 4096);
  const int frames = args.integer("frames", 120, 1, 100000);
  // By default, what a live view on this GL would use (no multisampling on a software rasterizer).
  const int requested_samples = args.integer("samples", 0, 1, 16);

  text::GlyphAtlas atlas(text::locateFonts(args.option("font").value_or("")));
  scenes::SceneInputs inputs = sceneInputs(args);
  // --model, else the scene's "model": loaded once, as the viewer does; the rebuilds reuse it.
  const std::string model_folder = !inputs.model_folder.empty()
                                       ? inputs.model_folder
                                       : description::readSceneFile(path).model_path;
  if (!model_folder.empty()) {
    scenes::LoadedModel loaded = scenes::loadModelFolder(model_folder);
    inputs.model = loaded.model;
    inputs.model_name = loaded.name;
  }
  const Scene scene = scenes::loadSceneFile(path, atlas, inputs);
  // Rebuilding the scene for a new sentence (tokenize, forward with a model, build): what the
  // viewer's sentence box costs.
  // CPU time is the process's (every BLAS thread), so a busy machine's wait does not count.
  std::vector<double> rebuild_ms, rebuild_cpu_ms;
  for (int i = 0; i < 5; ++i) {
    const auto t0 = Clock::now();
    const double cpu0 = processCpuMs();
    const Scene rebuilt = scenes::loadSceneFile(path, atlas, inputs);
    rebuild_cpu_ms.push_back(processCpuMs() - cpu0);
    rebuild_ms.push_back(microseconds(t0, Clock::now()) / 1000.0);
  }
  HeadlessRenderer renderer(atlas, requested_samples);
  const int samples = renderer.samples();
  if (size.width > renderer.maxTileSize() || size.height > renderer.maxTileSize()) {
    throw ArgumentError("--size must be at most " + std::to_string(renderer.maxTileSize()) + "x" +
                        std::to_string(renderer.maxTileSize()) +
                        " here (bench draws one framebuffer)");
  }

  const nlohmann::ordered_json seek = seekFigures(scene);

  FrameRenderer& frame_renderer = renderer.frames();
  // Level of detail depends on the target size.
  // --time measures that moment instead (the slowest moment is not always the busiest).
  const std::optional<std::string> at = args.option("time");
  const double busiest = at ? args.number("time", 0.0, 0.0, scene.duration)
                            : busiestTime(scene, frame_renderer, size.width, size.height);

  const RenderTarget target = frame_renderer.offscreenTarget(size.width, size.height);
  frame_renderer.setGpuTiming(true);
  const int warmup = std::min(10, std::max(2, frames / 10));
  std::vector<double> frame_ms, cpu_ms, finish_ms, gpu_ms;
  frame_ms.reserve(frames);
  cpu_ms.reserve(frames);
  finish_ms.reserve(frames);
  gpu_ms.reserve(frames);
  frame_renderer.finish();
  gl::throwOnGlError("before the frame loop");
  for (int i = 0; i < warmup + frames; ++i) {
    const auto t0 = Clock::now();
    frame_renderer.drawFrame(scene, busiest, {}, target, FrameRenderer::Detail::Live);
    const auto t1 = Clock::now();
    frame_renderer.finish();
    const auto t2 = Clock::now();
    const double gpu = frame_renderer.lastDrawGpuMs();
    if (i < warmup) continue;
    frame_ms.push_back(microseconds(t0, t2) / 1000.0);
    cpu_ms.push_back(microseconds(t0, t1) / 1000.0);
    finish_ms.push_back(microseconds(t1, t2) / 1000.0);
    gpu_ms.push_back(gpu);
  }
  gl::throwOnGlError("in the frame loop");
  frame_renderer.setGpuTiming(false);

  nlohmann::ordered_json out = {
      {"renderer", gl::rendererName()},
      {"gl", renderer.describe()},
      {"scene", scene.title},
      {"duration", rounded(scene.duration, 3)},
      {"size", {size.width, size.height}},
      {"samples", samples},
      {"frames", frames},
      {"seek_us", seek},
      {"busiest_time", busiest},
      {"frame_ms",
       {{"median", rounded(median(frame_ms), 3)},
        {"p95", rounded(percentile(frame_ms, 0.95), 3)},
        {"cpu_median", rounded(median(cpu_ms), 3)},
        {"gpu_median", rounded(median(gpu_ms), 3)},
        {"finish_median", rounded(median(finish_ms), 3)}}},
      {"primitives", primitives(frame_renderer.state(), frame_renderer.lastBatches(),
                                frame_renderer.batcher(FrameRenderer::Detail::Live))},
      {"draw_calls", renderer.renderer().drawCallsLastFrame()},
      {"rebuild_ms",
       {{"median", rounded(median(rebuild_ms), 3)},
        {"min", rounded(*std::min_element(rebuild_ms.begin(), rebuild_ms.end()), 3)},
        {"cpu_median", rounded(median(rebuild_cpu_ms), 3)},
        {"tokens", scene.model ? scene.model->length() : 0}}},
      {"data_source", scene.model ? scene.model->source : "random (the seed's values)"},
      {"peak_rss_mb", rounded(peakRssMb(), 1)},
  };
  std::cout << out.dump(1) << "\n";
  return 0;
}

}  // namespace

int runBench(const std::vector<std::string>& args) {
  return guarded("bench", bench, args);
}

}  // namespace flowview::cli
