#include "core/image/temp_files.h"

#include <unistd.h>

#include <atomic>
#include <cstring>

namespace flowview {
namespace {

constexpr int kSlots = 8;
constexpr std::size_t kMaxPath = 4096;

enum SlotState : int { kFree = 0, kFilling = 1, kReady = 2 };

// Plain arrays and lock-free atomics: a signal handler may read them at any moment.
struct Slot {
  std::atomic<int> state{kFree};
  char path[kMaxPath];
};
Slot g_slots[kSlots];

static_assert(std::atomic<int>::is_always_lock_free);

}  // namespace

TrackedTempFile::TrackedTempFile(const std::string& path) {
  if (path.size() >= kMaxPath) return;
  for (int i = 0; i < kSlots; ++i) {
    int expected = kFree;
    if (g_slots[i].state.compare_exchange_strong(expected, kFilling)) {
      std::memcpy(g_slots[i].path, path.c_str(), path.size() + 1);
      g_slots[i].state.store(kReady);
      slot_ = i;
      return;
    }
  }
}

TrackedTempFile& TrackedTempFile::operator=(TrackedTempFile&& other) noexcept {
  if (this != &other) {
    release();
    slot_ = other.slot_;
    other.slot_ = -1;
  }
  return *this;
}

void TrackedTempFile::release() {
  if (slot_ < 0) return;
  g_slots[slot_].state.store(kFree);
  slot_ = -1;
}

void removeAllTrackedTempFiles() {
  for (Slot& slot : g_slots) {
    if (slot.state.load() == kReady) ::unlink(slot.path);
  }
}

}  // namespace flowview
