// scenes/matrix_example.json rendered headless: the general layer's matrix objects and their
// highlights in pixels (a yellow rectangle around a row, a tinted row behind its numbers, a column
// and a cell outlined in their colours, the grey "-∞" of masked cells).
#include <gtest/gtest.h>

#include <algorithm>

#include "scene_frames.h"

namespace flowview {
namespace {

constexpr int kW = 1280, kH = 720;

struct MatrixFrames : testing::SceneFrames {
  MatrixFrames()
      : SceneFrames(std::string(FLOWVIEW_TEST_SCENE_DIR) + "/matrix_example.json", kW, kH) {}
  glm::vec3 cell(const std::string& id) const {
    const ScenePart* part = scene.findPart(id);
    EXPECT_NE(part, nullptr) << id;
    if (!part) return glm::vec3(0.0f);
    return scene.elements[static_cast<size_t>(part->elements.front())].pose.initial().position;
  }
  glm::ivec2 pixel(glm::vec3 world) const {
    const glm::vec2 p = scene.camera.at(0).projectToPixel(world, kW, kH);
    return {static_cast<int>(p.x), static_cast<int>(p.y)};
  }
  // The brightest pixel (by channel sum) in a world-space box around `center`.
  static glm::ivec3 brightest(const Image& image, glm::ivec2 a, glm::ivec2 c) {
    glm::ivec3 best(0);
    for (int y = std::max(0, std::min(a.y, c.y)); y <= std::min(kH - 1, std::max(a.y, c.y)); ++y)
      for (int x = std::max(0, std::min(a.x, c.x)); x <= std::min(kW - 1, std::max(a.x, c.x));
           ++x) {
        const uint8_t* p = image.pixel(x, y);
        if (p[0] + p[1] + p[2] > best.x + best.y + best.z) best = {p[0], p[1], p[2]};
      }
    return best;
  }
  glm::ivec3 brightestAround(const Image& image, glm::vec3 center, float half_w,
                             float half_h) const {
    return brightest(image, pixel(center + glm::vec3(-half_w, half_h, 0)),
                     pixel(center + glm::vec3(half_w, -half_h, 0)));
  }
  glm::ivec3 colorAt(const Image& image, glm::vec3 world) const {
    const glm::ivec2 p = pixel(world);
    const uint8_t* q = image.pixel(p.x, p.y);
    return {q[0], q[1], q[2]};
  }
};

MatrixFrames& frames() {
  static MatrixFrames f;
  return f;
}

bool isYellow(glm::ivec3 c) {
  return c.x > 180 && c.y > 180 && c.z < 90;
}

TEST(SceneMatrixRender, HighlightedRowOfTheMaskIsOutlinedInYellowAndOnlyIt) {
  auto& f = frames();
  const Image image = f.at(3.0);  // the "row of sat" highlight has been drawn in
  const glm::vec3 row2 = f.cell("mask/cell2_0"), row1 = f.cell("mask/cell1_0");
  const float half_pitch = 0.5f * (row1.y - row2.y);
  const glm::vec3 middle_x(0.5f * (f.cell("mask/cell2_1").x + f.cell("mask/cell2_2").x), 0, 0);
  // The rectangle's top and bottom edges, between two columns.
  const glm::vec3 top(middle_x.x, row2.y + half_pitch, 0),
      bottom(middle_x.x, row2.y - half_pitch, 0);
  EXPECT_TRUE(isYellow(f.brightestAround(image, top, 0.05f, 0.05f)));
  EXPECT_TRUE(isYellow(f.brightestAround(image, bottom, 0.05f, 0.05f)));
  // Row 0's top edge has no rectangle.
  const glm::vec3 row0_top(middle_x.x, f.cell("mask/cell0_0").y + half_pitch, 0);
  const glm::ivec3 plain = f.brightestAround(image, row0_top, 0.05f, 0.03f);
  EXPECT_LT(plain.x + plain.y + plain.z, 60);
}

TEST(SceneMatrixRender, MaskedCellsShowTheGreyMinusInfinity) {
  auto& f = frames();
  const Image image = f.at(3.0);
  const glm::vec3 masked = f.cell("mask/cell0_1"), zero = f.cell("mask/cell0_0");
  const glm::ivec3 glyph = f.brightestAround(image, masked, 0.25f, 0.12f);
  EXPECT_GT(glyph.x, 90) << "the -∞ glyphs are drawn";
  EXPECT_LT(glyph.x, 200) << "in grey, dimmer than the white zeros";
  EXPECT_NEAR(glyph.x, glyph.y, 12);
  EXPECT_NEAR(glyph.y, glyph.z, 12);
  const glm::ivec3 white = f.brightestAround(image, zero, 0.2f, 0.12f);
  EXPECT_GT(std::min({white.x, white.y, white.z}), 220) << "color_by_value none: white numbers";
}

TEST(SceneMatrixRender, HighlightedRowOfTheWeightsIsTintedBehindItsNumbers) {
  auto& f = frames();
  const Image image = f.at(5.0);  // the fill_opacity 0.2 highlight of row 2, before it fades
  const float gap_x = 0.5f * (f.cell("weights/cell2_0").x + f.cell("weights/cell2_1").x);
  const glm::ivec3 tinted = f.colorAt(image, {gap_x, f.cell("weights/cell2_0").y, 0});
  EXPECT_GT(tinted.x, 30);
  EXPECT_GT(tinted.y, 30);
  EXPECT_LT(tinted.z, 15) << "yellow at 0.2 over black";
  const glm::ivec3 dark = f.colorAt(image, {gap_x, f.cell("weights/cell1_0").y, 0});
  EXPECT_LT(dark.x + dark.y + dark.z, 20) << "the row above is not tinted";
  // The numbers stay in front of the tint: 0.33 is drawn blue (signed colouring).
  const glm::ivec3 number = f.brightestAround(image, f.cell("weights/cell2_1"), 0.25f, 0.12f);
  EXPECT_GT(number.z, number.x + 40);
}

TEST(SceneMatrixRender, ColumnAndCellHighlightsKeepTheirColours) {
  auto& f = frames();
  const Image image = f.at(8.4);
  // Column 0 in TEAL, its left edge halfway between the bracket and the numbers' middle.
  const glm::vec3 c00 = f.cell("weights/cell0_0"), c01 = f.cell("weights/cell0_1");
  const float half_column = 0.5f * (c01.x - c00.x);
  const float mid_y = 0.5f * (c00.y + f.cell("weights/cell1_0").y);
  const glm::ivec3 teal = f.brightestAround(image, {c00.x - half_column, mid_y, 0}, 0.04f, 0.04f);
  EXPECT_GT(teal.y, 150);
  EXPECT_GT(teal.z, 120);
  EXPECT_LT(teal.x, 140);
  // The last cell outlined in RED_C, on its right edge.
  const glm::vec3 c33 = f.cell("weights/cell3_3");
  const glm::ivec3 red = f.brightestAround(image, {c33.x + half_column, c33.y, 0}, 0.04f, 0.04f);
  EXPECT_GT(red.x, 200);
  EXPECT_LT(red.y, 140);
  // The highlights of row 2 have faded out (between columns 1 and 2, away from column 0's).
  const float gap_x = 0.5f * (c01.x + f.cell("weights/cell0_2").x);
  const glm::ivec3 row2 = f.colorAt(image, {gap_x, f.cell("weights/cell2_0").y, 0});
  EXPECT_LT(row2.x + row2.y + row2.z, 20);
}

}  // namespace
}  // namespace flowview
