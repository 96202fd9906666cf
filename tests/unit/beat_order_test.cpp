// Network-flow beats may come in any order and any number of times in a scene file: a beat that
// builds on an earlier one (the unembedding matrix moves the desired-output list, the focus dims
// the layers' columns) must cope when that one never ran. Every beat alone, every ordered pair
// and every beat twice must either compose (and then evaluate and batch) or be rejected with a
// LoadError (the validator rejects some orders: a second show_tokens, repetitions before any
// block); under ASan/UBSan a read past a vector's end fails here rather than in the fuzzer.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "core/description/kinds.h"
#include "core/draw/draw_batches.h"
#include "core/io/load_error.h"
#include "core/scenes/scene_file.h"
#include "core/timeline/evaluate.h"
#include "scene_loading.h"

namespace flowview::scenes {
namespace {

using test_support::atlas;

std::vector<std::string> flowBeatNames() {
  std::vector<std::string> names;
  for (const description::BeatKindEntry& kind : description::beatKinds())
    if (kind.needs_network_flow) names.emplace_back(kind.name);
  return names;
}

// Loads a scene of `beats` (names) over a short phrase with given tokens; returns "" when it
// composed, evaluated and batched, the LoadError's line when it was rejected.
// Every scene starts with show_tokens, which the other flow beats need (else a LoadError).
std::string composeBeats(const std::vector<std::string>& beats) {
  std::string json =
      R"({"version": 1, "network_flow": {"text": "To date, the", "tokens": ["To", " date", ",", )"
      R"(" the"]}, "beats": [{"beat": "show_tokens"})";
  for (const std::string& beat : beats) json += R"(, {"beat": ")" + beat + "\"}";
  json += "]}";
  Scene scene;
  try {
    scene = loadSceneString(json, "order.json", atlas());
  } catch (const io::LoadError& e) {
    return e.what();
  }
  FrameState state;
  DrawBatches batches;
  Batcher batcher(atlas());
  for (const double u : {0.0, 0.25, 0.5, 0.75, 1.0}) {
    evaluate(scene, u * scene.duration, state);
    batcher.build(scene, state, batches);
  }
  return "";
}

TEST(BeatOrder, TheFlowBeatsAreFound) {
  const std::vector<std::string> names = flowBeatNames();
  EXPECT_GE(names.size(), 11u);
  EXPECT_NE(std::find(names.begin(), names.end(), "unembedding_matrix"), names.end());
}

// Composed scenes are counted so that a validator that rejected everything would fail too.
TEST(BeatOrder, EveryBeatAloneComposesOrIsRejected) {
  int composed = 0;
  for (const std::string& name : flowBeatNames()) {
    SCOPED_TRACE(name);
    composed += composeBeats({name}).empty();
  }
  EXPECT_GE(composed, 8);
}

TEST(BeatOrder, EveryOrderedPairComposesOrIsRejected) {
  const std::vector<std::string> names = flowBeatNames();
  int composed = 0;
  for (const std::string& first : names)
    for (const std::string& second : names) {
      SCOPED_TRACE(first + " then " + second);
      composed += composeBeats({first, second}).empty();
    }
  EXPECT_GE(composed, 80);
}

TEST(BeatOrder, EveryOrderedTripleComposesOrIsRejected) {
  const std::vector<std::string> names = flowBeatNames();
  int composed = 0;
  for (const std::string& a : names)
    for (const std::string& b : names)
      for (const std::string& c : names) {
        SCOPED_TRACE(a + " then " + b + " then " + c);
        composed += composeBeats({a, b, c}).empty();
      }
  EXPECT_GE(composed, 700);
}

TEST(BeatOrder, EveryBeatAfterTheWholeFlowComposesOrIsRejected) {
  // The seed's order, then each beat once more: a beat repeated after the flow has moved on.
  const std::vector<std::string> flow = {"attention",         "mlp",         "repetitions",
                                         "focus_last_layer",  "unembedding", "desired_output",
                                         "unembedding_matrix"};
  EXPECT_EQ(composeBeats(flow), "");
  for (const std::string& extra : flowBeatNames()) {
    SCOPED_TRACE("the flow, then " + extra);
    std::vector<std::string> beats = flow;
    beats.push_back(extra);
    composeBeats(beats);
  }
}

TEST(BeatOrder, EveryBeatTwiceAfterOneLayerComposesOrIsRejected) {
  int composed = 0;
  for (const std::string& name : flowBeatNames()) {
    SCOPED_TRACE(name);
    composed += composeBeats({"attention", "mlp", name, name}).empty();
  }
  EXPECT_GE(composed, 8);
}

}  // namespace
}  // namespace flowview::scenes
