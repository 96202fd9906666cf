#pragma once
// SIGINT, SIGTERM and SIGHUP: before the process dies of the signal, stop the ffmpeg child (if
// any) and delete every tracked temporary file (core/image/temp_files.h), so an interrupted
// render or export leaves neither a hidden half-written PNG nor a partial video behind.
#include <sys/types.h>

namespace flowview::cli {

// Installs the handlers (once, from main). The process still ends by the signal (exit status
// 128 + N in a shell), as without the handlers.
void installInterruptCleanup();

// While alive, the handlers kill and reap `pid` first, so it cannot write after the cleanup.
class TrackedChildProcess {
 public:
  explicit TrackedChildProcess(pid_t pid);
  ~TrackedChildProcess();
  TrackedChildProcess(const TrackedChildProcess&) = delete;
  TrackedChildProcess& operator=(const TrackedChildProcess&) = delete;
};

}  // namespace flowview::cli
