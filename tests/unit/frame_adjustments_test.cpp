#include "core/frame/frame_adjustments.h"

#include <gtest/gtest.h>

#include "core/scenes/next_tokens.h"
#include "core/timeline/evaluate.h"
#include "scene_loading.h"

namespace flowview {
namespace {

const Scene& mainScene() {
  static const Scene scene =
      scenes::loadSceneFile(std::string(FLOWVIEW_TEST_SCENE_DIR) + "/high_level_network_flow.json",
                            scenes::test_support::atlas());
  return scene;
}

TEST(FrameAdjustments, NoneLeavesTheEvaluatedFrameAsItIs) {
  const Scene& scene = mainScene();
  const FrameState evaluated = evaluate(scene, scene.duration);
  FrameState adjusted = evaluated;
  FrameAdjuster adjuster;
  adjuster.apply(scene, FrameAdjustments{}, adjusted);
  ASSERT_EQ(adjusted.elements.size(), evaluated.elements.size());
  for (size_t i = 0; i < evaluated.elements.size(); ++i) {
    EXPECT_EQ(adjusted.elements[i].pose.scale, evaluated.elements[i].pose.scale) << i;
    EXPECT_EQ(adjusted.elements[i].value, evaluated.elements[i].value) << i;
  }
  EXPECT_EQ(adjusted.camera.center, evaluated.camera.center);
  EXPECT_EQ(adjusted.camera.height, evaluated.camera.height);
}

TEST(FrameAdjustments, TemperatureReweightsTheBarsAsTheNextTokenPatchDoes) {
  const Scene& scene = mainScene();
  const NextTokenBars& bars = scene.next_tokens;
  ASSERT_FALSE(bars.fills.empty());
  FrameState expected = evaluate(scene, scene.duration);
  scenes::applyNextTokenProbabilities(scene, scenes::reweightByTemperature(bars.probabilities, 0.5),
                                      expected);
  FrameState adjusted = evaluate(scene, scene.duration);
  FrameAdjustments adjustments;
  adjustments.temperature = 0.5;
  FrameAdjuster adjuster;
  adjuster.apply(scene, adjustments, adjusted);
  for (size_t i = 0; i < bars.fills.size(); ++i) {
    const auto fill = static_cast<size_t>(bars.fills[i]);
    const auto percent = static_cast<size_t>(bars.percents[i]);
    EXPECT_EQ(adjusted.elements[fill].pose.scale.x, expected.elements[fill].pose.scale.x) << i;
    EXPECT_EQ(adjusted.elements[percent].value, expected.elements[percent].value) << i;
  }
  // Squared odds: the top candidate's bar is longer than the scene's.
  const FrameState plain = evaluate(scene, scene.duration);
  const auto top = static_cast<size_t>(bars.fills[0]);
  EXPECT_GT(adjusted.elements[top].pose.scale.x, plain.elements[top].pose.scale.x);
  // Applying to a freshly evaluated frame again gives the same frame (the cache is keyed right).
  FrameState again = evaluate(scene, scene.duration);
  adjuster.apply(scene, adjustments, again);
  EXPECT_EQ(again.elements[top].pose.scale.x, adjusted.elements[top].pose.scale.x);
  adjustments.temperature = 2.0;
  again = evaluate(scene, scene.duration);
  adjuster.apply(scene, adjustments, again);
  EXPECT_LT(again.elements[top].pose.scale.x, plain.elements[top].pose.scale.x);
}

TEST(FrameAdjustments, CameraReplacesTheTimelinesAfterTheBars) {
  const Scene& scene = mainScene();
  FrameState state = evaluate(scene, 10.0);
  EXPECT_EQ(timelineCamera(scene, 10.0).center, state.camera.center);
  Camera override;
  override.center = {1.0f, 2.0f, 3.0f};
  override.height = 42.0f;
  FrameAdjustments adjustments;
  adjustments.camera = override;
  FrameAdjuster().apply(scene, adjustments, state);
  EXPECT_EQ(state.camera.center, glm::vec3(1.0f, 2.0f, 3.0f));
  EXPECT_EQ(state.camera.height, 42.0f);
}

TEST(FrameAdjustments, TimelineCameraClampsTimeAsEvaluateDoes) {
  const Scene& scene = mainScene();
  EXPECT_EQ(timelineCamera(scene, -5.0).height, evaluate(scene, 0.0).camera.height);
  EXPECT_EQ(timelineCamera(scene, scene.duration + 100.0).center,
            evaluate(scene, scene.duration).camera.center);
}

}  // namespace
}  // namespace flowview
