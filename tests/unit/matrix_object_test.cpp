// The matrix object's elements: counts, positions, colours, masked cells, reduced views, parts.
#include <gtest/gtest.h>

#include <cmath>

#include "core/math/color.h"
#include "core/scenes/matrix_object.h"

namespace flowview::scenes {
namespace {

Eigen::MatrixXd sample(int rows, int columns) {
  Eigen::MatrixXd m(rows, columns);
  for (int r = 0; r < rows; ++r)
    for (int c = 0; c < columns; ++c) m(r, c) = (r - c) * 0.25;
  return m;
}

const TextGeometry& textOf(const Scene& s, int e) {
  return s.texts[s.elements[static_cast<size_t>(e)].geometry];
}

TEST(MatrixObject, SmallMatrixHasOneNumberPerCellAndTwoBrackets) {
  SceneBuilder b("m");
  MatrixOptions o;
  o.name = "w";
  o.center = {1, 2, 0};
  const MatrixHandles m = addMatrix(b, sample(3, 4), o);
  const Scene s = b.finish();
  EXPECT_EQ(m.rows, 3);
  EXPECT_EQ(m.columns, 4);
  EXPECT_EQ(s.elements.size(), 3u * 4u + 2u);
  EXPECT_EQ(s.texts.size(), 12u);
  EXPECT_EQ(s.strokes.size(), 2u);
  for (int e : m.cells) {
    ASSERT_GE(e, 0);
    EXPECT_TRUE(textOf(s, e).is_number);
    EXPECT_EQ(textOf(s, e).decimals, 2);
  }
  EXPECT_EQ(s.elements[static_cast<size_t>(m.cell(1, 2))].id, "w/cell1_2");
  EXPECT_FLOAT_EQ(s.elements[static_cast<size_t>(m.cell(2, 0))].value.initial(), 0.5f);
  // Rows go down, columns go right, centered on `center`; the brackets close the block.
  const glm::vec3 c00 = m.cellCenter(0, 0), c23 = m.cellCenter(2, 3);
  EXPECT_GT(c00.y, c23.y);
  EXPECT_LT(c00.x, c23.x);
  EXPECT_NEAR(0.5f * (c00.x + c23.x), 1.0f, 1e-5f);
  EXPECT_NEAR(0.5f * (c00.y + c23.y), 2.0f, 1e-5f);
  EXPECT_NEAR(c00.y - m.cellCenter(1, 0).y, m.row_pitch, 1e-5f);
  const glm::vec3 lb = s.elements[static_cast<size_t>(m.left_bracket)].pose.initial().position;
  const glm::vec3 rb = s.elements[static_cast<size_t>(m.right_bracket)].pose.initial().position;
  EXPECT_NEAR(lb.x, c00.x - 0.5f * m.column_pitch, 1e-5f);
  EXPECT_NEAR(rb.x, c23.x + 0.5f * m.column_pitch, 1e-5f);
  EXPECT_NEAR(lb.y, 2.0f, 1e-5f);
  // The bracket spans the rows.
  const auto& pts = s.strokes[s.elements[static_cast<size_t>(m.left_bracket)].geometry].points;
  EXPECT_NEAR(pts.front().y - pts.back().y, 3 * m.row_pitch, 1e-5f);
}

TEST(MatrixObject, SignedColoringIsBlueForPositiveAndRedForNegative) {
  SceneBuilder b("m");
  MatrixOptions o;
  o.value_max = 1.0f;
  const MatrixHandles m = addMatrix(b, sample(2, 2), o);  // (1,0) = 0.25, (0,1) = -0.25
  const Scene s = b.finish();
  const Rgb positive = s.elements[static_cast<size_t>(m.cell(1, 0))].color.initial();
  const Rgb negative = s.elements[static_cast<size_t>(m.cell(0, 1))].color.initial();
  EXPECT_GT(positive.b, positive.r);
  EXPECT_GT(negative.r, negative.b);
  EXPECT_EQ(positive, valueToColor(0.25f, 1.0f));
}

TEST(MatrixObject, MagnitudeColoringUsesTheEmbeddingShading) {
  SceneBuilder b("m");
  MatrixOptions o;
  o.coloring = MatrixColoring::Magnitude;
  o.value_max = 2.0f;
  const MatrixHandles m = addMatrix(b, sample(2, 2), o);
  const Scene s = b.finish();
  EXPECT_TRUE(textOf(s, m.cell(0, 0)).color_by_value);
  EXPECT_FLOAT_EQ(textOf(s, m.cell(0, 0)).value_max, 2.0f);
}

TEST(MatrixObject, MaskedCellsShowMinusInfinityInGrey) {
  SceneBuilder b("m");
  Eigen::MatrixXd v = sample(3, 3);
  v(0, 1) = v(0, 2) = v(1, 2) = -std::numeric_limits<double>::infinity();
  MatrixOptions o;
  const MatrixHandles m = addMatrix(b, v, o);
  const Scene s = b.finish();
  int masked = 0;
  for (int r = 0; r < 3; ++r)
    for (int c = 0; c < 3; ++c) {
      const TextGeometry& g = textOf(s, m.cell(r, c));
      if (c > r) {
        ++masked;
        EXPECT_FALSE(g.is_number);
        EXPECT_EQ(g.utf8, "-\u221E");
        EXPECT_EQ(s.elements[static_cast<size_t>(m.cell(r, c))].color.initial(), o.masked_color);
      } else {
        EXPECT_TRUE(g.is_number);
      }
    }
  EXPECT_EQ(masked, 3);
}

TEST(MatrixObject, ReducedViewShowsFirstAndLastColumnsWithDots) {
  SceneBuilder b("m");
  MatrixOptions o;
  o.name = "x";
  o.max_columns = 6;
  const MatrixHandles m = addMatrix(b, sample(8, 32), o);
  const Scene s = b.finish();
  for (int c = 0; c < 32; ++c) EXPECT_EQ(m.columnShown(c), c < 3 || c >= 29) << c;
  for (int r = 0; r < 8; ++r) {
    EXPECT_TRUE(m.rowShown(r));
    ASSERT_GE(m.row_dots[static_cast<size_t>(r)], 0);
    EXPECT_EQ(s.elements[static_cast<size_t>(m.row_dots[size_t(r)])].kind, ElementKind::Fill);
    EXPECT_EQ(m.cell(r, 10), -1);
  }
  EXPECT_EQ(s.texts.size(), 8u * 6u);
  // The dots sit between column 2 and column 29, one pitch from each.
  const float dots_x = s.elements[static_cast<size_t>(m.row_dots[0])].pose.initial().position.x;
  EXPECT_NEAR(dots_x - m.column_x[2], m.column_pitch, 1e-5f);
  EXPECT_NEAR(m.column_x[29] - dots_x, m.column_pitch, 1e-5f);
  EXPECT_NEAR(m.width, 7 * m.column_pitch, 1e-5f);
  EXPECT_EQ(m.column_dots[0], -1);
  EXPECT_EQ(m.corner_dots, -1);
}

TEST(MatrixObject, ReducedRowsGetVerticalDotsAndACornerWhenBothAreReduced) {
  SceneBuilder b("m");
  MatrixOptions o;
  o.max_columns = 4;
  o.max_rows = 4;
  const MatrixHandles m = addMatrix(b, sample(10, 10), o);
  EXPECT_FALSE(m.rowShown(2));
  EXPECT_TRUE(m.rowShown(8));
  EXPECT_GE(m.column_dots[9], 0);
  EXPECT_GE(m.corner_dots, 0);
  EXPECT_NEAR(m.height, 5 * m.row_pitch, 1e-5f);
}

TEST(MatrixObject, LabelsSitLeftOfRowsAndAboveColumns) {
  SceneBuilder b("m");
  MatrixOptions o;
  o.row_labels = {"a", "b"};
  o.column_labels = {"x", "y", "z"};
  const MatrixHandles m = addMatrix(b, sample(2, 3), o);
  const Scene s = b.finish();
  const auto& row_label = s.elements[static_cast<size_t>(m.row_labels[1])];
  EXPECT_EQ(s.texts[row_label.geometry].utf8, "b");
  EXPECT_EQ(s.texts[row_label.geometry].align, 2);
  EXPECT_NEAR(row_label.pose.initial().position.y, m.row_y[1], 1e-5f);
  EXPECT_LT(row_label.pose.initial().position.x, m.center.x - 0.5f * m.width);
  const auto& column_label = s.elements[static_cast<size_t>(m.column_labels[2])];
  EXPECT_NEAR(column_label.pose.initial().position.x, m.column_x[2], 1e-5f);
  EXPECT_GT(column_label.pose.initial().position.y, m.row_y[0]);
}

TEST(MatrixObject, RowsColumnsAndCellsAreAddressableParts) {
  SceneBuilder b("m");
  MatrixOptions o;
  o.name = "scores";
  o.row_labels = {"t0", "t1", "t2"};
  const MatrixHandles m = addMatrix(b, sample(3, 3), o);
  const Scene s = b.finish();
  const ScenePart* row = s.findPart("scores/row1");
  ASSERT_NE(row, nullptr);
  EXPECT_EQ(row->kind, "row");
  EXPECT_EQ(row->elements,
            (std::vector<int>{m.cell(1, 0), m.cell(1, 1), m.cell(1, 2), m.row_labels[1]}));
  const ScenePart* column = s.findPart("scores/col2");
  ASSERT_NE(column, nullptr);
  EXPECT_EQ(column->elements, (std::vector<int>{m.cell(0, 2), m.cell(1, 2), m.cell(2, 2)}));
  const ScenePart* cell = s.findPart("scores/cell2_1");
  ASSERT_NE(cell, nullptr);
  EXPECT_EQ(cell->elements, std::vector<int>{m.cell(2, 1)});
  const ScenePart* whole = s.findPart("scores");
  ASSERT_NE(whole, nullptr);
  EXPECT_EQ(whole->elements.size(), s.elements.size());
  EXPECT_NE(s.findPart("scores/brackets"), nullptr);
  EXPECT_EQ(s.findPart("scores/row3"), nullptr);
}

TEST(MatrixObject, HighlightSurroundsTheSelection) {
  SceneBuilder b("m");
  const MatrixHandles m = addMatrix(b, sample(3, 3), MatrixOptions{});
  const int row = addMatrixHighlight(b, m, MatrixSelection::ofRow(2), Rgb(1, 1, 0), 1.0);
  const int cell = addMatrixHighlight(b, m, MatrixSelection::ofCell(0, 1), Rgb(1, 1, 0), 2.0);
  const Scene s = b.finish();
  const Element& r = s.elements[static_cast<size_t>(row)];
  EXPECT_EQ(r.id, "matrix/highlight/row2");
  EXPECT_NEAR(r.pose.initial().position.y, m.row_y[2], 1e-5f);
  const auto& pts = s.strokes[r.geometry].points;
  EXPECT_NEAR(pts[1].x - pts[0].x, m.width, 1e-5f);
  EXPECT_DOUBLE_EQ(r.added_at, 1.0);
  const Element& c = s.elements[static_cast<size_t>(cell)];
  EXPECT_EQ(c.pose.initial().position, m.cellCenter(0, 1));
}

}  // namespace
}  // namespace flowview::scenes
