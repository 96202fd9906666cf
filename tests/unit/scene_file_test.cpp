#include "core/scenes/scene_file.h"

#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "core/timeline/evaluate.h"
#include "scene_loading.h"

namespace flowview::scenes {
namespace {

using test_support::atlas;
using test_support::loadError;

const Scene& mainScene() {
  static const Scene scene = loadSceneFile(
      std::string(FLOWVIEW_TEST_SCENE_DIR) + "/high_level_network_flow.json", atlas());
  return scene;
}

TEST(MainScene, BeatsMatchTheReferenceTimeline) {
  std::ifstream in(FLOWVIEW_TEST_REFERENCE);
  if (!in) GTEST_SKIP() << "reference timeline not found beside the repository";
  const auto reference = nlohmann::json::parse(in);
  const Scene& scene = mainScene();
  const auto& events = reference["events"];
  ASSERT_EQ(scene.beats.size(), events.size());
  EXPECT_NEAR(scene.duration, reference["total_duration"].get<double>(), 0.01);
  for (size_t i = 0; i < events.size(); ++i) {
    const Beat& beat = scene.beats[i];
    SCOPED_TRACE("beat " + std::to_string(i) + " " + beat.name);
    EXPECT_EQ(beat.kind == BeatKind::Play ? "play" : "wait", events[i]["kind"].get<std::string>());
    EXPECT_NEAR(beat.start, events[i]["start"].get<double>(), 0.01);
    EXPECT_NEAR(beat.end, events[i]["end"].get<double>(), 0.01);
    const Camera camera = scene.camera.at(beat.end);
    const EulerDegrees e = camera.euler();
    const auto& after = events[i]["camera_after"];
    EXPECT_NEAR(e.theta, after["euler_deg"][0].get<double>(), 0.05);
    EXPECT_NEAR(e.phi, after["euler_deg"][1].get<double>(), 0.05);
    EXPECT_NEAR(e.gamma, after["euler_deg"][2].get<double>(), 0.05);
    for (int k = 0; k < 3; ++k)
      EXPECT_NEAR(camera.center[k], after["center"][k].get<double>(), 0.02);
    EXPECT_NEAR(camera.height, after["height"].get<double>(), 0.01);
  }
}

TEST(MainScene, SeedRunTimes) {
  const Scene& scene = mainScene();
  // The attention arcs last 5 s, the MLP one-by-one reveal 9 s (seed run times).
  EXPECT_NEAR(scene.beats[12].duration(), 5.0, 1e-9);
  EXPECT_NE(scene.beats[12].name.find("attention 1"), std::string::npos);
  EXPECT_NEAR(scene.beats[15].duration(), 9.0, 1e-9);
  EXPECT_NE(scene.beats[15].name.find("mlp 1"), std::string::npos);
  EXPECT_EQ(scene.presets.size(), 6u);
}

TEST(MainScene, MlpNetworksVanishAt65_04) {
  const Scene& scene = mainScene();
  int spheres = 0;
  for (size_t i = 0; i < scene.elements.size(); ++i) {
    if (scene.elements[i].kind != ElementKind::Spheres) continue;
    ++spheres;
    EXPECT_NEAR(scene.elements[i].removed_at, 65.04, 1e-6);
  }
  EXPECT_EQ(spheres, 3 * 11);
}

TEST(SceneFileErrors, EachBadInputGetsOneClearLine) {
  EXPECT_EQ(loadError(R"({"version": 1, "beats": [{"beat": "wait", "duration": -1}]})"),
            "bad.json:1:55: /beats/0/duration: must be between 0 and 100000, got -1");
  EXPECT_EQ(loadError(R"({"version": 1, "beats": [{"beat": "dance"}]})"),
            "bad.json:1:35: /beats/0/beat: unknown beat \"dance\" (show_tokens, attention, mlp, "
            "repetitions, focus_last_layer, unembedding, cycle_embeddings, "
            "context_size, remove_earlier_layers, desired_output, unembedding_matrix, scale_stack, "
            "lesson, play, wait)");
  EXPECT_EQ(loadError("{\"version\": 1,\n \"beats\": [{\"beat\": \"wait\", \"durration\": 2}]}"),
            "bad.json:2:29: /beats/0: unknown field \"durration\" (did you mean \"duration\"?)");
  EXPECT_EQ(loadError(R"({"version": "1", "beats": []})"),
            "bad.json:1:13: /version: expected an integer, got a string");
  EXPECT_EQ(loadError(R"({"beats": []})"), "bad.json:1:1: missing required field \"version\"");
  EXPECT_EQ(loadError(R"({"version": 1, "beats": [)"), "bad.json:1:26: unexpected end of input");
  EXPECT_EQ(
      loadError(
          R"({"version": 1, "network_flow": {"text": "a b c", "tokens": []}, "beats": [{"beat": "show_tokens"}]})"),
      "bad.json:1:60: /network_flow/tokens: the token list is empty");
  EXPECT_EQ(
      loadError(
          R"({"version": 1, "network_flow": {"text": "a b c", "next_tokens": [{"token": "x", "probability": 1.5}]}, "beats": [{"beat": "show_tokens"}]})"),
      "bad.json:1:96: /network_flow/next_tokens/0/probability: must be between 0 and 1, got 1.5");
  EXPECT_EQ(loadError(R"({"version": 1, "beats": [{"beat": "wait", "duration": NaN}]})"),
            "bad.json:1:55: syntax error: invalid literal");
  EXPECT_EQ(loadError(R"({"version": 1, "beats": [{"beat": "attention"}]})"),
            "bad.json:1:35: /beats/0/beat: \"attention\" needs a \"network_flow\" section");
}

TEST(SceneFileErrors, NumbersBeyondFloatRangeAreRejected) {
  EXPECT_EQ(
      loadError(
          R"({"version": 1, "camera": {"center": [0, 1e39, 0]}, "beats": [{"beat": "wait"}]})"),
      "bad.json:1:41: /camera/center/1: number too large: 1e+39 (at most 1e30 in size)");
  EXPECT_EQ(loadError(R"({"version": 1, "beats": [{"beat": "scale_stack", "tokens": 1048576}]})"),
            "bad.json:1:60: /beats/0/tokens: must be between 1 and 65536, got 1048576");
}

TEST(SceneFileErrors, EveryShippedSceneIsValid) {
  for (const char* name : {"high_level_network_flow.json", "test_pattern.json",
                           "mention_context_size_and_unembedding.json"}) {
    SCOPED_TRACE(name);
    EXPECT_NO_THROW(loadSceneFile(std::string(FLOWVIEW_TEST_SCENE_DIR) + "/" + name, atlas()));
  }
}

}  // namespace
}  // namespace flowview::scenes
