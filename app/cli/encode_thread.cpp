#include "cli/encode_thread.h"

#include <algorithm>
#include <utility>

namespace flowview::cli {

EncodeThreads::EncodeThreads(Consumer consumer, int workers, int depth)
    : consumer_(std::move(consumer)), depth_(static_cast<size_t>(std::max(1, depth))) {
  for (int i = 0; i < std::max(1, workers); ++i) threads_.emplace_back([this] { work(); });
}

EncodeThreads::~EncodeThreads() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
    queue_.clear();
  }
  changed_.notify_all();
  for (std::thread& t : threads_) t.join();
}

void EncodeThreads::rethrowLocked() {
  if (error_) std::rethrow_exception(error_);
}

void EncodeThreads::submit(int64_t index, Image& image) {
  std::unique_lock lock(mutex_);
  changed_.wait(lock, [&] { return queue_.size() < depth_ || error_; });
  rethrowLocked();
  Job job;
  job.index = index;
  std::swap(job.image, image);
  if (!spares_.empty()) {  // hand the caller a used buffer of the right size
    image = std::move(spares_.back());
    spares_.pop_back();
  }
  queue_.push_back(std::move(job));
  lock.unlock();
  changed_.notify_all();
}

void EncodeThreads::finish() {
  std::unique_lock lock(mutex_);
  changed_.wait(lock, [&] { return (queue_.empty() && busy_ == 0) || error_; });
  rethrowLocked();
}

void EncodeThreads::work() {
  for (;;) {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return !queue_.empty() || stopping_; });
    if (stopping_) return;
    Job job = std::move(queue_.front());
    queue_.pop_front();
    ++busy_;
    lock.unlock();
    changed_.notify_all();
    std::exception_ptr error;
    try {
      consumer_(job.index, job.image);
    } catch (...) {
      error = std::current_exception();
    }
    lock.lock();
    --busy_;
    if (error && !error_) error_ = error;
    spares_.push_back(std::move(job.image));
    lock.unlock();
    changed_.notify_all();
  }
}

}  // namespace flowview::cli
