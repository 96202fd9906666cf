// The lesson scene files of issue 17 through the scene reader's "lesson" beat: beat counts and
// times derived from the seeds (docs/scenes.md), notes on every beat, and the numbers on screen
// being the lessons' numbers.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>

#include "core/lessons/attention_head.h"
#include "core/lessons/digit_network.h"
#include "core/scenes/attention_math.h"
#include "core/scenes/gradient_descent.h"
#include "core/scenes/mole_illustrations.h"
#include "scene_loading.h"

namespace flowview::scenes {
namespace {

using test_support::atlas;
using test_support::loadError;

const Scene& sceneFile(const std::string& name) {
  static std::map<std::string, Scene> cache;
  auto it = cache.find(name);
  if (it == cache.end())
    it = cache
             .emplace(name,
                      loadSceneFile(std::string(FLOWVIEW_TEST_SCENE_DIR) + "/" + name + ".json",
                                    atlas()))
             .first;
  return it->second;
}

void expectBeats(const Scene& s, const std::vector<double>& durations) {
  ASSERT_EQ(s.beats.size(), durations.size());
  double start = 0;
  for (size_t i = 0; i < durations.size(); ++i) {
    EXPECT_NEAR(s.beats[i].start, start, 1e-9) << i;
    EXPECT_NEAR(s.beats[i].duration(), durations[i], 1e-9) << s.beats[i].name;
    EXPECT_FALSE(s.beats[i].notes.empty()) << s.beats[i].name;
    start += durations[i];
  }
  EXPECT_NEAR(s.duration, start, 1e-9);
}

TEST(LessonScenes, AttentionMathFileHasTwelveBeatsOverThirtyNineSeconds) {
  expectBeats(sceneFile("attention_math"), {3, 4, 4, 4, 3, 3, 3, 2, 4, 3, 4, 2});
}

TEST(LessonScenes, GradientDescentFollowsTheSeedsPlaysAndWaits) {
  const Scene& s = sceneFile("gradient_descent");
  std::vector<double> d = {2, 2};
  for (int step = 0; step < 3; ++step) d.insert(d.end(), {1, 1, 1.5, 1});
  d.insert(d.end(), {2, 1, 2, 1, 1, 2, 1, 3, 4, 1, 7, 7});
  expectBeats(s, d);
  EXPECT_EQ(s.beats[14].name, "13,002 dimensions?!?");
  EXPECT_NEAR(s.duration, 49.5, 1e-9);
}

TEST(LessonScenes, TextPassageIntroHasTheSeedsTenBeats) {
  const Scene& s = sceneFile("text_passage_intro");
  expectBeats(s, {1, 1, 1, 3, 1, 1, 3, 1, 3, 1});
  EXPECT_EQ(s.beats[3].name, "context to the word");
}

TEST(LessonScenes, MoleExampleHasTheSeedsTwentyTwoBeats) {
  expectBeats(sceneFile("mole_example"),
              {1, 1, 1, 1, 1, 1, 2, 1, 1, 1, 2, 1.65, 1, 1.1, 1, 1, 2, 1, 2, 5, 1, 1});
}

TEST(LessonScenes, GradientEntriesAreTheTruePartialDerivatives) {
  SceneBuilder b("gradient descent");
  const GradientDescentHandles h = buildGradientDescent(b, atlas(), GradientDescentParams{});
  const Scene s = b.finish();
  const lessons::DigitNetwork net = lessons::makeDigitNetwork(3);
  const lessons::Gradient g =
      lessons::gradient(net, lessons::digitThreeImage(), lessons::kDigitThreeLabel);
  ASSERT_EQ(h.gradient.rows, 13002);
  std::vector<int> shown;
  for (int r = 0; r < h.gradient.rows; ++r) {
    if (!h.gradient.rowShown(r)) continue;
    const Element& e = s.elements[size_t(h.gradient.cell(r, 0))];
    EXPECT_FLOAT_EQ(e.value.initial(), static_cast<float>(-g.flat(r) + 0.0)) << r;
    EXPECT_EQ(s.texts[e.geometry].decimals, 6);
    // Telling entries: none of the blank pixels' exact zeros.
    EXPECT_GT(std::abs(e.value.initial()), 1e-6f) << r;
    // Labelled with the true index, as the cost's w terms ("w13,001").
    std::string index = std::to_string(r);
    if (r >= 1000) index.insert(index.size() - 3, ",");
    EXPECT_EQ(s.texts[s.elements[size_t(h.gradient.row_labels[size_t(r)])].geometry].utf8,
              "w" + index);
    shown.push_back(r);
  }
  // Four consecutive weights of one first-layer neuron, different at 6 decimals (not four
  // saturated pixels' equal components), and the last four biases.
  ASSERT_EQ(shown.size(), 8u);
  EXPECT_EQ(shown[3], shown[0] + 3);
  EXPECT_EQ(lessons::locateParameter(shown[0]).row, lessons::locateParameter(shown[3]).row);
  EXPECT_EQ(lessons::locateParameter(shown[0]).layer, 0);
  for (int i = 0; i < 3; ++i)
    EXPECT_GT(std::abs(g.flat(shown[i]) - g.flat(shown[i + 1])), 1e-6) << shown[i];
  EXPECT_EQ(shown[4], 12998);
  EXPECT_EQ(shown[7], 13001);
  // The cost shown first is the network's cost, and it falls over the three steps.
  const Element& cost = s.elements[size_t(h.cost)];
  EXPECT_FLOAT_EQ(cost.value.initial(), static_cast<float>(g.cost));
  const double after[3] = {s.beats[4].end, s.beats[8].end, s.beats[12].end};
  float previous = cost.value.initial();
  for (double t : after) {
    const float c = cost.value.at(t);
    EXPECT_LT(c, previous) << t;
    previous = c;
  }
  // The two isolated weights are first-layer weights, w_n's component about 32 times w_k's.
  EXPECT_EQ(lessons::locateParameter(h.isolated_n).layer, 0);
  EXPECT_EQ(lessons::locateParameter(h.isolated_k).layer, 0);
  const double ratio = std::abs(g.flat(h.isolated_n)) / std::abs(g.flat(h.isolated_k));
  EXPECT_NEAR(ratio, 32.0, 3.0);
}

TEST(LessonScenes, EveryMoleStartsAsTheSameVector) {
  const Scene& s = sceneFile("mole_example");
  for (int r = 0; r < 7; ++r) {
    const std::string cell = "/cell" + std::to_string(r) + "_0";
    const ScenePart* a = s.findPart("phrase0/vector2" + cell);
    const ScenePart* b = s.findPart("phrase1/vector1" + cell);
    const ScenePart* c = s.findPart("phrase2/vector5" + cell);
    const ScenePart* other = s.findPart("phrase1/vector3" + cell);
    ASSERT_TRUE(a && b && c && other) << r;
    const float va = s.elements[size_t(a->elements[0])].value.initial();
    EXPECT_EQ(va, s.elements[size_t(b->elements[0])].value.initial());
    EXPECT_EQ(va, s.elements[size_t(c->elements[0])].value.initial());
    EXPECT_GE(va, 0.0f);
    EXPECT_LT(va, 10.0f);
    if (r == 0) EXPECT_NE(va, s.elements[size_t(other->elements[0])].value.initial());
  }
}

TEST(LessonScenes, ThePassagesLastWordIsHidden) {
  const Scene& s = sceneFile("text_passage_intro");
  int last = -1;
  for (size_t i = 0; i < s.elements.size(); ++i)
    if (s.elements[i].id.rfind("passage/word", 0) == 0) last = static_cast<int>(i);
  ASSERT_GE(last, 0);
  const Element& e = s.elements[size_t(last)];
  EXPECT_EQ(s.texts[e.geometry].utf8, "Marley");
  EXPECT_EQ(e.opacity.at(s.beats[6].end), 0.0f);
  int words = 0;
  for (const Element& el : s.elements) words += el.id.rfind("passage/word", 0) == 0;
  EXPECT_GT(words, 300);
}

TEST(LessonScenes, IllustrationsAreOneUnitTall) {
  SceneBuilder b("illustrations");
  for (const Illustration& ill :
       {addShrewMole(b, "shrew", {0, 0, 0}), addMoleOnLip(b, "lip", {3, 0, 0})}) {
    float lo = 1e9f, hi = -1e9f;
    for (int e : ill.elements) {
      const Element& el = b.element(e);
      if (el.kind != ElementKind::Fill) continue;
      for (const glm::vec3& p : b.scene().fills[el.geometry].triangles) {
        lo = std::min(lo, p.y + el.pose.initial().position.y);
        hi = std::max(hi, p.y + el.pose.initial().position.y);
      }
    }
    EXPECT_NEAR(hi - lo, 1.0f, 1e-4f);
  }
  const FillGeometry e = ellipseFill(0.4f, 0.25f);
  EXPECT_EQ(e.triangles.size(), 120u);
}

TEST(LessonScenes, BadLessonBeatsSayWhereAndWhy) {
  EXPECT_EQ(loadError(R"({"version": 1, "beats": [{"beat": "lesson", "lesson": "nope"}]})"),
            "bad.json:1:55: /beats/0/lesson: unknown lesson \"nope\" (attention_math, "
            "gradient_descent, text_passage_intro, mole_example)");
  EXPECT_NE(loadError(R"({"version": 1, "beats": [{"beat": "lesson", "lesson":
      "text_passage_intro", "passage": "/nonexistent/passage.txt"}]})")
                .find("cannot read /nonexistent/passage.txt"),
            std::string::npos);
  EXPECT_NE(loadError(R"({"version": 1, "beats": [{"beat": "lesson", "lesson":
      "text_passage_intro"}]})")
                .find("needs a passage"),
            std::string::npos);
  EXPECT_NE(loadError(R"({"version": 1, "beats": [{"beat": "lesson", "lesson":
      "attention_math", "gains": [-1]}]})")
                .find("between 0 and 100"),
            std::string::npos);
}

