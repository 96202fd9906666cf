#pragma once
// A matrix of numbers as a scene object any scene can use: numbers in square brackets (the
// embedding columns' bracket style), each cell coloured by its value, masked cells (-inf) shown
// as "-∞", optional row and column labels, and a reduced view (first and last columns or rows
// with dots between) when there are too many to read. Every row, column and cell is an
// addressable ScenePart ("NAME/row3", "NAME/col2", "NAME/cell3_2") that animations can target.
#include <Eigen/Core>
#include <string>
#include <vector>

#include "core/build/scene_builder.h"
#include "core/scenes/network_flow/look.h"

namespace flowview::scenes {

enum class MatrixColoring {
  Plain,      // every number in `MatrixOptions::color`
  Magnitude,  // GREY_C -> WHITE by |value| / value_max, as the embedding entries
  Signed,     // blue for positive, red for negative, brighter with |value| / value_max
};

struct MatrixOptions {
  std::string name = "matrix";  // element ids and part ids start with it
  glm::vec3 center{0.0f};       // the middle of the cell block, in the xy plane
  int decimals = 2;
  MatrixColoring coloring = MatrixColoring::Signed;
  float value_max = 1.0f;    // |value| that gets the brightest colour
  Rgb color{1.0f};           // numbers under Plain; brackets and labels always
  Rgb masked_color{0.533f};  // GREY_C: the "-∞" of a masked cell
  float em_size = look::layer::kMatrixEntryEm;
  float outline_px = 0.0f;
  float column_pitch = 0.0f;  // 0: wide enough for "-0.00" at `decimals` and em_size
  float row_pitch = 0.0f;     // 0: 1.7 em
  std::vector<std::string> row_labels, column_labels;  // empty: none; else one per row / column
  // Reduced view: beyond `max_columns` columns, show the first `max_columns / 2` and the last
  // `max_columns - max_columns / 2` with a column of dots between (rows likewise).
  int max_columns = 10, max_rows = 12;
  // Instead of the reduced view's rows: exactly these data rows (increasing), with a row of dots
  // wherever rows are left out (before the first, between two, after the last).
  std::vector<int> shown_rows;
  // The embedding columns' brackets.
  float bracket_stroke = look::layer::kColumnBracketStroke;
  float bracket_serif = look::layer::kColumnBracketSerif;
};

// Whether data row (or column) `index` of `count` is shown when at most `max_shown` are: all
// when they fit, else the first max_shown / 2 and the last max_shown - max_shown / 2.
bool shownInReducedView(int index, int count, int max_shown);

// What was added: element indices (-1 where nothing is shown) and where things are.
struct MatrixHandles {
  std::string name;
  int rows = 0, columns = 0;                   // of the data
  std::vector<int> cells;                      // rows x columns, row-major; -1 when not shown
  std::vector<int> row_dots, column_dots;      // per data row / column: its ellipsis, or -1
  std::vector<int> row_labels, column_labels;  // per data row / column, or -1
  int corner_dots = -1, left_bracket = -1, right_bracket = -1;
  std::vector<float> row_y, column_x;  // per data row / column, NaN when not shown
  glm::vec3 center{0.0f};
  float width = 0, height = 0;  // the bracketed block
  float row_pitch = 0, column_pitch = 0;

  int cell(int row, int column) const { return cells[static_cast<size_t>(row * columns + column)]; }
  bool rowShown(int row) const;
  bool columnShown(int column) const;
  std::vector<int> rowElements(int row) const;        // shown cells, its dots, its label
  std::vector<int> columnElements(int column) const;  // shown cells, its dots, its label
  std::vector<int> allElements() const;
  // The world position of a shown cell (the middle of its number).
  glm::vec3 cellCenter(int row, int column) const;
};

// Adds the matrix's elements (visible from now(), like every SceneBuilder element) and its parts:
// NAME (kind "matrix"), NAME/brackets ("brackets"), NAME/rowR ("row"), NAME/colC ("column"),
// NAME/cellR_C ("cell") for shown rows, columns and cells.
MatrixHandles addMatrix(SceneBuilder& builder, const Eigen::MatrixXd& values,
                        const MatrixOptions& options);

// What a highlight surrounds.
struct MatrixSelection {
  enum Kind { Row, Column, Cell } kind = Cell;
  int row = 0, column = 0;
  static MatrixSelection ofRow(int r) { return {Row, r, 0}; }
  static MatrixSelection ofColumn(int c) { return {Column, 0, c}; }
  static MatrixSelection ofCell(int r, int c) { return {Cell, r, c}; }
};

// A rectangle outline around a shown row, column or cell (manim's SurroundingRectangle), hidden
// until `at` and drawn in over [at, at + run_time]; id NAME/highlight/rowR (colC, cellR_C).
int addMatrixHighlight(SceneBuilder& builder, const MatrixHandles& matrix,
                       MatrixSelection selection, Rgb color, double at, double run_time = 1.0,
                       float stroke_width = 3.0f);
// The rectangle a highlight of `selection` surrounds: its middle and its size.
struct MatrixBox {
  glm::vec3 middle{0.0f};
  glm::vec2 size{0.0f};
  std::string suffix;  // "row2", "col1", "cell2_1"
};
MatrixBox matrixSelectionBox(const MatrixHandles& matrix, MatrixSelection selection);

}  // namespace flowview::scenes
