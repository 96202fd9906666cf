// Reading "matrix" objects and the "highlight" animation that addresses their rows, columns and
// cells (docs/scene-format.md, "matrix").
#include <cmath>
#include <limits>

#include "core/description/limits.h"
#include "core/description/read_context.h"
#include "core/scenes/matrix_object.h"

namespace flowview::description {

using io::ObjectReader;

namespace {

constexpr double kMasked = -std::numeric_limits<double>::infinity();

// A number, or a masked cell: null or "-inf".
double readCell(const io::ArrayReader::Element& cell) {
  if (cell.json().is_null()) return kMasked;
  if (cell.json().is_string()) {
    if (cell.json().get<std::string>() == "-inf") return kMasked;
    cell.fail("expected a number, null or \"-inf\" (a masked cell), got " +
              quoteForMessage(cell.json().get<std::string>()));
  }
  return cell.as<double>();
}

std::vector<std::string> readLabels(ObjectReader& reader, std::string_view key, size_t count,
                                    const char* what, ReadContext& context) {
  std::vector<std::string> labels;
  auto list = reader.optionalArray(key);
  if (!list) return labels;
  if (list->size() != count) {
    reader.fail(key, "expected one label per " + std::string(what) + " (" + std::to_string(count) +
                         "), got " + std::to_string(list->size()));
  }
  for (const auto& label : *list) {
    labels.push_back(label.as<std::string>());
    if (labels.back().size() > 200) label.fail("a label is limited to 200 bytes");
    context.addPrimitives(reader, key, labels.back().size());
  }
  return labels;
}

std::string matrixNames(const ReadContext& context) {
  std::string names;
  for (const auto& [id, shape] : context.matrices)
    names += (names.empty() ? "" : ", ") + quoteForMessage(id);
  return names.empty() ? "the file has no matrix object" : "matrices: " + names;
}

// An index of a row or column of `matrix`, checked against its size and its reduced view.
int readIndex(const io::ArrayReader::Element& value, const std::string& matrix, const char* what,
              int count, int max_shown) {
  const int index = value.as<int>();
  if (index < 0 || index >= count) {
    value.fail(std::string(what) + " " + std::to_string(index) + " is outside " +
               quoteForMessage(matrix) + " (" + std::to_string(count) + " " + what + "s: 0 to " +
               std::to_string(count - 1) + ")");
  }
  if (!scenes::shownInReducedView(index, count, max_shown)) {
    value.fail(std::string(what) + " " + std::to_string(index) + " of " + quoteForMessage(matrix) +
               " is hidden in its reduced view (max_" + what + "s " + std::to_string(max_shown) +
               ")");
  }
  return index;
}

}  // namespace

void readMatrixObject(ObjectReader& reader, ObjectDescription& object, ReadContext& context) {
  if (object.rotation_deg)
    reader.fail("rotation_deg", "a matrix is drawn in the xy plane; it takes no rotation");
  MatrixObject matrix;
  auto rows = reader.array("values");
  if (rows.empty()) reader.fail("values", "a matrix needs at least one row");
  size_t columns = 0;
  for (const auto& row : rows) {
    auto cells = row.array();
    if (row.index() == 0) {
      columns = cells.size();
      if (columns == 0) row.fail("a matrix row needs at least one value");
    } else if (cells.size() != columns) {
      row.fail("row " + std::to_string(row.index()) + " has " + std::to_string(cells.size()) +
               " values, row 0 has " + std::to_string(columns) + " (rows must be the same length)");
    }
    context.addPrimitives(reader, "values", cells.size());
    std::vector<double> values;
    values.reserve(cells.size());
    for (const auto& cell : cells) values.push_back(readCell(cell));
    matrix.values.push_back(std::move(values));
  }
  matrix.decimals = reader.optionalInRange<int>("decimals", 2, 0, 6);
  matrix.color_by_value = reader.optional<std::string>("color_by_value", "signed");
  if (matrix.color_by_value != "signed" && matrix.color_by_value != "magnitude" &&
      matrix.color_by_value != "none")
    reader.fail("color_by_value", "expected \"signed\", \"magnitude\" or \"none\"");
  if (reader.has("value_max"))
    matrix.value_max = reader.requiredInRange<double>("value_max", 1e-12, 1e30);
  if (auto masked = readColorName(reader, "masked_color")) matrix.masked_color = *masked;
  matrix.font_size = reader.optionalInRange<double>("font_size", 24.0, 1.0, 2000.0);
  matrix.max_rows = reader.optionalInRange<int>("max_rows", 12, 2, 100);
  matrix.max_columns = reader.optionalInRange<int>("max_columns", 10, 2, 100);
  matrix.row_labels = readLabels(reader, "row_labels", matrix.values.size(), "row", context);
  matrix.column_labels = readLabels(reader, "column_labels", columns, "column", context);
  context.matrices[object.id] = {static_cast<int>(matrix.values.size()), static_cast<int>(columns),
                                 matrix.max_rows, matrix.max_columns};
  object.shape = std::move(matrix);
}

void readHighlightFields(ObjectReader& anim, AnimationDescription& a, ReadContext& context) {
  const auto found = context.matrices.find(a.target);
  if (found == context.matrices.end()) {
    anim.fail("target", "\"highlight\" needs a matrix object, and " + quoteForMessage(a.target) +
                            " is not one (" + matrixNames(context) + ")");
  }
  const ReadContext::MatrixShape& m = found->second;
  const int given = int(anim.has("row")) + int(anim.has("column")) + int(anim.has("cell"));
  if (given != 1) anim.fail("give exactly one of \"row\", \"column\" and \"cell\"");
  const std::string& id = a.target;
  const io::JsonDocument& doc = anim.document();
  auto element = [&](std::string_view key) {
    return io::ArrayReader::Element(doc, anim.json()[std::string(key)], 0, anim.childPointer(key));
  };
  if (anim.has("row")) {
    a.row = readIndex(element("row"), id, "row", m.rows, m.max_rows);
  } else if (anim.has("column")) {
    a.column = readIndex(element("column"), id, "column", m.columns, m.max_columns);
  } else {
    auto cell = anim.array("cell");
    if (cell.size() != 2) anim.fail("cell", "expected [row, column]");
    a.cell = std::array<int, 2>{readIndex(cell.at(0), id, "row", m.rows, m.max_rows),
                                readIndex(cell.at(1), id, "column", m.columns, m.max_columns)};
  }
  a.color = readColorName(anim, "color").value_or("#FFFF00");
  a.stroke_width = anim.optionalInRange<double>("stroke_width", 3.0, 0.0, 100.0);
  a.fill_opacity = anim.optionalInRange<double>("fill_opacity", 0.0, 0.0, 1.0);
  if (a.stroke_width == 0.0 && a.fill_opacity == 0.0)
    anim.fail("stroke_width", "a highlight with no stroke and no fill draws nothing");
}

}  // namespace flowview::description
