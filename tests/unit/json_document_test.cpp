#include "core/io/json_document.h"

#include <array>
#include <cstdio>
#include <fstream>
#include <functional>
#include <limits>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

namespace flowview::io {
namespace {

// Runs `action` and returns the LoadError's what(), or a marker when nothing (or something else)
// was thrown, so mismatches show up in the assertion message.
std::string errorOf(const std::function<void()>& action) {
  try {
    action();
  } catch (const LoadError& error) {
    return error.what();
  } catch (const std::exception& error) {
    return std::string("<unexpected exception: ") + error.what() + ">";
  }
  return "<no error>";
}

std::string parseErrorOf(std::string_view text) {
  return errorOf([&] { JsonDocument::parseString(text, "t.json"); });
}

SourceLocation loc(int line, int column) {
  return SourceLocation{line, column};
}

// Byte at `location` in ASCII `text` (columns equal bytes there).
char charAt(std::string_view text, SourceLocation location) {
  std::size_t offset = 0;
  for (int line = 1; line < location.line; ++line) offset = text.find('\n', offset) + 1;
  return text[offset + static_cast<std::size_t>(location.column) - 1];
}

constexpr std::string_view kScene = R"({
  "name": "demo",
  "camera": {"fov": 45.5, "position": [1, -2, 3e1]},
  "beats": [
    {"run_time": 2},
    {"run_time": 1.5, "label": "x"}
  ],
  "flag": true,
  "nothing": null
}
)";

// ---- locations ----

TEST(JsonDocumentTest, RecordsValueLocations) {
  const JsonDocument doc = JsonDocument::parseString(kScene, "scene.json");
  EXPECT_EQ(doc.file(), "scene.json");
  EXPECT_EQ(doc.root()["camera"]["fov"], 45.5);
  EXPECT_EQ(doc.locationOf(""), loc(1, 1));
  EXPECT_EQ(doc.locationOf("/name"), loc(2, 11));
  EXPECT_EQ(doc.locationOf("/camera"), loc(3, 13));
  EXPECT_EQ(doc.locationOf("/camera/fov"), loc(3, 21));
  EXPECT_EQ(doc.locationOf("/camera/position"), loc(3, 39));
  EXPECT_EQ(doc.locationOf("/camera/position/0"), loc(3, 40));
  EXPECT_EQ(doc.locationOf("/camera/position/1"), loc(3, 43));
  EXPECT_EQ(doc.locationOf("/camera/position/2"), loc(3, 47));
  EXPECT_EQ(doc.locationOf("/beats"), loc(4, 12));
  EXPECT_EQ(doc.locationOf("/beats/0"), loc(5, 5));
  EXPECT_EQ(doc.locationOf("/beats/0/run_time"), loc(5, 18));
  EXPECT_EQ(doc.locationOf("/beats/1"), loc(6, 5));
  EXPECT_EQ(doc.locationOf("/beats/1/run_time"), loc(6, 18));
  EXPECT_EQ(doc.locationOf("/beats/1/label"), loc(6, 32));
  EXPECT_EQ(doc.locationOf("/flag"), loc(8, 11));
  EXPECT_EQ(doc.locationOf("/nothing"), loc(9, 14));
}

TEST(JsonDocumentTest, RecordsKeyLocations) {
  const JsonDocument doc = JsonDocument::parseString(kScene, "scene.json");
  EXPECT_EQ(doc.keyLocationOf("/name"), loc(2, 3));
  EXPECT_EQ(doc.keyLocationOf("/camera"), loc(3, 3));
  EXPECT_EQ(doc.keyLocationOf("/camera/fov"), loc(3, 14));
  EXPECT_EQ(doc.keyLocationOf("/camera/position"), loc(3, 27));
  EXPECT_EQ(doc.keyLocationOf("/beats/0/run_time"), loc(5, 6));
  EXPECT_EQ(doc.keyLocationOf("/beats/1/label"), loc(6, 23));
  EXPECT_EQ(doc.keyLocationOf("/nothing"), loc(9, 3));
  // Array elements and the root have no key: their value location is used.
  EXPECT_EQ(doc.keyLocationOf("/beats/1"), loc(6, 5));
  EXPECT_EQ(doc.keyLocationOf(""), loc(1, 1));
}

