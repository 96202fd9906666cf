// io::MappedFile: the bytes are the file's, at a 2 MiB-aligned address, whichever way the kernel
// ends up mapping them; re-caching a file held in small pages keeps every byte; errors name the
// file.
#include "core/io/mapped_file.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "core/io/load_error.h"

namespace {

using flowview::io::LoadError;
using flowview::io::MappedFile;
namespace fs = std::filesystem;

constexpr size_t kMiB = size_t(1) << 20;

// A file of `size` bytes of a position-dependent pattern, written `chunk` bytes at a time
// (small writes leave the page cache holding it in small pages).
fs::path writePattern(const std::string& name, size_t size, size_t chunk) {
  const fs::path path = fs::temp_directory_path() / (name + "." + std::to_string(::getpid()));
  std::ofstream out(path, std::ios::binary);
  std::vector<char> buffer(chunk);
  for (size_t at = 0; at < size; at += chunk) {
    const size_t count = std::min(chunk, size - at);
    for (size_t i = 0; i < count; ++i) buffer[i] = static_cast<char>((at + i) * 2654435761u >> 13);
    out.write(buffer.data(), static_cast<std::streamsize>(count));
    out.flush();
  }
  out.close();
  // On disk, so that the page cache may drop it (dirty pages cannot be dropped).
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd >= 0) {
    ::fdatasync(fd);
    ::close(fd);
  }
  return path;
}

bool holdsPattern(std::span<const uint8_t> bytes) {
  for (size_t i = 0; i < bytes.size(); ++i)
    if (bytes[i] != static_cast<uint8_t>(i * 2654435761u >> 13)) return false;
  return true;
}

TEST(MappedFile, MapsTheBytesAtATwoMebibyteBoundary) {
  const auto path = writePattern("flowview_mapped_small", 100'000, 4096);
  const auto file = MappedFile::open(path.string());
  ASSERT_EQ(file.size(), 100'000u);
  EXPECT_TRUE(holdsPattern(file.bytes()));
  EXPECT_EQ(reinterpret_cast<uintptr_t>(file.bytes().data()) % (2 * kMiB), 0u);
  EXPECT_FALSE(file.recached());  // below the size worth re-caching
  fs::remove(path);
}

TEST(MappedFile, ReCachingASmallPagedFileKeepsEveryByte) {
  const auto path = writePattern("flowview_mapped_large", 9 * kMiB + 123, 4096);
  MappedFile::Options options;
  options.recache_min_bytes = 4 * kMiB;
  auto file = MappedFile::open(path.string(), options);
  ASSERT_EQ(file.size(), 9 * kMiB + 123);
  EXPECT_TRUE(holdsPattern(file.bytes()));
  // Whether the kernel can cache this file in 2 MiB folios depends on the kernel and the file
  // system; when open() re-read it, it did so because a probe came back in huge pages.
  const auto huge = file.hugeMappedBytes();
  if (file.recached()) {
    ASSERT_TRUE(huge.has_value());
    EXPECT_GE(*huge, 4 * kMiB);
  }
  if (huge) EXPECT_LE(*huge, file.size());
  RecordProperty("recached", file.recached() ? "yes" : "no");
  // A second open maps the same bytes (from whatever the first left in the page cache).
  const auto again = MappedFile::open(path.string(), options);
  EXPECT_TRUE(holdsPattern(again.bytes()));
  EXPECT_FALSE(again.recached() && file.recached());  // once re-cached, it stays in huge folios
  fs::remove(path);
}

TEST(MappedFile, MovesOwnership) {
  const auto path = writePattern("flowview_mapped_move", 5000, 5000);
  auto file = MappedFile::open(path.string());
  MappedFile moved = std::move(file);
  EXPECT_EQ(moved.size(), 5000u);
  EXPECT_TRUE(holdsPattern(moved.bytes()));
  EXPECT_EQ(file.size(), 0u);  // NOLINT(bugprone-use-after-move): the moved-from state is empty
  fs::remove(path);
}

TEST(MappedFile, EmptyFileHasNoBytes) {
  const auto path = writePattern("flowview_mapped_empty", 0, 1);
  const auto file = MappedFile::open(path.string());
  EXPECT_EQ(file.size(), 0u);
  EXPECT_TRUE(file.bytes().empty());
  fs::remove(path);
}

TEST(MappedFile, ErrorsNameTheFile) {
  try {
    MappedFile::open("/nonexistent/flowview/model.safetensors");
    FAIL() << "no error";
  } catch (const LoadError& e) {
    EXPECT_EQ(std::string(e.what()),
              "/nonexistent/flowview/model.safetensors: cannot open: No such file or directory");
  }
  try {
    MappedFile::open(fs::temp_directory_path().string());
    FAIL() << "no error";
  } catch (const LoadError& e) {
    EXPECT_NE(std::string(e.what()).find("not a regular file"), std::string::npos) << e.what();
  }
}

}  // namespace
