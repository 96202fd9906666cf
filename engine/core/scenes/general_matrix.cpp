#include "core/scenes/general_matrix.h"

#include <cmath>
#include <limits>

#include "core/scenes/scene_json.h"
#include "core/scenes/units.h"

namespace flowview::scenes {
namespace {

std::vector<std::string> readLabels(io::ObjectReader& obj, std::string_view key, int count) {
  std::vector<std::string> labels;
  auto array = obj.optionalArray(key);
  if (!array) return labels;
  for (const auto& l : *array) labels.push_back(l.as<std::string>());
  if (static_cast<int>(labels.size()) != count)
    obj.fail(key,
             "expected " + std::to_string(count) + " labels, got " + std::to_string(labels.size()));
  return labels;
}

}  // namespace

MatrixHandles readMatrixObject(io::ObjectReader& obj, SceneBuilder& b, const std::string& id,
                               glm::vec3 position, Rgb color) {
  // "values": rows of numbers; null is a masked cell (-inf, drawn "-∞").
  std::vector<std::vector<double>> rows;
  auto values = obj.array("values");
  for (const auto& r : values) {
    std::vector<double> row;
    for (const auto& v : r.array()) {
      if (v.json().is_null()) {
        row.push_back(-std::numeric_limits<double>::infinity());
        continue;
      }
      const double x = v.as<double>();
      if (!std::isfinite(x) || std::abs(x) > 1e9) v.fail("must be a number within +-1e9 or null");
      row.push_back(x);
    }
    if (row.empty()) r.fail("a row needs at least one value");
    if (!rows.empty() && row.size() != rows.front().size())
      r.fail("every row needs " + std::to_string(rows.front().size()) + " values");
    rows.push_back(std::move(row));
  }
  if (rows.empty()) obj.fail("values", "a matrix needs at least one row");
  if (rows.size() * rows.front().size() > 65536) obj.fail("values", "more than 65536 cells");
  Eigen::MatrixXd m(static_cast<int>(rows.size()), static_cast<int>(rows.front().size()));
  for (int r = 0; r < m.rows(); ++r)
    for (int c = 0; c < m.cols(); ++c) m(r, c) = rows[size_t(r)][size_t(c)];

  MatrixOptions o;
  o.name = id;
  o.center = position;
  o.color = color;
  o.decimals = obj.optionalInRange<int>("decimals", 2, 0, 8);
  const std::string coloring = obj.optional<std::string>("coloring", "signed");
  if (coloring != "plain" && coloring != "magnitude" && coloring != "signed")
    obj.fail("coloring", "expected \"plain\", \"magnitude\" or \"signed\"");
  o.coloring = coloring == "plain"       ? MatrixColoring::Plain
               : coloring == "magnitude" ? MatrixColoring::Magnitude
                                         : MatrixColoring::Signed;
  o.value_max = static_cast<float>(obj.optionalInRange<double>("value_max", 1.0, 1e-9, 1e9));
  o.em_size = static_cast<float>(obj.optionalInRange<double>("font_size", 20.0, 1.0, 500.0)) *
              kEmPerFontSize;
  o.max_rows = obj.optionalInRange<int>("max_rows", 12, 2, 64);
  o.max_columns = obj.optionalInRange<int>("max_columns", 10, 2, 64);
  o.row_labels = readLabels(obj, "row_labels", static_cast<int>(m.rows()));
  o.column_labels = readLabels(obj, "column_labels", static_cast<int>(m.cols()));
  return addMatrix(b, m, o);
}

void readMatrixHighlight(io::ObjectReader& anim, SceneBuilder& b,
                         const std::map<std::string, MatrixHandles>& matrices, TimeWindow w) {
  const std::string target = anim.required<std::string>("target");
  const size_t slash = target.rfind('/');
  const auto it =
      slash == std::string::npos ? matrices.end() : matrices.find(target.substr(0, slash));
  if (it == matrices.end())
    anim.fail("target", "\"" + target + "\" is not a row, column or cell of a matrix object");
  const MatrixHandles& m = it->second;
  const std::string what = target.substr(slash + 1);
  MatrixSelection selection;
  int r = -1, c = -1;
  char tail = 0;
  if (std::sscanf(what.c_str(), "row%d%c", &r, &tail) == 1 && r >= 0 && r < m.rows &&
      m.rowShown(r)) {
    selection = MatrixSelection::ofRow(r);
  } else if (std::sscanf(what.c_str(), "col%d%c", &c, &tail) == 1 && c >= 0 && c < m.columns &&
             m.columnShown(c)) {
    selection = MatrixSelection::ofColumn(c);
  } else if (std::sscanf(what.c_str(), "cell%d_%d%c", &r, &c, &tail) == 2 && r >= 0 && r < m.rows &&
             c >= 0 && c < m.columns && m.cell(r, c) >= 0) {
    selection = MatrixSelection::ofCell(r, c);
  } else {
    anim.fail("target", "\"" + target + "\" is not a shown row, column or cell of \"" + m.name +
                            "\" (NAME/rowR, NAME/colC, NAME/cellR_C)");
  }
  const Rgb color = readColor(anim, "color", hexColor(palette::kYellow));
  const float width =
      static_cast<float>(anim.optionalInRange<double>("stroke_width", 3.0, 0.1, 50.0));
  const int e = addMatrixHighlight(b, m, selection, color, w.start, w.duration(), width);
  b.addPart(b.scene().elements[size_t(e)].id, "highlight", {e});
}

}  // namespace flowview::scenes
