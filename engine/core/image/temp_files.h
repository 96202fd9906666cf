#pragma once
// Temporary files being written (hidden PNGs before their rename, an mp4 while ffmpeg writes it),
// remembered so that an interrupted run (SIGINT, SIGTERM) can delete them before it dies.
// removeAllTrackedTempFiles() is async-signal-safe; the rest is for normal code.
#include <string>

namespace flowview {

// Remembers `path` until the returned guard is destroyed or released. At most a few files are
// tracked at once; beyond that the path is simply not tracked (the write still works).
class TrackedTempFile {
 public:
  TrackedTempFile() = default;
  explicit TrackedTempFile(const std::string& path);
  ~TrackedTempFile() { release(); }
  TrackedTempFile(const TrackedTempFile&) = delete;
  TrackedTempFile& operator=(const TrackedTempFile&) = delete;
  TrackedTempFile(TrackedTempFile&& other) noexcept : slot_(other.slot_) { other.slot_ = -1; }
  TrackedTempFile& operator=(TrackedTempFile&& other) noexcept;

  // Forgets the path (it was renamed to its final name, or removed).
  void release();

 private:
  int slot_ = -1;
};

// Unlinks every tracked file. Only async-signal-safe calls: for signal handlers.
void removeAllTrackedTempFiles();

}  // namespace flowview
