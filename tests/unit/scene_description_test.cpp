// The scene description (engine/core/description): reading, writing, the kinds table against
// docs/scene-format.md, the reader's limits, and composition (font-free timings, scene parts as
// animation targets).
#include "core/description/scene_description.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "core/build/scene_builder.h"
#include "core/description/kinds.h"
#include "core/description/read_scene.h"
#include "core/description/write_scene.h"
#include "core/io/load_error.h"
#include "core/scenes/compose_scene.h"
#include "core/scenes/general_layer.h"
#include "core/text/glyph_atlas.h"
#include "scene_loading.h"

namespace flowview::description {
namespace {

std::vector<std::string> shippedScenes() {
  std::vector<std::string> paths;
  for (const auto& entry : std::filesystem::directory_iterator(FLOWVIEW_TEST_SCENE_DIR)) {
    if (entry.path().extension() == ".json") paths.push_back(entry.path().string());
  }
  std::sort(paths.begin(), paths.end());
  return paths;
}

// The error of reading `json` as "bad.json" (description only, no composition).
std::string readError(const std::string& json) {
  try {
    readSceneString(json, "bad.json");
  } catch (const io::LoadError& e) {
    return e.what();
  }
  return "no error";
}

std::string scene(const std::string& objects, const std::string& beats) {
  return R"({"version": 1, "objects": [)" + objects + R"(], "beats": [)" + beats + "]}";
}

// What `flowview info` reports, in one comparable string.
std::string summary(const Scene& s) {
  std::ostringstream out;
  out << s.title << " " << s.duration << " " << s.elements.size() << "\n";
  for (const Beat& b : s.beats) {
    const Camera c = s.camera.at(b.end);
    const EulerDegrees e = c.euler();
    out << b.index << " " << b.start << " " << b.end << " " << b.name << " | " << b.section << " | "
        << b.notes << " | " << e.theta << " " << e.phi << " " << e.gamma << " " << c.center.x << " "
        << c.center.y << " " << c.center.z << " " << c.height << "\n";
  }
  for (const CameraPreset& p : s.presets) out << p.name << " " << p.camera.height << "\n";
  return out.str();
}

// ---------------------------------------------------------------------------------------------
// Writing

TEST(SceneDescription, FormatIsStableAndKeepsTheSceneForEveryShippedScene) {
  for (const std::string& path : shippedScenes()) {
    SCOPED_TRACE(path);
    const SceneDescription original = readSceneFile(path);
    const std::string once = formatScene(original);
    const SceneDescription reread = readSceneString(once, "formatted.json");
    EXPECT_EQ(formatScene(reread), once);
    auto& atlas = scenes::test_support::atlas();
    EXPECT_EQ(summary(scenes::composeScene(reread, atlas)),
              summary(scenes::composeScene(original, atlas)));
  }
}

TEST(SceneDescription, FormatWritesDefaultsInAFixedOrder) {
  const SceneDescription s = readSceneString(
      R"({"beats": [{"beat": "wait"}], "objects": [{"type": "circle", "id": "c", "radius": 1}],
          "version": 1})",
      "s.json");
  EXPECT_EQ(formatScene(s), R"({
  "version": 1,
  "title": "untitled",
  "seed": 0,
  "camera_presets": [],
  "objects": [
    {
      "id": "c",
      "type": "circle",
      "position": [0.0, 0.0, 0.0],
      "color": "#FFFFFF",
      "opacity": 1.0,
      "fixed_in_frame": false,
      "radius": 1.0,
      "stroke_width": 2.0,
      "fill_opacity": 0.0,
      "fill_color": "#FFFFFF"
    }
  ],
  "beats": [
    {
      "beat": "wait",
      "name": "hold",
      "section": "",
      "duration": 1.0,
      "notes": ""
    }
  ],
  "present_every_beat": false
}
)");
}

TEST(SceneDescription, FloatsAreWrittenShortest) {
  const SceneDescription s = readSceneString(
      R"({"version": 1, "network_flow": {"text": "a b c d"},
          "beats": [{"beat": "show_tokens"}, {"beat": "attention", "orientation": [-40.5, -15, 0]}]})",
      "s.json");
  const std::string text = formatScene(s);
  EXPECT_NE(text.find(R"("orientation": [-40.5, -15.0, 0.0])"), std::string::npos) << text;
  // A text without tokens is written as it was read (split only when composed).
  EXPECT_NE(text.find(R"("text": "a b c d")"), std::string::npos) << text;
  EXPECT_EQ(text.find(R"("tokens")"), std::string::npos) << text;
}

