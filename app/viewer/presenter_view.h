#pragma once
// What the presenter console shows at a moment of the talk: pure data from the scene and the
// playhead, so it is tested without a window (PresenterConsole draws it).
#include <string>

#include "core/scene/scene.h"

namespace flowview::viewer {

struct PresenterView {
  int beat = 0;        // 0-based index of the beat at the playhead
  int beat_count = 0;  // beats in the scene
  std::string section, current, notes;
  std::string next;            // the next beat's name; empty on the last beat
  std::string next_notes;      // its speaker notes
  double next_end = -1.0;      // where the next beat ends (its preview); -1 on the last beat
  double beat_progress = 0.0;  // 0..1 through the current beat
  std::string clock;           // the talk's elapsed time, "m:ss" or "h:mm:ss"
  std::string position;        // "12.3 / 78.0 s"
};

// `talk_seconds`: how long the talk has run (the console's clock).
PresenterView describeForPresenter(const Scene& scene, double time, double talk_seconds);

// "0:07", "12:34", "1:02:03" (negative counts as 0).
std::string formatClock(double seconds);

}  // namespace flowview::viewer
