#include "viewer/transport.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace flowview::viewer {
namespace {

// Times closer than this count as the same instant (beat boundaries come from sums of floats).
constexpr double kEpsilon = 1e-6;
constexpr double kSpeedSteps[] = {0.25, 0.5, 1.0, 2.0, 4.0};

}  // namespace

Transport::Transport(const std::vector<Beat>& beats, double duration) {
  setTimeline(beats, duration);
}

void Transport::setTimeline(const std::vector<Beat>& beats, double duration) {
  starts_.clear();
  ends_.clear();
  for (const Beat& beat : beats) {
    starts_.push_back(beat.start);
    ends_.push_back(beat.end);
  }
  holds_.clear();
  duration_ = std::max(0.0, duration);
  time_ = std::clamp(time_, 0.0, duration_);
  if (loop_ != LoopMode::Off) {
    loop_start_ = std::clamp(loop_start_, 0.0, duration_);
    loop_end_ = std::clamp(loop_end_, 0.0, duration_);
    if (loop_end_ - loop_start_ < kEpsilon) loop_ = LoopMode::Off;
  }
}

void Transport::setHolds(std::vector<bool> holds) {
  holds_ = std::move(holds);
}

bool Transport::isHold(int index) const {
  return index >= 0 && index < static_cast<int>(holds_.size()) && holds_[index];
}

int Transport::lastNonHoldAtOrBefore(int index) const {
  while (index > 0 && isHold(index)) --index;
  return std::max(index, 0);
}

int Transport::shownBeat() const {
  if (starts_.empty()) return 0;
  if (!presentation_ || (playing_ && !reverse_)) return beatAt(time_);
  // The beat that ended at (or contains) the time: the last one starting before it.
  auto it = std::lower_bound(starts_.begin(), starts_.end(), time_ - kEpsilon);
  const int ended = static_cast<int>(it - starts_.begin()) - 1;
  if (ended < 0) return 0;
  // A hold shows the picture of the beat before it.
  return playing_ ? ended : lastNonHoldAtOrBefore(ended);
}

int Transport::nextPresentedBeat() const {
  if (starts_.empty() || time_ >= duration_ - kEpsilon) return beatCount();
  int next = beatAt(time_);
  if (time_ >= ends_[next] - kEpsilon && ends_[next] > starts_[next]) ++next;  // it ended here
  while (next < beatCount() && isHold(next)) ++next;
  return next;
}

int Transport::beatAt(double t) const {
  if (starts_.empty()) return 0;
  auto it = std::upper_bound(starts_.begin(), starts_.end(), t + kEpsilon);
  if (it == starts_.begin()) return 0;
  return static_cast<int>(it - starts_.begin()) - 1;
}

double Transport::beatStart(int index) const {
  if (starts_.empty()) return 0.0;
  return starts_[std::clamp(index, 0, beatCount() - 1)];
}

double Transport::beatEnd(int index) const {
  if (ends_.empty()) return duration_;
  return ends_[std::clamp(index, 0, beatCount() - 1)];
}

double Transport::advance(double dt) {
  if (!playing_ || dt <= 0.0) return time_;
  const double step = dt * (presentation_ && reverse_ ? reverse_speed_ : speed_);
  if (presentation_) {
    // Stop exactly on the boundary of the beat being played.
    if (!reverse_) {
      // The first beat end ahead (skips zero-length beats that end right here).
      auto it = std::upper_bound(ends_.begin(), ends_.end(), time_ + kEpsilon);
      const double stop = it == ends_.end() ? duration_ : std::min(*it, duration_);
      time_ = std::min(time_ + step, stop);
      if (time_ >= stop - kEpsilon) {
        time_ = stop;
        playing_ = false;
        // Only holds left: the talk is over, the playhead goes to the end (no click needed).
        if (nextPresentedBeat() >= beatCount()) time_ = duration_;
      }
    } else {
      auto it = std::lower_bound(starts_.begin(), starts_.end(), time_ - kEpsilon);
      const double stop = it == starts_.begin() ? 0.0 : *(it - 1);
      time_ = std::max(time_ - step, stop);
      if (time_ <= stop + kEpsilon) {
        time_ = stop;
        playing_ = false;
      }
    }
    return time_;
  }
  if (loop_ != LoopMode::Off && (time_ < loop_start_ - kEpsilon || time_ > loop_end_ + kEpsilon))
    loop_ = LoopMode::Off;  // a loop never pulls the time back once it has left the range
  if (loop_ != LoopMode::Off) {
    const double length = loop_end_ - loop_start_;
    double t = time_ + (reverse_ ? -step : step);
    if (t >= loop_end_ || t < loop_start_)
      t = loop_start_ + std::fmod(std::fmod(t - loop_start_, length) + length, length);
    time_ = std::clamp(t, loop_start_, loop_end_);
    return time_;
  }
  if (!reverse_) {
    time_ += step;
    if (time_ >= duration_) {
      time_ = duration_;
      playing_ = false;
    }
  } else {
    time_ -= step;
    if (time_ <= 0.0) {
      time_ = 0.0;
      playing_ = false;
    }
  }
  return time_;
}

