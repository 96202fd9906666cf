// The real-model fields of a scene file (docs/scene-format.md, docs/real-model.md): the scene's
// "model" folder, network_flow.attention_head and the attention beat's layer / head, read
// strictly, written back by `flowview format`; and `network_flow.text` without tokens, kept as
// text when read and formatted, split with GPT-2's tokenizer when the scene is composed.
#include <gtest/gtest.h>

#include <algorithm>
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

// The message composing `s` fails with ("" and a failure when it composes).
std::string composeError(const SceneDescription& s, const scenes::SceneInputs& inputs = {}) {
  text::GlyphAtlas atlas(text::GlyphAtlas::NoFonts{});
  try {
    scenes::composeScene(s, atlas, inputs);
  } catch (const io::LoadError& e) {
    return e.what();
  }
  ADD_FAILURE() << "no error";
  return "";
}

TEST(SceneModelFields, AModelFolderThatDoesNotLoadIsTheScenesErrorAtItsPath) {
  const SceneDescription s = readSceneString(
      R"({"version": 1, "model": "no-such-model",
          "network_flow": {"text": "a b c d"}, "beats": [{"beat": "show_tokens"}]})",
      "/talks/scenes/flow.json");
  const std::string message = composeError(s);
  EXPECT_NE(message.find("/talks/scenes/flow.json:1:25: /model"), std::string::npos) << message;
  EXPECT_NE(message.find("/model: /talks/scenes/no-such-model"), std::string::npos) << message;
  // --model wins: the scene's folder is not even looked at.
  scenes::SceneInputs inputs;
  inputs.model_folder = "/no/such/cli-model";
  const std::string cli = composeError(s, inputs);
  EXPECT_NE(cli.find("cli-model"), std::string::npos) << cli;
}

// The words the composed scene shows, in order (the last token is the "???" box: no word).
std::vector<std::string> shownWords(const SceneDescription& description) {
  text::GlyphAtlas atlas(text::GlyphAtlas::NoFonts{});
  const Scene scene = scenes::composeScene(description, atlas);
  std::vector<std::string> words;
  for (size_t i = 0;; ++i) {
    const std::string id = "tokens/" + std::to_string(i) + "/text";
    const auto it = std::find_if(scene.elements.begin(), scene.elements.end(),
                                 [&](const Element& e) { return e.id == id; });
    if (it == scene.elements.end()) return words;
    words.push_back(scene.texts[it->geometry].utf8);
  }
}

const char* kTextOnly = R"({
  "version": 1,
  "network_flow": {"text": "To date, the cleverest thinker"},
  "beats": [{"beat": "show_tokens"}]
})";

TEST(SceneModelFields, TextWithoutTokensStaysTextWhenReadAndFormatted) {
  const SceneDescription s = readSceneString(kTextOnly, "s.json");
  ASSERT_TRUE(s.network_flow);
  EXPECT_TRUE(s.network_flow->tokens.empty());  // split when composed, not when read
  const std::string once = formatScene(s);
  EXPECT_NE(once.find(R"("text": "To date, the cleverest thinker")"), std::string::npos) << once;
  EXPECT_EQ(once.find(R"("tokens")"), std::string::npos) << once;
  EXPECT_EQ(formatScene(readSceneString(once, "s.json")), once);
  // Tokens the file gives are kept as given.
  const SceneDescription given = readSceneString(
      R"({"version": 1, "network_flow": {"text": "To date, the", "tokens": ["To", " date,", " the"]},
          "beats": [{"beat": "show_tokens"}]})",
      "s.json");
  EXPECT_NE(formatScene(given).find(R"("tokens": ["To", " date,", " the"])"), std::string::npos);
}

TEST(SceneModelFields, TextWithoutTokensIsSplitByGpt2WhenComposed) {
  const SceneDescription s = readSceneString(kTextOnly, "s.json");
  if (!model::installedGpt2Tokenizer()) {  // the note on stderr, and GPT-2's pre-tokenizer
    EXPECT_EQ(shownWords(s), (std::vector<std::string>{"To", " date", ",", " the", " cleverest"}));
    GTEST_SKIP() << "no GPT-2 vocabulary installed (scripts/setup-deps.sh installs one): "
                    "checked the word splitter only";
  }
  // GPT-2's BPE: "cleverest" is three tokens; " thinker" is the box to predict.
  EXPECT_EQ(shownWords(s),
            (std::vector<std::string>{"To", " date", ",", " the", " cle", "ve", "rest"}));
}

TEST(SceneModelFields, WordsTokenizerSplitsAtSpacesWhenComposed) {
  const SceneDescription words = readSceneString(
      R"({"version": 1, "network_flow": {"text": "To date, the cleverest", "tokenizer": "words"},
          "beats": [{"beat": "show_tokens"}]})",
      "s.json");
  EXPECT_TRUE(words.network_flow->tokens.empty());
  EXPECT_EQ(scenes::sentenceTokens(*words.network_flow, nullptr),
            (std::vector<std::string>{"To", " date,", " the", " cleverest"}));
  EXPECT_EQ(shownWords(words), (std::vector<std::string>{"To", " date,", " the"}));
}

TEST(SceneModelFields, TooFewTokensOfASplitTextAreTheTextsErrorWhenComposed) {
  // Read and formatted without complaint (no vocabulary is loaded then); composing counts.
  const SceneDescription s = readSceneString(R"({"version": 1,
  "network_flow": {"text": "a b", "tokenizer": "words"}, "beats": [{"beat": "show_tokens"}]})",
                                             "/talks/flow.json");
  const std::string message = composeError(s);
  EXPECT_NE(message.find("/talks/flow.json:2:28: /network_flow/text: needs at least 3 tokens"),
            std::string::npos)
      << message;
  // Given tokens are counted when read, at /network_flow/tokens.
  expectError(R"({"version": 1, "network_flow": {"text": "ab", "tokens": ["a", "b"]},
                  "beats": [{"beat": "show_tokens"}]})",
              "/network_flow/tokens: needs at least 3 tokens");
}

}  // namespace
}  // namespace flowview::description
