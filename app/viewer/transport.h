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

  // Replaces the beats (hot reload) keeping the time, clamped to the new duration.
  void setTimeline(const std::vector<Beat>& beats, double duration);

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

  // Seeks clamp to [0, duration]; they keep the play state.
  void seek(double t);
  void jumpToStart() { seek(0.0); }
  void jumpToEnd() { seek(duration_); }
  // The next beat start after t (the end of the scene after the last one).
  void stepNext();
  // The last beat start before t (a small tolerance, so pressing twice goes back two beats).
  void stepPrev();
  void jumpToBeat(int index);

  // Loops the beat that contains the current time; calling it again turns the loop off.
  void toggleLoopBeat();
  // Loops beats first..last (inclusive, clamped); the time moves inside the range if outside.
  void loopBeats(int first, int last);
  void clearLoop() { loop_ = LoopMode::Off; }
  LoopMode loopMode() const { return loop_; }
  double loopStart() const { return loop_start_; }
  double loopEnd() const { return loop_end_; }

  // Presentation: playback stops at each beat boundary; advancePresentation() plays the next
  // beat (or finishes the running one at once), backPresentation() goes back one beat.
  void setPresentation(bool on);
  bool presentation() const { return presentation_; }
  void advancePresentation();
  void backPresentation();

  double time() const { return time_; }
  double duration() const { return duration_; }
  int beatCount() const { return static_cast<int>(starts_.size()); }
  // Index of the last beat whose start is <= t (0 when there are none).
  int beatAt(double t) const;
  int currentBeat() const { return beatAt(time_); }
  double beatStart(int index) const;
  double beatEnd(int index) const;

 private:
  std::vector<double> starts_, ends_;
  double duration_ = 0.0;
  double time_ = 0.0;
  bool playing_ = false;
  bool reverse_ = false;
  double speed_ = 1.0;
  LoopMode loop_ = LoopMode::Off;
  double loop_start_ = 0.0, loop_end_ = 0.0;
  bool presentation_ = false;
};

}  // namespace flowview::viewer