void Transport::play() {
  // Pressing play at the end (or at the start in reverse) starts over, as media players do.
  if (!presentation_ && loop_ == LoopMode::Off) {
    if (!reverse_ && time_ >= duration_ - kEpsilon) time_ = 0.0;
    if (reverse_ && time_ <= kEpsilon) time_ = duration_;
  }
  playing_ = duration_ > 0.0;
}

void Transport::togglePlay() {
  if (playing_) {
    pause();
  } else {
    play();
  }
}

void Transport::setSpeed(double speed) {
  if (!std::isfinite(speed)) return;
  speed_ = std::clamp(speed, kMinSpeed, kMaxSpeed);
}

void Transport::faster() {
  for (double s : kSpeedSteps) {
    if (s > speed_ + kEpsilon) {
      speed_ = s;
      return;
    }
  }
  speed_ = kMaxSpeed;
}

void Transport::slower() {
  for (int i = std::size(kSpeedSteps) - 1; i >= 0; --i) {
    if (kSpeedSteps[i] < speed_ - kEpsilon) {
      speed_ = kSpeedSteps[i];
      return;
    }
  }
  speed_ = kMinSpeed;
}

void Transport::seek(double t) {
  if (!std::isfinite(t)) return;
  time_ = std::clamp(t, 0.0, duration_);
  if (loop_ != LoopMode::Off && (time_ < loop_start_ - kEpsilon || time_ > loop_end_ + kEpsilon))
    loop_ = LoopMode::Off;
}

void Transport::stepNext() {
  auto it = std::upper_bound(starts_.begin(), starts_.end(), time_ + kEpsilon);
  seek(it == starts_.end() ? duration_ : *it);
}

void Transport::stepPrev() {
  auto it = std::lower_bound(starts_.begin(), starts_.end(), time_ - kEpsilon);
  seek(it == starts_.begin() ? 0.0 : *(it - 1));
}

void Transport::jumpToBeat(int index) {
  if (starts_.empty()) return;
  seek(beatStart(index));
}

void Transport::jumpToShownBeat(int index) {
  if (starts_.empty()) return;
  index = std::clamp(index, 0, beatCount() - 1);
  playing_ = false;
  reverse_ = false;
  seek(presentation_ ? beatEnd(index) : beatStart(index));
}

void Transport::toggleLoopBeat() {
  if (loop_ == LoopMode::Beat) {
    loop_ = LoopMode::Off;
    return;
  }
  const int beat = currentBeat();
  loopBeats(beat, beat);
  if (loop_ != LoopMode::Off) loop_ = LoopMode::Beat;
}

void Transport::loopBeats(int first, int last) {
  if (starts_.empty()) return;
  first = std::clamp(first, 0, beatCount() - 1);
  last = std::clamp(last, first, beatCount() - 1);
  const double start = beatStart(first), end = beatEnd(last);
  if (end - start < kEpsilon) return;  // a zero-length beat cannot loop
  loop_ = LoopMode::Section;
  loop_start_ = start;
  loop_end_ = end;
  if (time_ < loop_start_ || time_ > loop_end_) time_ = loop_start_;
}

void Transport::setPresentation(bool on) {
  presentation_ = on;
  if (on) {
    playing_ = false;
    reverse_ = false;
  }
}

void Transport::advancePresentation() {
  if (playing_) {
    // A click while a beat plays finishes it at once; the next click plays the next beat.
    auto it = std::upper_bound(ends_.begin(), ends_.end(), time_ + kEpsilon);
    seek(it == ends_.end() ? duration_ : *it);
    playing_ = false;
    return;
  }
  if (time_ >= duration_ - kEpsilon) return;
  reverse_ = false;
  if (!starts_.empty()) {
    const int next = nextPresentedBeat();
    if (next >= beatCount()) {  // only holds are left: show the end
      seek(duration_);
      return;
    }
    if (starts_[next] > time_ + kEpsilon) seek(starts_[next]);  // holds need no click
  }
  playing_ = true;
}

void Transport::backToPreviousEnd() {
  const int shown = shownBeat();
  playing_ = false;
  reverse_ = false;
  seek(shown <= 0 ? 0.0 : beatEnd(lastNonHoldAtOrBefore(shown - 1)));
}

void Transport::backToPreviousStart() {
  const int shown = shownBeat();
  playing_ = false;
  reverse_ = false;
  seek(shown <= 0 ? 0.0 : beatStart(lastNonHoldAtOrBefore(shown - 1)));
}

void Transport::reversePlayBack() {
  if (time_ <= kEpsilon) return;
  reverse_ = true;
  playing_ = true;
}

void Transport::setReverseSpeed(double speed) {
  if (!std::isfinite(speed)) return;
  reverse_speed_ = std::clamp(speed, kMinSpeed, kMaxSpeed);
}

std::string formatBeatNumber(int shown_beat, int beat_count) {
  char text[48];
  std::snprintf(text, sizeof text, "%d / %d", beat_count > 0 ? shown_beat + 1 : 0, beat_count);
  return text;
}

}  // namespace flowview::viewer
