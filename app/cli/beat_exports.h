#pragma once
// Exports made of the scene's beats: `export --per-beat DIR` (one clip or frame folder per beat)
// and `export --handout FILE.pdf` (one page per beat: its end frame, name and notes; handout.cpp).
#include <cstdint>
#include <string>

#include "cli/camera_path.h"
#include "core/image/image_io.h"
#include "core/scene/scene.h"

namespace flowview {
class HeadlessRenderer;
}  // namespace flowview

namespace flowview::cli {

struct FrameSettings {
  int width = 1920, height = 1080;
  double fps = 30.0;
  bool transparent = false;
  bool png = false;  // --png: frame folders even when ffmpeg is there
  CameraPath camera;
  PixelLayout layout = PixelLayout::Rgba8;  // what renderFrame produces (the sink's choice)
};

// "07-attention-2-arcs-flash": the 1-based beat number, zero-padded to the width of `count`,
// then the beat's name in lower case with every run of other characters turned into one '-'.
std::string beatItemName(int index, int count, const std::string& name);

// Frames of beat i: from its start to its end at `fps`, both ends included (a zero-length beat
// is one frame). Throws ArgumentError past kMaxExportFrames.
int64_t beatFrameCount(const Beat& beat, double fps);

// Renders the scene at t with the camera path applied at `progress` (0..1 through the export):
// the frame's owner draws it, the camera path is its camera adjustment.
void renderFrame(HeadlessRenderer& renderer, const Scene& scene, double t, double progress,
                 const FrameSettings& settings, Image& out);

// Where `export --per-beat` writes.
struct PerBeatOutput {
  std::string dir;         // --per-beat DIR
  std::string scene_path;  // never overwritten
  bool overwrite = false;  // --overwrite
};

// One item per beat in `dir`: an mp4 clip when ffmpeg is installed (and not --png), else a
// folder of PNG frames, each written through the export's frame sinks (cli/frame_sink.h): a clip
// appears under its name only once ffmpeg finished it. Folder policy as for `export --out DIR`: a
// new or empty DIR is used as is, a non-empty one is refused (ArgumentError) unless `overwrite`;
// then the items of an earlier per-beat export are replaced (clips only when their new version is
// done) and everything else is left alone. Returns the number of items written.
int exportPerBeat(HeadlessRenderer& renderer, const Scene& scene, const PerBeatOutput& output,
                  const FrameSettings& settings);

// True for the names `export --per-beat` gives its items ("07-attention", "07-attention.mp4",
// "7.mp4") and for the hidden temporary clips beside them.
bool isBeatItemName(const std::string& name);

// The handout: a PDF with one page per beat. Written atomically; throws ImageWriteError.
void writeHandout(HeadlessRenderer& renderer, const Scene& scene, const std::string& pdf_path,
                  const FrameSettings& settings);

}  // namespace flowview::cli
