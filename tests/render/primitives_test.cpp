// Pixel assertions for each primitive kind, rendered headless through EGL.
#include <gtest/gtest.h>

#include "core/image/image_io.h"
#include "core/scenes/scene_file.h"
#include "core/text/font_locator.h"
#include "core/text/glyph_atlas.h"
#include "render/headless_renderer.h"
#include "scene_frames.h"

namespace flowview {
namespace {

constexpr int kW = 640, kH = 360;

struct Primitives : testing::SceneFrames {
  Primitives()
      : SceneFrames(std::string(FLOWVIEW_TEST_SOURCE_DIR) + "/scenes/primitives.json", kW, kH) {}
  const uint8_t* pixel(const Image& image, glm::vec3 world) {
    const glm::vec2 p = scene.camera.at(0).projectToPixel(world, kW, kH);
    return image.pixel(static_cast<int>(p.x), static_cast<int>(p.y));
  }
};

Primitives& primitives() {
  static Primitives p;
  return p;
}

TEST(Primitives, TranslucentBlockTintsWhatIsBehindIt) {
  auto& p = primitives();
  const Image image = p.at(3.0);
  // RED_C is (252, 98, 85). Seen through 75% of a lit grey box it is mostly grey, a little red.
  const uint8_t* tinted = p.pixel(image, {-4, 2, -1});            // the panel's center
  const uint8_t* plain = p.pixel(image, {-4.85f, 2.85f, 0.75f});  // the box alone
  EXPECT_GT(tinted[0], plain[0] + 10) << "the red behind must show through";
  EXPECT_GT(tinted[0], tinted[1] + 5);
  // Lit face-on with the light behind the eye, the box is a pale veil (manim's add_light turns it
  // toward white): the panel behind loses its saturation.
  EXPECT_GT(tinted[1], 98 + 30) << "the box must veil what is behind it";
  EXPECT_NEAR(plain[0], plain[1], 6);  // grey where nothing is behind
  EXPECT_GT(plain[1], 60);
}

TEST(Primitives, SphereIsShadedRound) {
  auto& p = primitives();
  const Image image = p.at(3.0);
  const uint8_t* center = p.pixel(image, {4, 2, 0});
  EXPECT_GT(center[0], 150);
  EXPECT_NEAR(center[0], center[2], 8);                        // white sphere: grey, not tinted
  const uint8_t* outside = p.pixel(image, {4.75f, 2.75f, 0});  // beyond the radius, inside the quad
  EXPECT_LT(outside[0], 10);
}

TEST(Primitives, StrokeHasItsColorAndWidth) {
  auto& p = primitives();
  const Image image = p.at(3.0);
  const uint8_t* on = p.pixel(image, {0, -2, 0});
  EXPECT_NEAR(on[0], 0x5C, 12);  // TEAL #5CD0B3
  EXPECT_NEAR(on[1], 0xD0, 12);
  EXPECT_NEAR(on[2], 0xB3, 12);
  // Width 20 = 0.2 units of an 8-unit frame = 9 pixels at 360 px: 0.15 units off the axis is
  // outside, 0.05 inside.
  EXPECT_GT(p.pixel(image, {0, -1.95f, 0})[1], 150);
  EXPECT_LT(p.pixel(image, {0, -1.85f, 0})[1], 30);
}

TEST(Primitives, NearerObjectHidesFartherOne) {
  auto& p = primitives();
  const Image image = p.at(3.0);
  const uint8_t* front = p.pixel(image, {0, 1.5f, 0});
  EXPECT_GT(front[0], 200);  // yellow, not blue
  EXPECT_LT(front[2], 60);
  const uint8_t* side = p.pixel(image, {0.7f, 1.5f, -2});  // beside the yellow: the far blue square
  EXPECT_GT(side[2], 150);
}

TEST(Primitives, WriteRevealsTheWordOverTime) {
  auto& p = primitives();
  auto ink = [&](const Image& image) {
    int count = 0;
    const glm::vec2 c = p.scene.camera.at(0).projectToPixel({4, -2, 0}, kW, kH);
    for (int y = static_cast<int>(c.y) - 30; y < static_cast<int>(c.y) + 30; ++y)
      for (int x = static_cast<int>(c.x) - 80; x < static_cast<int>(c.x) + 80; ++x)
        if (image.pixel(x, y)[0] > 180) ++count;
    return count;
  };
  const int before = ink(p.at(0.0)), middle = ink(p.at(1.0)), after = ink(p.at(3.0));
  EXPECT_EQ(before, 0);
  EXPECT_GT(middle, 0);
  EXPECT_GT(after, middle);
  EXPECT_GT(after, 300);
}

}  // namespace
}  // namespace flowview