TEST(JsonDocumentTest, LocationFallsBackToNearestParent) {
  const JsonDocument doc = JsonDocument::parseString(kScene, "scene.json");
  EXPECT_EQ(doc.locationOf("/camera/missing"), loc(3, 13));
  EXPECT_EQ(doc.locationOf("/camera/missing/deeper/5"), loc(3, 13));
  EXPECT_EQ(doc.locationOf("/beats/7/run_time"), loc(4, 12));
  EXPECT_EQ(doc.locationOf("/nope"), loc(1, 1));
  EXPECT_EQ(doc.locationOf("garbage"), loc(1, 1));
}

TEST(JsonDocumentTest, EscapedKeysAndStringsDoNotConfuseTheScanner) {
  const std::string_view text = R"({"q\"x": "a\\", "n": 1, "a/b": {"c~d": [true]}})";
  const JsonDocument doc = JsonDocument::parseString(text, "t.json");
  EXPECT_EQ(doc.keyLocationOf("/q\"x"), loc(1, 2));
  EXPECT_EQ(doc.locationOf("/q\"x"), loc(1, 10));
  EXPECT_EQ(doc.keyLocationOf("/n"), loc(1, 17));
  EXPECT_EQ(doc.locationOf("/n"), loc(1, 22));
  // '/' and '~' in keys are escaped in pointers as ~1 and ~0.
  EXPECT_EQ(doc.keyLocationOf("/a~1b"), loc(1, 25));
  EXPECT_EQ(doc.locationOf("/a~1b"), loc(1, 32));
  EXPECT_EQ(doc.locationOf("/a~1b/c~0d/0"), loc(1, 41));
  ASSERT_NE(doc.find("/a~1b/c~0d/0"), nullptr);
  EXPECT_EQ(*doc.find("/a~1b/c~0d/0"), true);
  EXPECT_EQ(doc.find("/a~1b/c~0d/1"), nullptr);
  EXPECT_EQ(doc.find("/a/b"), nullptr);
}

TEST(JsonDocumentTest, ColumnsCountCodePointsAndIgnoreBom) {
  const JsonDocument doc =
      JsonDocument::parseString("{\"\xC3\xA9\": \"\xC3\xBC\", \"x\": 1}", "t.json");
  EXPECT_EQ(doc.locationOf("/\xC3\xA9"), loc(1, 7));
  EXPECT_EQ(doc.keyLocationOf("/x"), loc(1, 12));
  EXPECT_EQ(doc.locationOf("/x"), loc(1, 17));

  const JsonDocument bom = JsonDocument::parseString("\xEF\xBB\xBF{\"a\": 1}", "t.json");
  EXPECT_EQ(bom.locationOf(""), loc(1, 1));
  EXPECT_EQ(bom.locationOf("/a"), loc(1, 7));
}

TEST(JsonDocumentTest, CrLfLineEndings) {
  const JsonDocument doc = JsonDocument::parseString("{\r\n  \"a\": [\r\n    7]\r\n}", "t.json");
  EXPECT_EQ(doc.locationOf("/a"), loc(2, 8));
  EXPECT_EQ(doc.locationOf("/a/0"), loc(3, 5));
}

TEST(JsonDocumentTest, EmptyObjectAndScalarRoots) {
  const JsonDocument doc = JsonDocument::parseString("{}", "t.json");
  EXPECT_TRUE(doc.root().is_object());
  EXPECT_TRUE(doc.root().empty());
  EXPECT_EQ(doc.locationOf(""), loc(1, 1));
  ObjectReader root = doc.object();
  EXPECT_FALSE(root.has("anything"));
  EXPECT_NO_THROW(root.finish());

  const JsonDocument scalar = JsonDocument::parseString("\n  42  \n", "t.json");
  EXPECT_EQ(scalar.root(), 42);
  EXPECT_EQ(scalar.locationOf(""), loc(2, 3));
}

// ---- parse errors ----

TEST(JsonDocumentTest, EmptyDocument) {
  EXPECT_EQ(parseErrorOf(""), "t.json: empty document");
  EXPECT_EQ(parseErrorOf(" \n\t\r\n"), "t.json: empty document");
  EXPECT_EQ(parseErrorOf("\xEF\xBB\xBF"), "t.json: empty document");
}

