#include "core/scenes/next_tokens.h"

#include <gtest/gtest.h>

#include "core/scenes/scene_file.h"
#include "core/text/font_locator.h"
#include "core/text/glyph_atlas.h"
#include "core/timeline/evaluate.h"

namespace flowview::scenes {
namespace {

TEST(NextTokens, MainSceneExposesItsBars) {
  text::GlyphAtlas atlas(text::locateFonts());
  const Scene scene =
      loadSceneFile(std::string(FLOWVIEW_TEST_SCENE_DIR) + "/high_level_network_flow.json", atlas);
  const NextTokenBars& bars = scene.next_tokens;
  ASSERT_EQ(bars.tokens.size(), 13u);
  EXPECT_EQ(bars.tokens[0], "the");
  EXPECT_DOUBLE_EQ(bars.probabilities[12], 0.0104);
  EXPECT_NEAR(bars.grow_start, 75.04, 1e-9);
  EXPECT_NEAR(bars.grow_end, 77.04, 1e-9);
  EXPECT_DOUBLE_EQ(nextTokenReveal(scene, 70.0), 0.0);
  EXPECT_NEAR(nextTokenReveal(scene, 76.04), 0.5, 1e-9);

  // Temperature 0.5 squares the odds: the 3D bars and percentages follow.
  FrameState state = evaluate(scene, scene.duration);
  const float before_len = state.elements[bars.fills[0]].pose.scale.x;
  const float before_left = state.elements[bars.fills[0]].pose.position.x - 0.5f * 0.0882f * 4.0f;
  const std::vector<double> p = reweightByTemperature(bars.probabilities, 0.5);
  applyNextTokenProbabilities(scene, p, state);
  const ElementState& fill = state.elements[bars.fills[0]];
  EXPECT_NEAR(fill.pose.scale.x / before_len, p[0] / 0.0882, 1e-4);
  EXPECT_NEAR(fill.pose.position.x - 0.5f * static_cast<float>(p[0]) * 4.0f, before_left,
              1e-4);  // left edge fixed
  EXPECT_NEAR(state.elements[bars.percents[0]].value, 100.0 * p[0], 1e-3);
  EXPECT_GT(p[0], 0.0882);  // sharper: the top candidate gains
}

}  // namespace
}  // namespace flowview::scenes
