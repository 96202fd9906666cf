// The network flow drawn from a real model (core/scenes/model_data.h): run by the ctest
// `model_realdata_scene`, which writes a small random-weight GPT-2 folder and points
// FLOWVIEW_TEST_MODEL at it; skipped in the plain unit run.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "core/description/read_scene.h"
#include "core/io/load_error.h"
#include "core/model/model.h"
#include "core/model/next_token.h"
#include "core/scenes/compose_scene.h"
#include "core/scenes/model_data.h"
#include "core/scenes/scene_file.h"
#include "core/text/font_locator.h"
#include "core/text/glyph_atlas.h"

using namespace flowview;

namespace {

const char* modelFolder() {
  return std::getenv("FLOWVIEW_TEST_MODEL");
}

// A scene file in a folder of its own whose "model" names the test model relatively.
std::string writeSceneWithModel(const std::string& name, const std::string& flow_extra,
                                const std::string& last_beat_extra) {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / "flowview-realdata-scenes";
  fs::create_directories(dir);
  const std::string relative = fs::relative(modelFolder(), dir).string();
  const fs::path path = dir / name;
  std::ofstream(path) << R"({"version": 1, "model": ")" << relative << R"(",
    "network_flow": {"text": "The quick brown fox jumps")"
                      << flow_extra << R"(},
    "beats": [{"beat": "show_tokens"}, {"beat": "attention"}, {"beat": "mlp"},
              {"beat": "attention")"
                      << last_beat_extra << "}]}";
  return path.string();
}

}  // namespace

TEST(RealModelScene, ArcsFollowTheAttentionAndBarsThePrediction) {
  if (!modelFolder()) GTEST_SKIP() << "FLOWVIEW_TEST_MODEL not set (ctest model_realdata_scene)";
  text::GlyphAtlas atlas(text::locateFonts(""));
  scenes::SceneInputs inputs;
  inputs.model_folder = modelFolder();
  inputs.text = "The quick brown fox jumps over the lazy";
  const Scene scene = scenes::loadSceneFile(
      std::string(FLOWVIEW_TEST_SCENE_DIR) + "/high_level_network_flow.json", atlas, inputs);
  ASSERT_TRUE(scene.model);
  const scenes::ModelData& data = *scene.model;
  const int t = data.length();
  ASSERT_EQ(t, 8);

  // Block 1 draws layer 0, mean over heads: arc "attention 1/arc{i}_{j}" joins column j to
  // column i (columns skip the dots column: token = column, except past it).
  const std::vector<float> pattern = data.pattern(0, -1);
  int arcs = 0;
  for (const Element& e : scene.elements) {
    const std::string prefix = "attention 1/arc";
    if (e.id.rfind(prefix, 0) != 0 || e.id.find("/flash") != std::string::npos) continue;
    const std::string pair = e.id.substr(prefix.size());
    const int i = std::stoi(pair.substr(0, pair.find('_')));
    const int j = std::stoi(pair.substr(pair.find('_') + 1));
    EXPECT_LT(j, i) << e.id << ": arcs run from earlier tokens to later ones";
    // Columns 0..t-1 without the dots column (the dots stand for token t - 4, look.h kDotsFromEnd).
    auto token = [&](int column) { return column >= t - 4 ? column + 1 : column; };
    const float weight = pattern[static_cast<size_t>(token(i)) * t + token(j)];
    EXPECT_NEAR(scene.strokes[e.geometry].width, 5.0f * weight, 1e-5f) << e.id;
    ++arcs;
  }
  EXPECT_GT(arcs, 10);

  // Bars: the model's top-K at temperature 1, as `predict` prints them.
  model::Model& dummy = *model::Model::load(modelFolder()).release();
  const auto& state = dummy.run(data.ids);
  const auto expected = model::topK(state.logits(), static_cast<int>(data.next_ids.size()), 1.0);
  ASSERT_EQ(scene.next_tokens.probabilities.size(), expected.size());
  for (size_t k = 0; k < expected.size(); ++k) {
    EXPECT_EQ(data.next_ids[k], expected[k].id);
    EXPECT_NEAR(scene.next_tokens.probabilities[k], expected[k].probability, 1e-12);
  }
  delete &dummy;
}

TEST(RealModelScene, ResidualValuesAreScaledAndRounded) {
  if (!modelFolder()) GTEST_SKIP() << "FLOWVIEW_TEST_MODEL not set (ctest model_realdata_scene)";
  auto model = model::Model::load(modelFolder());
  const auto data = scenes::makeModelData(*model, "Hello world, again", "tiny");
  const int c = data->n_embd;
  const float* x = data->residual[1].data() + c;  // token 1 entering layer 1
  double sum_sq = 0;
  for (int d = 0; d < c; ++d) sum_sq += double(x[d]) * x[d];
  const double rms = std::sqrt(sum_sq / c);
  const double expected = std::clamp(x[2] / rms * 3.0, -9.9, 9.9);
  EXPECT_NEAR(data->displayValue(1, 1, 2, 10), std::round(expected * 10) / 10, 1e-6);
  EXPECT_THROW(scenes::makeModelData(*model, std::string(400, 'x') + " y z", "tiny"),
               std::invalid_argument);
}

TEST(RealModelScene, TheSceneFilesModelLayerAndHead) {
  if (!modelFolder()) GTEST_SKIP() << "FLOWVIEW_TEST_MODEL not set (ctest model_realdata_scene)";
  text::GlyphAtlas atlas(text::locateFonts(""));
  const std::string path =
      writeSceneWithModel("heads.json", R"(, "attention_head": 1)", R"(, "layer": 0, "head": 0)");
  const Scene scene = scenes::loadSceneFile(path, atlas);  // no --model: the scene's own
  ASSERT_TRUE(scene.model);
  const scenes::ModelData& data = *scene.model;
  EXPECT_NE(data.source.find("2 layers x 2 heads"), std::string::npos) << data.source;
  EXPECT_EQ(data.prompt, "The quick brown fox");
  const int t = data.length();
  // Block 1: layer 0 (its own), head 1 (attention_head); block 2: layer 0, head 0 (the beat's).
  const std::vector<float> block1 = data.pattern(0, 1), block2 = data.pattern(0, 0);
  ASSERT_NE(block1, block2);
  int first = 0, second = 0;
  for (const AttentionArc& arc : scene.attention_arcs) {
    const std::string& id = scene.elements[static_cast<size_t>(arc.element)].id;
    EXPECT_LT(arc.from, arc.to) << id;
    EXPECT_EQ(arc.layer, 0) << id;
    const bool in_first = id.rfind("attention 1/", 0) == 0;
    EXPECT_EQ(arc.head, in_first ? 1 : 0) << id;
    const std::vector<float>& pattern = in_first ? block1 : block2;
    EXPECT_FLOAT_EQ(arc.weight, pattern[static_cast<size_t>(arc.to) * t + arc.from]) << id;
    EXPECT_NEAR(scene.strokes[scene.elements[static_cast<size_t>(arc.element)].geometry].width,
                5.0f * arc.weight, 1e-5f)
        << id;
    ++(in_first ? first : second);
  }
  EXPECT_GT(first, 4);
  EXPECT_GT(second, 4);
}

TEST(RealModelScene, HeadsAndLayersTheModelLacksAreTheScenesError) {
  if (!modelFolder()) GTEST_SKIP() << "FLOWVIEW_TEST_MODEL not set (ctest model_realdata_scene)";
  text::GlyphAtlas atlas(text::locateFonts(""));
  auto message = [&](const std::string& path) -> std::string {
    try {
      scenes::loadSceneFile(path, atlas);
    } catch (const io::LoadError& e) {
      return e.what();
    }
    return "no error";
  };
  const std::string head = message(writeSceneWithModel("head.json", "", R"(, "head": 2)"));
  EXPECT_NE(head.find("/beats/3/head: 2 is not a head of the model (it has 2)"), std::string::npos)
      << head;
  const std::string layer = message(writeSceneWithModel("layer.json", "", R"(, "layer": 9)"));
  EXPECT_NE(layer.find("/beats/3/layer"), std::string::npos) << layer;
  const std::string flow =
      message(writeSceneWithModel("flow.json", R"(, "attention_head": 5)", ""));
  EXPECT_NE(flow.find("/network_flow/attention_head"), std::string::npos) << flow;
}

TEST(RealModelScene, AReadingComputedAheadIsReusedNotRecomputed) {
  if (!modelFolder()) GTEST_SKIP() << "FLOWVIEW_TEST_MODEL not set (ctest model_realdata_scene)";
  text::GlyphAtlas atlas(text::locateFonts(""));
  const auto description =
      description::readSceneFile(std::string(FLOWVIEW_TEST_SCENE_DIR) + "/simplified_flow.json");
  scenes::SceneInputs inputs;
  const scenes::LoadedModel loaded = scenes::loadModelFolder(modelFolder());
  inputs.model = loaded.model;
  inputs.model_name = loaded.name;
  inputs.text = "The presenter types a sentence";
  const auto ahead = scenes::readSentence(description, inputs);  // what the viewer's worker does
  ASSERT_TRUE(ahead);
  inputs.data = ahead;
  const Scene scene = scenes::composeScene(description, atlas, inputs);
  EXPECT_EQ(scene.model.get(), ahead.get());  // the very reading: no second forward
  // A reading of another sentence is not used for this one.
  inputs.text = "Another sentence entirely";
  const Scene other = scenes::composeScene(description, atlas, inputs);
  ASSERT_TRUE(other.model);
  EXPECT_NE(other.model.get(), ahead.get());
  EXPECT_EQ(other.model->prompt, "Another sentence entirely");
}