TEST(SceneDescription, PartOptionsSurviveFormatting) {
  const SceneDescription s = readSceneString(
      R"({"version": 1, "network_flow": {"text": "a b c d"},
          "beats": [{"beat": "show_tokens"},
                    {"beat": "attention", "parts": {"arcs": {"run_time": 2}, "title": {"skip": true}}}]})",
      "s.json");
  const SceneDescription again = readSceneString(formatScene(s), "formatted.json");
  ASSERT_EQ(again.beats[1].parts.size(), 2u);
  EXPECT_EQ(again.beats[1].parts.at("arcs").run_time, 2.0);
  EXPECT_FALSE(again.beats[1].parts.at("arcs").skip);
  EXPECT_TRUE(again.beats[1].parts.at("title").skip);
  EXPECT_FALSE(again.beats[1].parts.at("title").run_time.has_value());
  EXPECT_TRUE(again.beats[0].parts.empty());
}

// ---------------------------------------------------------------------------------------------
// The kinds table and the docs

std::string docs() {
  std::ifstream in(std::string(FLOWVIEW_TEST_DOCS_DIR) + "/scene-format.md");
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// The `names` of one table row of the docs, in order.
std::vector<std::string> codeNames(const std::string& line) {
  std::vector<std::string> names;
  static const std::regex code("`([a-z_0-9]+)`");
  for (auto it = std::sregex_iterator(line.begin(), line.end(), code); it != std::sregex_iterator();
       ++it)
    names.push_back((*it)[1]);
  return names;
}

std::string rowStartingWith(const std::string& text, const std::string& start) {
  const size_t at = text.find(start);
  if (at == std::string::npos) return "";
  return text.substr(at + start.size(), text.find('\n', at) - at - start.size());
}

template <typename Kinds>
std::vector<std::string> names(Kinds kinds) {
  std::vector<std::string> out;
  for (const auto& kind : kinds) out.push_back(kind.name);
  return out;
}

TEST(SceneKinds, DocsListExactlyTheObjectKinds) {
  EXPECT_EQ(codeNames(rowStartingWith(docs(), "| `type` | string | required | ")),
            names(objectKinds()));
}

TEST(SceneKinds, DocsListExactlyTheBeatKinds) {
  EXPECT_EQ(codeNames(rowStartingWith(docs(), "| `beat` | string | required | ")),
            names(beatKinds()));
}

TEST(SceneKinds, DocsListExactlyTheAnimationKinds) {
  const std::string text = docs();
  const size_t table = text.find("The kinds, and the fields each adds:");
  ASSERT_NE(table, std::string::npos);
  std::vector<std::string> documented;
  std::istringstream lines(text.substr(table));
  std::string line;
  std::getline(lines, line);
  std::getline(lines, line);  // blank
  std::getline(lines, line);  // header
  std::getline(lines, line);  // rule
  while (std::getline(lines, line) && line.rfind("| `", 0) == 0)
    documented.push_back(codeNames(line).front());
  EXPECT_EQ(documented, names(animationKinds()));
}

TEST(SceneKinds, MessagesListTheTable) {
  EXPECT_EQ(
      objectKindNames(),
      "text, formula, rectangle, circle, box, line, arrow, brace, spheres, bars, group, matrix");
  EXPECT_NE(readError(scene("", R"({"beat": "dance"})")).find("(" + beatKindNames() + ")"),
            std::string::npos);
}

TEST(SceneKinds, EveryBeatKindReadsIntoItsOwnAlternative) {
  for (const BeatKindEntry& kind : beatKinds()) {
    SCOPED_TRACE(kind.name);
    std::string beats = R"({"beat": "show_tokens"}, {"beat": "attention"}, )";
    if (std::string(kind.name) == "show_tokens") beats = "";
    const std::string extra = std::string(kind.name) == "play"     ? R"(, "animations": [])"
                              : std::string(kind.name) == "lesson" ? R"(, "lesson": "mole_example")"
                                                                   : "";
    const SceneDescription s =
        readSceneString(R"({"version": 1, "network_flow": {"text": "a b c d"}, "beats": [)" +
                            beats + R"({"beat": ")" + kind.name + "\"" + extra + "}]}",
                        "s.json");
    EXPECT_EQ(beatName(s.beats.back().kind), kind.name);
  }
}

// ---------------------------------------------------------------------------------------------
// Limits and messages (issue 15)

TEST(SceneLimits, ExponentialGroupsStopAtTheLimitWithThePath) {
  std::string objects = R"({"id": "g0", "type": "circle", "radius": 1})";
  for (int i = 1; i <= 64; ++i) {
    const std::string prev = "\"g" + std::to_string(i - 1) + "\"";
    objects += R"(, {"id": "g)" + std::to_string(i) + R"(", "type": "group", "members": [)" + prev +
               ", " + prev + "]}";
  }
  const std::string error = readError(scene(objects, R"({"beat": "wait"})"));
  EXPECT_NE(error.find(": /objects/16/members/1: the groups expand to more than 100000 members "
                       "in all (the limit)"),
            std::string::npos)
      << error;
}

