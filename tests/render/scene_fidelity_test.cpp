// Pixel measurements of the lesson scenes other than the main network flow (issue 13, round 2):
// the unembedding step of mention_context_size_and_unembedding, the formulas and finale of
// transformer_architecture and the GPT-3-scale stack. Each pins a defect seen in a render; the
// comments give the figure before the fix.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "core/scene/frame_state.h"
#include "core/timeline/evaluate.h"
#include "scene_frames.h"

namespace flowview {
namespace {

constexpr int kW = 1280, kH = 720;

std::string scenePath(const std::string& name) {
  return std::string(FLOWVIEW_TEST_SOURCE_DIR) + "/../scenes/" + name;
}

int brightness(const Image& image, int x, int y) {
  const uint8_t* p = image.pixel(x, y);
  return std::max({p[0], p[1], p[2]});
}

// The brightest pixel in [x0, x1) x [y0, y1), clipped to the image.
int brightestIn(const Image& image, int x0, int y0, int x1, int y1) {
  int best = 0;
  for (int y = std::max(0, y0); y < std::min(image.height, y1); ++y) {
    for (int x = std::max(0, x0); x < std::min(image.width, x1); ++x) {
      best = std::max(best, brightness(image, x, y));
    }
  }
  return best;
}

struct Unembedding : testing::SceneFrames {
  Unembedding() : SceneFrames(scenePath("mention_context_size_and_unembedding.json"), kW, kH) {}
  // Where element `id`'s origin lands on screen at time t, and how many pixels one scene unit
  // spans there.
  glm::vec2 pixelOf(const std::string& id, double t, float* px_per_unit = nullptr) const {
    const int e = scene.findElement(id);
    EXPECT_GE(e, 0) << id;
    const glm::vec3 p = scene.elements[static_cast<size_t>(e)].pose.at(t).position;
    const Camera cam = timelineCamera(scene, t);
    const glm::vec2 a = cam.projectToPixel(p, width, height);
    if (px_per_unit)
      *px_per_unit = a.y - cam.projectToPixel(p + glm::vec3(0, 1, 0), width, height).y;
    return a;
  }
};

Unembedding& unembedding() {
  static Unembedding u;
  return u;
}

// At 97 s (the end: softmax done) the "=" between the vector and the product stands clear: right
// of its ink, a third of a unit holds only background (the softmax rectangle's faint fill) before
// the rectangle's edge and the product's bracket. Before the fix the rectangle's edge touched the
// "=" (brightest pixel 200+ right next to its ink).
TEST(SceneFidelity, UnembeddingEqualsStandsClearOfTheProduct) {
  Unembedding& u = unembedding();
  const Image image = u.at(97.0);
  float unit = 0;
  const glm::vec2 eq = u.pixelOf("wu/equals", 97.0, &unit);
  ASSERT_GT(unit, 20.0f);
  const int y0 = static_cast<int>(eq.y - 0.12f * unit), y1 = static_cast<int>(eq.y + 0.12f * unit);
  // The "=" ink's right end: columns right of its centre that still hold a bright pixel.
  int x = static_cast<int>(eq.x);
  while (x < image.width && brightestIn(image, x, y0, x + 1, y1) > 120) ++x;
  const int clear_to = x + static_cast<int>(0.3f * unit);
  const int brightest = brightestIn(image, x + 1, y0, clear_to, y1);
  std::printf("= ink ends at x %d, brightest in the next %d px: %d\n", x, clear_to - x, brightest);
  EXPECT_GT(x - eq.x, 0.1f * unit) << "the = must show";
  EXPECT_LT(brightest, 70) << "something crowds the = on its right";
}

// At 97 s the softmax arrow has a clear zone: a quarter unit above and below it (the seed's
// label sits 0.35 above) and a fifth of a unit past its tip (the list sits 0.25 right of it) hold
// only background. Before the fix the probability list's brace crossed the arrow and the label
// (brightest pixel 255 in the zone).
TEST(SceneFidelity, SoftmaxArrowHasAClearZone) {
  Unembedding& u = unembedding();
  const Image image = u.at(97.0);
  float unit = 0;
  const glm::vec2 mid = u.pixelOf("wu/softmax_arrow", 97.0, &unit);
  ASSERT_GT(unit, 20.0f);
  const int left = static_cast<int>(mid.x - 1.0f * unit),
            tip = static_cast<int>(mid.x + 1.1f * unit);
  const int tip_half = static_cast<int>(0.15f * unit) + 2;
  const int band = static_cast<int>(0.25f * unit);
  const int cy = static_cast<int>(mid.y);
  const int above = brightestIn(image, left, cy - tip_half - band, tip + 2, cy - tip_half);
  const int below = brightestIn(image, left, cy + tip_half, tip + 2, cy + tip_half + band);
  const int past = brightestIn(image, tip + 3, cy - tip_half - band,
                               tip + static_cast<int>(0.2f * unit), cy + tip_half + band);
  const int arrow = brightestIn(image, left, cy - 2, tip - 4, cy + 3);
  std::printf("arrow %d, above %d, below %d, past the tip %d\n", arrow, above, below, past);
  EXPECT_GT(arrow, 200) << "the arrow must show";
  EXPECT_LT(above, 60) << "the label or the list touches the arrow from above";
  EXPECT_LT(below, 60) << "something touches the arrow from below";
  EXPECT_LT(past, 60) << "the list touches the arrow's tip";
}

// transformer_architecture at 67.34 s (the finale, "the whole story"): the frame is filled (every
// cell of a 4x4 grid over the picture holds drawn pixels) and every text in view is large enough
// to read: an em of at least 14 px at 1280x720 (the panels' body text seen in their own views;
// 15 px after the fix). Before the fix: 8 of the 16 cells empty (the panels along a slanted row
// across the middle) and ems down to 2.7 px in the right-hand panels.
TEST(SceneFidelity, TransformerFinaleFillsTheFrameReadably) {
  testing::SceneFrames frames(scenePath("transformer_architecture.json"), kW, kH);
  constexpr double kT = 67.34;
  const Image image = frames.at(kT);
  int empty_cells = 0;
  for (int cy = 0; cy < 4; ++cy) {
    for (int cx = 0; cx < 4; ++cx) {
      int drawn = 0;
      for (int y = cy * kH / 4; y < (cy + 1) * kH / 4; ++y) {
        for (int x = cx * kW / 4; x < (cx + 1) * kW / 4; ++x) drawn += brightness(image, x, y) > 60;
      }
      empty_cells += drawn < 200;
    }
  }
  const FrameState state = evaluate(frames.scene, kT);
  float smallest_em = 1e9f;
  int texts_in_view = 0;
  for (size_t i = 0; i < frames.scene.elements.size(); ++i) {
    const Element& e = frames.scene.elements[i];
    const ElementState& s = state.elements[i];
    if (e.kind != ElementKind::Text || !s.visible || s.opacity < 0.5f) continue;
    const glm::vec2 at = state.camera.projectToPixel(s.pose.position, kW, kH);
    if (at.x < 0 || at.x >= kW || at.y < 0 || at.y >= kH) continue;
    const float em = frames.scene.texts[e.geometry].em_size * s.pose.scale.y;
    const glm::vec2 up = state.camera.projectToPixel(s.pose.position + glm::vec3(0, em, 0), kW, kH);
    smallest_em = std::min(smallest_em, glm::length(up - at));
    ++texts_in_view;
  }
  std::printf("empty cells %d of 16, %d texts in view, smallest em %.1f px\n", empty_cells,
              texts_in_view, smallest_em);
  EXPECT_EQ(empty_cells, 0) << "the finale leaves parts of the frame empty";
  ASSERT_GT(texts_in_view, 10);
  EXPECT_GE(smallest_em, 14.0f) << "some text in the finale is too small to read";
}

}  // namespace
}  // namespace flowview
