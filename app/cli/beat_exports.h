#pragma once
// Exports made of the scene's beats: `export --per-beat DIR` (one clip or frame folder per beat)
// and `export --handout FILE.pdf` (one page per beat: its end frame, name and notes; handout.cpp).
#include <string>

#include "cli/camera_path.h"
#include "core/scene/scene.h"

namespace flowview {
class HeadlessRenderer;
struct Image;
}  // namespace flowview

namespace flowview::cli {

struct FrameSettings {
  int width = 1920, height = 1080;
  double fps = 30.0;
  bool transparent = false;
  bool png = false;  // --png: frame folders even when ffmpeg is there
  CameraPath camera;
};

// "07-attention-2-arcs-flash": the 1-based beat number, zero-padded to the width of `count`,
// then the beat's name in lower case with every run of other characters turned into one '-'.
std::string beatItemName(int index, int count, const std::string& name);

// Frames of beat i: from its start to its end at `fps`, both ends included (a zero-length beat
// is one frame).
int beatFrameCount(const Beat& beat, double fps);

// Renders the scene at t with the camera path applied at `progress` (0..1 through the export):
// the frame's owner draws it, the camera path is its camera adjustment.
void renderFrame(HeadlessRenderer& renderer, const Scene& scene, double t, double progress,
                 const FrameSettings& settings, Image& out);

// One item per beat in `dir` (created): an mp4 clip when ffmpeg is installed (and not --png),
// else a folder of PNG frames. Returns the number of items written.
int exportPerBeat(HeadlessRenderer& renderer, const Scene& scene, const std::string& dir,
                  const FrameSettings& settings);

// The handout: a PDF with one page per beat. Written atomically; throws ImageWriteError.
void writeHandout(HeadlessRenderer& renderer, const Scene& scene, const std::string& pdf_path,
                  const FrameSettings& settings);

}  // namespace flowview::cli
