#pragma once
// What the presenter console shows at a moment of the talk: pure data from the scene and the
// playhead, so it is tested without a window (PresenterConsole draws it).
#include <string>

#include "core/scene/scene.h"

namespace flowview::viewer {

struct PresenterView {
  int beat = 0;        // 0-based index of the beat shown (Transport::shownBeat)
  int beat_count = 0;  // beats in the scene
  std::string number;  // "12 / 34" (formatBeatNumber): the stage counter's text
  std::string section, current, notes;
  bool notes_inherited = false;  // the beat has none: these are its section's
  std::string next;              // the beat the next click plays; empty when none is left
  std::string next_notes;        // its speaker notes (inherited like `notes`)
  double next_end = -1.0;        // where the next beat ends (its preview); -1 when none
  double beat_progress = 0.0;    // 0..1 through the shown beat
  std::string clock;             // the talk's elapsed time, "m:ss" or "h:mm:ss"
  bool clock_running = false;    // false until the first advance
  std::string position;          // "12.3 / 78.0 s"
  std::string toast;             // operator messages ("Saved ...") kept off the stage
};

// `shown_beat`: Transport::shownBeat(); `next_beat`: Transport::nextPresentedBeat() (>= the beat
// count: none left). `talk_seconds` < 0: the clock has not started.
PresenterView describeForPresenter(const Scene& scene, double time, int shown_beat, int next_beat,
                                   double talk_seconds);

// A beat's speaker notes; a beat without any takes its section's (the nearest earlier beat of the
// section that has notes, else the first later one). Sets `inherited` when they are borrowed.
const std::string& notesForBeat(const Scene& scene, int index, bool* inherited = nullptr);

// The talk's clock: stopped at 0:00 until the first advance starts it.
class TalkClock {
 public:
  void startIfStopped(double now) {
    if (!running_) {
      running_ = true;
      start_ = now;
    }
  }
  void reset() { running_ = false; }
  bool running() const { return running_; }
  // Seconds since the start; -1 while stopped.
  double elapsed(double now) const { return running_ ? now - start_ : -1.0; }

 private:
  bool running_ = false;
  double start_ = 0.0;
};

// "0:07", "12:34", "1:02:03" (negative counts as 0).
std::string formatClock(double seconds);

}  // namespace flowview::viewer