TEST(SceneLimits, TooManyObjects) {
  std::string objects;
  for (int i = 0; i <= 10000; ++i)
    objects += (i ? "," : "") + std::string(R"({"id": "c)") + std::to_string(i) +
               R"(", "type": "circle", "radius": 1})";
  const std::string error = readError(scene(objects, R"({"beat": "wait"})"));
  EXPECT_NE(error.find(": /objects/10000: more than 10000 objects (the limit)"), std::string::npos)
      << error;
}

TEST(SceneLimits, LongText) {
  const std::string error =
      readError(scene(R"({"id": "t", "type": "text", "text": ")" + std::string(10001, 'x') + "\"}",
                      R"({"beat": "wait"})"));
  EXPECT_EQ(error,
            "bad.json:1:64: /objects/0/text: longer than 10000 bytes (the limit for one text; "
            "split it into several)");
}

TEST(SceneLimits, TooManyPrimitives) {
  // 101 texts of 10,000 bytes: each within its own limit, together past the scene's.
  std::string objects;
  for (int i = 0; i < 101; ++i)
    objects += (i ? "," : "") + std::string(R"({"id": "t)") + std::to_string(i) +
               R"(", "type": "text", "text": ")" + std::string(10000, 'x') + "\"}";
  const std::string error = readError(scene(objects, R"({"beat": "wait"})"));
  EXPECT_NE(error.find(": /objects/100/text: the scene has more than 1000000 points, values, "
                       "characters and shapes (the limit)"),
            std::string::npos)
      << error.substr(0, 200);
}

TEST(SceneLimits, MoreProbabilitiesThanWords) {
  EXPECT_EQ(readError(R"({"version": 1, "network_flow": {"text": "a b c d"}, "beats": [
    {"beat": "show_tokens"},
    {"beat": "desired_output", "words": ["x", "...", "y"], "probabilities": [0.1, 0.2, 0.3, 0.4, 0.5]}]})"),
            "bad.json:3:77: /beats/1/probabilities: 5 probabilities for 2 words (one per word "
            "that is not \"...\")");
}

TEST(SceneLimits, TooManyTokensAreTheTokenListsFault) {
  std::string tokens = R"("a")";
  for (int i = 1; i < 100000; ++i) tokens += R"(,"a")";
  const std::string error =
      readError(R"({"version": 1, "network_flow": {"text": ")" + std::string(100000, 'a') +
                R"(", "tokens": [)" + tokens + R"(]}, "beats": [{"beat": "wait"}]})");
  EXPECT_NE(error.find(": /network_flow/tokens: more than 4096 tokens"), std::string::npos)
      << error.substr(0, 200);
}

TEST(SceneMessages, FormulaControlCharacterPositions) {
  auto formula = [](const std::string& text) {
    return readError(
        scene(R"({"id": "f", "type": "formula", "text": ")" + text + "\"}", R"({"beat": "wait"})"));
  };
  EXPECT_NE(formula("\\u0000").find("control characters are not allowed in a formula (use one "
                                    "formula per line) at character 1"),
            std::string::npos);
  EXPECT_NE(formula("ab\\u0000c").find("at character 3"), std::string::npos);
}

TEST(SceneMessages, LoneCarriageReturnEndsALine) {
  EXPECT_EQ(readError("{\"version\": 1,\r\"beats\": [{\"beat\": \"wait\", \"duration\": -1}]}"),
            "bad.json:2:40: /beats/0/duration: must be between 0 and 100000, got -1");
  EXPECT_EQ(readError("{\"version\": 1,\r\n\"beats\": [{\"beat\": \"wait\", \"duration\": -1}]}"),
            "bad.json:2:40: /beats/0/duration: must be between 0 and 100000, got -1");
}

TEST(SceneMessages, EchoedInputIsCapped) {
  const std::string error =
      readError(scene("", R"({"beat": ")" + std::string(100000, 'z') + "\"}"));
  EXPECT_LT(error.size(), 400u);
  EXPECT_NE(error.find("zzz... (100000 bytes)\" (show_tokens"), std::string::npos) << error;
  const std::string number =
      readError(R"({"version": 1, "seed": 1)" + std::string(100000, '0') + "}");
  EXPECT_LT(number.size(), 200u) << number.substr(0, 200);
}

// ---------------------------------------------------------------------------------------------
// Composition

