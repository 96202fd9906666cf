#pragma once
// `export --out FILE.mp4` and the clips of `export --per-beat`: raw yuv420p frames, converted on
// the GPU (core/image/yuv420.h), piped to an ffmpeg child process that encodes them with libx264
// (kVideoPreset, kVideoCrf) and tags them BT.709.
//
// - ffmpeg writes to a hidden temporary file in the target's folder, renamed over FILE.mp4 only
//   when ffmpeg succeeded: an interrupted or failed export never replaces a good video.
// - ffmpeg exiting early (a bad encoder, a full disk) is an error naming its exit status and the
//   last line it printed (exit 1), not a death by SIGPIPE.
// - ffmpeg making no progress (not reading its input, not writing its output) for
//   FLOWVIEW_FFMPEG_TIMEOUT seconds (default 60) is an error too: ffmpeg is killed, exit 1.
#include <sys/types.h>

#include <memory>
#include <string>

#include "cli/frame_sink.h"
#include "cli/interrupt_cleanup.h"
#include "core/image/atomic_file.h"

namespace flowview::cli {

// libx264's speed preset and quality (constant rate factor: lower is better, 18 is close to
// visually lossless): chosen so a 1080p export keeps up with 30 frames/s on two cores
// (docs/performance.md, "Export").
inline constexpr const char* kVideoPreset = "ultrafast";
inline constexpr const char* kVideoCrf = "18";
// Videos render with one sample a pixel unless --samples says otherwise: on llvmpipe 4x
// multisampling doubles the rendering, and the shaders' own anti-aliased edges keep the picture
// clean (docs/performance.md compares the two).
inline constexpr int kVideoSamples = 1;

class FfmpegFrameSink : public FrameSink {
 public:
  // Throws ArgumentError when ffmpeg is not installed or the settings cannot make an mp4
  // (--transparent, an odd size), ImageWriteError when the output cannot be created.
  explicit FfmpegFrameSink(const ExportSettings& settings);
  ~FfmpegFrameSink() override;

  void write(int64_t index, const Image& image) override;
  void finish() override;
  int writerThreads() const override { return 1; }  // one pipe, frames in order
  PixelLayout pixelLayout() const override { return PixelLayout::Yuv420p; }

 private:
  [[noreturn]] void failEarlyExit();
  [[noreturn]] void failStalled(const char* doing);
  // Waits for ffmpeg to exit; returns its wait status. Throws on a stall.
  int waitForExit();
  std::string lastErrorLine() const;
  void killChild();

  std::string out_;
  double stall_seconds_ = 60.0;
  std::unique_ptr<AtomicFile> video_;
  pid_t pid_ = -1;
  std::unique_ptr<TrackedChildProcess> tracked_;
  int pipe_fd_ = -1;
  int stderr_fd_ = -1;  // ffmpeg's stderr, kept in memory for the error message
};

// The ffmpeg executable on PATH, or "" when there is none.
std::string findFfmpeg();

}  // namespace flowview::cli
