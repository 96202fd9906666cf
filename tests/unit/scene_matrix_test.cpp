// The scene format's "matrix" object and "highlight" animation: reading (masked cells, labels,
// errors with their JSON paths), writing back, and composition (cell positions, colours, the
// "-∞" of masked cells, highlight rectangles and their parts).
#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "core/description/read_scene.h"
#include "core/description/write_scene.h"
#include "core/math/color.h"
#include "core/scenes/units.h"
#include "core/timeline/evaluate.h"
#include "scene_loading.h"

namespace flowview::description {
namespace {

using scenes::test_support::atlas;
using scenes::test_support::loadError;

constexpr double kMasked = -std::numeric_limits<double>::infinity();

std::string scene(const std::string& objects, const std::string& beats) {
  return R"({"version": 1, "objects": [)" + objects + R"(], "beats": [)" + beats + "]}";
}

const std::string kMatrix =
    R"({"id": "m", "type": "matrix", "position": [1, 2, 0], "font_size": 48, "decimals": 1,
        "values": [[0.5, null, "-inf"], [-2, 1, 0]], "row_labels": ["a", "b"],
        "column_labels": ["x", "y", "z"]})";

std::string highlight(const std::string& fields) {
  return R"({"beat": "play", "animations": [{"type": "highlight", "target": "m", )" + fields +
         "}]}";
}

// ---------------------------------------------------------------------------------------------
// Reading and writing

TEST(SceneMatrix, ReadsValuesMasksLabelsAndDefaults) {
  const SceneDescription s = readSceneString(scene(kMatrix, R"({"beat": "wait"})"), "s.json");
  const auto& m = std::get<MatrixObject>(s.objects[0].shape);
  ASSERT_EQ(m.values.size(), 2u);
  EXPECT_EQ(m.values[0], (std::vector<double>{0.5, kMasked, kMasked}));
  EXPECT_EQ(m.values[1], (std::vector<double>{-2, 1, 0}));
  EXPECT_EQ(m.decimals, 1);
  EXPECT_EQ(m.color_by_value, "signed");
  EXPECT_FALSE(m.value_max.has_value());
  EXPECT_EQ(m.row_labels, (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(m.column_labels, (std::vector<std::string>{"x", "y", "z"}));
  EXPECT_EQ(m.max_rows, 12);
  EXPECT_EQ(m.max_columns, 10);
  EXPECT_EQ(objectTypeName(s.objects[0]), "matrix");
}

TEST(SceneMatrix, FormatKeepsTheMatrixAndItsHighlights) {
  const SceneDescription s = readSceneString(
      scene(kMatrix, highlight(R"("cell": [1, 2], "color": "RED_C", "fill_opacity": 0.25)") + "," +
                         highlight(R"("row": 1, "stroke_width": 5)")),
      "s.json");
  const std::string text = formatScene(s);
  EXPECT_NE(text.find(R"([0.5, "-inf", "-inf"])"), std::string::npos) << text;
  EXPECT_NE(text.find(R"("cell": [1, 2])"), std::string::npos) << text;
  const SceneDescription again = readSceneString(text, "formatted.json");
  EXPECT_EQ(formatScene(again), text);
  const auto& m = std::get<MatrixObject>(again.objects[0].shape);
  EXPECT_EQ(m.values[0][1], kMasked);
  EXPECT_EQ(m.column_labels.size(), 3u);
  const auto& first = std::get<PlayBeat>(again.beats[0].kind).animations[0];
  ASSERT_TRUE(first.cell.has_value());
  EXPECT_EQ((*first.cell)[0], 1);
  EXPECT_EQ((*first.cell)[1], 2);
  EXPECT_EQ(first.color, "RED_C");
  EXPECT_EQ(first.fill_opacity, 0.25);
  const auto& second = std::get<PlayBeat>(again.beats[1].kind).animations[0];
  EXPECT_EQ(second.row, 1);
  EXPECT_FALSE(second.column.has_value());
  EXPECT_EQ(second.stroke_width, 5.0);
}

// ---------------------------------------------------------------------------------------------
// Errors: the JSON path of the offending value

TEST(SceneMatrixErrors, RaggedRows) {
  EXPECT_EQ(
      loadError(scene(R"({"id": "m", "type": "matrix", "values": [[1, 2, 3], [4, 5]]})",
                      R"({"beat": "wait"})")),
      "bad.json:1:80: /objects/0/values/1: row 1 has 2 values, row 0 has 3 (rows must be the same "
      "length)");
}

TEST(SceneMatrixErrors, BadCells) {
  EXPECT_NE(loadError(scene(R"({"id": "m", "type": "matrix", "values": [[1, "inf"]]})",
                            R"({"beat": "wait"})"))
                .find("/objects/0/values/0/1: expected a number, null or \"-inf\" (a masked "
                      "cell), got \"inf\""),
            std::string::npos);
  EXPECT_NE(
      loadError(scene(R"({"id": "m", "type": "matrix", "values": [1, 2]})", R"({"beat": "wait"})"))
          .find("/objects/0/values/0: expected an array"),
      std::string::npos);
  EXPECT_NE(
      loadError(scene(R"({"id": "m", "type": "matrix", "values": [[]]})", R"({"beat": "wait"})"))
          .find("/objects/0/values/0: a matrix row needs at least one value"),
      std::string::npos);
}

TEST(SceneMatrixErrors, LabelsMustMatchTheRowsAndColumns) {
  EXPECT_NE(loadError(scene(R"({"id": "m", "type": "matrix", "values": [[1, 2]],
                                "column_labels": ["x"]})",
                            R"({"beat": "wait"})"))
                .find("/objects/0/column_labels: expected one label per column (2), got 1"),
            std::string::npos);
}

