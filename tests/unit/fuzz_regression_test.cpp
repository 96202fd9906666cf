// Replays the fuzzer's findings (tests/fuzz/regressions/) and its seed corpus (tests/fuzz/corpus/)
// through the scene loader, like tests/fuzz/scene_loader_fuzz.cpp does: every file must either
// load (and then evaluate and batch without trouble) or throw io::LoadError. Anything else
// escaping, or a crash, is a regression of a bug the fuzzer once found.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/draw/draw_batches.h"
#include "core/io/load_error.h"
#include "core/scenes/scene_file.h"
#include "core/text/font_locator.h"
#include "core/text/glyph_atlas.h"
#include "core/timeline/evaluate.h"

namespace flowview {
namespace {

namespace fs = std::filesystem;

const fs::path kFuzzDir = fs::path(FLOWVIEW_TEST_SCENE_DIR) / ".." / "tests" / "fuzz";

text::GlyphAtlas& atlas() {
  static text::GlyphAtlas instance(text::locateFonts());
  return instance;
}

std::vector<fs::path> filesIn(const fs::path& dir) {
  std::vector<fs::path> files;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    if (entry.is_regular_file() && entry.path().filename().string().front() != '.')
      files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::string readBytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

enum class Outcome { Loaded, Rejected, Failed };

// Loads `path` the way the fuzzer does; fails the test on anything but success or LoadError.
Outcome replay(const fs::path& path) {
  SCOPED_TRACE(path.string());
  const std::string json = readBytes(path);
  Scene scene;
  try {
    scene = scenes::loadSceneString(json, path.filename().string(), atlas());
  } catch (const io::LoadError& e) {
    EXPECT_EQ(std::string(e.what()).find('\n'), std::string::npos) << "errors are one line";
    return Outcome::Rejected;
  } catch (const std::exception& e) {
    ADD_FAILURE() << "escaped as " << typeid(e).name() << " instead of io::LoadError: " << e.what();
    return Outcome::Failed;
  } catch (...) {
    ADD_FAILURE() << "a non-std exception escaped the loader";
    return Outcome::Failed;
  }
  EXPECT_GT(scene.duration, 0.0);
  FrameState state;
  DrawBatches batches;
  Batcher batcher(atlas());
  for (const double u : {0.0, 0.37, 0.5, 1.0}) {
    evaluate(scene, u * scene.duration, state);
    batcher.build(scene, state, batches);
  }
  return Outcome::Loaded;
}

TEST(FuzzRegression, EveryFindingLoadsOrThrowsLoadError) {
  const auto files = filesIn(kFuzzDir / "regressions");
  if (files.empty()) GTEST_SKIP() << "no regression inputs in " << (kFuzzDir / "regressions");
  for (const auto& file : files) replay(file);
}

TEST(FuzzRegression, SeedCorpusLoadsOrThrowsLoadError) {
  const auto files = filesIn(kFuzzDir / "corpus");
  ASSERT_FALSE(files.empty()) << "seed corpus missing: " << (kFuzzDir / "corpus");
  for (const auto& file : files) {
    // Seeds named invalid_* must be rejected; edge_* (odd values) and snapshot_* (copies of
    // scenes/ at the time, which may lag the format) may go either way, only no crash and no other
    // exception; the others must load.
    const std::string name = file.filename().string();
    const Outcome outcome = replay(file);
    if (name.rfind("edge_", 0) == 0 || name.rfind("snapshot_", 0) == 0) {
      EXPECT_NE(outcome, Outcome::Failed) << name;
    } else {
      EXPECT_EQ(outcome, name.rfind("invalid_", 0) == 0 ? Outcome::Rejected : Outcome::Loaded)
          << name;
    }
  }
}

}  // namespace
}  // namespace flowview
