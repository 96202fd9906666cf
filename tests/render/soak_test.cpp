// Soak test: renders many small frames headless, scrubbing randomly (deterministic RNG) over the
// main scene, and checks that resident memory stops growing once warmed up and that OpenGL never
// reports an error. Frame count: FLOWVIEW_SOAK_FRAMES, default 1200 (about 20 s at ~16 ms a frame
// on a 2-core llvmpipe machine); the full run is FLOWVIEW_SOAK_FRAMES=10000.
#include <glad/gl.h>
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <random>
#include <string>

#include "core/image/image_io.h"
#include "core/scenes/scene_file.h"
#include "core/text/font_locator.h"
#include "core/text/glyph_atlas.h"
#include "render/headless_renderer.h"

namespace flowview {
namespace {

constexpr int kWarmupFrames = 200;
constexpr int kDefaultFrames = 1200;
constexpr double kMaxGrowthMiB = 8.0;

// VmRSS (resident set) in MiB, -1 when /proc is not readable.
double residentMiB() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("VmRSS:", 0) == 0) return std::strtod(line.c_str() + 6, nullptr) / 1024.0;
  }
  return -1.0;
}

int soakFrames() {
  const char* env = std::getenv("FLOWVIEW_SOAK_FRAMES");
  if (!env || !*env) return kDefaultFrames;
  const long n = std::strtol(env, nullptr, 10);
  return n > 0 ? static_cast<int>(n) : kDefaultFrames;
}

struct SoakFixture {
  text::GlyphAtlas atlas{text::locateFonts()};
  Scene scene = scenes::loadSceneFile(
      std::string(FLOWVIEW_TEST_SCENE_DIR) + "/high_level_network_flow.json", atlas);
  HeadlessRenderer renderer{atlas};
};

SoakFixture& fixture() {
  // Never destroyed: destroying an EGL context terminates the process-wide EGL display, which
  // would take down any other renderer in this test binary.
  static SoakFixture* f = new SoakFixture;
  return *f;
}

TEST(Soak, RandomScrubbingKeepsMemoryFlatAndRaisesNoGlError) {
  SoakFixture& f = fixture();
  const Scene& scene = f.scene;
  ASSERT_GT(scene.duration, 1.0);
  const int frames = soakFrames();
  std::mt19937_64 rng(20240611);
  std::uniform_real_distribution<double> anywhere(0.0, scene.duration);
  RenderOptions options;
  Image image;
  auto renderAt = [&](double t, int width, int height) {
    options.width = width;
    options.height = height;
    f.renderer.render(scene, t, options, image);
    const GLenum error = glGetError();
    ASSERT_EQ(error, static_cast<GLenum>(GL_NO_ERROR))
        << "GL error 0x" << std::hex << error << " at t=" << t;
  };

  // Warm-up: a sweep over the whole timeline (so every buffer reaches the size the busiest
  // moment needs), the scene's very end, then random jumps.
  for (int i = 0; i < kWarmupFrames; ++i) {
    const double t =
        i < kWarmupFrames / 2 ? scene.duration * i / (kWarmupFrames / 2 - 1) : anywhere(rng);
    ASSERT_NO_FATAL_FAILURE(renderAt(t, 160, 90));
  }
  const double baseline = residentMiB();
  ASSERT_GT(baseline, 0.0) << "cannot read VmRSS from /proc/self/status";

  double peak = baseline;
  for (int i = 0; i < frames; ++i) {
    // Every 250th frame is drawn at another size, so the offscreen target is recreated too.
    const bool other_size = i % 250 == 125;
    ASSERT_NO_FATAL_FAILURE(renderAt(anywhere(rng), other_size ? 200 : 160, other_size ? 120 : 90))
        << "frame " << i;
    if (i % 500 == 499) peak = std::max(peak, residentMiB());
  }
  const double end = residentMiB();
  peak = std::max(peak, end);
  std::printf(
      "[ soak     ] %d frames after %d warm-up: VmRSS %.1f MiB -> %.1f MiB (peak %.1f MiB)\n",
      frames, kWarmupFrames, baseline, end, peak);
  RecordProperty("frames", frames);
  RecordProperty("rss_baseline_kib", static_cast<int>(baseline * 1024));
  RecordProperty("rss_end_kib", static_cast<int>(end * 1024));
  EXPECT_LE(end - baseline, kMaxGrowthMiB) << "resident memory grew while scrubbing (leak?)";
  EXPECT_LE(peak - baseline, kMaxGrowthMiB)
      << "resident memory peaked above the bound while scrubbing";
  EXPECT_EQ(glGetError(), static_cast<GLenum>(GL_NO_ERROR));
}

}  // namespace
}  // namespace flowview
