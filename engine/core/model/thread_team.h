#pragma once
// A fixed team of threads that runs one task on every member and returns when all are done: the
// GPT-2 forward pass splits each matrix product by columns across the team, one single-threaded
// BLAS call per member. OpenBLAS's own threading on these 12-row products used twice the CPU
// time of one thread (its threads spin while handing work over) and was slower than one thread
// on a busy machine; splitting them ourselves keeps every core on its own columns of the weights.
//
// Members wait for work polling briefly, then sleeping on the counter (futex), so an idle team
// costs no CPU and a busy machine is not slowed down by spinning.
#include <atomic>
#include <thread>
#include <vector>

namespace flowview::model {

class ThreadTeam {
 public:
  // `size` members: the calling thread and size - 1 workers. size <= 0: one per hardware thread
  // (at most 8).
  explicit ThreadTeam(int size = 0);
  ~ThreadTeam();
  ThreadTeam(const ThreadTeam&) = delete;
  ThreadTeam& operator=(const ThreadTeam&) = delete;

  int size() const { return static_cast<int>(workers_.size()) + 1; }

  // Runs task(member) for every member in [0, size()), member 0 on the calling thread; returns
  // when every member has returned. One run at a time; `task` must not throw.
  template <typename Task>
  void run(const Task& task) {
    dispatch([](const void* context, int member) { (*static_cast<const Task*>(context))(member); },
             &task);
  }

  // The part [begin, end) of [0, count) that `member` takes, in multiples of `grain`.
  static void share(int count, int grain, int member, int members, int& begin, int& end);

 private:
  using Invoke = void (*)(const void*, int);
  void dispatch(Invoke invoke, const void* context);
  void work(int member);

  std::vector<std::thread> workers_;
  Invoke invoke_ = nullptr;
  const void* context_ = nullptr;
  std::atomic<unsigned> generation_{0};  // bumped once per run (and at shutdown)
  std::atomic<int> pending_{0};          // workers still running the current task
  std::atomic<bool> stop_{false};
};

}  // namespace flowview::model
