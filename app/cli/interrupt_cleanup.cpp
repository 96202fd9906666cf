#include "cli/interrupt_cleanup.h"

#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <csignal>

#include "core/image/temp_files.h"

namespace flowview::cli {
namespace {

std::atomic<pid_t> g_child{0};
static_assert(std::atomic<pid_t>::is_always_lock_free);

extern "C" void cleanUpAndDie(int signal_number) {
  const pid_t child = g_child.exchange(0);
  if (child > 0) {
    ::kill(child, SIGKILL);
    while (::waitpid(child, nullptr, 0) < 0 && errno == EINTR) {
    }
  }
  removeAllTrackedTempFiles();
  std::signal(signal_number, SIG_DFL);
  ::raise(signal_number);
}

}  // namespace

void installInterruptCleanup() {
  for (int signal_number : {SIGINT, SIGTERM, SIGHUP}) {
    struct sigaction action {};
    action.sa_handler = cleanUpAndDie;
    sigemptyset(&action.sa_mask);
    // Block the others while cleaning up, so two signals do not run the cleanup twice at once.
    sigaddset(&action.sa_mask, SIGINT);
    sigaddset(&action.sa_mask, SIGTERM);
    sigaddset(&action.sa_mask, SIGHUP);
    action.sa_flags = SA_RESETHAND;
    ::sigaction(signal_number, &action, nullptr);
  }
}

TrackedChildProcess::TrackedChildProcess(pid_t pid) {
  g_child.store(pid);
}

TrackedChildProcess::~TrackedChildProcess() {
  g_child.store(0);
}

}  // namespace flowview::cli
