// Whole frames of the main scene compared with committed baselines (tests/baselines/).
//
// Metric: the fraction of pixels whose largest channel difference exceeds 40 (of 255). 0 means
// identical; below 0.5% is the same picture with anti-aliasing or driver noise; a moved or
// missing element changes several percent. The threshold is 1%.
//
// A missing baseline is written from the current output and the test fails: that is how
// baselines are made. Set FLOWVIEW_UPDATE_BASELINES=1 to rewrite them all on purpose. On a
// failure the actual image and a difference image are written next to the test binary.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>

#include "core/image/image_io.h"
#include "core/scenes/scene_file.h"
#include "core/text/font_locator.h"
#include "core/text/glyph_atlas.h"
#include "render/headless_renderer.h"

namespace flowview {
namespace {

constexpr int kW = 480, kH = 270;
constexpr double kThreshold = 0.01;

struct MainScene {
  text::GlyphAtlas atlas{text::locateFonts()};
  HeadlessRenderer renderer{atlas};
  Scene scene = scenes::loadSceneFile(
      std::string(FLOWVIEW_TEST_SOURCE_DIR) + "/../scenes/high_level_network_flow.json", atlas);
};

MainScene& mainScene() {
  static MainScene m;
  return m;
}

struct Case {
  const char* name;
  double time;
};

class ReferenceFrames : public testing::TestWithParam<Case> {};

TEST_P(ReferenceFrames, MatchBaseline) {
  const Case c = GetParam();
  MainScene& m = mainScene();
  RenderOptions options;
  options.width = kW;
  options.height = kH;
  Image actual;
  m.renderer.render(m.scene, c.time, options, actual);
  const std::string baseline_path =
      std::string(FLOWVIEW_TEST_SOURCE_DIR) + "/baselines/" + c.name + ".png";
  const char* update = std::getenv("FLOWVIEW_UPDATE_BASELINES");
  Image baseline;
  if ((update && std::string(update) == "1") || !readPng(baseline_path, baseline)) {
    writePngAtomically(baseline_path, actual);
    FAIL() << "baseline " << baseline_path << " written; check it and commit it";
  }
  ASSERT_EQ(baseline.width, kW);
  ASSERT_EQ(baseline.height, kH);
  Image diff = actual;
  size_t different = 0;
  for (size_t i = 0; i < actual.rgba.size(); i += 4) {
    int worst = 0;
    for (int k = 0; k < 3; ++k)
      worst = std::max(worst, std::abs(actual.rgba[i + k] - baseline.rgba[i + k]));
    const bool bad = worst > 40;
    different += bad;
    diff.rgba[i] = bad ? 255 : static_cast<uint8_t>(actual.rgba[i] / 4);
    diff.rgba[i + 1] = diff.rgba[i + 2] = static_cast<uint8_t>(actual.rgba[i + 1] / 4);
    diff.rgba[i + 3] = 255;
  }
  const double fraction = static_cast<double>(different) / (kW * kH);
  if (fraction > kThreshold) {
    writePngAtomically(std::string(c.name) + "_actual.png", actual);
    writePngAtomically(std::string(c.name) + "_diff.png", diff);
  }
  EXPECT_LE(fraction, kThreshold) << c.name << " at t=" << c.time << ": " << 100 * fraction
                                  << "% of pixels differ (actual and diff written to "
                                  << std::filesystem::current_path().string() << ")";
}

INSTANTIATE_TEST_SUITE_P(MainScene, ReferenceFrames,
                         testing::Values(Case{"tokens", 6.04}, Case{"embeddings", 16.04},
                                         Case{"inside_attention", 21.54},
                                         Case{"mlp_side_view", 28.04}, Case{"mlp_top_view", 37.04},
                                         Case{"repetitions", 68.04},
                                         Case{"unembedding_bars", 77.04}),
                         [](const testing::TestParamInfo<Case>& info) {
                           return std::string(info.param.name);
                         });

}  // namespace
}  // namespace flowview
