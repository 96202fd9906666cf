// The general layer's matrix object and its "highlight" animation (docs/scene-format.md,
// "matrix"): the description becomes a matrix_object.h matrix, whose rows, columns and cells are
// scene parts; a highlight surrounds one of them with a rectangle drawn in over its window.
#include <algorithm>
#include <cmath>

#include "core/math/color.h"
#include "core/scenes/general_layer.h"
#include "core/scenes/network_flow/look.h"
#include "core/scenes/shapes.h"
#include "core/scenes/units.h"

namespace flowview::scenes {

using namespace description;

namespace {

MatrixColoring coloringOf(const std::string& name) {
  return name == "magnitude" ? MatrixColoring::Magnitude
         : name == "none"    ? MatrixColoring::Plain
                             : MatrixColoring::Signed;
}

// The largest |finite value|, so the strongest cell gets the brightest colour; 1 when all are
// zero or masked.
double largestMagnitude(const std::vector<std::vector<double>>& rows) {
  double largest = 0.0;
  for (const auto& row : rows)
    for (double v : row)
      if (std::isfinite(v)) largest = std::max(largest, std::abs(v));
  return largest > 0.0 ? largest : 1.0;
}

// Characters of a UTF-8 string (continuation bytes not counted).
size_t characters(const std::string& text) {
  return static_cast<size_t>(
      std::count_if(text.begin(), text.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

// Wide enough for "-0.00" at `decimals` (matrix_object's own pitch) and for the widest column
// label (0.85 em glyphs about half an em wide, and a gap of half an em).
float columnPitch(const MatrixObject& matrix, float em) {
  const int chars = 2 + matrix.decimals + (matrix.decimals > 0 ? 1 : 0);
  float pitch = em * (0.5f * static_cast<float>(chars) + 0.6f);
  for (const std::string& label : matrix.column_labels)
    pitch = std::max(pitch, em * (0.45f * static_cast<float>(characters(label)) + 0.5f));
  return pitch;
}

}  // namespace

void GeneralLayer::addMatrixObject(const MatrixObject& matrix, const std::string& id,
                                   const Pose& pose, Rgb color, float opacity, bool fixed_in_frame,
                                   Object& out) {
  const Eigen::Index rows = static_cast<Eigen::Index>(matrix.values.size());
  const Eigen::Index columns = static_cast<Eigen::Index>(matrix.values.front().size());
  Eigen::MatrixXd values(rows, columns);
  for (Eigen::Index r = 0; r < rows; ++r)
    for (Eigen::Index c = 0; c < columns; ++c)
      values(r, c) = matrix.values[static_cast<size_t>(r)][static_cast<size_t>(c)];
  MatrixOptions o;
  o.name = id;
  o.center = pose.position;
  o.decimals = matrix.decimals;
  o.coloring = coloringOf(matrix.color_by_value);
  o.value_max = static_cast<float>(matrix.value_max.value_or(largestMagnitude(matrix.values)));
  o.color = color;
  o.masked_color = parseColor(matrix.masked_color).value_or(Rgb(0.533f));
  o.em_size = static_cast<float>(matrix.font_size) * kEmPerFontSize;
  o.column_pitch = columnPitch(matrix, o.em_size);
  // The brackets' serifs grow with the numbers (the embedding columns' at MatrixObject's
  // default size).
  o.bracket_serif = look::layer::kColumnBracketSerif * o.em_size / look::layer::kMatrixEntryEm;
  o.row_labels = matrix.row_labels;
  o.column_labels = matrix.column_labels;
  o.max_rows = matrix.max_rows;
  o.max_columns = matrix.max_columns;
  MatrixHandles handles = addMatrix(builder_, values, o);
  for (int e : handles.allElements()) {
    if (opacity < 1.0f) builder_.element(e).opacity.setInitial(opacity);
    out.elements.push_back(track(e, 1.0f));
  }
  matrices_[id] = Matrix{std::move(handles), fixed_in_frame};
}

void GeneralLayer::highlight(const AnimationDescription& anim, TimeWindow w, Rate rate) {
  const Matrix& matrix = matrices_.at(anim.target);  // the reader checked it is a matrix object
  const MatrixSelection selection = anim.row ? MatrixSelection::ofRow(*anim.row)
                                    : anim.column
                                        ? MatrixSelection::ofColumn(*anim.column)
                                        : MatrixSelection::ofCell((*anim.cell)[0], (*anim.cell)[1]);
  const Rgb color = parseColor(anim.color.value_or("#FFFF00")).value_or(Rgb(1, 1, 0));
  const MatrixBox box = matrixSelectionBox(matrix.handles, selection);
  // Where the matrix is now: a "move" before the highlight carries the rectangle along.
  const Object& object = objects_.at(anim.target);
  const float scale = scaleNow(object);
  const glm::vec3 middle = originNow(object) + (box.middle - matrix.handles.center) * scale;
  const glm::vec2 size = box.size * scale;
  const std::string id = anim.target + "/highlight/" + box.suffix;
  std::vector<int> elements;
  const float fill_opacity = static_cast<float>(anim.fill_opacity);
  if (fill_opacity > 0.0f) {
    // Behind the numbers (see the translucent-fill tip in docs/scene-format.md).
    Pose behind;
    behind.position = middle - glm::vec3(0, 0, 0.02f);
    const int fill = builder_.addFill(id + "/fill", shapes::rectangleFill(size.x, size.y), behind,
                                      color, fill_opacity);
    builder_.hideUntil(fill, w.start);
    builder_.fadeIn(fill, w, glm::vec3(0.0f), rate, fill_opacity);
    elements.push_back(track(fill, fill_opacity));
  }
  if (anim.stroke_width > 0.0) {
    // manim's SurroundingRectangle drawn in with ShowCreation.
    Pose around;
    around.position = middle;
    const int outline = builder_.addStroke(
        id, shapes::rectangleOutline(size.x, size.y, static_cast<float>(anim.stroke_width)), around,
        color);
    builder_.hideUntil(outline, w.start);
    builder_.reveal(outline, w, RevealStyle::Prefix, rate);
    elements.push_back(track(outline, 1.0f));
  }
  for (int e : elements) builder_.element(e).fixed_in_frame = matrix.fixed_in_frame;
  builder_.addPart(id, "highlight", elements);
}

}  // namespace flowview::scenes
