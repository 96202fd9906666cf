// Video frames converted to yuv420p on the GPU (gl::Yuv420Converter) against the CPU reference
// (core/image/yuv420.h) applied to the same frame rendered as RGBA.
#include <gtest/gtest.h>

#include <cstdlib>

#include "core/image/yuv420.h"
#include "core/scenes/scene_file.h"
#include "core/text/font_locator.h"
#include "core/text/glyph_atlas.h"
#include "render/headless_renderer.h"

namespace flowview {
namespace {

struct Compared {
  int luma_max = 0, chroma_max = 0;
  size_t size = 0;
};

Compared compare(const std::string& scene_name, double t, int w, int h) {
  text::GlyphAtlas atlas{text::locateFonts()};
  HeadlessRenderer renderer(atlas, 1);
  const Scene scene =
      scenes::loadSceneFile(std::string(FLOWVIEW_TEST_SCENE_DIR) + "/" + scene_name, atlas);
  RenderOptions options;
  options.width = w;
  options.height = h;
  Image rgba, gpu, cpu;
  renderer.render(scene, t, options, rgba);
  renderer.renderVideoFrame(scene, t, options, gpu);
  rgbaToYuv420p(rgba, cpu);
  EXPECT_EQ(gpu.layout, PixelLayout::Yuv420p);
  EXPECT_EQ(gpu.width, w);
  Compared result;
  result.size = gpu.rgba.size();
  if (gpu.rgba.size() != cpu.rgba.size()) return result;
  const size_t luma = static_cast<size_t>(w) * h;
  for (size_t i = 0; i < cpu.rgba.size(); ++i) {
    const int d = std::abs(static_cast<int>(gpu.rgba[i]) - cpu.rgba[i]);
    (i < luma ? result.luma_max : result.chroma_max) =
        std::max(i < luma ? result.luma_max : result.chroma_max, d);
  }
  return result;
}

TEST(VideoFrame, GpuConversionMatchesTheCpuReference) {
  // 320 wide: converted on the GPU; the main scene has every colour and sharp edges.
  const Compared c = compare("high_level_network_flow.json", 41.0, 320, 180);
  EXPECT_EQ(c.size, yuv420pSize(320, 180));
  EXPECT_LE(c.luma_max, 1);    // float rounding
  EXPECT_LE(c.chroma_max, 2);  // the 2x2 mean by linear filtering
}

TEST(VideoFrame, WidthsTheGpuDoesNotTakeAreConvertedOnTheCpu) {
  const Compared c = compare("test_pattern.json", 0.0, 66, 36);  // 66 is not a multiple of 8
  EXPECT_EQ(c.size, yuv420pSize(66, 36));
  EXPECT_EQ(c.luma_max, 0);
  EXPECT_EQ(c.chroma_max, 0);
}

}  // namespace
}  // namespace flowview