TEST(SceneMatrixErrors, RotationAndUnknownColouring) {
  EXPECT_NE(loadError(scene(R"({"id": "m", "type": "matrix", "values": [[1]],
                                "rotation_deg": [0, 0, 90]})",
                            R"({"beat": "wait"})"))
                .find("/objects/0/rotation_deg: a matrix is drawn in the xy plane"),
            std::string::npos);
  EXPECT_NE(loadError(scene(R"({"id": "m", "type": "matrix", "values": [[1]],
                                "color_by_value": "rainbow"})",
                            R"({"beat": "wait"})"))
                .find("/objects/0/color_by_value: expected \"signed\""),
            std::string::npos);
}

TEST(SceneMatrixErrors, HighlightIndicesAreCheckedAgainstTheMatrix) {
  EXPECT_NE(loadError(scene(kMatrix, highlight(R"("row": 2)")))
                .find("/beats/0/animations/0/row: row 2 is outside \"m\" (2 rows: 0 to 1)"),
            std::string::npos);
  EXPECT_NE(loadError(scene(kMatrix, highlight(R"("cell": [1, 3])")))
                .find("/beats/0/animations/0/cell/1: column 3 is outside \"m\" (3 columns: 0 "
                      "to 2)"),
            std::string::npos);
  EXPECT_NE(loadError(scene(kMatrix, highlight(R"("cell": [1])")))
                .find("/beats/0/animations/0/cell: expected [row, column]"),
            std::string::npos);
  EXPECT_NE(loadError(scene(kMatrix, highlight(R"("column": -1)")))
                .find("/beats/0/animations/0/column: column -1 is outside"),
            std::string::npos);
  EXPECT_NE(loadError(scene(kMatrix, highlight(R"("row": 0, "column": 1)")))
                .find("/beats/0/animations/0: give exactly one of \"row\", \"column\" and "
                      "\"cell\""),
            std::string::npos);
  EXPECT_NE(loadError(scene(kMatrix, highlight(R"("row": 1.5)")))
                .find("/beats/0/animations/0/row: expected an integer, got 1.5"),
            std::string::npos);
}

