// Thin translucent lines (drawn as wide GL lines, Renderer::drawLines) keep their color and their
// true width at any angle, single-sampled (the live view on a software rasterizer) and 4x
// multisampled (stills).
#include <gtest/gtest.h>

#include <cmath>

#include "core/build/scene_builder.h"
#include "core/text/font_locator.h"
#include "core/text/glyph_atlas.h"
#include "render/headless_renderer.h"

namespace flowview {
namespace {

constexpr int kW = 640, kH = 360;
// Manim stroke width 20 on a 360-pixel-high frame: 20 * 0.01 * 360 / 8 = 9 pixels.
constexpr float kStrokeWidth = 20.0f, kHalfWidthPx = 4.5f;

Scene lineScene() {
  SceneBuilder b("lines");
  LineGeometry g;
  g.width = kStrokeWidth;
  g.lines.push_back({{-5, 2, 0}, {5, 2, 0}, Rgb(0, 1, 0), 0.5f});        // horizontal
  g.lines.push_back({{1, -3.5f, 0}, {5, 0.5f, 0}, Rgb(0, 1, 0), 0.5f});  // 45 degrees
  b.addLines("lines", g, Pose{});
  b.wait(1.0, "hold", "s");
  return b.finish();
}

class Lines : public testing::TestWithParam<int> {};

TEST_P(Lines, KeepTheirColorAndTrueWidthAtAnyAngle) {
  text::GlyphAtlas atlas(text::locateFonts());
  HeadlessRenderer renderer(atlas, GetParam());
  const Scene scene = lineScene();
  RenderOptions options;
  options.width = kW;
  options.height = kH;
  Image image;
  renderer.render(scene, 0.5, options, image);
  const Camera camera = scene.camera.at(0.5);
  auto green = [&](glm::vec3 world, glm::vec2 offset_px) {
    const glm::vec2 p = camera.projectToPixel(world, kW, kH) + offset_px;
    return static_cast<int>(image.pixel(static_cast<int>(p.x), static_cast<int>(p.y))[1]);
  };
  // Opacity 0.5 over black: half green inside, nothing beyond the half width.
  const glm::vec3 h(0, 2, 0);
  EXPECT_NEAR(green(h, {0, 0}), 128, 12);
  EXPECT_NEAR(green(h, {0, kHalfWidthPx - 1.5f}), 128, 12);
  EXPECT_LT(green(h, {0, kHalfWidthPx + 2.5f}), 8);
  EXPECT_EQ(static_cast<int>(image.pixel(320, 100)[0]), 0);  // the color is green only
  // At 45 degrees the width is measured across the line, not along x or y.
  const glm::vec3 d(3, -1.5f, 0);
  const glm::vec2 across = glm::vec2(-1, -1) / std::sqrt(2.0f);  // screen y points down
  EXPECT_NEAR(green(d, {0, 0}), 128, 12);
  EXPECT_NEAR(green(d, across * (kHalfWidthPx - 1.5f)), 128, 12);
  EXPECT_LT(green(d, across * (kHalfWidthPx + 2.5f)), 8);
  EXPECT_LT(green(d, {kHalfWidthPx * std::sqrt(2.0f) + 3.0f, 0}), 8);  // sideways, same limit
}

INSTANTIATE_TEST_SUITE_P(Samples, Lines, testing::Values(1, 4),
                         [](const testing::TestParamInfo<int>& info) {
                           return info.param == 1 ? std::string("SingleSampled")
                                                  : std::string("Multisampled");
                         });

}  // namespace
}  // namespace flowview
