#pragma once
// Playback state machine of the viewer: play/pause, direction, speed, loops and beat stepping.
// Pure logic (no GL, no window, no clock): the main loop passes the elapsed time to advance().
#include <string>
#include <vector>

#include "core/scene/scene.h"

namespace flowview::viewer {

enum class LoopMode { Off, Beat, Section };

class Transport {
 public:
  static constexpr double kMinSpeed = 0.25, kMaxSpeed = 4.0;

  Transport() = default;
  Transport(const std::vector<Beat>& beats, double duration);

  // Replaces the beats (hot reload) keeping the time, clamped to the new duration. Hold marks
  // are cleared (setHolds).
  void setTimeline(const std::vector<Beat>& beats, double duration);
  // Beats in which nothing changes (see holdBeats()): presentation steps over them without a
  // click of their own. One flag per beat; a shorter vector leaves the rest as non-holds.
  void setHolds(std::vector<bool> holds);
  bool isHold(int index) const;

  // Moves the time by dt seconds of wall clock (speed and direction applied) and returns it.
  double advance(double dt);

  void play();
  void pause() { playing_ = false; }
  void togglePlay();
  bool playing() const { return playing_; }

  void setReverse(bool reverse) { reverse_ = reverse; }
  void toggleReverse() { reverse_ = !reverse_; }
  bool reverse() const { return reverse_; }

  // Clamped to [kMinSpeed, kMaxSpeed]; faster()/slower() step through 0.25 0.5 1 2 4.
  void setSpeed(double speed);
  void faster();
  void slower();
  double speed() const { return speed_; }

  // Seeks clamp to [0, duration]; they keep the play state. A seek out of the looped range
  // ends the loop (leaving the looped beat by Home, scrubbing or a beat click).
  void seek(double t);
  void jumpToStart() { seek(0.0); }
  void jumpToEnd() { seek(duration_); }
  // The next beat start after t (the end of the scene after the last one).
  void stepNext();
  // The last beat start before t (a small tolerance, so pressing twice goes back two beats).
  void stepPrev();
  void jumpToBeat(int index);
  // Jumps so that `index` is the beat shown (shownBeat() == index): in presentation to its end
  // (the picture the beat builds), otherwise to its start (ready to play it). Pauses.
  void jumpToShownBeat(int index);

  // Loops the beat that contains the current time; calling it again turns the loop off.
  void toggleLoopBeat();
  // Loops beats first..last (inclusive, clamped); the time moves inside the range if outside
  // (an explicit request for that range). Playback never pulls the time back into a loop it left.
  void loopBeats(int first, int last);
  void clearLoop() { loop_ = LoopMode::Off; }
  LoopMode loopMode() const { return loop_; }
  double loopStart() const { return loop_start_; }
  double loopEnd() const { return loop_end_; }

  // Presentation: playback stops at each beat boundary; advancePresentation() plays the next
  // beat (or finishes the running one at once), stepping over hold beats. The three kinds of back,
  // all relative to the beat shown (shownBeat()):
  //   backToPreviousEnd()   - shows the end of the beat before it (holds skipped);
  //   backToPreviousStart() - the start of that beat, so the next click plays it again;
  //   reversePlayBack()     - plays the shown beat backwards (at reverseSpeed()) to that end.
  void setPresentation(bool on);
  bool presentation() const { return presentation_; }
  void advancePresentation();
  void backToPreviousEnd();
  void backToPreviousStart();
  void reversePlayBack();
  void backPresentation() { backToPreviousEnd(); }
  // Speed of reverse playback in presentation (reversePlayBack), clamped like setSpeed.
  void setReverseSpeed(double speed);
  double reverseSpeed() const { return reverse_speed_; }

  double time() const { return time_; }
  double duration() const { return duration_; }
  int beatCount() const { return static_cast<int>(starts_.size()); }
  // Index of the last beat whose start is <= t (0 when there are none).
  int beatAt(double t) const;
  int currentBeat() const { return beatAt(time_); }
  // The one beat numbering every display uses (add 1 to show it): the beat whose picture is on
  // screen. Playing forward, or outside presentation, that is the beat at the playhead; paused or
  // reversing in presentation, a boundary belongs to the beat that ended there, since its end is
  // what the audience sees (the click after it plays the next one).
  int shownBeat() const;
  // The beat the next presentation click plays (holds skipped); beatCount() when none is left.
  int nextPresentedBeat() const;
  double beatStart(int index) const;
  double beatEnd(int index) const;

 private:
  // The last non-hold beat at or before `index` (0 when all are holds).
  int lastNonHoldAtOrBefore(int index) const;

  std::vector<double> starts_, ends_;
  std::vector<bool> holds_;
  double duration_ = 0.0;
  double time_ = 0.0;
  bool playing_ = false;
  bool reverse_ = false;
  double speed_ = 1.0;
  LoopMode loop_ = LoopMode::Off;
  double loop_start_ = 0.0, loop_end_ = 0.0;
  bool presentation_ = false;
  double reverse_speed_ = 1.0;
};

// "12 / 34": the 1-based beat shown out of the scene's beats ("0 / 0" for none).
std::string formatBeatNumber(int shown_beat, int beat_count);

}  // namespace flowview::viewer