TEST(SceneMatrixErrors, HighlightNeedsAMatrixAndAShownIndex) {
  EXPECT_NE(
      loadError(scene(R"({"id": "t", "type": "text", "text": "x"})",
                      R"({"beat": "play", "animations": [{"type": "highlight", "target": "t",
                          "row": 0}]})"))
          .find("/beats/0/animations/0/target: \"highlight\" needs a matrix object, and \"t\" is "
                "not one (the file has no matrix object)"),
      std::string::npos);
  // 20 rows, max_rows 4: rows 0, 1, 18 and 19 are shown.
  std::string rows;
  for (int r = 0; r < 20; ++r) rows += std::string(r ? ", " : "") + "[" + std::to_string(r) + "]";
  const std::string tall =
      R"({"id": "m", "type": "matrix", "max_rows": 4, "values": [)" + rows + "]}";
  EXPECT_EQ(loadError(scene(tall, highlight(R"("row": 19)"))), "no error");
  EXPECT_NE(loadError(scene(tall, highlight(R"("row": 5)")))
                .find("/beats/0/animations/0/row: row 5 of \"m\" is hidden in its reduced view "
                      "(max_rows 4)"),
            std::string::npos);
}

// ---------------------------------------------------------------------------------------------
// Composition

const Element& partElement(const Scene& s, const std::string& part, size_t i = 0) {
  const ScenePart* p = s.findPart(part);
  EXPECT_NE(p, nullptr) << part;
  if (!p || p->elements.size() <= i) throw std::runtime_error("no part " + part);
  return s.elements[static_cast<size_t>(p->elements[i])];
}

TEST(SceneMatrixComposition, CellsSitOnTheGridAroundThePositionColouredByValue) {
  const Scene s = scenes::loadSceneString(scene(kMatrix, R"({"beat": "wait"})"), "s.json", atlas());
  const float em = 48 * scenes::kEmPerFontSize;
  const float row_pitch = 1.7f * em;
  const glm::vec3 c00 = partElement(s, "m/cell0_0").pose.initial().position;
  const glm::vec3 c12 = partElement(s, "m/cell1_2").pose.initial().position;
  // Centered on the position: the middle of the first and last cells.
  EXPECT_NEAR(0.5f * (c00.x + c12.x), 1.0f, 1e-5f);
  EXPECT_NEAR(0.5f * (c00.y + c12.y), 2.0f, 1e-5f);
  EXPECT_NEAR(c00.y - c12.y, row_pitch, 1e-5f);
  const glm::vec3 c01 = partElement(s, "m/cell0_1").pose.initial().position;
  const float column_pitch = c01.x - c00.x;
  EXPECT_NEAR(c12.x - c00.x, 2 * column_pitch, 1e-5f);
  EXPECT_GE(column_pitch, em * (0.5f * 4 + 0.6f) - 1e-5f) << "room for \"-0.0\"";
  // Signed colours against the largest |value| (2): 0.5 blue, -2 red at full strength.
  const Element& positive = partElement(s, "m/cell0_0");
  EXPECT_EQ(positive.value.initial(), 0.5f);
  EXPECT_EQ(positive.color.initial(), valueToColor(0.5f, 2.0f));
  EXPECT_EQ(partElement(s, "m/cell1_0").color.initial(), valueToColor(-2.0f, 2.0f));
  // Masked cells are the grey "-∞" text, not numbers.
  const Element& masked = partElement(s, "m/cell0_1");
  const TextGeometry& glyphs = s.texts[masked.geometry];
  EXPECT_FALSE(glyphs.is_number);
  EXPECT_EQ(glyphs.utf8, "-\u221E");
  EXPECT_EQ(masked.color.initial(), hexColor(palette::kGreyC));
  // Labels: row 1's left of the bracket, column 2's above the top row; rows hold their label.
  const Element& row_label = partElement(s, "m/row1", 3);
  EXPECT_EQ(s.texts[row_label.geometry].utf8, "b");
  EXPECT_LT(row_label.pose.initial().position.x, c00.x - 0.5f * column_pitch);
  EXPECT_NEAR(row_label.pose.initial().position.y, c12.y, 1e-5f);
  const Element& column_label = partElement(s, "m/col2", 2);
  EXPECT_EQ(s.texts[column_label.geometry].utf8, "z");
  EXPECT_GT(column_label.pose.initial().position.y, c00.y);
  EXPECT_EQ(s.findPart("m")->kind, "matrix");
  EXPECT_EQ(s.findPart("m")->elements.size(), 6u + 2u + 3u + 2u);  // cells, labels, brackets
}

