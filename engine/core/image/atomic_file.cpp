#include "core/image/atomic_file.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

namespace flowview {

namespace fs = std::filesystem;

std::string followSymlinks(const std::string& path) {
  fs::path current(path);
  for (int hops = 0; hops < 40; ++hops) {
    std::error_code ec;
    if (!fs::is_symlink(fs::symlink_status(current, ec)) || ec) return current.string();
    const fs::path target = fs::read_symlink(current, ec);
    if (ec) return current.string();
    current = target.is_absolute() ? target : current.parent_path() / target;
  }
  return current.string();
}

AtomicFile::AtomicFile(const std::string& path) : path_(path), target_path_(followSymlinks(path)) {
  const fs::path target(target_path_);
  const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
  std::string temp_name = ".";
  temp_name += target.filename().string();
  temp_name += ".XXXXXX";
  temp_path_ = (dir / temp_name).string();
  fd_ = ::mkstemp(temp_path_.data());
  if (fd_ < 0) {
    const int error = errno;
    temp_path_.clear();
    throw ImageWriteError("cannot write " + path_ + ": " + std::strerror(error));
  }
  tracked_ = TrackedTempFile(temp_path_);
}

AtomicFile::~AtomicFile() {
  if (fd_ >= 0) ::close(fd_);
  if (!committed_ && !temp_path_.empty()) ::unlink(temp_path_.c_str());
}

void AtomicFile::fail(int error) {
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
  ::unlink(temp_path_.c_str());
  tracked_.release();
  temp_path_.clear();
  throw ImageWriteError("cannot write " + path_ + ": " + std::strerror(error));
}

void AtomicFile::write(std::span<const uint8_t> bytes) {
  size_t written = 0;
  while (written < bytes.size()) {
    const ssize_t n = ::write(fd_, bytes.data() + written, bytes.size() - written);
    if (n < 0) {
      if (errno == EINTR) continue;
      fail(errno);
    }
    written += static_cast<size_t>(n);
  }
}

void AtomicFile::commit() {
  // A child process (ffmpeg) may have written the file by name: flush what is on disk now.
  if (::fsync(fd_) != 0) fail(errno);
  const int closed = ::close(fd_);
  fd_ = -1;
  if (closed != 0) fail(errno);
  // Keep the permissions of the file being replaced (mkstemp makes 0600); new files get 0644.
  struct stat existing {};
  const mode_t mode =
      ::stat(target_path_.c_str(), &existing) == 0 ? (existing.st_mode & 07777) : 0644;
  ::chmod(temp_path_.c_str(), mode);
  if (std::rename(temp_path_.c_str(), target_path_.c_str()) != 0) fail(errno);
  committed_ = true;
  tracked_.release();
}

void writeFileAtomically(const std::string& path, std::span<const uint8_t> bytes) {
  AtomicFile file(path);
  file.write(bytes);
  file.commit();
}

}  // namespace flowview
