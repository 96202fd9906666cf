// Leaving out what the block faces hide (Veils) must not show: the busiest frames of the main
// scene, 4x multisampled like a still, with and without it, differ by at most 2/255 per channel.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <string>

#include "core/scenes/scene_file.h"
#include "core/text/font_locator.h"
#include "core/text/glyph_atlas.h"
#include "render/headless_renderer.h"

namespace flowview {
namespace {

TEST(VeilCulling, LeavesOutHundredsOfLinesAndChangesNoPixelByMoreThanTwoLevels) {
  text::GlyphAtlas atlas(text::locateFonts());
  const Scene scene = scenes::loadSceneFile(
      std::string(FLOWVIEW_TEST_SOURCE_DIR) + "/../scenes/high_level_network_flow.json", atlas);
  HeadlessRenderer renderer(atlas, 4);
  RenderOptions options;
  options.width = 1280;
  options.height = 720;
  // MLP 2 drawing its network, MLP 3 drawing its network (the busiest moment), its block closing.
  for (double t : {50.0, 63.25, 64.5}) {
    Image culled, full;
    renderer.batcher().setVeilCulling(true);
    renderer.render(scene, t, options, culled);
    const size_t veiled = renderer.batcher().veiledStats().lines;
    renderer.batcher().setVeilCulling(false);
    renderer.render(scene, t, options, full);
    ASSERT_EQ(culled.rgba.size(), full.rgba.size());
    int worst = 0;
    size_t changed = 0;
    for (size_t i = 0; i < full.rgba.size(); ++i) {
      const int d = std::abs(static_cast<int>(culled.rgba[i]) - static_cast<int>(full.rgba[i]));
      worst = std::max(worst, d);
      changed += d > 0;
    }
    EXPECT_LE(worst, 2) << "t = " << t << ": " << changed << " channels changed";
    if (t > 60.0) EXPECT_GT(veiled, 400u) << "t = " << t;  // MLPs 1 and 2 sit behind the blocks
  }
}

}  // namespace
}  // namespace flowview
