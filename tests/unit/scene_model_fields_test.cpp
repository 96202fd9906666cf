// The real-model fields of a scene file (docs/scene-format.md, docs/real-model.md): the scene's
// "model" folder, network_flow.attention_head and the attention beat's layer / head, read
// strictly, written back by `flowview format`; and `network_flow.text` split with GPT-2's
// tokenizer when no tokens are given.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "core/description/read_scene.h"
#include "core/description/write_scene.h"
#include "core/io/load_error.h"
#include "core/model/installed_tokenizer.h"
#include "core/scenes/compose_scene.h"
#include "core/text/glyph_atlas.h"

namespace flowview::description {
namespace {

const char* kScene = R"({
  "version": 1,
  "model": "../models/tiny",
  "network_flow": {"text": "a b c d", "attention_head": 1},
  "beats": [{"beat": "show_tokens"}, {"beat": "attention", "layer": 0, "head": -1},
            {"beat": "attention"}]
})";

TEST(SceneModelFields, AreReadAndResolvedAgainstTheSceneFile) {
  const SceneDescription s = readSceneString(kScene, "/talks/scenes/flow.json");
  ASSERT_TRUE(s.model);
  EXPECT_EQ(*s.model, "../models/tiny");
  EXPECT_EQ(s.model_path, "/talks/models/tiny");
  ASSERT_TRUE(s.network_flow);
  EXPECT_EQ(s.network_flow->attention_head, 1);
  const auto& first = std::get<AttentionBeat>(s.beats[1].kind);
  EXPECT_EQ(first.layer, 0);
  EXPECT_EQ(first.head, -1);
  const auto& second = std::get<AttentionBeat>(s.beats[2].kind);
  EXPECT_FALSE(second.layer);
  EXPECT_FALSE(second.head);
}

TEST(SceneModelFields, SurviveFormatting) {
  const SceneDescription s = readSceneString(kScene, "/talks/scenes/flow.json");
  const std::string once = formatScene(s);
  EXPECT_NE(once.find(R"("model": "../models/tiny")"), std::string::npos) << once;
  EXPECT_NE(once.find(R"("attention_head": 1)"), std::string::npos) << once;
  EXPECT_NE(once.find(R"("layer": 0,)"), std::string::npos) << once;
  EXPECT_NE(once.find(R"("head": -1,)"), std::string::npos) << once;
  const SceneDescription reread = readSceneString(once, "/talks/scenes/flow.json");
  EXPECT_EQ(formatScene(reread), once);
  EXPECT_EQ(reread.model_path, s.model_path);
  EXPECT_EQ(std::get<AttentionBeat>(reread.beats[1].kind).layer, 0);
  EXPECT_FALSE(std::get<AttentionBeat>(reread.beats[2].kind).layer);
  // Without a model nothing is written.
  const SceneDescription plain = readSceneString(
      R"({"version": 1, "network_flow": {"text": "a b c d"}, "beats": [{"beat": "show_tokens"}]})",
      "s.json");
  EXPECT_EQ(formatScene(plain).find("\"model\""), std::string::npos);
}

void expectError(const std::string& json, const std::string& message) {
  try {
    readSceneString(json, "s.json");
    ADD_FAILURE() << "no error for " << json;
  } catch (const io::LoadError& e) {
    EXPECT_NE(std::string(e.what()).find(message), std::string::npos) << e.what();
  }
}

TEST(SceneModelFields, BadValuesNameTheirJsonPath) {
  expectError(R"({"version": 1, "model": 3, "beats": [{"beat": "wait"}]})", "/model");
  expectError(R"({"version": 1, "model": "", "beats": [{"beat": "wait"}]})",
              "/model: must not be empty");
  expectError(R"({"version": 1, "network_flow": {"text": "a b c d", "attention_head": -2},
                  "beats": [{"beat": "show_tokens"}]})",
              "/network_flow/attention_head");
  expectError(R"({"version": 1, "network_flow": {"text": "a b c d"},
                  "beats": [{"beat": "show_tokens"}, {"beat": "attention", "layer": -1}]})",
              "/beats/1/layer");
  expectError(R"({"version": 1, "network_flow": {"text": "a b c d"},
                  "beats": [{"beat": "show_tokens"}, {"beat": "attention", "head": "mean"}]})",
              "/beats/1/head");
}

TEST(SceneModelFields, AModelFolderThatDoesNotLoadIsTheScenesErrorAtItsPath) {
  const SceneDescription s = readSceneString(
      R"({"version": 1, "model": "no-such-model",
          "network_flow": {"text": "a b c d"}, "beats": [{"beat": "show_tokens"}]})",
      "/talks/scenes/flow.json");
  text::GlyphAtlas atlas(text::GlyphAtlas::NoFonts{});
  try {
    scenes::composeScene(s, atlas);
    ADD_FAILURE() << "no error";
  } catch (const io::LoadError& e) {
    const std::string message = e.what();
    EXPECT_NE(message.find("/talks/scenes/flow.json:1:25: /model"), std::string::npos) << message;
    EXPECT_NE(message.find("/model: /talks/scenes/no-such-model"), std::string::npos) << message;
  }
  // --model wins: the scene's folder is not even looked at.
  scenes::SceneInputs inputs;
  inputs.model_folder = "/no/such/cli-model";
  try {
    scenes::composeScene(s, atlas, inputs);
    ADD_FAILURE() << "no error";
  } catch (const io::LoadError& e) {
    EXPECT_NE(std::string(e.what()).find("cli-model"), std::string::npos) << e.what();
  }
}

TEST(SceneModelFields, TextWithoutTokensIsSplitByGpt2) {
  const SceneDescription s = readSceneString(
      R"({"version": 1, "network_flow": {"text": "To date, the cleverest thinker"},
          "beats": [{"beat": "show_tokens"}]})",
      "s.json");
  if (model::installedGpt2Tokenizer()) {  // GPT-2's BPE: "cleverest" is three tokens
    EXPECT_EQ(s.network_flow->tokens, (std::vector<std::string>{"To", " date", ",", " the", " cle",
                                                                "ve", "rest", " thinker"}));
  } else {  // the note on stderr, and GPT-2's pre-tokenizer
    EXPECT_EQ(s.network_flow->tokens,
              (std::vector<std::string>{"To", " date", ",", " the", " cleverest", " thinker"}));
  }
  // "words" splits at spaces only, whatever is installed.
  const SceneDescription words = readSceneString(
      R"({"version": 1, "network_flow": {"text": "To date, the cleverest", "tokenizer": "words"},
          "beats": [{"beat": "show_tokens"}]})",
      "s.json");
  EXPECT_EQ(words.network_flow->tokens,
            (std::vector<std::string>{"To", " date,", " the", " cleverest"}));
}

}  // namespace
}  // namespace flowview::description
