// Addressable network-flow parts (docs/scene-format.md, "Element ids"): the ids of the main scene,
// a beat's "parts" option (retime, skip) and general-layer animations on network-flow parts.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "core/scenes/scene_file.h"
#include "core/timeline/evaluate.h"
#include "scene_loading.h"

namespace flowview::scenes {
namespace {

using test_support::atlas;
using test_support::loadError;

Scene load(const std::string& json) {
  return loadSceneString(json, "test.json", atlas());
}

// Five tokens, the tokens and one attention beat (with `attention` fields) and `more` beats.
std::string flowScene(const std::string& attention, const std::string& more = "") {
  return R"({"version": 1, "network_flow": {"text": "one two three four five"}, "beats": [
    {"beat": "show_tokens"}, {"beat": "attention")" +
         (attention.empty() ? "" : ", " + attention) + "}" + (more.empty() ? "" : ", " + more) +
         "]}";
}

const Beat& beatNamed(const Scene& scene, const std::string& name) {
  for (const Beat& beat : scene.beats) {
    if (beat.name == name) return beat;
  }
  ADD_FAILURE() << "no beat " << name;
  return scene.beats.front();
}

const ScenePart& part(const Scene& scene, const std::string& id) {
  const ScenePart* found = scene.findPart(id);
  if (!found) {
    ADD_FAILURE() << "no part " << id;
    static const ScenePart kNone;
    return kNone;
  }
  return *found;
}

TEST(NetworkFlowParts, MainSceneNamesEverySection) {
  const Scene scene = loadSceneFile(
      std::string(FLOWVIEW_TEST_SCENE_DIR) + "/high_level_network_flow.json", atlas());
  const std::pair<const char*, const char*> expected[] = {
      {"tokens", "tokens"},
      {"token1", "token"},
      {"token12", "token"},
      {"tokens/words", "text"},
      {"tokens/label", "text"},
      {"tokens/question", "group"},
      {"tokens/embed_arrows", "arrows"},
      {"layer0", "layer"},
      {"layer3", "layer"},
      {"layer7", "layer"},
      {"layer3/column2", "column"},
      {"attention1/block", "block"},
      {"attention2/arcs", "arcs"},
      {"attention3/title", "text"},
      {"mlp1/block", "block"},
      {"mlp1/network5", "network"},
      {"mlp3/networks", "networks"},
      {"repetitions/label", "text"},
      {"repetitions/blocks", "block"},
      {"focus/backdrop", "rectangle"},
      {"unembedding/rect", "rectangle"},
      {"unembedding/bars", "bars"},
      {"unembedding/arrow", "arrow"},
  };
  for (const auto& [id, kind] : expected) {
    SCOPED_TRACE(id);
    EXPECT_EQ(part(scene, id).kind, kind);
  }
  EXPECT_EQ(scene.findPart("layer8"), nullptr);   // 7 layers after the embedding: 3 x 2 + final
  EXPECT_EQ(scene.findPart("token13"), nullptr);  // the predicted token is "tokens/predicted"
  // 12 shown tokens; the 9th is the hidden column ("...") of every layer.
  EXPECT_EQ(scene.findPart("layer0/column9"), nullptr);
  EXPECT_NE(scene.findPart("layer0/column12"), nullptr);
  // Ids are unique, and every element they name exists.
  std::set<std::string> ids;
  for (const ScenePart& p : scene.parts) {
    EXPECT_TRUE(ids.insert(p.id).second) << "duplicate id " << p.id;
    EXPECT_FALSE(p.elements.empty()) << p.id;
    for (int e : p.elements) {
      ASSERT_GE(e, 0) << p.id;
      ASSERT_LT(e, static_cast<int>(scene.elements.size())) << p.id;
    }
  }
  // The parts hold what their names say.
  EXPECT_EQ(part(scene, "unembedding/bars").elements.size(), 13u * 4 + 1);  // bars and the dots
  EXPECT_EQ(scene.elements[part(scene, "attention1/title").elements[0]].id, "attention1/title");
  EXPECT_EQ(scene.elements[part(scene, "layer0/column1").elements[0]].id, "layer0/col0/entry0");
}

TEST(NetworkFlowParts, RetimingAPartStretchesItsPlay) {
  const Scene plain = load(flowScene(""));
  const Scene fast = load(flowScene(R"("parts": {"arcs": {"run_time": 2}})"));
  const Beat& arcs = beatNamed(fast, "attention 1: arcs flash, entries update");
  EXPECT_DOUBLE_EQ(beatNamed(plain, arcs.name).duration(), 5.0);
  EXPECT_DOUBLE_EQ(arcs.duration(), 2.0);
  EXPECT_NEAR(fast.duration, plain.duration - 3.0, 1e-9);
  // Every arc is gone by the end of the shortened play, and the play after it keeps its length.
  for (int e : part(fast, "attention1/arcs").elements) {
    for (const auto& s : fast.elements[e].reveal.segments()) EXPECT_LE(s.t1, arcs.end + 1e-9);
  }
  EXPECT_DOUBLE_EQ(beatNamed(fast, "attention 1: new layer leaves the block").duration(), 1.0);
}

TEST(NetworkFlowParts, SkippingAPartLeavesItOut) {
  const Scene plain = load(flowScene(""));
  const Scene scene = load(flowScene(R"("parts": {"title": {"skip": true}})"));
  EXPECT_EQ(scene.findPart("attention1/title"), nullptr);
  EXPECT_NE(scene.findPart("attention1/block"), nullptr);
  EXPECT_DOUBLE_EQ(scene.duration, plain.duration);  // the timing stays
  const int title = scene.findElement("attention1/title");
  ASSERT_GE(title, 0);
  for (double t : {0.0, 20.0, scene.duration}) {
    const FrameState frame = evaluate(scene, t);
    EXPECT_FALSE(frame.elements[title].visible) << t;
  }
  EXPECT_TRUE(
      evaluate(plain, plain.duration).elements[plain.findElement("attention1/title")].visible);
}

TEST(NetworkFlowParts, BadPartOptionsGetOneClearLine) {
  EXPECT_EQ(loadError(flowScene(R"("parts": {"arc": {"skip": true}})")),
            "bad.json:2:69: /beats/1/parts/arc: \"attention\" has no part \"arc\" (block, title, "
            "layer, arcs)");
  EXPECT_EQ(
      loadError(flowScene(R"("parts": {"block": {"run_time": 1}, "title": {"run_time": 3}})")),
      "bad.json:2:110: /beats/1/parts/title/run_time: \"block\" and \"title\" come in the "
      "same play: give a run_time to one of them");
  EXPECT_EQ(loadError(flowScene(R"("parts": {"arcs": {"run_time": 0}})")),
            "bad.json:2:83: /beats/1/parts/arcs/run_time: must be between 0.01 and 10000, got 0");
}

// A general-layer play beat on network-flow parts.
Scene playOn(const std::string& animation) {
  return load(
      flowScene("", R"({"beat": "play", "run_time": 1, "animations": [)" + animation + "]}"));
}

TEST(NetworkFlowParts, PlayFadesAnAttentionBlock) {
  const Scene scene = playOn(R"({"type": "fade_out", "target": "attention1/block"})");
  for (int e : part(scene, "attention1/block").elements) {
    EXPECT_FLOAT_EQ(scene.elements[e].opacity.at(scene.duration - 1.0), 0.75f);
    EXPECT_FLOAT_EQ(scene.elements[e].opacity.at(scene.duration), 0.0f);
  }
}

TEST(NetworkFlowParts, PlayRecoloursALayer) {
  const Scene scene = playOn(R"({"type": "move", "target": "layer1", "color": "#FF0000"})");
  for (int e : part(scene, "layer1").elements)
    EXPECT_EQ(scene.elements[e].color.at(scene.duration), Rgb(1, 0, 0));
  // The layer it came from keeps its colours.
  const int first = part(scene, "layer0").elements.front();
  EXPECT_EQ(scene.elements[first].color.at(scene.duration), Rgb(1.0f));
}

TEST(NetworkFlowParts, PlayMovesAndIndicatesAPart) {
  const Scene moved =
      playOn(R"({"type": "move", "target": "attention1/title", "shift": [0, 1, 0]})");
  const Element& title = moved.elements[part(moved, "attention1/title").elements[0]];
  EXPECT_NEAR(title.pose.at(moved.duration).position.y - title.pose.at(0.0).position.y, 1.0, 1e-5);
  const Scene indicated = playOn(R"({"type": "indicate", "target": "tokens/words"})");
  const Element& word = indicated.elements[part(indicated, "tokens/words").elements[0]];
  const double middle = indicated.duration - 0.5;
  EXPECT_NEAR(word.pose.at(middle).scale.y / word.pose.at(indicated.duration).scale.y, 1.2, 1e-5);
  EXPECT_EQ(word.color.at(middle), Rgb(1, 1, 0));
}

TEST(NetworkFlowParts, PlayOnAnUnknownIdStillFails) {
  EXPECT_NE(loadError(flowScene("", R"({"beat": "play", "animations": [
      {"type": "fade_out", "target": "attention9/block"}]})"))
                .find("no object with id \"attention9/block\""),
            std::string::npos);
}

}  // namespace
}  // namespace flowview::scenes
