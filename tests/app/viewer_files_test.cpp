// The viewer's files: user camera presets and settings, in a temporary folder.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "viewer/config_files.h"
#include "viewer/preset_store.h"
#include "viewer/viewer_options.h"

namespace flowview::viewer {
namespace {

namespace fs = std::filesystem;

class TempDir : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("flowview_viewer_test_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  void writeText(const fs::path& path, const std::string& text) {
    fs::create_directories(path.parent_path());
    std::ofstream(path) << text;
  }
  fs::path dir_;
};

std::vector<CameraPreset> scenePresets() {
  return {{"overview", Camera::fromEuler({0, 0, 0}, {0, 0, 0}, 8)},
          {"side", Camera::fromEuler({-78, -10, 0}, {1, 2, 3}, 12)}};
}

using PresetStoreTest = TempDir;

TEST_F(PresetStoreTest, SceneFileMapsToConfigFolder) {
  const char* old = std::getenv("XDG_CONFIG_HOME");
  const std::string saved = old ? old : "";
  setenv("XDG_CONFIG_HOME", dir_.c_str(), 1);
  EXPECT_EQ(PresetStore::fileForScene("/x/scenes/high_level_network_flow.json"),
            dir_ / "flowview" / "presets" / "high_level_network_flow.json");
  EXPECT_EQ(configDirectory(), dir_ / "flowview");
  if (old) {
    setenv("XDG_CONFIG_HOME", saved.c_str(), 1);
  } else {
    unsetenv("XDG_CONFIG_HOME");
  }
}

TEST_F(PresetStoreTest, SaveRenameDeletePersistRoundTrip) {
  const fs::path file = dir_ / "presets" / "scene.json";
  {
    PresetStore store(scenePresets(), file);
    EXPECT_TRUE(store.load());  // no file yet: fine
    EXPECT_EQ(store.size(), 2);
    EXPECT_TRUE(store.save("mine", Camera::fromEuler({-30, -20, 0}, {1, 1, 1}, 10)));
    EXPECT_TRUE(store.save("other", Camera::fromEuler({10, -5, 0}, {0, 0, 5}, 6)));
    EXPECT_EQ(store.size(), 4);
    EXPECT_TRUE(fs::exists(file));
    EXPECT_TRUE(store.rename(store.find("mine"), "renamed"));
    EXPECT_TRUE(store.remove(store.find("other")));
    // Scene presets are read-only.
    EXPECT_FALSE(store.rename(0, "x"));
    EXPECT_FALSE(store.remove(1));
    EXPECT_FALSE(store.error().empty());
    EXPECT_FALSE(store.save("", Camera{}));
  }
  PresetStore again(scenePresets(), file);
  EXPECT_TRUE(again.load());
  ASSERT_EQ(again.size(), 3);
  EXPECT_EQ(again.entries()[0].name, "overview");
  const PresetEntry* mine = again.at(again.find("renamed"));
  ASSERT_NE(mine, nullptr);
  EXPECT_TRUE(mine->user);
  EXPECT_NEAR(mine->camera.euler().theta, -30.0f, 1e-2);
  EXPECT_NEAR(mine->camera.center.z, 1.0f, 1e-4);
  EXPECT_NEAR(mine->camera.height, 10.0f, 1e-4);
  EXPECT_EQ(again.find("other"), -1);
  // No temporary files left behind.
  int files = 0;
  for (const auto& entry : fs::directory_iterator(file.parent_path())) {
    (void)entry;
    ++files;
  }
  EXPECT_EQ(files, 1);
}

TEST_F(PresetStoreTest, SavingAnExistingNameReplacesIt) {
  PresetStore store(scenePresets(), dir_ / "p.json");
  store.save("a", Camera::fromEuler({0, 0, 0}, {0, 0, 0}, 8));
  store.save("a", Camera::fromEuler({0, 0, 0}, {0, 0, 0}, 20));
  EXPECT_EQ(store.size(), 3);
  EXPECT_NEAR(store.at(2)->camera.height, 20.0f, 1e-4);
  EXPECT_EQ(store.freshName(), "View 1");
  store.save("View 1", Camera{});
  EXPECT_EQ(store.freshName(), "View 2");
}

TEST_F(PresetStoreTest, CorruptFilesAreReportedAndIgnored) {
  const fs::path file = dir_ / "bad.json";
  const char* broken[] = {
      "{ not json",
      "[]",
      R"({"presets": 3})",
      R"({"presets": [{"euler_deg": [0, 0, 0], "center": [0, 0, 0], "height": 8}]})",
      R"({"presets": [{"name": "x", "euler_deg": [0, 0], "center": [0, 0, 0], "height": 8}]})",
      "",
  };
  for (const char* text : broken) {
    writeText(file, text);
    PresetStore store(scenePresets(), file);
    EXPECT_FALSE(store.load()) << text;
    EXPECT_FALSE(store.error().empty());
    EXPECT_EQ(store.size(), 2) << text;  // the scene's presets are still there
  }
  // Saving after a broken file replaces it with a good one.
  PresetStore store(scenePresets(), file);
  store.load();
  EXPECT_TRUE(store.save("fresh", Camera{}));
  PresetStore again(scenePresets(), file);
  EXPECT_TRUE(again.load());
  EXPECT_EQ(again.size(), 3);
}

TEST_F(PresetStoreTest, ReportsAFolderItCannotWrite) {
  writeText(dir_ / "blocker", "x");  // a file where a folder should be
  PresetStore store(scenePresets(), dir_ / "blocker" / "p.json");
  EXPECT_FALSE(store.save("a", Camera{}));
  EXPECT_FALSE(store.error().empty());
  EXPECT_EQ(store.size(), 3);  // kept in memory
}

TEST_F(PresetStoreTest, ScenePresetsCanBeReplacedKeepingUserOnes) {
  PresetStore store(scenePresets(), "");
  store.save("mine", Camera{});
  store.setScenePresets({{"only", Camera{}}});
  ASSERT_EQ(store.size(), 2);
  EXPECT_EQ(store.entries()[0].name, "only");
  EXPECT_EQ(store.entries()[1].name, "mine");
}

using SettingsTest = TempDir;

TEST_F(SettingsTest, RoundTripAndBrokenFile) {
  const fs::path file = dir_ / "settings.json";
  Settings settings;
  std::string error;
  EXPECT_TRUE(loadSettings(file, settings, &error));  // missing: defaults
  EXPECT_EQ(settings.window_width, 1280);
  settings.window_width = 1600;
  settings.window_height = 900;
  settings.last_scene = "/tmp/a.json";
  settings.vsync = false;
  saveSettings(file, settings);
  Settings back;
  EXPECT_TRUE(loadSettings(file, back, &error));
  EXPECT_EQ(back.window_width, 1600);
  EXPECT_EQ(back.window_height, 900);
  EXPECT_EQ(back.last_scene, "/tmp/a.json");
  EXPECT_FALSE(back.vsync);
  writeText(file, "{{{");
  EXPECT_FALSE(loadSettings(file, back, &error));
  EXPECT_FALSE(error.empty());
  EXPECT_EQ(back.window_width, 1280);
}

TEST_F(SettingsTest, AtomicWriteReplacesWholeFiles) {
  const fs::path file = dir_ / "deep" / "folder" / "f.txt";
  writeFileAtomically(file, "first");
  writeFileAtomically(file, "second");
  std::string text;
  ASSERT_TRUE(readFile(file, text));
  EXPECT_EQ(text, "second");
  EXPECT_THROW(writeFileAtomically(dir_ / "deep" / "folder" / "f.txt" / "x", "y"),
               std::runtime_error);
}

}  // namespace
}  // namespace flowview::viewer
