// frame/arc_picking.h: the attention arc under the cursor, found by projecting each visible arc
// with the frame's camera and measuring the cursor's distance to the projected polyline.
#include "core/frame/arc_picking.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "core/scene/frame_state.h"
#include "core/scene/scene.h"

namespace flowview {
namespace {

TEST(ArcPicking, DistanceToAPolyline) {
  const std::vector<glm::vec2> line = {{0, 0}, {10, 0}, {10, 10}};
  EXPECT_FLOAT_EQ(distanceToPolyline({5, 3}, line), 3.0f);    // above the first segment
  EXPECT_FLOAT_EQ(distanceToPolyline({13, 5}, line), 3.0f);   // beside the second
  EXPECT_FLOAT_EQ(distanceToPolyline({-3, -4}, line), 5.0f);  // past the first end
  const std::vector<glm::vec2> one = {{1, 1}};
  EXPECT_FLOAT_EQ(distanceToPolyline({4, 5}, one), 5.0f);
  EXPECT_TRUE(std::isinf(distanceToPolyline({0, 0}, {})));
}

// Two arcs as the network flow draws them: strokes in the z = 0 plane, one along y = 0 and one
// along y = 2, seen by the default camera (looking down -z at the origin).
struct TwoArcs {
  Scene scene;
  FrameState state;
  Camera camera;
  static constexpr float kWidth = 800, kHeight = 450;

  TwoArcs() {
    for (float y : {0.0f, 2.0f}) {
      StrokeGeometry stroke;
      for (int k = 0; k <= 8; ++k) stroke.points.emplace_back(-2.0f + 0.5f * k, y, 0.0f);
      Element e;
      e.kind = ElementKind::Stroke;
      e.geometry = static_cast<uint32_t>(scene.strokes.size());
      scene.strokes.push_back(stroke);
      scene.elements.push_back(e);
      AttentionArc arc;
      arc.element = static_cast<int>(scene.elements.size()) - 1;
      arc.from = 0;
      arc.to = arc.element + 1;
      arc.weight = 0.25f * static_cast<float>(arc.to);
      scene.attention_arcs.push_back(arc);
      ElementState shown;
      shown.visible = true;
      state.elements.push_back(shown);
    }
  }
  glm::vec2 pixel(glm::vec3 world) const {
    return camera.projectToPixel(world, static_cast<int>(kWidth), static_cast<int>(kHeight));
  }
  std::optional<int> pick(glm::vec2 cursor) const {
    return pickAttentionArc(scene, state, camera, kWidth, kHeight, cursor);
  }
};

TEST(ArcPicking, TheNearestVisibleArcWithinTheRadius) {
  TwoArcs arcs;
  const glm::vec2 centre = arcs.pixel({0, 0, 0});
  EXPECT_NEAR(centre.x, 400.0f, 0.5f);  // the default camera looks at the origin
  EXPECT_NEAR(centre.y, 225.0f, 0.5f);
  EXPECT_EQ(arcs.pick(centre + glm::vec2(0, 4)), 0);
  EXPECT_EQ(arcs.pick(arcs.pixel({1.2f, 2.0f, 0}) + glm::vec2(0, -3)), 1);
  // Between the two (y = 1 is far from both on screen): nothing.
  EXPECT_EQ(arcs.pick(arcs.pixel({0, 1.0f, 0})), std::nullopt);
  // Past the arcs' ends.
  EXPECT_EQ(arcs.pick(arcs.pixel({3.0f, 0, 0})), std::nullopt);
}

TEST(ArcPicking, HiddenOrFadedArcsAreNotPicked) {
  TwoArcs arcs;
  const glm::vec2 centre = arcs.pixel({0, 0, 0});
  arcs.state.elements[0].visible = false;
  EXPECT_EQ(arcs.pick(centre), std::nullopt);
  arcs.state.elements[0].visible = true;
  arcs.state.elements[0].opacity = 0.0f;
  EXPECT_EQ(arcs.pick(centre), std::nullopt);
  arcs.state.elements[0].opacity = 1.0f;
  EXPECT_EQ(arcs.pick(centre), 0);
}

TEST(ArcPicking, FollowsTheElementsPoseAndTheCamera) {
  TwoArcs arcs;
  // The first arc moved up by 1: it is now where the cursor at y = 1 is.
  arcs.state.elements[0].pose.position = {0, 1, 0};
  EXPECT_EQ(arcs.pick(arcs.pixel({0, 1, 0})), 0);
  arcs.state.elements[0].pose = Pose{};
  // The camera moved right: the arcs are left of the view's centre, where the cursor finds them.
  arcs.camera = Camera::fromEuler({0, 0, 0}, {1.5f, 0, 0}, 8.0f);
  EXPECT_EQ(arcs.pick({400, 225}), 0);
  arcs.camera = Camera::fromEuler({0, 0, 0}, {100, 0, 0}, 8.0f);
  EXPECT_EQ(arcs.pick({400, 225}), std::nullopt);
}

}  // namespace
}  // namespace flowview
