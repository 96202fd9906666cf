#include "cli/beat_exports.h"

#include <cctype>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <set>
#include <string_view>
#include <vector>

#include "cli/arguments.h"
#include "cli/export_loop.h"
#include "cli/ffmpeg_pipe.h"
#include "cli/frame_folder.h"
#include "cli/progress_bar.h"
#include "core/image/image_io.h"
#include "render/headless_renderer.h"

namespace flowview::cli {

namespace fs = std::filesystem;

namespace {

// "07-attention" (digits, then optionally '-' and lower-case letters, digits and '-').
bool isItemStem(std::string_view stem) {
  std::size_t digits = 0;
  while (digits < stem.size() && std::isdigit(static_cast<unsigned char>(stem[digits]))) ++digits;
  if (digits == 0) return false;
  if (digits == stem.size()) return true;
  if (stem[digits] != '-' || digits + 1 == stem.size()) return false;
  for (char c : stem.substr(digits + 1)) {
    if (!std::islower(static_cast<unsigned char>(c)) &&
        !std::isdigit(static_cast<unsigned char>(c)) && c != '-')
      return false;
  }
  return true;
}

bool isItemFileName(std::string_view name) {
  return name.ends_with(".mp4") ? isItemStem(name.substr(0, name.size() - 4)) : isItemStem(name);
}

// Deletes an item of an earlier per-beat export: a clip, or a frame folder's frames and then the
// folder if nothing else is in it.
void removeOldItem(const fs::directory_entry& entry, const std::string& scene_path) {
  std::error_code ec;
  if (entry.is_symlink(ec)) return;  // never delete through a link, nor the user's link
  if (entry.is_directory(ec)) {
    for (const auto& inner : fs::directory_iterator(entry.path(), ec)) {
      if (isExportFrameName(inner.path().filename().string()) && !inner.is_directory(ec))
        fs::remove(inner.path(), ec);
    }
    fs::remove(entry.path(), ec);  // fails, leaving it, when anything else is inside
    return;
  }
  if (fs::equivalent(entry.path(), scene_path, ec)) return;
  if (!fs::remove(entry.path(), ec) && ec) {
    throw ImageWriteError("cannot delete old item " + capForMessage(entry.path().string()) + ": " +
                          ec.message());
  }
}

// The folder policy of `export --out DIR`, applied to DIR and the items of a per-beat export.
void prepareFolder(const PerBeatOutput& output, const std::set<std::string>& new_items) {
  const std::string shown = capForMessage(output.dir);
  std::error_code ec;
  const fs::file_status status = fs::status(output.dir, ec);
  if (fs::exists(status) && !fs::is_directory(status)) {
    throw ArgumentError("--per-beat " + shown + " is a file, not a folder; give a folder for the " +
                        "beats' items");
  }
  if (!fs::exists(status)) {
    fs::create_directories(output.dir, ec);
    if (ec || !fs::is_directory(output.dir))
      throw ImageWriteError("cannot create folder " + shown + ": " + ec.message());
    return;
  }
  std::vector<fs::directory_entry> old_items;
  std::size_t entries = 0;
  for (const auto& entry : fs::directory_iterator(output.dir, ec)) {
    ++entries;
    const std::string name = entry.path().filename().string();
    if (isBeatItemName(name) && !new_items.contains(name)) old_items.push_back(entry);
  }
  if (ec) throw ImageWriteError("cannot read folder " + shown + ": " + ec.message());
  if (entries == 0) return;
  if (!output.overwrite) {
    throw ArgumentError("--per-beat " + shown + " is not empty (" + std::to_string(entries) +
                        " entries); give a new or empty folder, or add --overwrite to replace "
                        "the items of an earlier per-beat export");
  }
  // Items this export writes again are replaced as it goes (a clip once its new version is done).
  for (const fs::directory_entry& entry : old_items) removeOldItem(entry, output.scene_path);
}

}  // namespace

bool isBeatItemName(const std::string& name) {
  if (isItemFileName(name)) return true;
  // ".07-attention.mp4.Ab12Cd": what AtomicFile names a clip's temporary file.
  constexpr std::size_t kTempTail = 7;
  return name.size() > kTempTail + 1 && name.front() == '.' &&
         name[name.size() - kTempTail] == '.' &&
         isItemFileName(std::string_view(name).substr(1, name.size() - 1 - kTempTail));
}

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

int64_t beatFrameCount(const Beat& beat, double fps) {
  return countExportFrames(0.0, std::max(0.0, beat.duration()), fps);
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
  if (settings.layout == PixelLayout::Yuv420p) {
    renderer.renderVideoFrame(scene, t, options, out, adjustments);
  } else {
    renderer.render(scene, t, options, out, adjustments);
  }
}

int exportPerBeat(HeadlessRenderer& renderer, const Scene& scene, const PerBeatOutput& output,
                  const FrameSettings& settings) {
  if (output.dir.empty()) throw ArgumentError("--per-beat needs a folder name, got ''");
  const bool clips = !settings.png && !findFfmpeg().empty();
  if (clips && settings.transparent)
    throw ArgumentError("--per-beat with --transparent needs --png (mp4 has no alpha)");
  if (clips && (settings.width % 2 || settings.height % 2))
    throw ArgumentError("--per-beat mp4 clips need an even --size (or --png)");
  const int count = static_cast<int>(scene.beats.size());
  std::vector<std::string> items;
  for (int b = 0; b < count; ++b) {
    items.push_back(beatItemName(b, count, scene.beats[static_cast<size_t>(b)].name) +
                    (clips ? ".mp4" : ""));
  }
  std::vector<int64_t> frames;
  int64_t total_frames = 0;
  for (const Beat& beat : scene.beats) {
    frames.push_back(beatFrameCount(beat, settings.fps));
    total_frames += frames.back();
  }
  if (total_frames > kMaxExportFrames) {
    throw ArgumentError("the beats have " + std::to_string(total_frames) +
                        " frames together, more than an export may write (" +
                        std::to_string(kMaxExportFrames) + "); lower --fps");
  }
  prepareFolder(output, std::set<std::string>(items.begin(), items.end()));
  const double total_seconds = std::max(scene.duration, 1e-9);
  ProgressBar progress(total_frames);
  int64_t done = 0;
  for (int b = 0; b < count; ++b) {
    const Beat& beat = scene.beats[static_cast<size_t>(b)];
    ExportSettings item;
    item.out = (fs::path(output.dir) / items[static_cast<size_t>(b)]).string();
    item.scene_path = output.scene_path;
    item.fps = settings.fps;
    item.width = settings.width;
    item.height = settings.height;
    item.transparent = settings.transparent;
    item.overwrite = true;  // DIR's policy is settled: an earlier export's frames go
    std::unique_ptr<FrameSink> sink;
    if (clips) {
      sink = std::make_unique<FfmpegFrameSink>(item);
    } else {
      sink = std::make_unique<FolderFrameSink>(item);
    }
    FrameSpan span;
    span.count = frames[static_cast<size_t>(b)];
    span.from = beat.start;
    span.until = beat.end;
    span.fps = settings.fps;
    span.path_length = total_seconds;  // the camera path runs over the whole scene
    exportSpan(renderer, scene, settings, span, *sink,
               [&](int64_t n) { progress.update(done + n); });
    done += span.count;
  }
  progress.endLine();
  std::fprintf(stderr, "export: %d items in %s\n", count, capForMessage(output.dir).c_str());
  return count;
}

}  // namespace flowview::cli
