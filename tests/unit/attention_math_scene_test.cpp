// The attention-math scene module: beats and times, parts, and that the numbers on screen are the
// lesson's numbers (engine/core/lessons), not typed ones.
#include <gtest/gtest.h>

#include <cmath>
#include <set>
#include <string>

#include "core/lessons/attention_gain.h"
#include "core/lessons/attention_head.h"
#include "core/scenes/attention_math.h"
#include "scene_loading.h"

namespace flowview::scenes {
namespace {

struct Built {
  AttentionMathHandles handles;
  Scene scene;
};

const Built& built() {
  static const Built b = [] {
    SceneBuilder builder("attention math");
    Built out;
    out.handles = buildAttentionMath(builder, test_support::atlas(), AttentionMathParams{});
    out.scene = builder.finish();
    return out;
  }();
  return b;
}

TEST(AttentionMathScene, HasTwelveBeatsOverThirtyNineSeconds) {
  const Scene& s = built().scene;
  ASSERT_EQ(s.beats.size(), 12u);
  EXPECT_DOUBLE_EQ(s.duration, 39.0);
  const double expected[] = {3, 4, 4, 4, 3, 3, 3, 2, 4, 3, 4, 2};
  double start = 0;
  for (size_t i = 0; i < 12; ++i) {
    EXPECT_DOUBLE_EQ(s.beats[i].start, start) << i;
    EXPECT_DOUBLE_EQ(s.beats[i].duration(), expected[i]) << s.beats[i].name;
    EXPECT_FALSE(s.beats[i].notes.empty()) << s.beats[i].name;
    start += expected[i];
  }
  EXPECT_EQ(s.beats[7].name, "mask the future");
}

TEST(AttentionMathScene, WeightsAndOutputShowTheHeadsNumbers) {
  const lessons::AttentionHead head =
      lessons::computeAttentionHead(lessons::makeAttentionInputs({}, 1337));
  const Built& b = built();
  for (int r = 0; r < 8; ++r)
    for (int c = 0; c < 8; ++c) {
      ASSERT_GE(b.handles.weights.cell(r, c), 0) << "the T x T weights are shown in full";
      const Element& e = b.scene.elements[size_t(b.handles.weights.cell(r, c))];
      EXPECT_FLOAT_EQ(e.value.initial(), static_cast<float>(head.weights(r, c)));
    }
  EXPECT_FALSE(b.handles.out.columnShown(8));  // 16 columns: a reduced view
  for (int c : {0, 15}) {
    ASSERT_GE(b.handles.out.cell(7, c), 0);
    const Element& e = b.scene.elements[size_t(b.handles.out.cell(7, c))];
    EXPECT_FLOAT_EQ(e.value.initial(), static_cast<float>(head.out(7, c)));
  }
}

TEST(AttentionMathScene, MaskedScoresShowMinusInfinity) {
  const Scene& s = built().scene;
  const ScenePart* masked = s.findPart("masked/cell2_5");
  ASSERT_NE(masked, nullptr);
  const Element& e = s.elements[size_t(masked->elements[0])];
  EXPECT_EQ(s.texts[e.geometry].utf8, "-\u221E");
  const ScenePart* visible = s.findPart("masked/cell5_2");
  ASSERT_NE(visible, nullptr);
  EXPECT_TRUE(s.texts[s.elements[size_t(visible->elements[0])].geometry].is_number);
}

TEST(AttentionMathScene, MatricesAreAddressableAndAppearInTheirBeats) {
  const Scene& s = built().scene;
  for (const char* id :
       {"x", "xbar", "w_avg", "mask", "w_soft", "q", "k", "v", "scores", "scaled", "masked",
        "weights", "out", "gain0", "gain2", "weights/row3", "scores/col5", "x/cell7_31"})
    EXPECT_NE(s.findPart(id), nullptr) << id;
  // The weights' row 3 appears during "softmax row by row" and is gone by the gain beat.
  const Beat& softmax = s.beats[8];
  const Beat& gain = s.beats[10];
  for (int e : s.findPart("weights/row3")->elements) {
    const Element& el = s.elements[size_t(e)];
    EXPECT_GE(el.added_at, softmax.start);
    EXPECT_LT(el.added_at, softmax.end);
    EXPECT_LE(el.removed_at, gain.start + 0.5 + 1e-9);
  }
}

TEST(AttentionMathScene, ElementIdsAreUniqueAndEverythingLeavesBeforeTheGainBeat) {
  const Scene& s = built().scene;
  std::set<std::string> ids;
  for (const Element& e : s.elements) EXPECT_TRUE(ids.insert(e.id).second) << e.id;
  // Only the title and the gain beat's matrices are on screen at the end.
  for (const Element& e : s.elements) {
    if (e.removed_at > s.duration) {
      EXPECT_TRUE(e.id == "title" || e.id.rfind("gain", 0) == 0) << e.id;
    }
  }
}

TEST(AttentionMathScene, NeuromatchBarsAreTheGainedWeights) {
  const Scene& s = built().scene;
  const lessons::GainExample ex = lessons::makeGainExample(20, 2);
  const int flat = s.findElement("gain0/neuromatch"), sharp = s.findElement("gain2/neuromatch");
  ASSERT_GE(flat, 0);
  ASSERT_GE(sharp, 0);
  const auto& flat_bars = s.fills[s.elements[size_t(flat)].geometry].triangles;
  const auto& sharp_bars = s.fills[s.elements[size_t(sharp)].geometry].triangles;
  ASSERT_EQ(sharp_bars.size(), 20u * 6u);
  // gain 4 -> z = 40 on the early pattern.
  const lessons::GainedAttention g = lessons::gainedDotProductAttention(ex.x, ex.q1, ex.q2, 40, 0);
  float total = 0;
  for (int i = 0; i < 20; ++i) {
    EXPECT_NEAR(sharp_bars[size_t(6 * i + 2)].y, 8.0f * g.weights(i), 1e-5f);
    EXPECT_NEAR(flat_bars[size_t(6 * i + 2)].y, 8.0f / 20.0f, 1e-5f);  // z = 0: uniform
    total += sharp_bars[size_t(6 * i + 2)].y;
  }
  EXPECT_NEAR(total, 8.0f, 1e-4f);
  EXPECT_GT(sharp_bars[2].y, sharp_bars[6 * 19 + 2].y);  // weight gathered early
}

TEST(AttentionMathScene, VarianceLabelsSayTheComputedValues) {
  const lessons::AttentionHead head =
      lessons::computeAttentionHead(lessons::makeAttentionInputs({}, 1337));
  const Scene& s = built().scene;
  const int before = s.findElement("scores/variance"), after = s.findElement("scaled/variance");
  ASSERT_GE(before, 0);
  ASSERT_GE(after, 0);
  char expected[32];
  std::snprintf(expected, sizeof expected, "Var = %.2f", head.scores_variance);
  EXPECT_EQ(s.texts[s.elements[size_t(before)].geometry].utf8, expected);
  std::snprintf(expected, sizeof expected, "Var = %.2f", head.scaled_variance);
  EXPECT_EQ(s.texts[s.elements[size_t(after)].geometry].utf8, expected);
}

}  // namespace
}  // namespace flowview::scenes