TEST(SceneComposition, TimingsAndElementsDoNotDependOnGlyphMetrics) {
  text::GlyphAtlas no_fonts(text::GlyphAtlas::NoFonts{});
  for (const std::string& path : shippedScenes()) {
    SCOPED_TRACE(path);
    const SceneDescription d = readSceneFile(path);
    const Scene with_fonts = scenes::composeScene(d, scenes::test_support::atlas());
    const Scene without = scenes::composeScene(d, no_fonts);
    ASSERT_EQ(without.beats.size(), with_fonts.beats.size());
    for (size_t i = 0; i < with_fonts.beats.size(); ++i) {
      EXPECT_EQ(without.beats[i].start, with_fonts.beats[i].start);
      EXPECT_EQ(without.beats[i].end, with_fonts.beats[i].end);
      EXPECT_EQ(without.beats[i].name, with_fonts.beats[i].name);
      // info prints the camera at each beat's end: no beat frames text by its width.
      const Camera a = without.camera.at(without.beats[i].end);
      const Camera b = with_fonts.camera.at(with_fonts.beats[i].end);
      EXPECT_EQ(a.center, b.center);
      EXPECT_EQ(a.height, b.height);
      EXPECT_EQ(a.orientation, b.orientation);
    }
    EXPECT_EQ(without.duration, with_fonts.duration);
    EXPECT_EQ(without.elements.size(), with_fonts.elements.size());
  }
}

TEST(SceneComposition, GeneralObjectsAreScenePartsOfTheirType) {
  const Scene s = scenes::loadSceneString(scene(R"({"id": "a", "type": "text", "text": "x"},
               {"id": "r", "type": "rectangle", "width": 1, "height": 1, "fill_opacity": 0.5},
               {"id": "g", "type": "group", "members": ["a", "r"]})",
                                                R"({"beat": "wait"})"),
                                          "s.json", scenes::test_support::atlas());
  ASSERT_NE(s.findPart("a"), nullptr);
  EXPECT_EQ(s.findPart("a")->kind, "text");
  ASSERT_NE(s.findPart("r"), nullptr);
  EXPECT_EQ(s.findPart("r")->kind, "rectangle");
  EXPECT_EQ(s.findPart("r")->elements.size(), 2u);  // fill and outline
  ASSERT_NE(s.findPart("g"), nullptr);
  EXPECT_EQ(s.findPart("g")->kind, "group");
  EXPECT_EQ(s.findPart("g")->elements.size(), 3u);
}

AnimationDescription animation(const std::string& type, const std::string& target) {
  AnimationDescription a;
  a.type = type;
  a.target = target;
  a.target_source = {"s.json", "/beats/0/animations/0/target", {3, 7}};
  return a;
}

TEST(SceneComposition, PlayAnimatesAScenePartBuiltBefore) {
  SceneBuilder b("parts");
  text::GlyphAtlas no_fonts(text::GlyphAtlas::NoFonts{});
  scenes::GeneralLayer general(b, no_fonts);
  FillGeometry square;
  const int e0 = b.addFill("layer3/a", square, Pose{}, Rgb(1.0f));
  const int e1 = b.addFill("layer3/b", square, Pose{}, Rgb(1.0f));
  b.addPart("layer3", "layer", {e0, e1});
  const double end = general.animate(animation("fade_out", "layer3"), 0.0, 2.0);
  EXPECT_DOUBLE_EQ(end, 2.0);
  AnimationDescription recolor = animation("move", "layer3");
  recolor.color = "#FF0000";
  general.animate(recolor, 2.0, 1.0);
  b.wait(3.0, "hold", "");
  const Scene s = b.finish();
  for (int e : {e0, e1}) {
    EXPECT_FLOAT_EQ(s.elements[e].opacity.at(0.0), 1.0f);
    EXPECT_FLOAT_EQ(s.elements[e].opacity.at(2.0), 0.0f);
    EXPECT_FLOAT_EQ(s.elements[e].color.at(3.0).g, 0.0f);
  }
}

TEST(SceneComposition, UnknownTargetSuggestsObjectsAndParts) {
  SceneBuilder b("parts");
  text::GlyphAtlas no_fonts(text::GlyphAtlas::NoFonts{});
  scenes::GeneralLayer general(b, no_fonts);
  const int e = b.addFill("attention2/block", FillGeometry{}, Pose{}, Rgb(1.0f));
  b.addPart("attention2/block", "block", {e});
  try {
    general.animate(animation("indicate", "attention2/blok"), 0.0, 1.0);
    FAIL() << "no error";
  } catch (const io::LoadError& error) {
    EXPECT_STREQ(error.what(),
                 "s.json:3:7: /beats/0/animations/0/target: no object with id "
                 "\"attention2/blok\" (did you mean \"attention2/block\"?)");
  }
}

}  // namespace
}  // namespace flowview::description
