// Which batch each element lands in (no GL): translucent straight lines go to DrawBatches::lines,
// grouped by width, opaque ones stay strokes.
#include <gtest/gtest.h>

#include "batching.h"

namespace flowview {
namespace {

LineGeometry linesOf(float width, std::initializer_list<float> opacities) {
  LineGeometry g;
  g.width = width;
  float y = 0.0f;
  for (float opacity : opacities) {
    g.lines.push_back({{-1, y, 0}, {1, y, 0}, Rgb(0.2f, 0.6f, 0.9f), opacity});
    y += 0.5f;
  }
  return g;
}

TEST(DrawBatches, TranslucentLinesAreGroupedByWidthAndOpaqueOnesStayStrokes) {
  SceneBuilder b("lines");
  b.addLines("wide", linesOf(6.0f, {0.5f, 1.0f, 0.25f}), Pose{});
  b.addLines("thin", linesOf(2.0f, {0.5f, 0.001f}), Pose{});  // 0.001: too faint to draw
  const test_support::BatchedFrame frame(b);
  const DrawBatches& batches = frame.batches;

  ASSERT_EQ(batches.lines.size(), 3u);
  EXPECT_FLOAT_EQ(batches.lines[0].width_a, 2.0f);  // sorted by width, thin first
  EXPECT_FLOAT_EQ(batches.lines[1].width_a, 6.0f);
  EXPECT_FLOAT_EQ(batches.lines[2].width_a, 6.0f);
  EXPECT_FLOAT_EQ(batches.lines[1].color.a, 0.5f);  // scene order kept within a width
  EXPECT_FLOAT_EQ(batches.lines[2].color.a, 0.25f);
  ASSERT_EQ(batches.strokes[0].size(), 1u);  // the opaque one
  EXPECT_FLOAT_EQ(batches.strokes[0][0].color.a, 1.0f);
  EXPECT_TRUE(batches.strokes[1].empty());
  EXPECT_EQ(batches.instanceCount(), 4u);
}

}  // namespace
}  // namespace flowview
