#include "core/scenes/matrix_object.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/math/color.h"
#include "core/scenes/shapes.h"

namespace flowview::scenes {
namespace {

constexpr float kNotShown = std::numeric_limits<float>::quiet_NaN();

// Display slots along one axis: data indices, with -1 for the ellipsis of a reduced view.
std::vector<int> displaySlots(int count, int max_shown) {
  std::vector<int> slots;
  max_shown = std::max(2, max_shown);
  if (count <= max_shown) {
    for (int i = 0; i < count; ++i) slots.push_back(i);
    return slots;
  }
  const int head = max_shown / 2, tail = max_shown - head;
  for (int i = 0; i < head; ++i) slots.push_back(i);
  slots.push_back(-1);
  for (int i = count - tail; i < count; ++i) slots.push_back(i);
  return slots;
}

// Display slots for an explicit list of data indices: dots wherever indices are left out.
std::vector<int> chosenSlots(int count, const std::vector<int>& chosen) {
  std::vector<int> slots;
  int previous = -1;
  for (int i : chosen) {
    if (i > previous + 1) slots.push_back(-1);
    slots.push_back(i);
    previous = i;
  }
  if (previous < count - 1) slots.push_back(-1);
  return slots;
}

bool hasDots(const std::vector<int>& slots) {
  return std::find(slots.begin(), slots.end(), -1) != slots.end();
}

// Three dots along `direction` at each of `offsets` from the first (one element for all gaps).
FillGeometry dotsAt(const std::vector<glm::vec3>& offsets, float radius, float gap,
                    glm::vec3 direction) {
  FillGeometry g;
  for (const glm::vec3& offset : offsets) {
    FillGeometry one = shapes::dots(3, radius, gap, direction);
    for (glm::vec3& p : one.triangles) g.triangles.push_back(p + offset - offsets.front());
  }
  return g;
}

// Slot i of n centered on `middle`, `pitch` apart; `flip` counts down (rows go top to bottom).
float slotPosition(int i, int n, float pitch, float middle, bool flip) {
  const float offset = (i - 0.5f * (n - 1)) * pitch;
  return flip ? middle - offset : middle + offset;
}

std::string cellId(const std::string& name, int r, int c) {
  return name + "/cell" + std::to_string(r) + "_" + std::to_string(c);
}

void appendIfShown(std::vector<int>& out, int e) {
  if (e >= 0) out.push_back(e);
}

}  // namespace

bool shownInReducedView(int index, int count, int max_shown) {
  max_shown = std::max(2, max_shown);
  if (index < 0 || index >= count) return false;
  if (count <= max_shown) return true;
  const int head = max_shown / 2, tail = max_shown - head;
  return index < head || index >= count - tail;
}

bool MatrixHandles::rowShown(int row) const {
  return !std::isnan(row_y[static_cast<size_t>(row)]);
}

bool MatrixHandles::columnShown(int column) const {
  return !std::isnan(column_x[static_cast<size_t>(column)]);
}

std::vector<int> MatrixHandles::rowElements(int row) const {
  std::vector<int> out;
  for (int c = 0; c < columns; ++c) appendIfShown(out, cell(row, c));
  appendIfShown(out, row_dots[static_cast<size_t>(row)]);
  appendIfShown(out, row_labels[static_cast<size_t>(row)]);
  return out;
}

std::vector<int> MatrixHandles::columnElements(int column) const {
  std::vector<int> out;
  for (int r = 0; r < rows; ++r) appendIfShown(out, cell(r, column));
  appendIfShown(out, column_dots[static_cast<size_t>(column)]);
  appendIfShown(out, column_labels[static_cast<size_t>(column)]);
  return out;
}

std::vector<int> MatrixHandles::allElements() const {
  std::vector<int> out;
  for (int e : cells) appendIfShown(out, e);
  for (const auto* list : {&row_dots, &column_dots, &row_labels, &column_labels})
    for (int e : *list) appendIfShown(out, e);
  appendIfShown(out, corner_dots);
  appendIfShown(out, left_bracket);
  appendIfShown(out, right_bracket);
  return out;
}

glm::vec3 MatrixHandles::cellCenter(int row, int column) const {
  return {column_x[static_cast<size_t>(column)], row_y[static_cast<size_t>(row)], center.z};
}

MatrixHandles addMatrix(SceneBuilder& b, const Eigen::MatrixXd& values, const MatrixOptions& o) {
  MatrixHandles m;
  m.name = o.name;
  m.rows = static_cast<int>(values.rows());
  m.columns = static_cast<int>(values.cols());
  m.center = o.center;
  const float em = o.em_size;
  // A number at `decimals` is about 0.5 em per character; "-0.00" plus a gap of 0.6 em.
  const int chars = 2 + o.decimals + (o.decimals > 0 ? 1 : 0);
  m.column_pitch = o.column_pitch > 0 ? o.column_pitch : em * (0.5f * chars + 0.6f);
  m.row_pitch = o.row_pitch > 0 ? o.row_pitch : 1.7f * em;
  const std::vector<int> row_slots =
      o.shown_rows.empty() ? displaySlots(m.rows, o.max_rows) : chosenSlots(m.rows, o.shown_rows);
  const std::vector<int> column_slots = displaySlots(m.columns, o.max_columns);
  const int n_rows = static_cast<int>(row_slots.size());
  const int n_columns = static_cast<int>(column_slots.size());
  const bool rows_reduced = hasDots(row_slots);  // a reduced view holds slots of dots
  const bool columns_reduced = hasDots(column_slots);
  m.width = n_columns * m.column_pitch;
  m.height = n_rows * m.row_pitch;
  m.cells.assign(static_cast<size_t>(m.rows * m.columns), -1);
  m.row_dots.assign(static_cast<size_t>(m.rows), -1);
  m.column_dots.assign(static_cast<size_t>(m.columns), -1);
  m.row_labels.assign(static_cast<size_t>(m.rows), -1);
  m.column_labels.assign(static_cast<size_t>(m.columns), -1);
  m.row_y.assign(static_cast<size_t>(m.rows), kNotShown);
  m.column_x.assign(static_cast<size_t>(m.columns), kNotShown);

  const float dot_radius = 0.1f * em, dot_gap = 0.35f * em;
  const float z = o.center.z;
  float gap_column_x = 0;
  std::vector<float> gap_row_ys;
  for (int i = 0; i < n_rows; ++i) {
    const float y = slotPosition(i, n_rows, m.row_pitch, o.center.y, true);
    if (row_slots[i] < 0)
      gap_row_ys.push_back(y);
    else
      m.row_y[static_cast<size_t>(row_slots[i])] = y;
  }
  for (int j = 0; j < n_columns; ++j) {
    const float x = slotPosition(j, n_columns, m.column_pitch, o.center.x, false);
    if (column_slots[j] < 0)
      gap_column_x = x;
    else
      m.column_x[static_cast<size_t>(column_slots[j])] = x;
  }

  for (int r : row_slots) {
    if (r < 0) continue;
    const float y = m.row_y[static_cast<size_t>(r)];
    for (int c : column_slots) {
      if (c < 0) continue;
      const double v = values(r, c);
      TextGeometry g;
      g.em_size = em;
      g.outline_px = o.outline_px;
      Rgb color = o.color;
      if (std::isinf(v) && v < 0) {
        g.utf8 = "-\u221E";  // -∞, its minus the numbers' hyphen
        color = o.masked_color;
      } else {
        g.is_number = true;
        g.decimals = o.decimals;
        g.color_by_value = o.coloring == MatrixColoring::Magnitude;
        g.value_max = o.value_max;
        if (o.coloring == MatrixColoring::Signed)
          color = valueToColor(static_cast<float>(v), o.value_max);
      }
      const int e =
          b.addText(cellId(o.name, r, c), g, poseAt({m.column_x[size_t(c)], y, z}), color);
      if (g.is_number) b.element(e).value.setInitial(static_cast<float>(v));
      m.cells[static_cast<size_t>(r * m.columns + c)] = e;
    }
    if (columns_reduced)  // a reduced view: this row's horizontal dots
      m.row_dots[static_cast<size_t>(r)] = b.addFill(
          o.name + "/dots_row" + std::to_string(r), shapes::dots(3, dot_radius, dot_gap, {1, 0, 0}),
          poseAt({gap_column_x, y, z}), o.color);
  }
  if (rows_reduced) {
    // One element per column for all its gaps (usually one), placed at the first.
    std::vector<glm::vec3> gaps;
    for (float y : gap_row_ys) gaps.push_back({0, y, 0});
    const float first_gap_y = gap_row_ys.front();
    for (int c : column_slots) {
      if (c < 0) continue;
      m.column_dots[static_cast<size_t>(c)] = b.addFill(
          o.name + "/dots_col" + std::to_string(c), dotsAt(gaps, dot_radius, dot_gap, {0, 1, 0}),
          poseAt({m.column_x[size_t(c)], first_gap_y, z}), o.color);
    }
    if (columns_reduced)
      m.corner_dots = b.addFill(o.name + "/dots_corner",
                                dotsAt(gaps, dot_radius, dot_gap, {0.7071f, -0.7071f, 0}),
                                poseAt({gap_column_x, first_gap_y, z}), o.color);
  }

  // Labels: rows right-aligned left of the bracket, columns centered above the top row.
  const float left = o.center.x - 0.5f * m.width, top = o.center.y + 0.5f * m.height;
  TextGeometry label;
  label.em_size = 0.85f * em;
  label.outline_px = o.outline_px;
  if (!o.row_labels.empty()) {
    label.align = 2;
    for (int r = 0; r < m.rows && r < static_cast<int>(o.row_labels.size()); ++r) {
      if (!m.rowShown(r)) continue;
      label.utf8 = o.row_labels[static_cast<size_t>(r)];
      m.row_labels[static_cast<size_t>(r)] = b.addText(
          o.name + "/row_label" + std::to_string(r), label,
          poseAt({left - 2.0f * o.bracket_serif - 0.5f * em, m.row_y[size_t(r)], z}), o.color);
    }
  }
  if (!o.column_labels.empty()) {
    label.align = 1;
    for (int c = 0; c < m.columns && c < static_cast<int>(o.column_labels.size()); ++c) {
      if (!m.columnShown(c)) continue;
      label.utf8 = o.column_labels[static_cast<size_t>(c)];
      m.column_labels[static_cast<size_t>(c)] =
          b.addText(o.name + "/col_label" + std::to_string(c), label,
                    poseAt({m.column_x[size_t(c)], top + 0.6f * m.row_pitch, z}), o.color);
    }
  }
  m.left_bracket = b.addStroke(o.name + "/lbracket",
                               shapes::bracket(m.height, o.bracket_serif, true, o.bracket_stroke),
                               poseAt({left, o.center.y, z}), o.color);
  m.right_bracket = b.addStroke(o.name + "/rbracket",
                                shapes::bracket(m.height, o.bracket_serif, false, o.bracket_stroke),
                                poseAt({o.center.x + 0.5f * m.width, o.center.y, z}), o.color);

  b.addPart(o.name, "matrix", m.allElements());
  b.addPart(o.name + "/brackets", "brackets", {m.left_bracket, m.right_bracket});
  for (int r = 0; r < m.rows; ++r)
    if (m.rowShown(r)) b.addPart(o.name + "/row" + std::to_string(r), "row", m.rowElements(r));
  for (int c = 0; c < m.columns; ++c)
    if (m.columnShown(c))
      b.addPart(o.name + "/col" + std::to_string(c), "column", m.columnElements(c));
  for (int r = 0; r < m.rows; ++r)
    for (int c = 0; c < m.columns; ++c)
      if (m.cell(r, c) >= 0) b.addPart(cellId(o.name, r, c), "cell", {m.cell(r, c)});
  return m;
}

MatrixBox matrixSelectionBox(const MatrixHandles& m, MatrixSelection s) {
  MatrixBox box;
  box.middle = m.center;
  switch (s.kind) {
    case MatrixSelection::Row:
      box.middle.y = m.row_y[static_cast<size_t>(s.row)];
      box.size = {m.width, m.row_pitch};
      box.suffix = "row" + std::to_string(s.row);
      break;
    case MatrixSelection::Column:
      box.middle.x = m.column_x[static_cast<size_t>(s.column)];
      box.size = {m.column_pitch, m.height};
      box.suffix = "col" + std::to_string(s.column);
      break;
    case MatrixSelection::Cell:
      box.middle = m.cellCenter(s.row, s.column);
      box.size = {m.column_pitch, m.row_pitch};
      box.suffix = "cell" + std::to_string(s.row) + "_" + std::to_string(s.column);
      break;
  }
  return box;
}

int addMatrixHighlight(SceneBuilder& b, const MatrixHandles& m, MatrixSelection s, Rgb color,
                       double at_time, double run_time, float stroke_width) {
  const MatrixBox box = matrixSelectionBox(m, s);
  const int e = b.addStroke(m.name + "/highlight/" + box.suffix,
                            shapes::rectangleOutline(box.size.x, box.size.y, stroke_width),
                            poseAt(box.middle), color);
  b.hideUntil(e, at_time);
  b.reveal(e, {at_time, at_time + run_time}, RevealStyle::Prefix);
  return e;
}

}  // namespace flowview::scenes
