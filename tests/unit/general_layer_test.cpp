// The general layer of the scene format: shipped scenes, object types, animations, timing and the
// exact one-line errors (docs/scene-format.md).
#include "core/scenes/general_layer.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>

#include "core/scenes/scene_file.h"
#include "scene_loading.h"

namespace flowview::scenes {
namespace {

using test_support::atlas;
using test_support::loadError;

std::string sceneDir() {
  return FLOWVIEW_TEST_SCENE_DIR;
}

Scene load(const std::string& json) {
  return loadSceneString(json, "test.json", atlas());
}

// A scene with `objects` and `beats` (JSON array bodies).
std::string scene(const std::string& objects, const std::string& beats) {
  return R"({"version": 1, "objects": [)" + objects + R"(], "beats": [)" + beats + "]}";
}

int element(const Scene& s, const std::string& id) {
  const int e = s.findElement(id);
  EXPECT_GE(e, 0) << "no element " << id;
  return e;
}

// ---------------------------------------------------------------------------------------------
// Shipped scenes

TEST(ShippedScenes, EveryFileInScenesLoads) {
  int count = 0;
  for (const auto& entry : std::filesystem::directory_iterator(sceneDir())) {
    if (entry.path().extension() != ".json") continue;
    SCOPED_TRACE(entry.path().filename().string());
    ++count;
    Scene s;
    ASSERT_NO_THROW(s = loadSceneFile(entry.path().string(), atlas()));
    EXPECT_GT(s.duration, 0.0);
    EXPECT_FALSE(s.beats.empty());
  }
  EXPECT_GE(
      count,
      5);  // high_level_network_flow, simplified_flow(+_alternate_angle), test_pattern, transformer
}

TEST(ShippedScenes, TransformerArchitectureBeatsAndDuration) {
  const Scene s = loadSceneFile(sceneDir() + "/transformer_architecture.json", atlas());
  ASSERT_EQ(s.beats.size(), 52u);
  EXPECT_NEAR(s.duration, 74.34, 1e-6);
  EXPECT_EQ(s.beats.front().name, "title");
  EXPECT_FALSE(s.beats.front().notes.empty());
  EXPECT_EQ(s.presets.size(), 6u);
  // Beats tile the timeline.
  for (size_t i = 1; i < s.beats.size(); ++i)
    EXPECT_NEAR(s.beats[i].start, s.beats[i - 1].end, 1e-9);
  // The encoder layer is reached by a 2 s camera flight starting at 11.7 s.
  const Camera at_encoder = s.camera.at(13.7);
  EXPECT_NEAR(at_encoder.center.x, 20.0f, 1e-4f);
  EXPECT_NEAR(at_encoder.height, 9.5f, 1e-4f);
}

TEST(ShippedScenes, SimplifiedFlowsNeedNoNextTokens) {
  for (const char* name : {"simplified_flow.json", "simplified_flow_alternate_angle.json"}) {
    SCOPED_TRACE(name);
    const Scene s = loadSceneFile(sceneDir() + "/" + name, atlas());
    EXPECT_TRUE(s.next_tokens.tokens.empty());
    const int attention =
        static_cast<int>(std::count_if(s.beats.begin(), s.beats.end(), [](const Beat& b) {
          return b.name.find("arcs flash") != std::string::npos;
        }));
    EXPECT_EQ(attention, 5);
  }
}

// ---------------------------------------------------------------------------------------------
// Errors: one line, FILE:LINE:COLUMN: /json/path: message

TEST(GeneralLayerErrors, UnknownObjectType) {
  EXPECT_EQ(loadError(scene(R"({"id": "a", "type": "star"})", R"({"beat": "wait"})")),
            "bad.json:1:48: /objects/0/type: unknown object type \"star\" (text, formula, "
            "rectangle, circle, box, "
            "line, arrow, brace, spheres, bars, group, matrix)");
}

TEST(GeneralLayerErrors, UnknownAnimationListsTheKinds) {
  EXPECT_EQ(
      loadError(scene(R"({"id": "a", "type": "text", "text": "x"})",
                      R"({"beat": "play", "animations": [{"type": "spin", "target": "a"}]})")),
      "bad.json:1:122: /beats/0/animations/0/type: unknown animation \"spin\" (fade_in, fade_out, "
      "show_creation, write, grow, flash, show_creation_then_fade_out, move, indicate, highlight, "
      "remove, camera)");
}

TEST(GeneralLayerErrors, DuplicateId) {
  EXPECT_EQ(
      loadError(scene(
          R"({"id": "a", "type": "text", "text": "x"}, {"id": "a", "type": "text", "text": "y"})",
          R"({"beat": "wait"})")),
      "bad.json:1:77: /objects/1/id: duplicate object id \"a\"");
}

TEST(GeneralLayerErrors, TargetNotFound) {
  EXPECT_EQ(
      loadError(scene(R"({"id": "a", "type": "text", "text": "x"})",
                      R"({"beat": "play", "animations": [{"type": "fade_in", "target": "b"}]})")),
      "bad.json:1:143: /beats/0/animations/0/target: no object with id \"b\"");
}

TEST(GeneralLayerErrors, BadColor) {
  EXPECT_EQ(loadError(scene(R"({"id": "a", "type": "text", "text": "x", "color": "MAUVE"})",
                            R"({"beat": "wait"})")),
            "bad.json:1:78: /objects/0/color: unknown color \"MAUVE\" (use #RRGGBB or a manim name "
            "like BLUE_E)");
}

TEST(GeneralLayerErrors, BadRateListsTheNames) {
  EXPECT_EQ(
      loadError(scene(
          R"({"id": "a", "type": "text", "text": "x"})",
          R"({"beat": "play", "animations": [{"type": "write", "target": "a", "rate": "bouncy"}]})")),
      "bad.json:1:154: /beats/0/animations/0/rate: unknown rate function \"bouncy\" (one of: "
      "linear, smooth, "
      "rush_into, rush_from, slow_into, double_smooth, there_and_back, there_and_back_with_pause, "
      "lingering)");
}

TEST(GeneralLayerErrors, TimeSpanBackwards) {
  EXPECT_EQ(
      loadError(scene(
          R"({"id": "a", "type": "text", "text": "x"})",
          R"({"beat": "play", "animations": [{"type": "write", "target": "a", "time_span": [2, 1]}]})")),
      "bad.json:1:159: /beats/0/animations/0/time_span: expected [start, end] with 0 <= start <= "
      "end, got [2, 1]");
}

TEST(GeneralLayerErrors, TimeSpanAndRunTimeTogether) {
  EXPECT_EQ(
      loadError(scene(
          R"({"id": "a", "type": "text", "text": "x"})",
          R"({"beat": "play", "animations": [{"type": "write", "target": "a", "time_span": [0, 1], "run_time": 2}]})")),
      "bad.json:1:179: /beats/0/animations/0/run_time: give either \"run_time\" or \"time_span\", "
      "not both");
}

TEST(GeneralLayerErrors, FieldOfAnotherAnimationKind) {
  EXPECT_EQ(
      loadError(scene(
          R"({"id": "a", "type": "text", "text": "x"})",
          R"({"beat": "play", "animations": [{"type": "fade_in", "target": "a", "scale": 2}]})")),
      "bad.json:1:148: /beats/0/animations/0: unknown field \"scale\"");
}

TEST(GeneralLayerErrors, GroupMemberMustExist) {
  EXPECT_EQ(loadError(scene(R"({"id": "g", "type": "group", "members": ["nope"]})",
                            R"({"beat": "wait"})")),
            "bad.json:1:69: /objects/0/members/0: no object with id \"nope\" (members must be "
            "defined before the "
            "group)");
}

TEST(GeneralLayerErrors, CornerRadiusTooLarge) {
  EXPECT_EQ(
      loadError(scene(
          R"({"id": "r", "type": "rectangle", "width": 2, "height": 1, "corner_radius": 0.6})",
          R"({"beat": "wait"})")),
      "bad.json:1:103: /objects/0/corner_radius: must be at most half the smaller side (0.5)");
}

TEST(GeneralLayerErrors, LinePointsAndEnds) {
  EXPECT_EQ(loadError(scene(R"({"id": "l", "type": "line", "points": [[0, 0, 0]]})",
                            R"({"beat": "wait"})")),
            "bad.json:1:66: /objects/0/points: a line needs at least 2 points");
  EXPECT_EQ(
      loadError(
          scene(R"({"id": "l", "type": "line", "points": [[0, 0, 0], [1, 0, 0]], "to": [1, 1, 0]})",
                R"({"beat": "wait"})")),
      "bad.json:1:66: /objects/0/points: use either \"points\" or \"from\" and \"to\", not both");
}

TEST(GeneralLayerErrors, FormulaMarkup) {
  EXPECT_EQ(
      loadError(
          scene(R"({"id": "f", "type": "formula", "text": "a \\over b"})", R"({"beat": "wait"})")),
      "bad.json:1:67: /objects/0/text: unknown command \"\\over\" (\\text, \\mathrm, \\frac, "
      "\\sqrt, \\left, "
      "\\right, \\cdot, "
      "\\times, \\dots, \\cdots, \\to, \\quad, \\,, \\{, \\}, \\\\, \\^, \\_) at character 3");
  EXPECT_EQ(
      loadError(scene(R"({"id": "f", "type": "formula", "text": "x^{2"})", R"({"beat": "wait"})")),
      "bad.json:1:67: /objects/0/text: missing \"}\" at the end of the formula");
  EXPECT_EQ(loadError(scene(R"({"id": "f", "type": "formula", "text": "\\left( x"})",
                            R"({"beat": "wait"})")),
            "bad.json:1:67: /objects/0/text: \"\\left\" without a matching \"\\right\" at the end "
            "of the formula");
  EXPECT_EQ(
      loadError(scene(R"({"id": "f", "type": "formula", "text": "x^"})", R"({"beat": "wait"})")),
      "bad.json:1:67: /objects/0/text: \"^\" needs an argument at the end of the formula");
}

// ---------------------------------------------------------------------------------------------
// Behaviour

TEST(GeneralLayer, PlayRunTimeIsTheLongestAnimationAndLagOffsetsThem) {
  // manimgl: play() lasts as long as its longest animation; with lag_ratio r animation i+1 starts
  // when animation i is r of the way through.
  const Scene s = load(
      scene(R"({"id": "a", "type": "text", "text": "a"}, {"id": "b", "type": "text", "text": "b"})",
            R"({"beat": "play", "lag_ratio": 0.5, "animations": [
                                  {"type": "write", "target": "a", "run_time": 2},
                                  {"type": "write", "target": "b", "run_time": 2}]},
                                {"beat": "wait", "duration": 0.5})"));
  ASSERT_EQ(s.beats.size(), 2u);
  EXPECT_NEAR(s.beats[0].duration(), 3.0, 1e-9);
  EXPECT_NEAR(s.duration, 3.5, 1e-9);
  const Element& b = s.elements[element(s, "b")];
  EXPECT_FLOAT_EQ(b.reveal.at(0.99).alpha, 0.0f);  // b starts at 1 s
  EXPECT_FLOAT_EQ(b.reveal.at(2.0).alpha, 0.5f);   // reveal progress is linear time
  EXPECT_FLOAT_EQ(b.reveal.at(3.0).alpha, 1.0f);
}

TEST(GeneralLayer, TimeSpanPlacesTheAnimationInsideThePlay) {
  const Scene s = load(scene(R"({"id": "a", "type": "text", "text": "a"})",
                             R"({"beat": "wait", "duration": 1},
                                {"beat": "play", "animations": [{"type": "fade_in", "target": "a", "time_span": [0.5, 1.5]}]})"));
  EXPECT_NEAR(s.beats[1].duration(), 1.5, 1e-9);
  const Element& a = s.elements[element(s, "a")];
  EXPECT_FLOAT_EQ(a.opacity.at(1.49), 0.0f);
  EXPECT_FLOAT_EQ(a.opacity.at(2.0), 0.5f);  // smooth(0.5) == 0.5
  EXPECT_FLOAT_EQ(a.opacity.at(2.5), 1.0f);
}

TEST(GeneralLayer, LagRatioInsideOneAnimationStaggersAGroup) {
  const Scene s = load(scene(
      R"({"id": "a", "type": "text", "text": "a"}, {"id": "b", "type": "text", "text": "b"},
                                {"id": "g", "type": "group", "members": ["a", "b"]})",
      R"({"beat": "play", "run_time": 3, "animations": [{"type": "fade_in", "target": "g", "lag_ratio": 0.5, "rate": "linear"}]})"));
  // full = (n-1) r + 1 = 1.5: part 0 covers [0, 2], part 1 covers [1, 3].
  const Element& a = s.elements[element(s, "a")];
  const Element& b = s.elements[element(s, "b")];
  EXPECT_FLOAT_EQ(a.opacity.at(1.0), 0.5f);
  EXPECT_FLOAT_EQ(b.opacity.at(1.0), 0.0f);
  EXPECT_FLOAT_EQ(b.opacity.at(2.0), 0.5f);
}

TEST(GeneralLayer, FadeInAfterFadeOutRestoresTheFillOpacity) {
  const Scene s = load(
      scene(R"({"id": "r", "type": "rectangle", "width": 2, "height": 1, "fill_opacity": 0.3})",
            R"({"beat": "play", "animations": [{"type": "fade_out", "target": "r"}]},
                                {"beat": "play", "animations": [{"type": "fade_in", "target": "r"}]})"));
  const Element& fill = s.elements[element(s, "r/fill")];
  EXPECT_FLOAT_EQ(fill.opacity.at(0.0), 0.3f);
  EXPECT_FLOAT_EQ(fill.opacity.at(1.0), 0.0f);
  EXPECT_FLOAT_EQ(fill.opacity.at(2.0), 0.3f);
}

TEST(GeneralLayer, MoveScalesAboutTheObjectOriginAndThereAndBackReturns) {
  const Scene s = load(scene(
      R"({"id": "f", "type": "formula", "text": "x^2", "position": [1, 0, 0]})",
      R"({"beat": "play", "animations": [{"type": "move", "target": "f", "to": [3, 0, 0], "scale": 2}]},
                                {"beat": "play", "animations": [{"type": "move", "target": "f", "shift": [0, 1, 0], "rate": "there_and_back"}]})"));
  const Element& x = s.elements[element(s, "f/0")];
  const Element& two = s.elements[element(s, "f/1")];
  const float gap_before = two.pose.at(0.0).position.x - x.pose.at(0.0).position.x;
  const float gap_after = two.pose.at(1.0).position.x - x.pose.at(1.0).position.x;
  EXPECT_NEAR(gap_after, 2.0f * gap_before, 1e-4f);
  EXPECT_NEAR(x.pose.at(1.0).scale.x, 2.0f, 1e-6f);
  EXPECT_NEAR(x.pose.at(1.5).position.y - x.pose.at(1.0).position.y, 1.0f, 1e-4f);  // there...
  EXPECT_NEAR(x.pose.at(2.0).position.y, x.pose.at(1.0).position.y, 1e-5f);         // ...and back
}

TEST(GeneralLayer, FormulaScriptsAreSmallerAndRaised) {
  const Scene s =
      load(scene(R"({"id": "f", "type": "formula", "text": "x^2 y_k", "font_size": 48})",
                 R"({"beat": "wait"})"));
  // Pieces left to right: "x", "2", " y", "k".
  const Element& base = s.elements[element(s, "f/0")];
  const Element& sup = s.elements[element(s, "f/1")];
  const Element& sub = s.elements[element(s, "f/3")];
  EXPECT_LT(s.texts[sup.geometry].em_size, s.texts[base.geometry].em_size);
  EXPECT_GT(sup.pose.at(0).position.y, base.pose.at(0).position.y);
  EXPECT_LT(sub.pose.at(0).position.y, base.pose.at(0).position.y);
  EXPECT_EQ(s.texts[sup.geometry].utf8, "2");
}

TEST(GeneralLayer, FormulaFractionAndRootDrawStrokes) {
  const Scene s = load(scene(R"({"id": "f", "type": "formula", "text": "\\frac{a}{\\sqrt{b}}"})",
                             R"({"beat": "wait"})"));
  int strokes = 0, texts = 0;
  for (const Element& e : s.elements) {
    if (e.id.rfind("f/", 0) != 0) continue;
    strokes += e.kind == ElementKind::Stroke;
    texts += e.kind == ElementKind::Text;
  }
  EXPECT_EQ(strokes, 2);  // the fraction bar and the radical
  EXPECT_EQ(texts, 2);
}

TEST(GeneralLayer, ArrowTipAppearsWhenTheShaftArrives) {
  const Scene s = load(scene(
      R"({"id": "a", "type": "arrow", "from": [0, 0, 0], "to": [2, 0, 0]})",
      R"({"beat": "play", "run_time": 2, "animations": [{"type": "show_creation", "target": "a"}]})"));
  const Element& tip = s.elements[element(s, "a/tip")];
  EXPECT_FLOAT_EQ(tip.reveal.at(1.5).alpha, 0.0f);
  EXPECT_FLOAT_EQ(tip.reveal.at(2.0).alpha, 1.0f);
  // The shaft's origin is its start, so "grow" grows it out of the start point.
  const Element& shaft = s.elements[element(s, "a")];
  EXPECT_EQ(shaft.pose.at(0).position, glm::vec3(0.0f));
}

TEST(GeneralLayer, IndicateComesBackToItsColorAndSize) {
  const Scene s =
      load(scene(R"({"id": "t", "type": "text", "text": "hi", "color": "BLUE_C"})",
                 R"({"beat": "play", "animations": [{"type": "indicate", "target": "t"}]})"));
  const Element& t = s.elements[element(s, "t")];
  EXPECT_NEAR(t.pose.at(0.5).scale.x, 1.2f, 1e-5f);
  EXPECT_NEAR(t.color.at(0.5).b, 0.0f, 1e-5f);  // YELLOW at the peak
  EXPECT_NEAR(t.pose.at(1.0).scale.x, 1.0f, 1e-5f);
  EXPECT_EQ(t.color.at(1.0), t.color.at(0.0));
}

TEST(GeneralLayer, CameraAnimationAndPlayWithoutAnimations) {
  const Scene s = load(scene(
      "",
      R"({"beat": "play", "animations": [{"type": "camera", "center": [1, 2, 3], "height": 4, "run_time": 2}]},
                                    {"beat": "play", "run_time": 0.5, "animations": []})"));
  EXPECT_NEAR(s.duration, 2.5, 1e-9);
  EXPECT_NEAR(s.camera.at(2.0).height, 4.0f, 1e-5f);
  EXPECT_NEAR(s.camera.at(2.0).center.z, 3.0f, 1e-5f);
}

}  // namespace
}  // namespace flowview::scenes
