#pragma once
// Replacing a file atomically: the new content goes to a hidden temporary file in the target's
// folder, which is renamed over the target only once it is complete. A failed, interrupted or
// killed write therefore never leaves a half-written file under the final name, and never
// damages a file that was there before.
//
// A target that is a symbolic link is written through: the file the link points to is replaced
// and the link stays. An existing target keeps its permission bits.
#include <cstdint>
#include <span>
#include <string>

#include "core/image/image_io.h"
#include "core/image/temp_files.h"

namespace flowview {

// One pending replacement of `path`. The temporary file exists from construction on (tracked
// for signal cleanup); commit() renames it over the target, the destructor removes it otherwise.
class AtomicFile {
 public:
  // Throws ImageWriteError ("cannot write PATH: REASON") when the temporary file cannot be made.
  explicit AtomicFile(const std::string& path);
  ~AtomicFile();
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  // Where to write: the temporary file, open for writing (fd()) or by name (for a child process).
  int fd() const { return fd_; }
  const std::string& tempPath() const { return temp_path_; }
  // The file that will be replaced: `path` with symbolic links followed.
  const std::string& targetPath() const { return target_path_; }

  // Writes all of `bytes` at the current position; throws ImageWriteError.
  void write(std::span<const uint8_t> bytes);
  // Flushes to disk and renames over the target; throws ImageWriteError (and removes the
  // temporary file) on failure.
  void commit();

 private:
  [[noreturn]] void fail(int error);

  std::string path_;         // as given, for messages
  std::string target_path_;  // symbolic links resolved
  std::string temp_path_;
  int fd_ = -1;
  bool committed_ = false;
  TrackedTempFile tracked_;
};

// Writes `bytes` to `path` atomically (see AtomicFile).
void writeFileAtomically(const std::string& path, std::span<const uint8_t> bytes);

// `path` with every symbolic link in its last component followed (relative links resolve against
// the link's folder); `path` itself when it is no link. Gives up after 40 links (a loop).
std::string followSymlinks(const std::string& path);

}  // namespace flowview
