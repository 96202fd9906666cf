// A small matrix object rendered headless: signed colours, the grey "-∞" of a masked cell, the
// brackets, and the highlight rectangle around a row.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/image/image_io.h"
#include "core/scenes/matrix_object.h"
#include "core/text/font_locator.h"
#include "core/text/glyph_atlas.h"
#include "render/headless_renderer.h"

namespace flowview {
namespace {

constexpr int kW = 640, kH = 360;

struct MatrixFrame {
  text::GlyphAtlas atlas{text::locateFonts()};
  HeadlessRenderer renderer{atlas};
  scenes::MatrixHandles handles;
  Scene scene;
  Image image;
  MatrixFrame() {
    SceneBuilder b("matrix");
    Eigen::MatrixXd v(2, 2);
    v << 0.9, -0.9, -std::numeric_limits<double>::infinity(), 0.5;
    scenes::MatrixOptions o;
    o.name = "m";
    o.em_size = 0.8f;
    o.decimals = 1;
    o.bracket_stroke = 6.0f;
    handles = scenes::addMatrix(b, v, o);
    scenes::addMatrixHighlight(b, handles, scenes::MatrixSelection::ofRow(1), Rgb(1, 1, 0), 0.0);
    b.wait(2.0, "hold", "matrix");
    scene = b.finish();
    RenderOptions options;
    options.width = kW;
    options.height = kH;
    renderer.render(scene, 1.5, options, image);
  }
  glm::ivec2 toPixel(glm::vec3 world) const {
    const glm::vec2 p = scene.camera.at(0).projectToPixel(world, kW, kH);
    return {static_cast<int>(p.x), static_cast<int>(p.y)};
  }
  // The brightest pixel (by channel sum) in a world-space box around `center`.
  glm::ivec3 brightest(glm::vec3 center, float half_w, float half_h) const {
    const glm::ivec2 a = toPixel(center + glm::vec3(-half_w, half_h, 0));
    const glm::ivec2 c = toPixel(center + glm::vec3(half_w, -half_h, 0));
    glm::ivec3 best(0);
    for (int y = std::max(0, a.y); y <= std::min(kH - 1, c.y); ++y)
      for (int x = std::max(0, a.x); x <= std::min(kW - 1, c.x); ++x) {
        const uint8_t* p = image.pixel(x, y);
        if (p[0] + p[1] + p[2] > best.x + best.y + best.z) best = {p[0], p[1], p[2]};
      }
    return best;
  }
};

MatrixFrame& frame() {
  static MatrixFrame f;
  return f;
}

TEST(MatrixObjectRender, PositiveNumbersAreBlueNegativeRed) {
  auto& f = frame();
  const float hw = 0.35f * f.handles.column_pitch, hh = 0.3f * f.handles.row_pitch;
  const glm::ivec3 positive = f.brightest(f.handles.cellCenter(0, 0), hw, hh);
  EXPECT_GT(positive.z, positive.x + 40) << "0.9 is blue";
  EXPECT_GT(positive.z, 120);
  const glm::ivec3 negative = f.brightest(f.handles.cellCenter(0, 1), hw, hh);
  EXPECT_GT(negative.x, negative.z + 40) << "-0.9 is red";
  EXPECT_GT(negative.x, 120);
}

TEST(MatrixObjectRender, MaskedCellIsGrey) {
  auto& f = frame();
  const glm::ivec3 masked = f.brightest(f.handles.cellCenter(1, 0), 0.35f * f.handles.column_pitch,
                                        0.3f * f.handles.row_pitch);
  EXPECT_GT(masked.x, 70) << "the −∞ glyphs are drawn";
  EXPECT_NEAR(masked.x, masked.y, 12);
  EXPECT_NEAR(masked.y, masked.z, 12);
}

TEST(MatrixObjectRender, BracketsAreWhiteAndTheGapBetweenRowsIsDark) {
  auto& f = frame();
  const glm::vec3 left(f.handles.center.x - 0.5f * f.handles.width, f.handles.center.y, 0);
  const glm::ivec3 bracket = f.brightest(left, 0.05f, 0.05f);
  EXPECT_GT(std::min({bracket.x, bracket.y, bracket.z}), 180);
  // Above the top row, inside the brackets: nothing but background.
  const glm::vec3 above = f.handles.cellCenter(0, 0) + glm::vec3(0, 0.48f * f.handles.row_pitch, 0);
  const uint8_t* p = f.image.pixel(f.toPixel(above).x, f.toPixel(above).y);
  EXPECT_LT(p[0] + p[1] + p[2], 30);
}

TEST(MatrixObjectRender, RowHighlightIsYellowAroundTheRow) {
  auto& f = frame();
  // The top edge of the row-1 rectangle, half a pitch above its numbers, between the columns.
  const glm::vec3 edge(f.handles.center.x, f.handles.row_y[1] + 0.5f * f.handles.row_pitch, 0);
  const glm::ivec3 yellow = f.brightest(edge, 0.1f, 0.04f);
  EXPECT_GT(yellow.x, 180);
  EXPECT_GT(yellow.y, 180);
  EXPECT_LT(yellow.z, 90);
}

}  // namespace
}  // namespace flowview
