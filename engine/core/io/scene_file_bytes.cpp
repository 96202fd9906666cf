#include "core/io/scene_file_bytes.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <new>
#include <system_error>

#include "core/io/load_error.h"

namespace flowview::io {
namespace {

[[noreturn]] void fail(const std::string& path, const std::string& message) {
  throw LoadError(path, "", {}, message);
}

[[noreturn]] void failErrno(const std::string& path, int error) {
  fail(path, "cannot open file: " + std::generic_category().message(error));
}

// What a non-regular file is, for the message.
const char* kindOf(mode_t mode) {
  if (S_ISFIFO(mode)) return "a FIFO";
  if (S_ISCHR(mode)) return "a character device";
  if (S_ISBLK(mode)) return "a block device";
  if (S_ISSOCK(mode)) return "a socket";
  return "not a plain file";
}

std::string mebibytes(std::size_t bytes) {
  return bytes % (1u << 20) == 0 ? std::to_string(bytes >> 20) + " MiB"
                                 : std::to_string(bytes) + " bytes";
}

class FileDescriptor {
 public:
  explicit FileDescriptor(int fd) : fd_(fd) {}
  ~FileDescriptor() {
    if (fd_ >= 0) ::close(fd_);
  }
  FileDescriptor(const FileDescriptor&) = delete;
  FileDescriptor& operator=(const FileDescriptor&) = delete;
  int get() const { return fd_; }

 private:
  int fd_;
};

}  // namespace

std::string readSceneFileBytes(const std::string& path, std::size_t max_bytes) {
  // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer, forever.
  FileDescriptor file(::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY));
  if (file.get() < 0) failErrno(path, errno);
  struct stat info {};
  if (::fstat(file.get(), &info) != 0) failErrno(path, errno);
  if (S_ISDIR(info.st_mode)) failErrno(path, EISDIR);
  if (!S_ISREG(info.st_mode)) {
    fail(path, std::string("cannot open file: not a regular file (") + kindOf(info.st_mode) + ")");
  }
  const std::string too_large =
      "file too large: scene files are limited to " + mebibytes(max_bytes);
  if (static_cast<unsigned long long>(info.st_size) > max_bytes) {
    fail(path, too_large + ", this one has " + std::to_string(info.st_size) + " bytes");
  }
  const int flags = ::fcntl(file.get(), F_GETFL);
  if (flags >= 0) ::fcntl(file.get(), F_SETFL, flags & ~O_NONBLOCK);
  std::string text;
  try {
    // The size can change while reading (or be wrong, as in /proc): read at most one byte past
    // the limit to tell "exactly at the limit" from "over it".
    text.resize(static_cast<std::size_t>(info.st_size) + 1);
    std::size_t used = 0;
    while (true) {
      if (used == text.size()) {
        if (used > max_bytes) break;
        text.resize(std::min(max_bytes + 1, std::max<std::size_t>(used * 2, 1 << 16)));
      }
      const ssize_t n = ::read(file.get(), text.data() + used, text.size() - used);
      if (n < 0) {
        if (errno == EINTR) continue;
        failErrno(path, errno);
      }
      if (n == 0) break;
      used += static_cast<std::size_t>(n);
    }
    if (used > max_bytes) fail(path, too_large);
    text.resize(used);
  } catch (const std::bad_alloc&) {
    fail(path, "cannot open file: out of memory");
  }
  return text;
}

}  // namespace flowview::io