TEST(SceneMatrixComposition, HighlightDrawsARectangleAroundTheRowOverItsWindow) {
  const Scene s = scenes::loadSceneString(
      scene(kMatrix,
            R"({"beat": "wait", "duration": 1},)" +
                highlight(R"("row": 1, "color": "RED_C", "run_time": 2, "fill_opacity": 0.3)")),
      "s.json", atlas());
  const ScenePart* part = s.findPart("m/highlight/row1");
  ASSERT_NE(part, nullptr);
  EXPECT_EQ(part->kind, "highlight");
  ASSERT_EQ(part->elements.size(), 2u);  // the fill behind, the outline
  const Element& fill = s.elements[static_cast<size_t>(part->elements[0])];
  const Element& outline = s.elements[static_cast<size_t>(part->elements[1])];
  const glm::vec3 c10 = partElement(s, "m/cell1_0").pose.initial().position;
  EXPECT_NEAR(outline.pose.initial().position.y, c10.y, 1e-5f);
  EXPECT_NEAR(outline.pose.initial().position.x, 1.0f, 1e-5f);
  EXPECT_LT(fill.pose.initial().position.z, c10.z) << "the fill lies behind the numbers";
  EXPECT_EQ(outline.color.initial(), hexColor(palette::kRedC));
  // The outline spans the row: as wide as the bracketed block.
  const auto& points = s.strokes[outline.geometry].points;
  float x0 = points[0].x, x1 = points[0].x;
  for (const glm::vec3& p : points) {
    x0 = std::min(x0, p.x);
    x1 = std::max(x1, p.x);
  }
  const float column_pitch = partElement(s, "m/cell0_1").pose.initial().position.x -
                             partElement(s, "m/cell0_0").pose.initial().position.x;
  EXPECT_NEAR(x1 - x0, 3 * column_pitch, 0.05f);
  // Hidden until the play starts (after the 1 s wait), drawn in by its end, kept afterwards.
  FrameState before, after;
  evaluate(s, 0.5, before);
  evaluate(s, 3.0, after);
  const auto visible = [](const FrameState& f, int e) {
    return f.elements[static_cast<size_t>(e)].visible &&
           f.elements[static_cast<size_t>(e)].opacity > 0;
  };
  EXPECT_FALSE(visible(before, part->elements[1]));
  EXPECT_TRUE(visible(after, part->elements[1]));
  EXPECT_NEAR(after.elements[static_cast<size_t>(part->elements[0])].opacity, 0.3f, 1e-5f);
  EXPECT_DOUBLE_EQ(s.duration, 3.0);
}

TEST(SceneMatrixComposition, HighlightFollowsAMatrixMovedBefore) {
  const Scene s = scenes::loadSceneString(
      scene(kMatrix,
            R"({"beat": "play", "animations": [{"type": "move", "target": "m", "to": [-2, 0, 0],
                                                "scale": 0.5}]},)" +
                highlight(R"("cell": [0, 0])")),
      "s.json", atlas());
  const Element& outline = partElement(s, "m/highlight/cell0_0");
  const Element& cell = partElement(s, "m/cell0_0");
  EXPECT_NEAR(outline.pose.initial().position.x, cell.pose.finalValue().position.x, 1e-4f);
  EXPECT_NEAR(outline.pose.initial().position.y, cell.pose.finalValue().position.y, 1e-4f);
  EXPECT_LT(cell.pose.finalValue().position.x, -2.0f) << "the first column, left of the middle";
}

}  // namespace
}  // namespace flowview::description
