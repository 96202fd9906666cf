// Reading scene files defensively and writing files atomically (engine/core/io/scene_file_bytes,
// engine/core/image/atomic_file, engine/core/image/temp_files).
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "core/image/atomic_file.h"
#include "core/image/image_io.h"
#include "core/image/temp_files.h"
#include "core/io/load_error.h"
#include "core/io/scene_file_bytes.h"

namespace flowview {
namespace {

namespace fs = std::filesystem;

class FileIoTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("flowview_file_io_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string path(const std::string& name) const { return (dir_ / name).string(); }
  static void writeText(const std::string& file, const std::string& text) {
    std::ofstream(file, std::ios::binary) << text;
  }
  static std::string readText(const std::string& file) {
    std::ifstream in(file, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
  }
  std::vector<std::string> hiddenFiles() const {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(dir_)) {
      const std::string name = entry.path().filename().string();
      if (name.front() == '.') names.push_back(name);
    }
    return names;
  }

  fs::path dir_;
};

std::string loadErrorOf(const std::string& file, std::size_t limit = io::kMaxSceneFileBytes) {
  try {
    io::readSceneFileBytes(file, limit);
  } catch (const io::LoadError& e) {
    return e.what();
  }
  return "no error";
}

TEST_F(FileIoTest, ReadsARegularFileWhole) {
  writeText(path("a.json"), "{\"version\": 1}");
  EXPECT_EQ(io::readSceneFileBytes(path("a.json")), "{\"version\": 1}");
}

TEST_F(FileIoTest, RefusesAFifoWithoutWaitingForAWriter) {
  ASSERT_EQ(::mkfifo(path("fifo.json").c_str(), 0600), 0);
  EXPECT_EQ(loadErrorOf(path("fifo.json")),
            path("fifo.json") + ": cannot open file: not a regular file (a FIFO)");
}

TEST_F(FileIoTest, RefusesDevicesAlsoBehindALink) {
  fs::create_symlink("/dev/zero", path("zero.json"));
  EXPECT_EQ(loadErrorOf(path("zero.json")),
            path("zero.json") + ": cannot open file: not a regular file (a character device)");
  EXPECT_EQ(loadErrorOf("/dev/null"),
            "/dev/null: cannot open file: not a regular file (a character device)");
}

TEST_F(FileIoTest, RefusesFilesOverTheLimit) {
  writeText(path("ten.json"), "0123456789");
  EXPECT_EQ(io::readSceneFileBytes(path("ten.json"), 10), "0123456789");
  EXPECT_EQ(loadErrorOf(path("ten.json"), 9),
            path("ten.json") +
                ": file too large: scene files are limited to 9 bytes, this one has 10 bytes");
  // The real limit, on a sparse file: refused from its size, without reading 17 MiB.
  fs::resize_file(path("ten.json"), 17u << 20);
  EXPECT_EQ(loadErrorOf(path("ten.json")),
            path("ten.json") +
                ": file too large: scene files are limited to 16 MiB, this one has 17825792 bytes");
}

TEST_F(FileIoTest, AtomicWriteReplacesTheTargetAndLeavesNoTemporaryFile) {
  writeText(path("a.txt"), "old");
  ::chmod(path("a.txt").c_str(), 0600);
  const std::string bytes = "new content";
  writeFileAtomically(path("a.txt"),
                      std::span(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size()));
  EXPECT_EQ(readText(path("a.txt")), "new content");
  struct stat info {};
  ASSERT_EQ(::stat(path("a.txt").c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0600u) << "a replaced file keeps its permissions";
  EXPECT_TRUE(hiddenFiles().empty());
}

TEST_F(FileIoTest, AtomicWriteGoesThroughSymbolicLinks) {
  fs::create_directories(dir_ / "shots");
  writeText(path("shots/real.txt"), "old");
  fs::create_symlink("shots/real.txt", path("link.txt"));  // relative to the link's folder
  const uint8_t bytes[] = {'n', 'e', 'w'};
  writeFileAtomically(path("link.txt"), bytes);
  EXPECT_TRUE(fs::is_symlink(path("link.txt")));
  EXPECT_EQ(readText(path("shots/real.txt")), "new");
  EXPECT_EQ(followSymlinks(path("link.txt")), path("shots/real.txt"));
  EXPECT_EQ(followSymlinks(path("shots/real.txt")), path("shots/real.txt"));
}

TEST_F(FileIoTest, AnUncommittedAtomicFileLeavesTheTargetAlone) {
  writeText(path("a.txt"), "old");
  {
    AtomicFile file(path("a.txt"));
    const uint8_t bytes[] = {'x'};
    file.write(bytes);
    EXPECT_EQ(hiddenFiles().size(), 1u);
  }
  EXPECT_EQ(readText(path("a.txt")), "old");
  EXPECT_TRUE(hiddenFiles().empty());
}

TEST_F(FileIoTest, TrackedTemporaryFilesAreRemovedTogether) {
  writeText(path(".a.tmp"), "a");
  writeText(path(".b.tmp"), "b");
  TrackedTempFile a(path(".a.tmp"));
  {
    TrackedTempFile b(path(".b.tmp"));
    b.release();  // renamed: no longer ours to delete
  }
  removeAllTrackedTempFiles();
  EXPECT_FALSE(fs::exists(path(".a.tmp")));
  EXPECT_TRUE(fs::exists(path(".b.tmp")));
}

TEST(ImageFormat, FollowsTheFileNameEnding) {
  EXPECT_EQ(imageFormatForPath("a.png"), ImageFormat::Png);
  EXPECT_EQ(imageFormatForPath("dir.x/A.PNG"), ImageFormat::Png);
  EXPECT_EQ(imageFormatForPath("a.jpg"), ImageFormat::Jpeg);
  EXPECT_EQ(imageFormatForPath("a.JPEG"), ImageFormat::Jpeg);
  EXPECT_EQ(imageFormatForPath("a.gif"), std::nullopt);
  EXPECT_EQ(imageFormatForPath("png"), std::nullopt);
}

TEST(ImageFormat, JpegEncodesTheImage) {
  Image image;
  image.width = 8;
  image.height = 4;
  image.rgba.assign(8 * 4 * 4, 200);
  const std::vector<uint8_t> jpeg = encodeJpeg(image);
  ASSERT_GT(jpeg.size(), 3u);
  EXPECT_EQ(jpeg[0], 0xFF);
  EXPECT_EQ(jpeg[1], 0xD8);
}

}  // namespace
}  // namespace flowview
