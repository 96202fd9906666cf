#pragma once
// One worker thread that runs requests in the background and keeps only the newest: the viewer's
// sentence box hands it each sentence the presenter enters and swaps the scene in when the answer
// arrives, while the window keeps drawing. A request submitted while another waits replaces it;
// one submitted while another runs makes the running one's outcome stale (dropped, never taken).
// No clock, no GL: the caller polls take() once per frame.
#include <condition_variable>
#include <cstdint>
#include <exception>
#include <functional>
#include <mutex>
#include <optional>
#include <stop_token>
#include <string>
#include <thread>
#include <utility>

namespace flowview::jobs {

template <typename Request, typename Result>
class LatestJob {
 public:
  using Work = std::function<Result(const Request&)>;

  // What became of the newest request: its result, or the message of what it threw.
  struct Outcome {
    std::uint64_t id = 0;
    Request request;
    std::optional<Result> result;  // absent: `error` says why
    std::string error;
  };

  explicit LatestJob(Work work)
      : work_(std::move(work)), thread_([this](std::stop_token stop) { loop(stop); }) {}
  ~LatestJob() {
    thread_.request_stop();  // wakes the wait; a running request finishes first
  }
  LatestJob(const LatestJob&) = delete;
  LatestJob& operator=(const LatestJob&) = delete;

  // Queues `request` in place of any waiting one; returns its id (1, 2, ...).
  std::uint64_t submit(Request request) {
    std::lock_guard lock(mutex_);
    pending_.emplace(++latest_, std::move(request));
    done_.reset();  // an older outcome not taken yet is stale now
    wake_.notify_one();
    return latest_;
  }

  // The newest request's outcome once it is ready (then nothing until the next submit).
  std::optional<Outcome> take() {
    std::lock_guard lock(mutex_);
    return std::exchange(done_, std::nullopt);
  }

  // A request waits or runs whose outcome has not arrived yet.
  bool busy() const {
    std::lock_guard lock(mutex_);
    return pending_.has_value() || running_;
  }

  // Blocks until no request waits or runs (automation, and callers that must not run the work
  // function's resources at the same time).
  void waitIdle() {
    std::unique_lock lock(mutex_);
    idle_.wait(lock, [&] { return !pending_ && !running_; });
  }

 private:
  void loop(std::stop_token stop) {
    std::unique_lock lock(mutex_);
    while (wake_.wait(lock, stop, [&] { return pending_.has_value(); })) {
      auto [id, request] = std::move(*pending_);
      pending_.reset();
      running_ = true;
      lock.unlock();
      Outcome outcome{id, request, std::nullopt, {}};
      try {
        outcome.result.emplace(work_(request));
      } catch (const std::exception& e) {
        outcome.error = e.what();
      } catch (...) {
        outcome.error = "unknown error";
      }
      lock.lock();
      running_ = false;
      if (id == latest_) done_ = std::move(outcome);
      idle_.notify_all();
    }
  }

  Work work_;
  mutable std::mutex mutex_;
  std::condition_variable_any wake_;
  std::condition_variable idle_;
  std::optional<std::pair<std::uint64_t, Request>> pending_;
  bool running_ = false;
  std::uint64_t latest_ = 0;
  std::optional<Outcome> done_;
  std::jthread thread_;  // last: it starts after everything it uses exists, stops first
};

}  // namespace flowview::jobs