TEST(JsonDocumentTest, TruncatedDocument) {
  EXPECT_EQ(parseErrorOf(R"({"a": [1, 2)"), "t.json:1:12: unexpected end of input");
  EXPECT_EQ(parseErrorOf("{\n  \"a\": [1, 2\n"), "t.json:3:1: unexpected end of input");
  EXPECT_EQ(parseErrorOf(R"({"a": "unterminated)"), "t.json:1:20: unexpected end of input");
  EXPECT_EQ(parseErrorOf(R"({"a")"), "t.json:1:5: unexpected end of input");
  EXPECT_EQ(parseErrorOf("[1, tr"), "t.json:1:7: unexpected end of input");
}

TEST(JsonDocumentTest, SyntaxErrorPositions) {
  EXPECT_EQ(parseErrorOf("{\n  \"a\": 1,\n  \"b\" 2\n}"),
            "t.json:3:7: syntax error: unexpected number literal; expected ':'");
  EXPECT_EQ(parseErrorOf("[1, 2,]"), "t.json:1:7: syntax error: unexpected ']'; expected a value");
  EXPECT_EQ(parseErrorOf(R"({"a": 1,})"),
            "t.json:1:9: syntax error: unexpected '}'; expected string literal");
  EXPECT_EQ(parseErrorOf(R"({"a": 1 "b": 2})"),
            "t.json:1:9: syntax error: unexpected string literal; expected '}'");
  EXPECT_EQ(parseErrorOf(R"({"a": tru})"), "t.json:1:7: syntax error: invalid literal");
  EXPECT_EQ(parseErrorOf("{a: 1}"), "t.json:1:2: syntax error: invalid literal");
  EXPECT_EQ(parseErrorOf("{'a': 1}"), "t.json:1:2: syntax error: invalid literal");
  EXPECT_EQ(parseErrorOf(R"({"a": "x\q"})"),
            "t.json:1:10: syntax error: invalid string: forbidden character after backslash");
  EXPECT_EQ(parseErrorOf("{} x"), "t.json:1:4: syntax error: invalid literal");
  EXPECT_EQ(parseErrorOf("{} {}"),
            "t.json:1:4: syntax error: unexpected '{'; expected end of input");
  EXPECT_EQ(parseErrorOf(R"({"a": 1.})"),
            "t.json:1:9: syntax error: invalid number; expected digit after '.'");
  EXPECT_EQ(parseErrorOf("\xEF\xBB{}"),
            "t.json:1:1: syntax error: invalid BOM; must be 0xEF 0xBB 0xBF if given");
  EXPECT_EQ(parseErrorOf(std::string("{}\0{}", 5)),
            "t.json:1:3: syntax error: unexpected NUL byte");
  EXPECT_EQ(parseErrorOf(std::string("[1,\0]", 5)),
            "t.json:1:4: syntax error: unexpected NUL byte");
}

TEST(JsonDocumentTest, NonFiniteNumbersAreRejected) {
  EXPECT_EQ(parseErrorOf(R"({"a": NaN})"), "t.json:1:7: syntax error: invalid literal");
  EXPECT_EQ(parseErrorOf(R"({"a": Infinity})"), "t.json:1:7: syntax error: invalid literal");
  EXPECT_EQ(parseErrorOf(R"({"a": -Infinity})"),
            "t.json:1:8: syntax error: invalid number; expected digit after '-'");
  EXPECT_EQ(parseErrorOf(R"({"a": 1e999})"), "t.json:1:7: number out of range: 1e999");
  EXPECT_EQ(parseErrorOf("[0, -1e400]"), "t.json:1:5: number out of range: -1e400");
}

TEST(JsonDocumentTest, DuplicateKeyIsReportedAtSecondOccurrence) {
  EXPECT_EQ(parseErrorOf("{\n  \"a\": 1,\n  \"a\": 2\n}"), "t.json:3:3: duplicate key \"a\"");
  EXPECT_EQ(parseErrorOf(R"({"o": {"x": 1, "x": {}}})"), "t.json:1:16: /o: duplicate key \"x\"");
  EXPECT_EQ(parseErrorOf(R"([{"x": 1}, {"x": 1, "y": 0, "x": 2}])"),
            "t.json:1:29: /1: duplicate key \"x\"");
}

TEST(JsonDocumentTest, DeepNesting) {
  const std::string ok = std::string(kMaxJsonDepth, '[') + std::string(kMaxJsonDepth, ']');
  EXPECT_NO_THROW(JsonDocument::parseString(ok, "t.json"));

  const std::string too_deep =
      std::string(kMaxJsonDepth + 1, '[') + std::string(kMaxJsonDepth + 1, ']');
  EXPECT_EQ(parseErrorOf(too_deep), "t.json:1:257: nesting too deep");

  std::string objects;
  for (int i = 0; i < 100000; ++i) objects += "{\"a\":";
  EXPECT_EQ(parseErrorOf(objects), "t.json:1:1281: nesting too deep");
  EXPECT_EQ(parseErrorOf(std::string(1000000, '[')), "t.json:1:257: nesting too deep");
}

// ---- files ----

TEST(JsonDocumentTest, FileNotFound) {
  try {
    JsonDocument::parseFile("/nonexistent-dir/scene.json");
    FAIL() << "expected LoadError";
  } catch (const LoadError& error) {
    EXPECT_STREQ(error.what(),
                 "/nonexistent-dir/scene.json: cannot open file: No such file or directory");
    EXPECT_EQ(error.file(), "/nonexistent-dir/scene.json");
    EXPECT_EQ(error.jsonPath(), "");
    EXPECT_FALSE(error.location().known());
    EXPECT_EQ(error.message(), "cannot open file: No such file or directory");
  }
  EXPECT_EQ(errorOf([] { JsonDocument::parseFile("/"); }), "/: cannot open file: Is a directory");
}

TEST(JsonDocumentTest, ParseFileUsesPathInErrors) {
  const std::string path = testing::TempDir() + "json_document_test_scene.json";
  {
    std::ofstream out(path, std::ios::binary);
    out << "{\n  \"beats\": [\n    {\"run_time\": \"slow\"}\n  ]\n}\n";
  }
  const JsonDocument doc = JsonDocument::parseFile(path);
  EXPECT_EQ(doc.file(), path);
  EXPECT_EQ(
      errorOf([&] { doc.object().array("beats").at(0).object().required<double>("run_time"); }),
      path + ":3:18: /beats/0/run_time: expected a number, got a string");
  std::remove(path.c_str());
}

// ---- LoadError formatting ----

TEST(LoadErrorTest, WhatFormatting) {
  EXPECT_STREQ(LoadError("a.json", "", {}, "boom").what(), "a.json: boom");
  EXPECT_STREQ(LoadError("a.json", "/x/0", {}, "boom").what(), "a.json: /x/0: boom");
  EXPECT_STREQ(LoadError("a.json", "", loc(3, 4), "boom").what(), "a.json:3:4: boom");
  EXPECT_STREQ(LoadError("scenes/x.json", "/beats/3/run_time", loc(12, 17),
                         "expected a number, got a string")
                   .what(),
               "scenes/x.json:12:17: /beats/3/run_time: expected a number, got a string");
  // Always a single line.
  EXPECT_STREQ(LoadError("a.json", "/a\nb", loc(1, 2), "two\nlines").what(),
               "a.json:1:2: /a\\nb: two\\nlines");
  const LoadError error("f", "/p", loc(5, 6), "m");
  EXPECT_EQ(error.message(), "m");
  EXPECT_EQ(error.jsonPath(), "/p");
  EXPECT_EQ(error.location(), loc(5, 6));
}

TEST(LoadErrorTest, DocumentFailFillsInLocation) {
  const JsonDocument doc = JsonDocument::parseString(kScene, "scene.json");
  EXPECT_EQ(errorOf([&] { doc.fail("/beats/1/label", "bad label"); }),
            "scene.json:6:32: /beats/1/label: bad label");
  EXPECT_EQ(errorOf([&] { doc.fail("", "bad scene"); }), "scene.json:1:1: bad scene");
  EXPECT_EQ(errorOf([&] { doc.fail("/camera/zoom", "missing zoom"); }),
            "scene.json:3:13: /camera/zoom: missing zoom");
}

// ---- typed readers ----

TEST(ObjectReaderTest, ReadsAValidScene) {
  const JsonDocument doc = JsonDocument::parseString(kScene, "scene.json");
  ObjectReader root = doc.object();
  EXPECT_EQ(root.required<std::string>("name"), "demo");
  EXPECT_EQ(root.optional<bool>("flag", false), true);
  EXPECT_EQ(root.optional<int>("count", 7), 7);
  EXPECT_EQ(root.optional<double>("speed"), std::nullopt);
  EXPECT_TRUE(root.has("nothing"));

  ObjectReader camera = root.object("camera");
  EXPECT_EQ(camera.pointer(), "/camera");
  EXPECT_EQ(camera.location(), loc(3, 13));
  EXPECT_DOUBLE_EQ(camera.required<double>("fov"), 45.5);
  const auto position = camera.required<std::array<double, 3>>("position");
  EXPECT_EQ(position, (std::array<double, 3>{1, -2, 30}));
  EXPECT_EQ(camera.required<std::vector<double>>("position"), (std::vector<double>{1, -2, 30}));
  EXPECT_NO_THROW(camera.finish());

  std::vector<std::string> pointers;
  std::vector<double> run_times;
  for (const ArrayReader::Element& beat : root.array("beats")) {
    pointers.push_back(beat.pointer());
    ObjectReader reader = beat.object();
    run_times.push_back(reader.optional<double>("run_time", 1.0));
    reader.optional<std::string>("label");
    reader.finish();
  }
  EXPECT_EQ(pointers, (std::vector<std::string>{"/beats/0", "/beats/1"}));
  EXPECT_EQ(run_times, (std::vector<double>{2, 1.5}));
  EXPECT_EQ(root.keys(), (std::vector<std::string>{"name", "camera", "beats", "flag", "nothing"}));
  EXPECT_NO_THROW(root.finish());
  EXPECT_EQ(errorOf([&] { root.array("beats").get<std::int64_t>(0); }),
            "scene.json:5:5: /beats/0: expected an integer, got an object");
}

TEST(ObjectReaderTest, WrongType) {
  const JsonDocument doc =
      JsonDocument::parseString(R"({"run_time": "fast", "on": 1, "tags": [1, "x"]})", "t.json");
  ObjectReader root = doc.object();
  EXPECT_EQ(errorOf([&] { root.required<double>("run_time"); }),
            "t.json:1:14: /run_time: expected a number, got a string");
  EXPECT_EQ(errorOf([&] { root.optional<bool>("on", false); }),
            "t.json:1:28: /on: expected a boolean, got a number");
  EXPECT_EQ(errorOf([&] { root.optional<std::string>("on"); }),
            "t.json:1:28: /on: expected a string, got a number");
  EXPECT_EQ(errorOf([&] { root.object("tags"); }),
            "t.json:1:39: /tags: expected an object, got an array");
  EXPECT_EQ(errorOf([&] { root.array("run_time"); }),
            "t.json:1:14: /run_time: expected an array, got a string");
  EXPECT_EQ(errorOf([&] { root.required<std::vector<double>>("tags"); }),
            "t.json:1:43: /tags/1: expected a number, got a string");
  EXPECT_EQ(errorOf([&] { root.required<std::vector<double>>("on"); }),
            "t.json:1:28: /on: expected an array of numbers, got a number");
  EXPECT_EQ(errorOf([&] { doc.object("/tags/1"); }),
            "t.json:1:43: /tags/1: expected an object, got a string");

  const JsonDocument null_doc = JsonDocument::parseString(R"({"a": null, "b": {}})", "t.json");
  ObjectReader null_root = null_doc.object();
  EXPECT_EQ(errorOf([&] { null_root.optional<double>("a", 1.0); }),
            "t.json:1:7: /a: expected a number, got null");
  EXPECT_EQ(errorOf([&] { null_root.required<int>("b"); }),
            "t.json:1:18: /b: expected an integer, got an object");
  EXPECT_EQ(errorOf([&] { JsonDocument::parseString("[]", "t.json").object(); }),
            "t.json:1:1: expected an object, got an array");
}

TEST(ObjectReaderTest, Vec3) {
  const JsonDocument doc = JsonDocument::parseString(
      R"({"a": [1, 2], "b": [1, "x", 3], "c": "up", "d": [1,2,3,4]})", "t.json");
  ObjectReader root = doc.object();
  using Vec3 = std::array<double, 3>;
  EXPECT_EQ(errorOf([&] { root.required<Vec3>("a"); }),
            "t.json:1:7: /a: expected an array of 3 numbers");
  EXPECT_EQ(errorOf([&] { root.required<Vec3>("b"); }),
            "t.json:1:24: /b/1: expected a number, got a string");
  EXPECT_EQ(errorOf([&] { root.required<Vec3>("c"); }),
            "t.json:1:38: /c: expected an array of 3 numbers");
  EXPECT_EQ(errorOf([&] { root.required<Vec3>("d"); }),
            "t.json:1:49: /d: expected an array of 3 numbers");
}

TEST(ObjectReaderTest, MissingRequiredField) {
  const JsonDocument doc =
      JsonDocument::parseString("{\n  \"camera\": {\n    \"fov\": 1\n  }\n}", "t.json");
  ObjectReader root = doc.object();
  EXPECT_EQ(errorOf([&] { root.required<std::string>("name"); }),
            "t.json:1:1: missing required field \"name\"");
  ObjectReader camera = root.object("camera");
  EXPECT_EQ(errorOf([&] { camera.required<double>("near"); }),
            "t.json:2:13: /camera: missing required field \"near\"");
  EXPECT_EQ(errorOf([&] { camera.object("target"); }),
            "t.json:2:13: /camera: missing required field \"target\"");
  EXPECT_EQ(errorOf([&] { camera.array("path"); }),
            "t.json:2:13: /camera: missing required field \"path\"");
  EXPECT_FALSE(camera.optionalObject("target").has_value());
  EXPECT_FALSE(camera.optionalArray("path").has_value());
}

TEST(ObjectReaderTest, UnknownFieldWithSuggestion) {
  const JsonDocument doc =
      JsonDocument::parseString("{\n  \"beats\": [{\"runtime\": 2}]\n}", "t.json");
  ObjectReader root = doc.object();
  ObjectReader beat = root.array("beats").at(0).object();
  EXPECT_EQ(beat.optional<double>("run_time", 1.0), 1.0);
  beat.optional<std::string>("label");
  EXPECT_EQ(errorOf([&] { beat.finish(); }),
            "t.json:2:14: /beats/0: unknown field \"runtime\" (did you mean \"run_time\"?)");
  EXPECT_NO_THROW(root.finish());
}

TEST(ObjectReaderTest, UnknownFieldSuggestionsPickTheClosestKey) {
  const JsonDocument doc =
      JsonDocument::parseString(R"({"colr": 1, "positon": 2, "x": 3, "fov": 4})", "t.json");
  ObjectReader root = doc.object();
  root.optional<double>("color");
  root.optional<double>("colour");
  root.optional<double>("position");
  EXPECT_EQ(errorOf([&] { root.finish(); }),
            "t.json:1:2: unknown field \"colr\" (did you mean \"color\"?)");
  root.ignore("colr");
  EXPECT_EQ(errorOf([&] { root.finish(); }),
            "t.json:1:13: unknown field \"positon\" (did you mean \"position\"?)");
  root.ignore("positon");
  root.optional<double>("y");  // one-letter keys share nothing: no suggestion
  EXPECT_EQ(errorOf([&] { root.finish(); }), "t.json:1:27: unknown field \"x\"");
  root.ignore("x");
  EXPECT_EQ(errorOf([&] { root.finish(); }), "t.json:1:35: unknown field \"fov\"");
  root.ignore("fov");
  EXPECT_NO_THROW(root.finish());
}

TEST(ObjectReaderTest, UnknownFieldWithoutSuggestion) {
  const JsonDocument doc =
      JsonDocument::parseString(R"({"zeta": 1, "banana": 2, "alpha": 3})", "t.json");
  ObjectReader root = doc.object();
  root.optional<double>("run_time");
  // The first unknown key in document order, not in (sorted) map order.
  EXPECT_EQ(errorOf([&] { root.finish(); }), "t.json:1:2: unknown field \"zeta\"");
  root.ignore("zeta");
  EXPECT_EQ(errorOf([&] { root.finish(); }), "t.json:1:13: unknown field \"banana\"");
}

TEST(ObjectReaderTest, Integers) {
  const JsonDocument doc = JsonDocument::parseString(
      R"({"a": 2.5, "b": 2.0, "c": 3000000000, "d": -7, "e": 1e300, "f": "3",)"
      R"( "g": 18446744073709551615})",
      "t.json");
  ObjectReader root = doc.object();
  EXPECT_EQ(errorOf([&] { root.optional<int>("a", 0); }),
            "t.json:1:7: /a: expected an integer, got 2.5");
  EXPECT_EQ(root.optional<int>("b", 0), 2);
  EXPECT_EQ(errorOf([&] { root.required<int>("c"); }),
            "t.json:1:27: /c: must be between -2147483648 and 2147483647, got 3000000000");
  EXPECT_EQ(root.required<std::int64_t>("c"), 3000000000LL);
  EXPECT_EQ(root.required<int>("d"), -7);
  EXPECT_EQ(errorOf([&] { root.required<unsigned>("d"); }),
            "t.json:1:44: /d: must be between 0 and 4294967295, got -7");
  EXPECT_EQ(errorOf([&] { root.required<std::int64_t>("e"); }),
            "t.json:1:53: /e: must be between -9223372036854775808 and 9223372036854775807, got "
            "1e+300");
  EXPECT_EQ(errorOf([&] { root.required<int>("f"); }),
            "t.json:1:65: /f: expected an integer, got a string");
  EXPECT_EQ(errorOf([&] { root.required<std::int64_t>("g"); }),
            "t.json:1:75: /g: must be between -9223372036854775808 and 9223372036854775807, got "
            "18446744073709551615");
}

TEST(ObjectReaderTest, RangeChecks) {
  const JsonDocument doc =
      JsonDocument::parseString(R"({"speed": 12, "scale": 0.5, "gap": -1, "n": 0})", "t.json");
  ObjectReader root = doc.object();
  EXPECT_EQ(errorOf([&] { root.requiredInRange<double>("speed", 0, 10); }),
            "t.json:1:11: /speed: must be between 0 and 10, got 12");
  EXPECT_EQ(root.requiredInRange<double>("speed", 0, 12), 12);
  EXPECT_EQ(errorOf([&] { root.optionalInRange<double>("scale", 1.0, 1, 2.5); }),
            "t.json:1:24: /scale: must be between 1 and 2.5, got 0.5");
  EXPECT_EQ(root.optionalInRange<double>("missing", 7.0, 1, 2.5), 7.0);
  EXPECT_EQ(errorOf([&] { root.requiredInRange<int>("n", 1, 8); }),
            "t.json:1:45: /n: must be between 1 and 8, got 0");
  EXPECT_EQ(errorOf([&] { doc.requireNonNegative(root.required<double>("gap"), "/gap"); }),
            "t.json:1:36: /gap: must be >= 0, got -1");
  EXPECT_EQ(doc.requireNonNegative(0.0, "/n"), 0.0);
  EXPECT_EQ(errorOf([&] { doc.requirePositive(root.required<int>("n"), "/n"); }),
            "t.json:1:45: /n: must be > 0, got 0");
  // NaN compares false with everything; it must still be rejected.
  const double nan = std::numeric_limits<double>::quiet_NaN();
  EXPECT_EQ(errorOf([&] { doc.requireRange(nan, 0.0, 1.0, "/scale"); }),
            "t.json:1:24: /scale: must be between 0 and 1, got nan");
  EXPECT_EQ(errorOf([&] { doc.requireNonNegative(nan, "/scale"); }),
            "t.json:1:24: /scale: must be >= 0, got nan");
  EXPECT_EQ(errorOf([&] {
              doc.requireRange(std::numeric_limits<double>::infinity(), 0.0, 1.0, "/scale");
            }),
            "t.json:1:24: /scale: must be between 0 and 1, got inf");
}

TEST(ArrayReaderTest, ElementsAndErrors) {
  const JsonDocument doc = JsonDocument::parseString("[\n  1,\n  \"two\",\n  [3]\n]", "t.json");
  ArrayReader array = doc.array();
  EXPECT_EQ(array.size(), 3u);
  EXPECT_EQ(array.get<int>(0), 1);
  EXPECT_EQ(array.at(1).location(), loc(3, 3));
  EXPECT_EQ(errorOf([&] { array.get<double>(1); }),
            "t.json:3:3: /1: expected a number, got a string");
  EXPECT_EQ(array.at(2).array().get<double>(0), 3.0);
  EXPECT_EQ(errorOf([&] { array.at(3); }), "t.json:1:1: index 3 out of range (size 3)");
  EXPECT_EQ(errorOf([&] { array.at(2).fail("bad"); }), "t.json:4:3: /2: bad");
  EXPECT_EQ(errorOf([&] { doc.object("/9"); }), "t.json:1:1: /9: missing value");
}

// ---- robustness ----

// Every value of a successfully parsed document must have an exact location whose first
// character matches the value's type; checked over many mutated documents.
void checkLocations(const JsonDocument& doc, std::string_view text, const nlohmann::json& value,
                    const std::string& pointer) {
  const SourceLocation location = doc.locationOf(pointer);
  ASSERT_TRUE(location.known()) << pointer;
  const char c = charAt(text, location);
  switch (value.type()) {
    case nlohmann::json::value_t::object:
      ASSERT_EQ(c, '{') << pointer;
      for (const auto& [key, member] : value.items()) {
        const std::string child = JsonDocument::childPointer(pointer, key);
        ASSERT_EQ(charAt(text, doc.keyLocationOf(child)), '"') << child;
        checkLocations(doc, text, member, child);
      }
      break;
    case nlohmann::json::value_t::array:
      ASSERT_EQ(c, '[') << pointer;
      for (std::size_t i = 0; i < value.size(); ++i) {
        checkLocations(doc, text, value[i], JsonDocument::childPointer(pointer, i));
      }
      break;
    case nlohmann::json::value_t::string:
      ASSERT_EQ(c, '"') << pointer;
      break;
    case nlohmann::json::value_t::boolean:
      ASSERT_EQ(c, value.get<bool>() ? 't' : 'f') << pointer;
      break;
    case nlohmann::json::value_t::null:
      ASSERT_EQ(c, 'n') << pointer;
      break;
    default:
      ASSERT_TRUE(c == '-' || (c >= '0' && c <= '9')) << pointer;
  }
}

TEST(JsonDocumentTest, MutatedInputNeverEscapesAsAnotherException) {
  const std::string base =
      R"({"a": [1, -2.5e3, true, false, null, "s\"t\\r\n"], "b": {"c": {}, "d": []},)"
      "\n  \"e\": \"x\", \"f/g~h\": [[], [{}]], \"i\": 0}";
  const std::string alphabet = "{}[],:\"\\ \n-+.eE0123456789tfnulrsa\x01\xC3\xA9";
  std::mt19937 rng(12345);
  int parsed = 0;
  for (int iteration = 0; iteration < 5000; ++iteration) {
    std::string text = base;
    const int edits = 1 + static_cast<int>(rng() % 4);
    for (int e = 0; e < edits && !text.empty(); ++e) {
      const std::size_t at = rng() % text.size();
      switch (rng() % 3) {
        case 0:
          text.erase(at, 1);
          break;
        case 1:
          text.insert(at, 1, alphabet[rng() % alphabet.size()]);
          break;
        default:
          text[at] = alphabet[rng() % alphabet.size()];
      }
    }
    try {
      const JsonDocument doc = JsonDocument::parseString(text, "fuzz.json");
      ++parsed;
      if (text.find('\xC3') == std::string::npos) {
        checkLocations(doc, text, doc.root(), "");
        if (testing::Test::HasFatalFailure()) {
          ADD_FAILURE() << "text: " << text;
          return;
        }
      }
    } catch (const LoadError& error) {
      const std::string what = error.what();
      ASSERT_EQ(what.find('\n'), std::string::npos) << what;
      ASSERT_TRUE(what.starts_with("fuzz.json")) << what;
    } catch (...) {
      FAIL() << "non-LoadError exception for: " << text;
    }
  }
  EXPECT_GT(parsed, 100);
}

}  // namespace
}  // namespace flowview::io
