#pragma once
// Rendering and encoding on separate threads: the GL thread renders a frame and hands it over;
// worker threads encode and write it while the next frame renders. Frames change hands by
// swapping pixel buffers, so once the pool is warm no frame allocates.
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

#include "core/image/image_io.h"

namespace flowview::cli {

class EncodeThreads {
 public:
  using Consumer = std::function<void(int64_t index, const Image& image)>;

  // `workers` threads call `consumer`; with more than one, frames may be consumed out of order
  // (fine for files, not for a pipe). At most `depth` frames wait at a time.
  EncodeThreads(Consumer consumer, int workers, int depth);
  // Stops the workers; frames not yet consumed are dropped (after an error or an interrupt).
  ~EncodeThreads();
  EncodeThreads(const EncodeThreads&) = delete;
  EncodeThreads& operator=(const EncodeThreads&) = delete;

  // Takes `image`'s pixels, leaving it a spare buffer to render the next frame into. Blocks
  // while `depth` frames wait. Rethrows the first exception a consumer threw.
  void submit(int64_t index, Image& image);
  // Waits until every submitted frame is consumed; rethrows a consumer's exception.
  void finish();

 private:
  struct Job {
    int64_t index = 0;
    Image image;
  };
  void work();
  void rethrowLocked();

  Consumer consumer_;
  size_t depth_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<Job> queue_;
  std::vector<Image> spares_;
  int busy_ = 0;
  bool stopping_ = false;
  std::exception_ptr error_;
  std::vector<std::thread> threads_;
};

}  // namespace flowview::cli
