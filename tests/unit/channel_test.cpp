#include "core/timeline/channel.h"

#include <gtest/gtest.h>

#include "core/build/scene_builder.h"
#include "core/timeline/evaluate.h"

namespace flowview {
namespace {

TEST(Channel, InitialThenSegmentsThenHold) {
  Channel<float> c(2.0f);
  c.animate(1.0, 3.0, 6.0f, Rate::Linear);
  EXPECT_FLOAT_EQ(c.at(0.0), 2.0f);
  EXPECT_FLOAT_EQ(c.at(2.0), 4.0f);
  EXPECT_FLOAT_EQ(c.at(3.0), 6.0f);
  EXPECT_FLOAT_EQ(c.at(100.0), 6.0f);
}

TEST(Channel, NextSegmentStartsFromShownValue) {
  Channel<float> c(0.0f);
  c.animate(0.0, 2.0, 10.0f, Rate::Linear);
  c.animate(1.0, 2.0, 0.0f, Rate::Linear);  // interrupts the first at value 5
  EXPECT_FLOAT_EQ(c.at(1.0), 5.0f);
  EXPECT_FLOAT_EQ(c.at(1.5), 2.5f);
}

TEST(Channel, InsertedSegmentRefreshesLaterStarts) {
  Channel<float> c(0.0f);
  c.animate(2.0, 3.0, 1.0f, Rate::Linear);
  c.animate(0.0, 1.0, 4.0f, Rate::Linear);  // inserted before: the later one now starts at 4
  EXPECT_FLOAT_EQ(c.at(2.5), 2.5f);
}

TEST(Channel, SmoothRateApplied) {
  Channel<float> c(0.0f);
  c.animate(0.0, 1.0, 1.0f, Rate::Smooth);
  EXPECT_NEAR(c.at(0.25), applyRate(Rate::Smooth, 0.25), 1e-6);
}

Scene sampleScene() {
  SceneBuilder b("sample");
  TextGeometry g;
  g.utf8 = "x";
  const int a = b.addText("a", g, Pose{}, Rgb(1.0f));
  const int c = b.addText("c", g, Pose{}, Rgb(1.0f));
  b.fadeIn(a, {0.0, 1.0});
  b.endPlay(1.0, "fade", "s");
  Pose p;
  p.position = {3, 0, 0};
  b.moveTo(a, {1.0, 3.0}, p);
  b.fadeOut(c, {1.5, 2.5});
  b.moveCamera({1.0, 3.0}, Camera::fromEuler({-40, -15, 0}, {1, 2, 3}, 14));
  b.endPlay(2.0, "move", "s");
  b.wait(1.0, "hold", "s");
  return b.finish();
}

void expectSame(const FrameState& x, const FrameState& y) {
  ASSERT_EQ(x.elements.size(), y.elements.size());
  EXPECT_EQ(x.beat, y.beat);
  EXPECT_FLOAT_EQ(x.camera.height, y.camera.height);
  for (size_t i = 0; i < x.elements.size(); ++i) {
    EXPECT_EQ(x.elements[i].visible, y.elements[i].visible);
    if (!x.elements[i].visible) continue;
    EXPECT_FLOAT_EQ(x.elements[i].opacity, y.elements[i].opacity);
    EXPECT_FLOAT_EQ(x.elements[i].pose.position.x, y.elements[i].pose.position.x);
  }
}

TEST(Evaluate, SeekEqualsPlayForwardEqualsScrubBack) {
  const Scene scene = sampleScene();
  EXPECT_DOUBLE_EQ(scene.duration, 4.0);
  ASSERT_EQ(scene.beats.size(), 3u);
  const double target = 2.0;
  const FrameState fresh = evaluate(scene, target);
  FrameState forward;
  for (double t = 0; t <= target + 1e-9; t += 1.0 / 60) evaluate(scene, t, forward);
  evaluate(scene, target, forward);
  FrameState backward;
  for (double t = scene.duration; t >= target; t -= 0.37) evaluate(scene, t, backward);
  evaluate(scene, target, backward);
  expectSame(fresh, forward);
  expectSame(fresh, backward);
  EXPECT_NEAR(fresh.elements[0].pose.position.x, 1.5f, 1e-5f);  // smooth(0.5) = 0.5 of 3
  EXPECT_NEAR(fresh.elements[1].opacity, 0.5f, 1e-5f);
  EXPECT_EQ(fresh.beat, 1);
}

TEST(Evaluate, Deterministic) {
  const Scene a = sampleScene(), b = sampleScene();
  expectSame(evaluate(a, 1.7), evaluate(b, 1.7));
}

TEST(Evaluate, ClampsOutsideTheTimeline) {
  const Scene scene = sampleScene();
  EXPECT_DOUBLE_EQ(evaluate(scene, -5.0).time, 0.0);
  EXPECT_DOUBLE_EQ(evaluate(scene, 99.0).time, scene.duration);
}

}  // namespace
}  // namespace flowview
