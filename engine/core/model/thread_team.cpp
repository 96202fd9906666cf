#include "core/model/thread_team.h"

#include <algorithm>
#include <system_error>

namespace flowview::model {
namespace {

// Tens of microseconds of polling before sleeping: the forward pass hands out work every few
// hundred microseconds, and a futex wake-up costs tens of microseconds in a VM.
constexpr int kSpins = 1000;

inline void pause() {
#if defined(__x86_64__) || defined(__i386__)
  __builtin_ia32_pause();
#endif
}

// Waits until `value` differs from `old`: polls, then sleeps.
template <typename T>
T waitWhileEquals(const std::atomic<T>& value, T old) {
  for (int i = 0; i < kSpins; ++i) {
    const T now = value.load(std::memory_order_acquire);
    if (now != old) return now;
    pause();
  }
  T now;
  while ((now = value.load(std::memory_order_acquire)) == old) value.wait(old);
  return now;
}

}  // namespace

ThreadTeam::ThreadTeam(int size) {
  if (size <= 0) size = std::clamp(static_cast<int>(std::thread::hardware_concurrency()), 1, 8);
  // A process out of threads (a limit, a sandbox) runs with the members it could start.
  try {
    for (int member = 1; member < size; ++member)
      workers_.emplace_back([this, member] { work(member); });
  } catch (const std::system_error&) {
  }
}

ThreadTeam::~ThreadTeam() {
  stop_.store(true);
  generation_.fetch_add(1, std::memory_order_release);
  generation_.notify_all();
  for (auto& worker : workers_) worker.join();
}

void ThreadTeam::share(int count, int grain, int member, int members, int& begin, int& end) {
  const int chunks = (count + grain - 1) / grain;
  begin = std::min(count, chunks * member / members * grain);
  end = std::min(count, chunks * (member + 1) / members * grain);
}

void ThreadTeam::dispatch(Invoke invoke, const void* context) {
  if (workers_.empty()) {
    invoke(context, 0);
    return;
  }
  invoke_ = invoke;
  context_ = context;
  pending_.store(static_cast<int>(workers_.size()), std::memory_order_relaxed);
  generation_.fetch_add(1, std::memory_order_release);
  generation_.notify_all();
  invoke(context, 0);
  for (int left; (left = pending_.load(std::memory_order_acquire)) != 0;)
    waitWhileEquals(pending_, left);
}

void ThreadTeam::work(int member) {
  unsigned seen = 0;
  while (true) {
    seen = waitWhileEquals(generation_, seen);
    if (stop_.load()) return;
    invoke_(context_, member);
    if (pending_.fetch_sub(1, std::memory_order_acq_rel) == 1) pending_.notify_one();
  }
}

}  // namespace flowview::model
