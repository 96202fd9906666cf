// The network flow drawn from a real model (core/scenes/model_data.h): run by the ctest
// `model_realdata_scene`, which writes a small random-weight GPT-2 folder and points
// FLOWVIEW_TEST_MODEL at it; skipped in the plain unit run.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <string>

#include "core/model/model.h"
#include "core/model/next_token.h"
#include "core/scenes/model_data.h"
#include "core/scenes/scene_file.h"
#include "core/text/font_locator.h"
#include "core/text/glyph_atlas.h"

using namespace flowview;

namespace {

const char* modelFolder() {
  return std::getenv("FLOWVIEW_TEST_MODEL");
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
