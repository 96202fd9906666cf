#include "cli/beat_exports.h"

#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <optional>

#include "cli/arguments.h"
#include "core/image/image_io.h"
#include "render/headless_renderer.h"

namespace flowview::cli {
namespace {

bool ffmpegInstalled() {
  return std::system("command -v ffmpeg >/dev/null 2>&1") == 0;
}

// Streams raw RGBA frames to ffmpeg, which writes `path` (H.264, yuv420p).
class ClipWriter {
 public:
  ClipWriter(const std::string& path, int width, int height, double fps) : path_(path) {
    char command[1024];
    std::snprintf(command, sizeof command,
                  "ffmpeg -loglevel error -y -f rawvideo -pix_fmt rgba -s %dx%d -framerate %g "
                  "-i - -pix_fmt yuv420p '%s'",
                  width, height, fps, path.c_str());
    pipe_ = popen(command, "w");
    if (!pipe_) throw ImageWriteError("cannot start ffmpeg for " + path);
  }
  ~ClipWriter() {
    if (pipe_) pclose(pipe_);
  }
  ClipWriter(const ClipWriter&) = delete;
  ClipWriter& operator=(const ClipWriter&) = delete;

  void write(const Image& image) {
    if (std::fwrite(image.rgba.data(), 1, image.rgba.size(), pipe_) != image.rgba.size())
      throw ImageWriteError("ffmpeg stopped accepting frames for " + path_);
  }
  void finish() {
    const int status = pclose(pipe_);
    pipe_ = nullptr;
    if (status != 0) throw ImageWriteError("ffmpeg failed writing " + path_);
  }

 private:
  std::string path_;
  FILE* pipe_ = nullptr;
};

}  // namespace

std::string beatItemName(int index, int count, const std::string& name) {
  const int digits = static_cast<int>(std::to_string(std::max(count, 1)).size());
  char number[16];
  std::snprintf(number, sizeof number, "%0*d", digits, index + 1);
  std::string slug;
  for (unsigned char c : name) {
    if (std::isalnum(c)) {
      slug.push_back(static_cast<char>(std::tolower(c)));
    } else if (!slug.empty() && slug.back() != '-') {
      slug.push_back('-');
    }
  }
  while (!slug.empty() && slug.back() == '-') slug.pop_back();
  return slug.empty() ? std::string(number) : std::string(number) + "-" + slug;
}

int beatFrameCount(const Beat& beat, double fps) {
  return static_cast<int>(std::floor(std::max(0.0, beat.duration()) * fps + 1e-9)) + 1;
}

void renderFrame(HeadlessRenderer& renderer, const Scene& scene, double t, double progress,
                 const FrameSettings& settings, Image& out) {
  RenderOptions options;
  options.width = settings.width;
  options.height = settings.height;
  options.transparent = settings.transparent;
  FrameAdjustments adjustments;
  if (settings.camera.active())
    adjustments.camera = cameraForFrame(settings.camera, scene.camera.at(t), progress);
  renderer.render(scene, t, options, out, adjustments);
}

int exportPerBeat(HeadlessRenderer& renderer, const Scene& scene, const std::string& dir,
                  const FrameSettings& settings) {
  const bool clips = !settings.png && ffmpegInstalled();
  if (clips && settings.transparent)
    throw ArgumentError("--per-beat with --transparent needs --png (mp4 has no alpha)");
  if (clips && (settings.width % 2 || settings.height % 2))
    throw ArgumentError("--per-beat mp4 clips need an even --size (or --png)");
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec || !std::filesystem::is_directory(dir))
    throw ImageWriteError("cannot create folder " + dir + ": " + ec.message());
  const int count = static_cast<int>(scene.beats.size());
  const double total = std::max(scene.duration, 1e-9);
  Image image;
  for (int b = 0; b < count; ++b) {
    const Beat& beat = scene.beats[static_cast<size_t>(b)];
    const std::filesystem::path item =
        std::filesystem::path(dir) / beatItemName(b, count, beat.name);
    const int frames = beatFrameCount(beat, settings.fps);
    std::optional<ClipWriter> clip;
    if (clips) {
      clip.emplace(item.string() + ".mp4", settings.width, settings.height, settings.fps);
    } else {
      std::filesystem::create_directories(item, ec);
      if (ec) throw ImageWriteError("cannot create folder " + item.string() + ": " + ec.message());
    }
    for (int i = 0; i < frames; ++i) {
      const double t = std::min(beat.start + i / settings.fps, beat.end);
      renderFrame(renderer, scene, t, t / total, settings, image);
      if (clip) {
        clip->write(image);
      } else {
        char name[32];
        std::snprintf(name, sizeof name, "frame_%06d.png", i);
        writePngAtomically((item / name).string(), image);
      }
    }
    if (clip) clip->finish();
    std::fprintf(stderr, "\rexport: beat %d/%d", b + 1, count);
  }
  std::fprintf(stderr, "\n");
  return count;
}

}  // namespace flowview::cli
