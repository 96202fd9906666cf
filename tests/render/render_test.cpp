#include <gtest/gtest.h>

#include "core/image/image_io.h"
#include "core/scenes/scene_file.h"
#include "core/text/font_locator.h"
#include "core/text/glyph_atlas.h"
#include "render/headless_renderer.h"

namespace flowview {
namespace {

struct Fixture {
  text::GlyphAtlas atlas{text::locateFonts()};
  HeadlessRenderer renderer{atlas};
};

Fixture& fixture() {
  static Fixture f;
  return f;
}

Image renderScene(const std::string& name, double t, int w, int h, bool transparent = false) {
  const Scene scene =
      scenes::loadSceneFile(std::string(FLOWVIEW_TEST_SCENE_DIR) + "/" + name, fixture().atlas);
  RenderOptions options;
  options.width = w;
  options.height = h;
  options.transparent = transparent;
  Image image;
  fixture().renderer.render(scene, t, options, image);
  return image;
}

TEST(HeadlessRender, TestPatternPixels) {
  const Scene scene = scenes::loadSceneFile(
      std::string(FLOWVIEW_TEST_SCENE_DIR) + "/test_pattern.json", fixture().atlas);
  const Image image = renderScene("test_pattern.json", 0.0, 320, 180);
  ASSERT_EQ(image.width, 320);
  // Background: black, opaque.
  const uint8_t* corner = image.pixel(2, 2);
  EXPECT_EQ(corner[0], 0);
  EXPECT_EQ(corner[1], 0);
  EXPECT_EQ(corner[2], 0);
  EXPECT_EQ(corner[3], 255);
  // The box's projected center shows its shaded blue, not the red line passing behind it.
  const Camera camera = scene.camera.at(0.0);
  const glm::vec2 c = camera.projectToPixel({0, 0, 0}, 320, 180);
  const uint8_t* box = image.pixel(static_cast<int>(c.x), static_cast<int>(c.y));
  EXPECT_GT(box[2], box[0] + 40) << "box center should be blue";
  EXPECT_GT(box[2], 80);
  // Depth test: where the line passes behind the box it is hidden; beside the box it shows.
  const glm::vec2 hidden = camera.projectToPixel({0, 0, -3}, 320, 180);
  const uint8_t* behind = image.pixel(static_cast<int>(hidden.x), static_cast<int>(hidden.y));
  EXPECT_LT(behind[0], behind[2]) << "the far line must be hidden by the box";
  const glm::vec2 seen = camera.projectToPixel({4, 0, -3}, 320, 180);
  const uint8_t* line = image.pixel(static_cast<int>(seen.x), static_cast<int>(seen.y));
  EXPECT_GT(line[0], 150) << "the line is red where nothing hides it";
  EXPECT_LT(line[2], 140);
}

TEST(HeadlessRender, TransparentBackgroundHasZeroAlpha) {
  const Image image = renderScene("test_pattern.json", 0.0, 160, 90, true);
  EXPECT_EQ(image.pixel(1, 1)[3], 0);
  EXPECT_EQ(image.pixel(80, 45)[3], 255);  // the opaque box
}

TEST(HeadlessRender, TextInkAppearsWhereTheLabelIs) {
  const Scene scene = scenes::loadSceneFile(
      std::string(FLOWVIEW_TEST_SCENE_DIR) + "/test_pattern.json", fixture().atlas);
  const Image image = renderScene("test_pattern.json", 0.0, 640, 360);
  const glm::vec2 c = scene.camera.at(0.0).projectToPixel({0, 2.2f, 0}, 640, 360);
  int bright = 0;
  for (int y = static_cast<int>(c.y) - 12; y <= static_cast<int>(c.y) + 12; ++y)
    for (int x = static_cast<int>(c.x) - 80; x <= static_cast<int>(c.x) + 80; ++x)
      if (image.pixel(x, y)[0] > 200 && image.pixel(x, y)[1] > 200) ++bright;
  EXPECT_GT(bright, 100) << "white glyph ink expected around the label";
}

}  // namespace
}  // namespace flowview
