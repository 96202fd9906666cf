// Which batch each element lands in (no GL): translucent straight lines go to DrawBatches::lines,
// grouped by width, opaque ones stay strokes; translucent fills sort with the block faces; strokes
// with a backstroke, tapered or flat.
#include <gtest/gtest.h>

#include "batching.h"
#include "core/scenes/shapes.h"

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

Pose placedAt(glm::vec3 p) {
  Pose pose;
  pose.position = p;
  return pose;
}

TEST(DrawBatches, TranslucentFillsSortWithTheBlockFacesBackToFront) {
  // The default camera looks along -z: a far block, a half-black backdrop, a near block.
  SceneBuilder b("sheets");
  BoxGeometry box;
  box.size = {2, 2, 1};
  b.addBox("far", box, placedAt({0, 0, -6}), Rgb(0.2f), 0.75f);
  b.addFill("backdrop", shapes::rectangleFill(8, 8), placedAt({0, 0, -3}), Rgb(0.0f), 0.5f);
  b.addBox("near", box, placedAt({0, 0, 0}), Rgb(0.2f), 0.75f);
  const test_support::BatchedFrame frame(b);
  const std::vector<MeshVertex>& sheets = frame.batches.box_faces;
  ASSERT_EQ(sheets.size(), 12u * 6u + 6u);
  EXPECT_TRUE(frame.batches.fills[1].empty());
  size_t backdrop = sheets.size();
  for (size_t i = 0; i < sheets.size(); ++i)
    if (sheets[i].lit == 0.0f && backdrop == sheets.size()) backdrop = i;
  // Drawn after every face of the far block and before every face of the near one.
  for (size_t i = 0; i < sheets.size(); ++i) {
    if (sheets[i].lit == 0.0f) continue;
    if (sheets[i].position.z < -4.0f) EXPECT_LT(i, backdrop);
    if (sheets[i].position.z > -1.0f) EXPECT_GT(i, backdrop);
  }
}

TEST(DrawBatches, ABracketHasABackstrokeUnderItAndThinsEdgeOn) {
  SceneBuilder b("bracket");
  b.addStroke("face on", shapes::bracket(2.0f, 0.2f, true, 4.0f), Pose{}, Rgb(1.0f));
  Pose edge_on;
  edge_on.position = {0, 3, 0};  // the eye on its plane
  edge_on.rotation = glm::angleAxis(glm::radians(90.0f), glm::vec3(0, 1, 0));
  b.addStroke("edge on", shapes::bracket(2.0f, 0.2f, true, 4.0f), edge_on, Rgb(1.0f));
  const test_support::BatchedFrame frame(b);
  const std::vector<StrokeInstance>& strokes = frame.batches.strokes[0];
  ASSERT_EQ(strokes.size(), 12u);  // per bracket: 3 backstroke segments, then its 3 segments
  for (int k = 0; k < 3; ++k) {
    const StrokeInstance& back = strokes[k];
    const StrokeInstance& front = strokes[k + 3];
    EXPECT_LT(back.width_a, 0.0f) << "a backstroke is marked by negative widths";
    EXPECT_FLOAT_EQ(-back.width_a, front.width_a + shapes::kBracketBackstroke);
    EXPECT_EQ(back.color, glm::vec4(shapes::kBracketBackstroke, 0, 0, 1));  // black, its width
  }
  // Face on: the stem (segment 1) is full width, the arms thin toward their ends.
  EXPECT_NEAR(strokes[4].width_a, 4.0f, 0.05f);
  EXPECT_NEAR(strokes[3].width_a, 4.0f * shapes::kBracketArmEnd, 0.05f);
  // Edge on, the stem is nearly nothing wide, while its backstroke keeps its width.
  EXPECT_LT(strokes[10].width_a, 0.5f);
  EXPECT_GT(-strokes[7].width_a, shapes::kBracketBackstroke - 1e-3f);
}

}  // namespace
}  // namespace flowview