TEST(LessonScenes, AttentionMathRebuildsForTheViewersGainAndMask) {
  const Scene& file = sceneFile("attention_math");
  EXPECT_TRUE(isAttentionMathScene(file));
  EXPECT_FALSE(isAttentionMathScene(sceneFile("gradient_descent")));
  AttentionMathParams params;
  params.gain = 4.0;
  params.causal = false;
  const Scene rebuilt = buildAttentionMathScene(atlas(), file.title, params);
  EXPECT_EQ(rebuilt.beats.size(), file.beats.size());
  EXPECT_DOUBLE_EQ(rebuilt.duration, file.duration);
  const lessons::AttentionHead head =
      lessons::computeAttentionHead(lessons::makeAttentionInputs({}, 1337), false, 4.0);
  const ScenePart* cell = rebuilt.findPart("weights/cell1_6");  // above the diagonal
  ASSERT_NE(cell, nullptr);
  const float shown = rebuilt.elements[size_t(cell->elements[0])].value.initial();
  EXPECT_FLOAT_EQ(shown, static_cast<float>(head.weights(1, 6)));
  EXPECT_GT(shown, 0.0f) << "without the mask a token attends to later ones";
  const ScenePart* masked = rebuilt.findPart("masked/cell2_5");
  ASSERT_NE(masked, nullptr);
  EXPECT_TRUE(rebuilt.texts[rebuilt.elements[size_t(masked->elements[0])].geometry].is_number);
}

}  // namespace
}  // namespace flowview::scenes
