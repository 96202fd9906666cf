#include "cli/frame_sink.h"

#include <cmath>
#include <filesystem>

#include "cli/arguments.h"
#include "cli/ffmpeg_pipe.h"
#include "cli/frame_folder.h"
#include "cli/output_paths.h"

namespace flowview::cli {

int64_t countExportFrames(double from, double to, double fps) {
  const double frames = std::floor((to - from) * fps + 1e-9) + 1.0;
  if (!(frames <= static_cast<double>(kMaxExportFrames))) {
    char buffer[200];
    std::snprintf(buffer, sizeof buffer,
                  "%.0f frames (%g s at %g fps) is more than an export may write (%lld); "
                  "export a shorter range with --from and --to, or lower --fps",
                  frames, to - from, fps, static_cast<long long>(kMaxExportFrames));
    throw ArgumentError(buffer);
  }
  return static_cast<int64_t>(frames);
}

bool isVideoPath(const std::string& out) {
  std::string extension = std::filesystem::path(out).extension().string();
  for (char& c : extension) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return extension == ".mp4";
}

std::unique_ptr<FrameSink> openFrameSink(const ExportSettings& settings) {
  refuseEmptyOrInput(settings.out, settings.scene_path);
  if (isVideoPath(settings.out) && settings.out.back() != '/') {
    return std::make_unique<FfmpegFrameSink>(settings);
  }
  return std::make_unique<FolderFrameSink>(settings);
}

}  // namespace flowview::cli
