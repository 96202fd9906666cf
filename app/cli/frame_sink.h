#pragma once
// Where `flowview export` puts its frames: numbered PNGs in a folder (cli/frame_folder.h) or an
// .mp4 encoded by ffmpeg (cli/ffmpeg_pipe.h). This file holds what both share: the interface,
// the frame count and the checks of --out that are the same for both.
#include <cstdint>
#include <memory>
#include <string>

#include "core/image/image_io.h"

namespace flowview::cli {

// More frames than this is refused (exit 2): a million frames is over an hour at 240 fps and
// nine hours at 30 fps, and the frame file names have six digits.
inline constexpr int64_t kMaxExportFrames = 1'000'000;

// Frames from `from` to `to` seconds (both included) at `fps`, counted in 64 bits; throws
// ArgumentError past kMaxExportFrames.
int64_t countExportFrames(double from, double to, double fps);

class FrameSink {
 public:
  virtual ~FrameSink() = default;
  // Frames 0 to count - 1, from writerThreads() threads at once (in order when that is 1).
  // Throws ImageWriteError (exit 1).
  virtual void write(int64_t index, const Image& image) = 0;
  virtual int writerThreads() const = 0;
  // The pixels write() takes: RGBA for image files, yuv420p for the video.
  virtual PixelLayout pixelLayout() const { return PixelLayout::Rgba8; }
  // After the last frame: makes the result visible under its final name.
  virtual void finish() = 0;
};

struct ExportSettings {
  std::string out;         // --out as given
  std::string scene_path;  // never overwritten
  double fps = 30.0;
  int width = 0, height = 0;
  bool transparent = false;
  bool overwrite = false;  // --overwrite: replace the frames of an earlier export in the folder
};

// Checks --out (exit 2 for a bad value) and opens the folder or starts ffmpeg.
std::unique_ptr<FrameSink> openFrameSink(const ExportSettings& settings);

// True when `out` names a video (ends in .mp4, any case).
bool isVideoPath(const std::string& out);

}  // namespace flowview::cli
